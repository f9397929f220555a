"""Where the J-PEAKS universities are: a tile map of Japan's 47 prefectures, each coloured by
the number of universities there that lead a J-PEAKS award (rounds 1 and 2).

    PYTHONPATH=build/python python3 examples/national/jpeaks_map.py [OUTPUT.png]

Reads the embedded model's national layer (docs/national.md): the universities awarded
J-PEAKS (``model.universities(holds="j-peaks")``, the complete list of 25 as of 2025-01-24)
and the prefecture each is in; partners in an award are not counted. Writes OUTPUT.png
(default: jpeaks_map.png in the current directory) and prints the counts by region. Each
prefecture is one square, placed roughly where it lies; the labels are Japanese, drawn with
an installed Japanese font (`make` installs fonts-noto-cjk).
"""

from __future__ import annotations

import argparse

import matplotlib

matplotlib.use("Agg")  # files only; no display needed

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import colors  # noqa: E402

import kyoso  # noqa: E402
import kyoso.plot  # noqa: E402


# (column, row) of each prefecture's square, row 0 at the top: north-east to south-west, with
# 沖縄 apart at the bottom left.
TILES = {
    "hokkaido": (12, 0),
    "aomori": (12, 1),
    "akita": (11, 2), "iwate": (12, 2),
    "ishikawa": (8, 3), "toyama": (9, 3), "niigata": (10, 3), "yamagata": (11, 3),
    "miyagi": (12, 3),
    "fukui": (7, 4), "gifu": (8, 4), "nagano": (9, 4), "gunma": (10, 4), "tochigi": (11, 4),
    "fukushima": (12, 4),
    "shimane": (2, 5), "tottori": (3, 5), "hyogo": (4, 5), "kyoto": (5, 5), "shiga": (6, 5),
    "aichi": (7, 5), "shizuoka": (8, 5), "yamanashi": (9, 5), "saitama": (10, 5),
    "tokyo": (11, 5), "ibaraki": (12, 5),
    "yamaguchi": (1, 6), "hiroshima": (2, 6), "okayama": (3, 6), "osaka": (4, 6), "nara": (5, 6),
    "mie": (6, 6), "kanagawa": (10, 6), "chiba": (12, 6),
    "nagasaki": (0, 7), "saga": (1, 7), "fukuoka": (2, 7), "ehime": (3, 7), "kagawa": (4, 7),
    "wakayama": (5, 7),
    "kumamoto": (1, 8), "oita": (2, 8), "kochi": (3, 8), "tokushima": (4, 8),
    "kagoshima": (1, 9), "miyazaki": (2, 9),
    "okinawa": (0, 10),
}


def short_name(prefecture: str) -> str:
    # 岩手 for 岩手県, as the squares are small; 北海道 stays whole.
    return prefecture[:-1] if prefecture[-1] in "県府都" else prefecture


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="jpeaks_map.png", help="the PNG to write")
    args = parser.parse_args()

    model = kyoso.default_model()
    holders = model.universities(holds="j-peaks")
    counts = holders.groupby("prefecture").size().to_dict()
    prefectures = {n.id: n for n in model.nodes("prefecture")}
    if set(TILES) != {p.removeprefix("prefecture/") for p in prefectures}:
        raise SystemExit("the tile layout does not match the model's prefectures")

    print(f"J-PEAKS leads: {len(holders)} universities in {len(counts)} prefectures")
    by_region = holders.groupby("region_ja")["name_ja"].apply(list).to_dict()
    for region, names in sorted(by_region.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"  {region}: {len(names)}  {'、'.join(names)}")

    if not kyoso.plot.japanese_font():
        print("no Japanese font installed (Debian: fonts-noto-cjk): labels will show as boxes")
    most = max(counts.values())
    palette = plt.get_cmap("YlOrRd")
    scale = colors.Normalize(vmin=0, vmax=most)
    fig, ax = plt.subplots(figsize=(7.5, 6.6))
    for slug, (x, y) in TILES.items():
        prefecture = prefectures[f"prefecture/{slug}"]
        count = counts.get(prefecture.id, 0)
        fill = palette(scale(count)) if count else "#e8e8e8"
        ax.add_patch(plt.Rectangle((x, -y), 0.94, 0.94, facecolor=fill, edgecolor="white"))
        label = short_name(prefecture.name.ja) + (f"\n{count}" if count else "")
        ax.text(x + 0.47, -y + 0.47, label, ha="center", va="center", fontsize=7.5,
                color="white" if count >= most * 0.6 else "black")
    ax.set_xlim(-0.2, 13.2)
    ax.set_ylim(-10.2, 1.1)
    ax.set_aspect("equal")
    ax.axis("off")
    bar = fig.colorbar(plt.cm.ScalarMappable(norm=scale, cmap=palette), ax=ax, shrink=0.5,
                       ticks=range(most + 1))
    bar.set_label("J-PEAKS 代表校の数")
    ax.set_title("J-PEAKS（地域中核・特色ある研究大学強化促進事業）の採択大学\n"
                 "第1回（2023年度）・第2回（2024年度）の代表校25校、所在都道府県別", fontsize=10)
    fig.text(0.02, 0.02, "出典: kyoso の national layer（文部科学省・JSPS の公表と報道）。"
             "連携校は数えない。", fontsize=7)
    fig.savefig(args.output, dpi=110, bbox_inches="tight")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
