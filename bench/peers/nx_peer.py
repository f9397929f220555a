"""kyoso's batch fit and shortest paths written the way an analyst would, in Python with
NetworkX: read the JGF file with json, build a MultiDiGraph with every attribute, then loop.

The rules are the README's "How fit scores" (and tools/README.md): a criterion is met when
the program, or else its nearest part_of ancestor stating that relation, names the profile's
value (strength 1 on the program itself, `inherited` through an ancestor); a program naming
no stage is judged by its tracks' stages; the score is the met criteria's weight share. The
sums run in kyoso's documented order (met criteria, then missed ones, each in profile order)
so that the scores can be compared exactly, not within a tolerance.

Run by compare.py:  nx_peer.py MODEL.jgf.json RANKINGS.csv < pairs
prints one JSON object with the phase timings and the path lengths.
"""

import functools
import json
import resource
import sys
import time

import networkx as nx

WEIGHTS = {"mission": 0.30, "goals": 0.35, "fields": 0.10, "stage": 0.25, "inherited": 0.5}
TIE = 1e-9


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    graph = nx.MultiDiGraph()
    for node_id, node in doc["graph"]["nodes"].items():
        graph.add_node(node_id, **node["metadata"])
    for edge in doc["graph"]["edges"]:
        graph.add_edge(edge["source"], edge["target"], key=edge["relation"],
                       relation=edge["relation"], **edge.get("metadata", {}))
    return graph


def targets(graph, node, relation):
    return sorted(v for _, v, r in graph.out_edges(node, keys=True) if r == relation)


def sources(graph, node, relation):
    return sorted(u for u, _, r in graph.in_edges(node, keys=True) if r == relation)


def is_program(graph, node):
    return graph.nodes[node].get("kind") == "program"


def lineage(graph, program):
    chain = [program]
    while True:
        parents = [p for p in targets(graph, chain[-1], "part_of") if is_program(graph, p)]
        if not parents:
            return chain
        chain.append(parents[0])


def defining(graph, chain, relation):
    """The targets that answer for the program, and whether the program states them itself."""
    for depth, node in enumerate(chain):
        found = targets(graph, node, relation)
        if found:
            return found, depth == 0
    return [], True


def track_stages(graph, program):
    stages, stack = [], [program]
    while stack:
        node = stack.pop()
        for track in sources(graph, node, "part_of"):
            if is_program(graph, track):
                stages += targets(graph, track, "suits_stage")
                stack.append(track)
    return stages


def profile(graph, university):
    def first(relation):
        found = targets(graph, university, relation)
        return found[0] if found else None
    return {
        "mission": first("has_mission"),
        "goals": targets(graph, university, "pursues"),
        "fields": targets(graph, university, "works_in"),
        "stage": first("reached_stage"),
        "partners": targets(graph, university, "has_partner"),
        "establishment": first("established_as"),
        "applicant": "applicant/university",
    }


def score(graph, chain, program, p):
    def strength(relation, value):
        found, own = defining(graph, chain, relation)
        return (1.0 if own else WEIGHTS["inherited"]) if value in found else 0.0

    criteria = []
    if p["mission"]:
        criteria.append((WEIGHTS["mission"], strength("targets", p["mission"])))
    for goal in p["goals"]:
        criteria.append((WEIGHTS["goals"] / len(p["goals"]), strength("serves", goal)))
    for field in p["fields"]:
        criteria.append((WEIGHTS["fields"] / len(p["fields"]), strength("suits_field", field)))
    if p["stage"]:
        stated, _ = defining(graph, chain, "suits_stage")
        if stated:
            criteria.append((WEIGHTS["stage"], strength("suits_stage", p["stage"])))
        else:
            below = track_stages(graph, program)
            if below:
                matched = WEIGHTS["inherited"] if p["stage"] in below else 0.0
                criteria.append((WEIGHTS["stage"], matched))
    met = [(w, s) for w, s in criteria if s > 0]
    missed = [w for w, s in criteria if s <= 0]
    total = sum([w for w, _ in met] + missed)
    return sum(w * s / total for w, s in met) if total > 0 else 0.0


def eligibility(graph, chain, p):
    call = next((graph.nodes[n]["attributes"]["call"] for n in chain
                 if graph.nodes[n].get("attributes", {}).get("call")), "")
    if call == "none":
        return "eligible"
    result = "not-eligible" if call == "closed" else "eligible"
    excluded, _ = defining(graph, chain, "excludes")
    if p["establishment"] in excluded:
        result = "not-eligible"
    applicants, _ = defining(graph, chain, "applied_by")
    if not applicants or p["applicant"] in applicants:
        return result
    for applicant in applicants:
        for partner in sources(graph, applicant, "applies_as"):
            if partner in p["partners"]:
                return "via-partner" if result == "eligible" else result
    return "not-eligible"


def ranked_before(a, b):
    """kyoso's order: meeting something first, eligible first, then score, then id."""
    ra, rb = a[1] > TIE, b[1] > TIE
    if ra != rb:
        return -1 if ra else 1
    ea, eb = a[2] == "not-eligible", b[2] == "not-eligible"
    if ea != eb:
        return -1 if not ea else 1
    if abs(a[1] - b[1]) > TIE:
        return -1 if a[1] > b[1] else 1
    return -1 if a[0] < b[0] else (1 if a[0] > b[0] else 0)


def batch_fit(graph):
    programs = sorted(n for n, kind in graph.nodes(data="kind") if kind == "program")
    chains = {prog: lineage(graph, prog) for prog in programs}
    rankings = {}
    for university in sorted(n for n, kind in graph.nodes(data="kind") if kind == "university"):
        p = profile(graph, university)
        rows = [(prog, score(graph, chains[prog], prog, p), eligibility(graph, chains[prog], p))
                for prog in programs]
        rankings[university] = sorted(rows, key=functools.cmp_to_key(ranked_before))
    return rankings


def main():
    model, rankings_file = sys.argv[1], sys.argv[2]
    pairs = [line.split() for line in sys.stdin if line.strip()]
    timings = {}

    start, cpu = time.perf_counter(), time.process_time()
    graph = load(model)
    timings["load_s"] = time.perf_counter() - start
    timings["load_cpu_s"] = time.process_time() - cpu

    start, cpu = time.perf_counter(), time.process_time()
    rankings = batch_fit(graph)
    timings["fit_s"] = time.perf_counter() - start
    timings["fit_cpu_s"] = time.process_time() - cpu

    with open(rankings_file, "w", encoding="utf-8") as out:
        out.write("university,rank,program,score,eligibility\n")
        for university, rows in rankings.items():
            for rank, (prog, value, elig) in enumerate(rows, 1):
                out.write(f"{university},{rank},{prog},{value!r},{elig}\n")

    undirected = graph.to_undirected(as_view=True)
    lengths = []
    for a, b in pairs:
        start = time.perf_counter()
        try:
            length = nx.shortest_path_length(undirected, a, b)
        except nx.NetworkXNoPath:
            length = None
        lengths.append({"from": a, "to": b, "length": length,
                        "seconds": time.perf_counter() - start})
    timings["paths"] = lengths
    timings["peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump(timings, sys.stdout)


if __name__ == "__main__":
    main()
