"""kyoso's batch fit and shortest paths written the way an analyst would, in Python with
NetworkX: read the JGF file with json, build a MultiDiGraph with every attribute, then loop.

The rules are docs/fit.md's: every criterion the profile states counts, met (1) when the
program states it, partly (`inherited`) through its nearest part_of ancestor stating that
relation, through its tracks' stages, or an "any" scope, and 0 when missed or not known; the
eligibility follows the year's call (the model's fiscal year), exclusions, one place per
university and the routes by which a university takes part (lead, member, through a filer a
partner can file as); the ranking is by score, criteria met directly, eligibility, Japanese
name, id. The sums run in kyoso's order (the profile's criteria in order) so that the scores
can be compared exactly, not within a tolerance.

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
    graph = nx.MultiDiGraph(fiscal_year=doc["graph"].get("metadata", {}).get("fiscal_year"))
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
    """The targets that answer for the program and the depth in its lineage that states them."""
    for depth, node in enumerate(chain):
        found = targets(graph, node, relation)
        if found:
            return found, depth
    return [], None


def track_stages(graph, program):
    """The stages the program's tracks suit, each track once however many parents it has."""
    stages, stack, seen = set(), [program], {program}
    while stack:
        node = stack.pop()
        for track in sources(graph, node, "part_of"):
            if is_program(graph, track) and track not in seen:
                seen.add(track)
                stages.update(targets(graph, track, "suits_stage"))
                stack.append(track)
    return stages


def scope(graph, chain, key):
    """(depth, open to any) of the nearest program saying "any" or "other" for key."""
    for depth, node in enumerate(chain):
        value = graph.nodes[node].get("attributes", {}).get(key)
        if value in ("any", "other"):
            return depth, value == "any"
    return None


def read_call(graph, chain, fiscal_year):
    """The call covering the year, from the nearest program stating calls."""
    for node in chain:
        calls = graph.nodes[node].get("calls")
        if not calls:
            continue
        for call in calls:
            first = call.get("fiscal_year")
            if first is None:  # covers every year
                return call
            if fiscal_year is not None and first <= fiscal_year <= call.get("until_fiscal_year",
                                                                              first):
                return call
        return None
    return None


def facts(graph, program, fiscal_year):
    chain = lineage(graph, program)
    f = {"program": program, "chain": chain, "name": graph.nodes[program]["name"]["ja"]}
    for relation in ("targets", "serves", "suits_field", "suits_stage", "excludes", "applied_by",
                     "joined_by", "involves", "needs_partner"):
        f[relation] = defining(graph, chain, relation)
    f["field_scope"] = scope(graph, chain, "fields")
    f["stage_scope"] = scope(graph, chain, "stages")
    no_stage = not f["suits_stage"][0] and not f["stage_scope"]
    f["track_stages"] = track_stages(graph, program) if no_stage else set()
    f["call"] = read_call(graph, chain, fiscal_year)
    places = next((graph.nodes[n]["attributes"]["places"] for n in chain
                   if graph.nodes[n].get("attributes", {}).get("places")), "")
    f["one_per_university"] = places == "one-per-university"
    return f


CERTAINTY = ["certain", "high", "medium", "unknown"]


def certainty(graph, source, target, relation):
    return CERTAINTY.index(graph.edges[source, target, relation].get("certainty", "certain"))


def framework_mission(graph, university):
    """The mission the usable framework evidence agrees on (the surest path), or None."""
    best = None
    for framework in targets(graph, university, "chose_framework"):
        chose = certainty(graph, university, framework, "chose_framework")
        for mission in targets(graph, framework, "indicates"):
            sure = max(chose, certainty(graph, framework, mission, "indicates"))
            if sure == CERTAINTY.index("unknown"):
                continue
            if best and best[0] != mission:
                return None
            if not best or sure < best[1]:
                best = (mission, sure)
    return best[0] if best else None


def profile(graph, university):
    """The profile fit --all-universities gives a university: what it stores; without a stored
    mission, the one its support framework indicates; fields of a known certainty."""
    def first(relation):
        found = targets(graph, university, relation)
        return found[0] if found else None
    fields = [f for f in targets(graph, university, "works_in")
              if certainty(graph, university, f, "works_in") != CERTAINTY.index("unknown")]
    return {
        "mission": first("has_mission") or framework_mission(graph, university),
        "goals": targets(graph, university, "pursues"),
        "fields": fields,
        "stage": first("reached_stage"),
        "partners": targets(graph, university, "has_partner"),
        # An award of a later year than the one whose calls are read is not yet held.
        "holds": [p for p in targets(graph, university, "awarded")
                  if not (graph.graph["fiscal_year"] and graph.edges[university, p, "awarded"]
                          .get("fiscal_year", 0) > graph.graph["fiscal_year"])],
        "establishment": first("established_as"),
        "applicant": "applicant/university" if graph.has_node("applicant/university") else None,
    }


