#!/usr/bin/env python3
"""Writes the national layer of kyoso's default model, data/national.jgf.json.

Reads MEXT's list of universities (sources/universities-r4.json), the facts of who holds
what (facts/*.json), the project's rules (rules/*.json) and the core model
(data/fy2024.jgf.json, for the names of the nodes the layer copies) and writes one JGF
document in the writer's canonical form, so that running it again gives the same bytes.
docs/national.md describes every rule applied here.

    python3 data/national/convert.py            # writes data/national.jgf.json
    python3 data/national/convert.py --check    # exit 1 if the committed file differs

Only the standard library is used. A row or fact the rules cannot place stops the
conversion with a ConversionError naming the file and the row; nothing is written then.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent

# The writer orders edges by source id, relation, target id, relations in the order of
# kyoso::Relation (include/kyoso/vocabulary.hpp); tests/national checks the two agree.
RELATIONS = [
    "part_of", "in_pillar", "serves", "targets", "suits_field", "applied_by",
    "administered_by", "promotes_to", "considers", "addresses", "at_stage", "reference_case",
    "awarded", "flows_to", "next", "needs_partner", "applies_as", "excludes", "suits_stage",
    "has_mission", "pursues", "works_in", "has_partner", "established_as", "reached_stage",
    "collaborates_with", "located_in", "in_region", "succeeded_by", "partners_in",
    "candidate_for", "chose_framework", "indicates", "joined_by", "involves", "funded_by",
    "described_in",
]
CERTAINTIES = ["certain", "high", "medium", "unknown"]  # strongest first
HOLDING_RELATIONS = {"awarded", "partners_in", "candidate_for"}
# The nodes of the core the layer refers to by kind; copied with the core's names.
COPIED_KINDS = ("establishment", "mission", "field")


class ConversionError(Exception):
    """A row or fact that the rules cannot convert; the message names where it is."""


def read_json(path: Path):
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        raise ConversionError(f"{path}: {e}") from None


# --- English names and ids -----------------------------------------------------------------

CONNECTIVES = {"of", "and", "the", "for", "in", "at", "on"}


def fix_english_name(raw: str) -> str:
    """Mends the list's run-together and capitalised English names ("TokyoUniversityofScience",
    "SAPPORO CITY UNIVERSITY"); a name already written well comes back unchanged."""
    s = raw.replace("\u2019", "'").replace(";", "&")
    s = re.sub(r"\s+", " ", s).strip()
    if s.isupper():
        s = " ".join(w.capitalize() for w in s.split())
    s = re.sub(r"(?<=[a-z])(of|for|and)(?=[A-Z])", r" \1 ", s)  # "UniversityofScience"
    s = re.sub(r"(?<=[a-z])university\b", " University", s)  # "Dentaluniversity"
    s = re.sub(r"\b(University|College|Institute|School)(of|for)\b", r"\1 \2", s)
    s = re.sub(r"(?<=[a-z])(of)(the)\b", r" \1 \2", s)
    s = re.sub(r"\b(of)(the)\b", r"\1 \2", s)
    s = re.sub(r"'S(?=[A-Z]|\b)", "'s", s)  # "Women'SUniversity"
    s = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", s)  # camel case
    s = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", " ", s)  # "GLOBISUniversity"
    s = re.sub(r"\.(?=[A-Z][a-z])", ". ", s)  # "St.Luke's"
    s = re.sub(r",(?=\S)", ", ", s)
    s = re.sub(r"\s*&\s*", " & ", s)
    s = re.sub(r"\s+-\s+", "-", s)  # "Electro - Communications"
    s = re.sub(r"\s+", " ", s).strip()
    words = s.split(" ")
    return " ".join(w.lower() if i > 0 and w.lower() in CONNECTIVES else w
                    for i, w in enumerate(words))


def base_slug(name_en: str) -> str:
    """The slug rule: ASCII, without a leading "The" and without the word "University" (with
    an "of" or "of the" right after it), lower-case, runs of other characters as one "-"."""
    s = unicodedata.normalize("NFKD", name_en).encode("ascii", "ignore").decode()
    s = re.sub(r"^The\s+", "", s)
    s = re.sub(r"\bUniversity(\s+of(\s+the)?)?\b", " ", s)
    s = s.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


# --- the inputs ----------------------------------------------------------------------------


@dataclass
class University:
    where: str  # the row, for messages: "sources/universities-r4.json row 12 (名前, code)"
    name: str
    name_en: str
    establishment: str
    mext_code: str = ""
    address: str = ""
    faculties: list = field(default_factory=list)  # (faculty, department)
    graduate_prefectures: list = field(default_factory=list)
    faculty_prefectures: list = field(default_factory=list)
    prefecture: str = ""  # 東京都
    prefecture_how: str = "address"
    id: str = ""
    since: str = ""
    until: str = ""
    sources: list = field(default_factory=list)


class Inputs:
    """Everything the conversion reads, from one directory laid out as data/national/."""

    def __init__(self, root: Path, core: Path):
        self.root = root
        self.list = read_json(root / "facts" / "list.json")
        self.list_file = self.list["file"]
        self.rows = read_json(root / self.list_file)
        self.names = read_json(root / "rules" / "names.json")["overrides"]
        self.slugs = read_json(root / "rules" / "slugs.json")["overrides"]
        self.fields = read_json(root / "rules" / "fields.json")["rules"]
        self.regions = read_json(root / "rules" / "regions.json")
        facts = root / "facts"
        self.changes = read_json(facts / "changes.json") if (facts / "changes.json").exists() else {}
        self.frameworks = (read_json(facts / "frameworks.json")
                           if (facts / "frameworks.json").exists() else {})
        self.holdings = []  # (file name, document) for every file naming a program
        for path in sorted(facts.glob("*.json")):
            if path.name in ("list.json", "changes.json", "frameworks.json"):
                continue
            self.holdings.append((f"facts/{path.name}", read_json(path)))
        self.core = read_json(core)["graph"]["nodes"]


# --- the graph being written ---------------------------------------------------------------


def strongest(a: str, b: str) -> str:
    return a if CERTAINTIES.index(a) <= CERTAINTIES.index(b) else b


def unite(into: list, more: list) -> None:
    for item in more:
        if item not in into:
            into.append(item)


class Graph:
    def __init__(self):
        self.nodes: dict[str, dict] = {}
        self.edges: dict[tuple[str, str, str], dict] = {}

    def node(self, id_: str, kind: str, name: dict, sources: list, **more) -> dict:
        assert id_ not in self.nodes, id_
        meta = {"kind": kind, "name": dict(name), "sources": list(sources)}
        meta.update({k: v for k, v in more.items() if v})
        self.nodes[id_] = meta
        return meta

    def edge(self, source: str, relation: str, target: str, sources: list, *,
             certainty: str = "certain", fiscal_year: int | None = None,
             attributes: dict | None = None, figures: list | None = None,
             note: dict | None = None) -> dict:
        key = (source, relation, target)
        assert key not in self.edges, key
        meta: dict = {"sources": list(sources)}
        if certainty != "certain":
            meta["certainty"] = certainty
        if fiscal_year is not None:
            meta["fiscal_year"] = fiscal_year
        if attributes:
            meta["attributes"] = dict(attributes)
        if figures:
            meta["figures"] = list(figures)
        if note:
            meta["note"] = note
        self.edges[key] = meta
        return meta

    def document(self, info: dict) -> dict:
        order = {r: i for i, r in enumerate(RELATIONS)}
        keys = sorted(self.edges, key=lambda k: (k[0], order[k[1]], k[2]))
        edges = [{"source": s, "relation": r, "target": t, "metadata": self.edges[(s, r, t)]}
                 for s, r, t in keys]
        nodes = {id_: {"label": meta["name"]["ja"], "metadata": meta}
                 for id_, meta in self.nodes.items()}
        graph = {"id": "kyoso-national", "directed": True, "metadata": info,
                 "nodes": nodes, "edges": edges}
        return {"schema_version": 1, "graph": graph}


def render(document: dict) -> str:
    """The writer's canonical form: sorted keys, two-space indent, UTF-8, final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# --- the conversion ------------------------------------------------------------------------


