"""The model as a networkx graph (networkx is imported only here, on first use)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx

    from .model import Model

__all__ = ["to_networkx"]


def to_networkx(model: Model) -> networkx.MultiDiGraph:
    """The whole model as a ``networkx.MultiDiGraph``: see :meth:`kyoso.Model.to_networkx`.

    Built from the node-link export, so it holds exactly what that file format documents.
    """
    import networkx

    graph = networkx.node_link_graph(json.loads(model.export("node-link")))
    assert isinstance(graph, networkx.MultiDiGraph)
    return graph