def judge(f, relation, value, scope_key=None):
    """(strength, met directly): met 1, partly `inherited`, missed or not known 0."""
    found, depth = f[relation]
    scoped = f[scope_key] if scope_key else None
    if scoped and (not found or scoped[0] < depth):
        return (WEIGHTS["inherited"] if scoped[1] else 0.0), False
    if found:
        if value in found:
            return (1.0 if depth == 0 else WEIGHTS["inherited"]), depth == 0
        return 0.0, False
    if relation == "suits_stage" and value in f["track_stages"]:
        return WEIGHTS["inherited"], False
    return 0.0, False


def score(f, p):
    """(score, criteria met directly); every stated criterion counts, not-known ones as 0."""
    criteria = []
    if p["mission"]:
        criteria.append((WEIGHTS["mission"], judge(f, "targets", p["mission"])))
    for goal in p["goals"]:
        criteria.append((WEIGHTS["goals"] / len(p["goals"]), judge(f, "serves", goal)))
    for field in p["fields"]:
        criteria.append((WEIGHTS["fields"] / len(p["fields"]),
                         judge(f, "suits_field", field, "field_scope")))
    if p["stage"]:
        criteria.append((WEIGHTS["stage"], judge(f, "suits_stage", p["stage"], "stage_scope")))
    total = 0.0
    for w, _ in criteria:
        total += w
    value = 0.0
    if total > 0:
        for w, (strength, _) in criteria:
            value += w * strength / total
    return value, sum(1 for _, (_, met) in criteria if met)


def route_ready(graph, f, p):
    """True when a route is ready, False when one lacks something, None when there is none."""
    applicant = p["applicant"]
    if applicant is None:
        return None
    partners_ready = all(t in p["partners"] for t in f["needs_partner"][0])
    best = None

    def consider(ready):
        nonlocal best
        best = ready if best is None else (best or ready)

    filers = f["applied_by"][0]
    if applicant in filers:
        consider(partners_ready)
    for relation in ("joined_by", "involves"):
        if applicant in f[relation][0]:
            for filer in filers:
                files = any(s in p["partners"] for s in sources(graph, filer, "applies_as"))
                consider(files and partners_ready)
    return best


def eligibility(graph, f, p, fiscal_year):
    status = f["call"]["status"] if f["call"] else None
    if status == "allocated":
        return "eligible"
    if status in ("closed", "continuing-only"):
        return "not-eligible"
    if status == "promotion-only":
        for node in f["chain"]:
            if any(s in p["holds"] for s in sources(graph, node, "promotes_to")):
                return "eligible"
        return "not-eligible"
    out = "eligible"
    excluded, depth = f["excludes"]
    if p["establishment"] in excluded:
        # An exclusion stated for one fiscal year holds for that year alone.
        stated = graph.get_edge_data(f["chain"][depth], p["establishment"], "excludes")
        if stated.get("fiscal_year") in (None, fiscal_year):
            out = "not-eligible"
    if f["program"] in p["holds"] and f["one_per_university"]:
        out = "not-eligible"
    ready = route_ready(graph, f, p)
    if ready is None:
        if not f["applied_by"][0]:
            return out if out == "not-eligible" else "unknown"
        return "not-eligible"
    if out == "not-eligible":
        return out
    if status is None:
        return "unknown"
    return "eligible" if ready else "conditional"


ORDER = {"eligible": 0, "conditional": 1, "unknown": 2, "not-eligible": 3}


def ranked_before(a, b):
    """kyoso's order: score, criteria met directly, eligibility, Japanese name, id."""
    if abs(a["score"] - b["score"]) > TIE:
        return -1 if a["score"] > b["score"] else 1
    if a["specificity"] != b["specificity"]:
        return -1 if a["specificity"] > b["specificity"] else 1
    if a["eligibility"] != b["eligibility"]:
        return -1 if ORDER[a["eligibility"]] < ORDER[b["eligibility"]] else 1
    ka, kb = (a["name"], a["program"]), (b["name"], b["program"])
    return -1 if ka < kb else (1 if ka > kb else 0)


def batch_fit(graph):
    fiscal_year = graph.graph.get("fiscal_year")
    programs = sorted(n for n, kind in graph.nodes(data="kind") if kind == "program")
    program_facts = [facts(graph, prog, fiscal_year) for prog in programs]
    rankings = {}
    for university in sorted(n for n, kind in graph.nodes(data="kind") if kind == "university"):
        p = profile(graph, university)
        rows = []
        for f in program_facts:
            value, specificity = score(f, p)
            rows.append({"program": f["program"], "name": f["name"], "score": value,
                         "specificity": specificity,
                         "eligibility": eligibility(graph, f, p, fiscal_year)})
        rows.sort(key=functools.cmp_to_key(ranked_before))
        rankings[university] = [(r["program"], r["score"], r["eligibility"]) for r in rows]
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