class Converter:
    def __init__(self, inputs: Inputs):
        self.inputs = inputs
        self.graph = Graph()
        self.list_source = inputs.list["source"]
        self.prefectures = {p["ja"]: p for p in inputs.regions["prefectures"]}
        self.universities: list[University] = []
        self.by_name: dict[str, University] = {}

    def run(self) -> dict:
        self.read_rows()
        self.apply_changes()
        self.assign_ids()
        self.check_casebook()
        self.add_places()
        self.add_copies()
        self.add_universities()
        self.add_successions()
        for file, document in self.inputs.holdings:
            self.add_holdings(file, document)
        self.add_frameworks()
        info = {
            "name": {"ja": "全国の大学と支援策の採択状況",
                     "en": "Every university in Japan and the programs each holds"},
            "description": {
                "ja": "文部科学省の大学一覧（2023年4月20日）の全大学（国立・公立・私立）と所在地・設置区分・分野、"
                      "各支援策の採択・連携・候補、国立大学の重点支援の枠組み（2016〜2021年度）。",
                "en": "Every university in MEXT's list of 2023-04-20 (national, public, private) with its "
                      "prefecture, establishment and fields; who holds, partners in or is a candidate "
                      "for each program; the national universities' support frameworks (FY2016-2021)."},
            "sources": [self.list_source],
        }
        return self.graph.document(info)

    # Rows of the list, and the universities founded after it.

    def read_rows(self) -> None:
        establishments = self.inputs.list["establishments"]
        for i, row in enumerate(self.inputs.rows):
            where = f"{self.inputs.list_file} row {i} ({row.get('name', '?')}, {row.get('mext_code', '?')})"
            kind = row.get("type", "")
            if kind not in establishments:
                raise ConversionError(f"{where}: unknown establishment {kind!r} "
                                      f"(expected one of {', '.join(establishments)})")
            u = University(where=where, name=row["name"],
                           name_en=self.english_name(row["name"], row.get("name_eng") or ""),
                           establishment=establishments[kind], mext_code=row.get("mext_code", ""),
                           address=row.get("addr") or "",
                           faculties=[(f["name"].strip(), (f.get("major") or "").strip())
                                      for f in row.get("faculties", [])],
                           faculty_prefectures=[f.get("pref") or "" for f in row.get("faculties", [])],
                           graduate_prefectures=[g.get("pref") or ""
                                                 for g in row.get("graduate_courses", [])])
            u.prefecture, u.prefecture_how = self.prefecture_of(u)
            u.sources = [self.row_source(u)]
            self.add_university(u)

    def add_university(self, u: University) -> None:
        if u.name in self.by_name:
            raise ConversionError(f"{u.where}: {u.name} appears twice "
                                  f"(also {self.by_name[u.name].where})")
        self.universities.append(u)
        self.by_name[u.name] = u

    def english_name(self, ja: str, raw: str) -> str:
        if ja in self.inputs.names:
            return self.inputs.names[ja]["en"]
        # Without an English name the Japanese one stands in (docs/national.md).
        return fix_english_name(raw) if raw.strip() else ja

    def row_source(self, u: University) -> dict:
        source = dict(self.list_source)
        source["page"] = f"学校コード {u.mext_code} ({self.inputs.list['as_of']})"
        return source

    def prefecture_of(self, u: University) -> tuple[str, str]:
        """The prefecture of the address (本部所在地); else the one most of the faculties are
        in; else most of the graduate schools; else the row cannot be placed."""
        # The postcode, however its dash is written, runs up to the first kana or kanji.
        rest = re.sub(r"^〒?[^\u3040-\u30ff\u4e00-\u9fff]*", "", u.address.strip())
        for ja in self.prefectures:
            if rest.startswith(ja):
                return ja, "address"
        for how, places in (("faculties", u.faculty_prefectures),
                            ("graduate schools", u.graduate_prefectures)):
            known = [p for p in places if p in self.prefectures]
            if known:
                return max(known, key=lambda p: (known.count(p), -known.index(p))), how
        raise ConversionError(f"{u.where}: no prefecture in the address {u.address!r}, "
                              "its faculties or its graduate schools")

    def apply_changes(self) -> None:
        changes = self.inputs.changes
        if not changes:
            return
        sources = changes.get("sources", {})
        establishments = self.inputs.list["establishments"]
        for i, added in enumerate(changes.get("added", [])):
            where = f"facts/changes.json added[{i}] ({added['name']})"
            kind = added.get("type", "")
            if kind not in establishments:
                raise ConversionError(f"{where}: unknown establishment {kind!r}")
            if added["prefecture"] not in self.prefectures:
                raise ConversionError(f"{where}: unknown prefecture {added['prefecture']!r}")
            u = University(where=where, name=added["name"], name_en=added["name_eng"],
                           establishment=establishments[kind], prefecture=added["prefecture"],
                           prefecture_how="change", since=added.get("since", ""),
                           sources=self.sources_of(where, sources, added["sources"]))
            for predecessor in added.get("faculties_of", []):
                u.faculties += self.university(where, predecessor).faculties
            self.add_university(u)
        for i, change in enumerate(changes.get("successions", [])):
            where = f"facts/changes.json successions[{i}]"
            before = self.university(where, change["from"])
            self.university(where, change["to"])
            before.until = day_before(change["date"])

    def university(self, where: str, name: str) -> University:
        if name not in self.by_name:
            raise ConversionError(f"{where}: {name} is not a university in "
                                  f"{self.inputs.list_file} or facts/changes.json")
        return self.by_name[name]

    def sources_of(self, where: str, table: dict, keys: list) -> list:
        out = []
        for key in keys:
            if key not in table:
                raise ConversionError(f"{where}: no source {key!r} in the file's sources")
            out.append(table[key])
        if not out:
            raise ConversionError(f"{where}: a fact needs a source")
        return out

    def assign_ids(self) -> None:
        """docs/national.md, Ids: the slug rule, the override table, then collisions."""
        slugs: dict[str, str] = {}  # university name -> slug
        for u in self.universities:
            if u.name in self.inputs.slugs:
                slugs[u.name] = self.inputs.slugs[u.name]["slug"]
            elif u.name_en == u.name:  # no English name
                slugs[u.name] = "mext-" + u.mext_code.lower()
            else:
                slugs[u.name] = base_slug(u.name_en)
        pinned = set(self.inputs.slugs)
        for resolve in (self.public_suffix, self.prefecture_suffix):
            for slug, group in self.collisions(slugs).items():
                for u in group:
                    if u.name not in pinned:
                        slugs[u.name] = resolve(u, slug)
        for slug, group in self.collisions(slugs).items():
            raise ConversionError(f"{group[1].where}: its id university/{slug} is also "
                                  f"{group[0].where}'s; add one of them to rules/slugs.json")
        for u in self.universities:
            u.id = "university/" + slugs[u.name]

    def collisions(self, slugs: dict[str, str]) -> dict[str, list[University]]:
        groups: dict[str, list[University]] = {}
        for u in self.universities:
            groups.setdefault(slugs[u.name], []).append(u)
        return {s: g for s, g in groups.items() if len(g) > 1}

    @staticmethod
    def public_suffix(u: University, slug: str) -> str:
        if re.search("[都道府県]立", u.name):
            return slug + "-prefectural"
        if "市立" in u.name:
            return slug + "-city"
        return slug

    def prefecture_suffix(self, u: University, slug: str) -> str:
        return slug + "-" + self.prefectures[u.prefecture]["slug"]

    def check_casebook(self) -> None:
        """The core's universities keep their ids and names."""
        for id_, node in self.inputs.core.items():
            meta = node["metadata"]
            if meta["kind"] != "university":
                continue
            name = meta["name"]
            u = self.by_name.get(name["ja"])
            if u is None:
                raise ConversionError(f"core university {id_} ({name['ja']}) is not in the list")
            if u.id != id_ or u.name_en != name["en"]:
                raise ConversionError(
                    f"{u.where}: converts to {u.id} {u.name_en!r}, but the core has {id_} "
                    f"{name['en']!r}; fix rules/names.json or rules/slugs.json")

    # Nodes and edges.

    def add_places(self) -> None:
        convention = {"publisher": "kyoso", "title": "docs/national.md",
                      "page": "八地方区分: the eight regions (三重 in 近畿, 沖縄 with 九州)"}
        prefecture_source = dict(self.list_source, page=f"所在地 ({self.inputs.list['as_of']})")
        for r in self.inputs.regions["regions"]:
            self.graph.node("region/" + r["slug"], "region", {"ja": r["ja"], "en": r["en"]},
                            [convention])
        for p in self.inputs.regions["prefectures"]:
            id_ = "prefecture/" + p["slug"]
            self.graph.node(id_, "prefecture", {"ja": p["ja"], "en": p["en"]}, [prefecture_source])
            self.graph.edge(id_, "in_region", "region/" + p["region"], [convention])

    def add_copies(self) -> None:
        for id_, node in self.inputs.core.items():
            meta = node["metadata"]
            if meta["kind"] in COPIED_KINDS:
                self.graph.node(id_, meta["kind"], meta["name"], meta.get("sources", []))

    def program(self, where: str, id_: str, sources: list) -> dict:
        """The program's node, copied from the core on first use."""
        if id_ in self.graph.nodes:
            unite(self.graph.nodes[id_]["sources"], sources)
            return self.graph.nodes[id_]
        core = self.inputs.core.get(id_)
        if core is None or core["metadata"]["kind"] != "program":
            raise ConversionError(f"{where}: {id_} is not a program of the core")
        return self.graph.node(id_, "program", core["metadata"]["name"], sources)

    def add_universities(self) -> None:
        rules = self.inputs.fields
        for u in self.universities:
            attributes = {"mext_code": u.mext_code, "since": u.since, "until": u.until}
            self.graph.node(u.id, "university", {"ja": u.name, "en": u.name_en}, u.sources,
                            attributes={k: v for k, v in attributes.items() if v})
            self.graph.edge(u.id, "established_as", u.establishment, u.sources)
            place = "prefecture/" + self.prefectures[u.prefecture]["slug"]
            if u.prefecture_how == "address":
                self.graph.edge(u.id, "located_in", place, u.sources)
            elif u.prefecture_how == "change":
                self.graph.edge(u.id, "located_in", place, u.sources,
                                note=text("前身の2大学の都道府県。", "The prefecture of both predecessors."))
            else:
                where_ja = {"faculties": "学部", "graduate schools": "研究科"}.get(
                    u.prefecture_how, u.prefecture_how)
                self.graph.edge(u.id, "located_in", place, u.sources, certainty="high",
                                note=text(f"所在地に都道府県の記載がないため、{where_ja}の多くがある都道府県。",
                                          f"The address names no prefecture; the one most of its "
                                          f"{u.prefecture_how} are in."))
            for field_id, (certainty, evidence) in fields_of(u.faculties, rules).items():
                self.graph.edge(u.id, "works_in", field_id, u.sources, certainty=certainty,
                                note=text("文部科学省の一覧にある学部: " + "、".join(evidence) + "。",
                                          "Faculties in MEXT's list: " + ", ".join(evidence) + "."))

    def add_successions(self) -> None:
        changes = self.inputs.changes
        for i, change in enumerate(changes.get("successions", [])):
            where = f"facts/changes.json successions[{i}]"
            before = self.university(where, change["from"])
            after = self.university(where, change["to"])
            self.graph.edge(before.id, "succeeded_by", after.id,
                            self.sources_of(where, changes["sources"], change["sources"]),
                            certainty=self.certainty(where, change), fiscal_year=change.get("fiscal_year"),
                            attributes={"date": change["date"]})

    def certainty(self, where: str, fact: dict) -> str:
        c = fact.get("certainty", "")
        if c not in CERTAINTIES:
            raise ConversionError(f"{where}: certainty {c!r} is not one of {', '.join(CERTAINTIES)}")
        return c

    def add_holdings(self, file: str, document: dict) -> None:
        sources = document.get("sources", {})
        program_id = document["program"]
        programs = {program_id}
        self.program(file, program_id, self.sources_of(f"{file} program_sources", sources,
                                                        document.get("program_sources", [])))
        grouped: dict[tuple[str, str, str], list[tuple[str, dict]]] = {}
        for i, fact in enumerate(document.get("facts", [])):
            where = f"{file} facts[{i}] ({fact.get('university', '?')})"
            relation = fact.get("relation")
            if relation not in HOLDING_RELATIONS:
                raise ConversionError(f"{where}: relation {relation!r} is not one of "
                                      f"{', '.join(sorted(HOLDING_RELATIONS))}")
            target = fact.get("program", program_id)
            if target not in programs:
                self.program(where, target, self.graph.nodes[program_id]["sources"])
                programs.add(target)
            u = self.university(where, fact.get("university", ""))
            grouped.setdefault((u.id, relation, target), []).append((where, fact))
        for (source, relation, target), facts in grouped.items():
            self.add_holding(source, relation, target, facts, sources)
        for relation, status in document.get("lists", {}).items():
            for id_ in sorted(programs):
                attributes = self.graph.nodes[id_].setdefault("attributes", {})
                attributes[relation + "_list"] = status["status"]
                attributes[relation + "_list_as_of"] = status["as_of"]
                if status.get("note"):
                    attributes[relation + "_list_note"] = status["note"]

    def add_holding(self, source: str, relation: str, target: str,
                    facts: list[tuple[str, dict]], sources: dict) -> None:
        """One edge per university, relation and program; several facts on one (a university
        hosting two WPI centres) join their values in fact order."""
        certainty, years, cited, notes, figures = "unknown", [], [], [], []
        values: dict[str, list[str]] = {}
        for where, fact in facts:
            certainty = strongest(certainty, self.certainty(where, fact))
            years.append(fact.get("fiscal_year"))
            unite(cited, self.sources_of(where, sources, fact.get("sources", [])))
            attributes = dict(fact.get("attributes", {}))
            if "lead" in fact:
                attributes["lead"] = self.university(where, fact["lead"]).id
            for key, value in attributes.items():
                values.setdefault(key, []).append(value)
            if fact.get("note"):
                notes.append(as_text(fact["note"]))
            for figure in fact.get("figures", []):
                figure = dict(figure)
                figure["sources"] = self.sources_of(where, sources, figure.get("sources", []))
                figures.append(figure)
        attributes = {k: v[0] if len(set(v)) == 1 else ", ".join(v) for k, v in values.items()}
        known_years = [y for y in years if y is not None]
        if len(facts) > 1 and len(set(known_years)) > 1:
            attributes["fiscal_years"] = ", ".join(str(y) for y in known_years)
        self.graph.edge(source, relation, target, cited, certainty=certainty,
                        fiscal_year=min(known_years) if known_years else None,
                        attributes=attributes, figures=figures,
                        note=text("".join(n["ja"] for n in notes), " ".join(n["en"] for n in notes))
                        if notes else None)

    def add_frameworks(self) -> None:
        document = self.inputs.frameworks
        if not document:
            return
        file = "facts/frameworks.json"
        sources = document["sources"]
        period = document["period"]
        span = {"from_fiscal_year": str(period["from_fiscal_year"]),
                "to_fiscal_year": str(period["to_fiscal_year"])}
        counts = {}
        for i, f in enumerate(document["frameworks"]):
            where = f"{file} frameworks[{i}] ({f['id']})"
            cited = self.sources_of(where, sources, f["sources"])
            figure = {"name": "universities", "value": f["universities"], "unit": "count",
                      "qualifier": "exact", "fiscal_year": period["from_fiscal_year"],
                      "sources": cited}
            self.graph.node(f["id"], "framework", f["name"], cited, description=f["description"],
                            attributes=dict(span, label=f["label"]), figures=[figure])
            counts[f["id"]] = f["universities"]
            indicates = f["indicates"]
            if indicates["mission"] not in self.graph.nodes:
                raise ConversionError(f"{where}: {indicates['mission']} is not a mission of the core")
            self.graph.edge(f["id"], "indicates", indicates["mission"], cited,
                            certainty=self.certainty(where, indicates), note=as_text(indicates["note"]))
        named: dict[str, list[str]] = {}
        for i, choice in enumerate(document["choices"]):
            where = f"{file} choices[{i}] ({choice['framework']})"
            if choice["framework"] not in counts:
                raise ConversionError(f"{where}: no framework {choice['framework']}")
            cited = self.sources_of(where, sources, choice["sources"])
            for name in choice["universities"]:
                u = self.university(where, name)
                if u.establishment != "establishment/national":
                    raise ConversionError(f"{where}: {name} is not a national university")
                if u.id in named:
                    raise ConversionError(f"{where}: {name} is named twice")
                named.setdefault(u.id, []).append(choice["framework"])
                self.graph.edge(u.id, "chose_framework", choice["framework"], cited,
                                certainty=self.certainty(where, choice), attributes=span)
        for framework, count in counts.items():
            chosen = sum(1 for fs in named.values() if framework in fs)
            if chosen > count:
                raise ConversionError(f"{file}: {chosen} universities named for {framework}, "
                                      f"more than its {count}")
        rest = document["undetermined"]
        where = f"{file} undetermined"
        cited = self.sources_of(where, sources, rest["sources"])
        alternatives = " | ".join(rest["frameworks"])
        for u in self.universities:
            # Universities founded after the period (東京科学大学) chose nothing.
            if u.establishment != "establishment/national" or u.id in named or u.since:
                continue
            for framework in rest["frameworks"]:
                self.graph.edge(u.id, "chose_framework", framework, cited,
                                certainty=self.certainty(where, rest),
                                attributes=dict(span, alternatives=alternatives),
                                note=as_text(rest["note"]))


