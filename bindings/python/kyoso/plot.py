"""Charts of a sweep's table, as matplotlib figures with Japanese labels drawn.

:func:`tornado` draws :func:`kyoso.one_at_a_time`'s sensitivity: for each parameter a bar from
the quantity at the parameter's lowest value to its highest, the largest swing at the top.
:func:`heatmap` draws one quantity over two gridded parameters of :func:`kyoso.sweep`'s table.
Both put an installed Japanese font (:func:`japanese_font`) first, so that 本格型 is drawn as
such rather than as boxes. matplotlib is imported when a function is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Mapping

if TYPE_CHECKING:
    import pandas
    from matplotlib.figure import Figure

__all__ = ["tornado", "heatmap", "japanese_font", "label"]

# Installed by fonts-noto-cjk (`make` installs it); the others are common elsewhere.
JAPANESE_FONTS = ("Noto Sans CJK JP", "IPAexGothic", "IPAGothic", "TakaoGothic", "VL Gothic")


def japanese_font() -> str | None:
    """Puts an installed Japanese font first in matplotlib's sans-serif list and returns its
    name, or ``None`` when there is none (Japanese text is then drawn as boxes)."""
    import matplotlib
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    if not names.intersection(JAPANESE_FONTS):  # installed after matplotlib cached its list
        for path in font_manager.findSystemFonts():
            if any(key in path.lower() for key in ("cjk", "ipa", "takao", "vl-gothic")):
                font_manager.fontManager.addfont(path)
        names = {f.name for f in font_manager.fontManager.ttflist}
    for name in JAPANESE_FONTS:
        if name in names:
            rc = matplotlib.rcParams
            rc["font.family"] = "sans-serif"
            if rc["font.sans-serif"][:1] != [name]:
                rc["font.sans-serif"] = [name, *[f for f in rc["font.sans-serif"] if f != name]]
            return name
    return None


def label(value: Any) -> str:
    """A parameter value for people: yen of 1億 or more in 億円, whole numbers of 1万 or more
    in 万円, other numbers to four significant figures, texts as they are."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if abs(value) >= 100_000_000:
        return f"{value / 100_000_000:.4g}億円"
    if abs(value) >= 10_000 and float(value).is_integer():
        return f"{value / 10_000:.4g}万円"
    return f"{value:.4g}"


def tornado(sensitivity: pandas.DataFrame, *, title: str | None = None,
            quantity: str | None = None, names: Mapping[str, str] | None = None,
            values: Callable[[Any], str] = label) -> Figure:
    """A tornado chart of one-at-a-time sensitivity (:func:`kyoso.one_at_a_time`'s table).

    Each parameter is a row: a bar from the quantity at the base point to its value at the
    parameter's lowest value (blue) and one to its value at the highest (orange), the
    parameter's low and high values written at the bars' ends, the largest swing at the top.
    A point that failed has no bar.

    Args:
        sensitivity: the table, with ``parameter``, ``low_value``, ``high_value``,
            ``at_low``, ``at_base``, ``at_high`` and ``swing``.
        title: the chart's title.
        quantity: the x axis's label (what the quantity is).
        names: the parameters' names on the chart, by column name; others keep theirs.
        values: how a parameter value is written at a bar's end.
    """
    import matplotlib.pyplot as plt
    import numpy

    japanese_font()
    rows = sensitivity.sort_values("swing", ascending=True, kind="stable")
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.6 * max(1, len(rows))), layout="constrained")
    base = rows["at_base"].dropna()
    centre = float(base.iloc[0]) if len(base) else 0.0
    y = numpy.arange(len(rows))
    # A parameter that moves nothing gets one note rather than two labels on each other.
    flat = ((rows["at_low"] == centre) & (rows["at_high"] == centre)).to_numpy()
    for k in numpy.flatnonzero(flat):
        row = rows.iloc[k]
        ax.annotate(f"{values(row['low_value'])}–{values(row['high_value'])}: 変化なし (no change)",
                    (centre, k), xytext=(4, 0), textcoords="offset points", va="center",
                    fontsize=9)
    for at, side, colour, legend in (("at_low", "low_value", "tab:blue", "最小値 (lowest)"),
                                     ("at_high", "high_value", "tab:orange",
                                      "最大値 (highest)")):
        ends = rows[at].astype(float).to_numpy()
        ax.barh(y, numpy.nan_to_num(ends - centre), left=centre, color=colour, height=0.6,
                label=legend)
        for k, (end, value) in enumerate(zip(ends, rows[side])):
            if numpy.isnan(end) or flat[k]:
                continue
            right = end >= centre
            ax.annotate(values(value), (end, k), xytext=(4 if right else -4, 0),
                        textcoords="offset points", va="center",
                        ha="left" if right else "right", fontsize=9)
    ax.axvline(centre, color="black", linewidth=1)
    ax.set_yticks(y, [(names or {}).get(p, p) for p in rows["parameter"]])
    ax.set_xlabel(quantity or "")
    ax.margins(x=0.2)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.3 / max(1, len(rows))),
              ncol=3, fontsize=9, frameon=False,
              handles=[*ax.get_legend_handles_labels()[0],
                       plt.Line2D([], [], color="black", linewidth=1)],
              labels=[*ax.get_legend_handles_labels()[1], f"基準 (base): {centre:g}"])
    if title:
        ax.set_title(title)
    return fig


def heatmap(table: pandas.DataFrame, x: str, y: str, value: str, *,
            title: str | None = None, names: Mapping[str, str] | None = None,
            values: Callable[[Any], str] = label, cmap: str = "viridis",
            annotate: bool = True) -> Figure:
    """A heatmap of one quantity over two parameters of :func:`kyoso.sweep`'s table.

    Meant for a grid over ``x`` and ``y``: each cell is the mean of ``value`` over the rows
    with that pair of values (the other parameters' values, failed points left out), written
    in the cell when ``annotate``.

    Args:
        table: the sweep's table.
        x, y: the two parameters' columns.
        value: the quantity's column.
        title: the chart's title.
        names: labels of the axes and the colour bar, by column name; others keep theirs.
        values: how a parameter value is written on an axis.
        cmap: the matplotlib colour map.
    """
    import matplotlib.pyplot as plt

    japanese_font()
    ok = table[table["status"] == "ok"]
    grid = ok.pivot_table(index=y, columns=x, values=value, aggfunc="mean").sort_index(
        ascending=False)
    grid = grid.reindex(sorted(grid.columns), axis=1)
    fig, ax = plt.subplots(figsize=(1.6 + 0.9 * len(grid.columns), 1.4 + 0.6 * len(grid)),
                           layout="constrained")
    image = ax.imshow(grid.to_numpy(dtype=float), cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(grid.columns)), [values(v) for v in grid.columns])
    ax.set_yticks(range(len(grid.index)), [values(v) for v in grid.index])
    named = names or {}
    ax.set_xlabel(named.get(x, x))
    ax.set_ylabel(named.get(y, y))
    fig.colorbar(image, ax=ax, label=named.get(value, value))
    if annotate:
        low, high = image.get_clim()
        for i, row in enumerate(grid.to_numpy(dtype=float)):
            for j, cell in enumerate(row):
                if cell == cell:  # not NaN
                    dark = high > low and (cell - low) / (high - low) < 0.5
                    ax.text(j, i, f"{cell:.3g}", ha="center", va="center", fontsize=8,
                            color="white" if dark else "black")
    if title:
        ax.set_title(title)
    return fig