def text(ja: str, en: str) -> dict:
    """A note as the model file holds it: shown to users, in both languages."""
    return {"ja": ja, "en": en}


def as_text(note) -> dict:
    # The facts files write their notes in both languages.
    if not isinstance(note, dict) or not note.get("ja") or not note.get("en"):
        raise ConversionError(f"a note needs both languages, ja and en: {note!r}")
    return text(note["ja"], note["en"])


def fields_of(faculties: list, rules: list) -> dict[str, tuple[str, list[str]]]:
    """Each field the faculties point to: the strongest certainty of the rules matched, and
    the faculties (or "faculty（department）") that matched, in list order."""
    out: dict[str, tuple[str, list[str]]] = {}
    for faculty, department in faculties:
        for rule in rules:
            text = faculty if rule["match"] == "faculty" else department
            if not any(word in text for word in rule["contains"]):
                continue
            certainty, seen = out.get(rule["field"], ("unknown", []))
            # A department is named only when its faculty is not already evidence.
            evidence = faculty if rule["match"] == "faculty" else f"{faculty}（{department}）"
            if evidence not in seen and faculty not in seen:
                seen.append(evidence)
            out[rule["field"]] = (strongest(certainty, rule["certainty"]), seen)
    return dict(sorted(out.items()))


def day_before(date: str) -> str:
    return (datetime.date.fromisoformat(date) - datetime.timedelta(days=1)).isoformat()


def convert(root: Path = HERE, core: Path = DATA / "fy2024.jgf.json") -> str:
    return render(Converter(Inputs(root, core)).run())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=HERE, help="a directory laid out as data/national/")
    parser.add_argument("--core", type=Path, default=DATA / "fy2024.jgf.json")
    parser.add_argument("--output", type=Path, default=DATA / "national.jgf.json")
    parser.add_argument("--check", action="store_true",
                        help="compare with --output instead of writing it; exit 1 if they differ")
    args = parser.parse_args(argv)
    try:
        text = convert(args.input, args.core)
    except ConversionError as e:
        print(f"convert: {e}", file=sys.stderr)
        return 1
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"convert: {args.output} is not what the converter writes; run "
                  f"python3 data/national/convert.py", file=sys.stderr)
            return 1
        return 0
    temp = args.output.with_suffix(".tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
