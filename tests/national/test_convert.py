"""The national layer's converter (data/national/convert.py) and the file it writes,
data/national.jgf.json: counts, ids, citations, holdings, and bad rows named."""

import copy
import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NATIONAL = ROOT / "data" / "national"
sys.path.insert(0, str(NATIONAL))

import convert  # noqa: E402

OUTPUT = ROOT / "data" / "national.jgf.json"
CORE = ROOT / "data" / "fy2024.jgf.json"


def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    duplicates = [k for k, n in Counter(keys).items() if n > 1]
    assert not duplicates, f"duplicate keys {duplicates}"
    return dict(pairs)


@pytest.fixture(scope="module")
def graph():
    with OUTPUT.open(encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_duplicate_keys)["graph"]


@pytest.fixture(scope="module")
def rows():
    return json.loads((NATIONAL / "sources" / "universities-r4.json").read_text(encoding="utf-8"))


def edges(graph, relation, source=None, target=None):
    return [e for e in graph["edges"] if e["relation"] == relation
            and (source is None or e["source"] == source)
            and (target is None or e["target"] == target)]


def node(graph, id_):
    return graph["nodes"][id_]["metadata"]


def universities(graph):
    return {id_: n["metadata"] for id_, n in graph["nodes"].items()
            if n["metadata"]["kind"] == "university"}


# --- the committed file --------------------------------------------------------------------


def test_rerunning_the_converter_reproduces_the_committed_file_byte_for_byte():
    assert convert.convert() == OUTPUT.read_text(encoding="utf-8")


def test_the_list_counts_86_national_101_public_626_private(rows):
    assert Counter(r["type"] for r in rows) == {"国立": 86, "公立": 101, "私立": 626}


def test_every_row_is_a_university_plus_the_merger_with_85_national_from_october_2024(graph):
    unis = universities(graph)
    assert len(unis) == 813 + 1
    establishment = {e["source"]: e["target"] for e in edges(graph, "established_as")}
    assert set(establishment) == set(unis)
    current = Counter(establishment[id_] for id_, u in unis.items()
                      if "until" not in u.get("attributes", {}))
    assert current == {"establishment/national": 85, "establishment/public": 101,
                       "establishment/private": 626}


def test_every_university_has_one_mext_code_and_one_prefecture(graph, rows):
    unis = universities(graph)
    codes = Counter(u["attributes"].get("mext_code") for u in unis.values()
                    if "mext_code" in u.get("attributes", {}))
    assert len(codes) == len(rows) and max(codes.values()) == 1
    located = Counter(e["source"] for e in edges(graph, "located_in"))
    assert set(located) == set(unis) and max(located.values()) == 1


def test_ids_are_unique_lower_case_kebab_and_prefixed_by_kind(graph):
    for id_, n in graph["nodes"].items():
        kind, _, slug = id_.partition("/")
        assert kind == n["metadata"]["kind"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*", slug), id_
    keys = Counter((e["source"], e["relation"], e["target"]) for e in graph["edges"])
    assert max(keys.values()) == 1


def test_every_node_and_edge_and_figure_is_cited(graph):
    def cited(meta):
        return meta.get("sources") and all(s.get("publisher") or s.get("document")
                                          for s in meta["sources"])
    for id_, n in graph["nodes"].items():
        assert cited(n["metadata"]), id_
        for figure in n["metadata"].get("figures", []):
            assert cited(figure), id_
    for e in graph["edges"]:
        assert cited(e["metadata"]), e
        for figure in e["metadata"].get("figures", []):
            assert cited(figure), e


def test_every_edge_end_is_a_node_of_the_layer(graph):
    for e in graph["edges"]:
        assert e["source"] in graph["nodes"] and e["target"] in graph["nodes"], e


def test_the_casebook_universities_keep_the_cores_ids_and_names(graph):
    core = json.loads(CORE.read_text(encoding="utf-8"))["graph"]["nodes"]
    casebook = {id_: n["metadata"]["name"] for id_, n in core.items()
                if n["metadata"]["kind"] == "university"}
    assert set(casebook) == {f"university/{s}" for s in
                             "tohoku hirosaki tuat shinshu nagoya kobe ritsumeikan hiroshima kumamoto".split()}
    for id_, name in casebook.items():
        assert node(graph, id_)["name"] == name


def test_copied_nodes_have_the_cores_kind_and_names(graph):
    core = json.loads(CORE.read_text(encoding="utf-8"))["graph"]["nodes"]
    for id_, n in graph["nodes"].items():
        if id_ in core:
            assert n["metadata"]["kind"] == core[id_]["metadata"]["kind"]
            assert n["metadata"]["name"] == core[id_]["metadata"]["name"], id_


def test_each_prefecture_is_in_one_of_eight_regions(graph):
    prefectures = [id_ for id_ in graph["nodes"] if id_.startswith("prefecture/")]
    assert len(prefectures) == 47
    regions = {e["source"]: e["target"] for e in edges(graph, "in_region")}
    assert set(regions) == set(prefectures)
    assert len(set(regions.values())) == 8
    assert regions["prefecture/okinawa"] == regions["prefecture/fukuoka"] == "region/kyushu-okinawa"
    assert regions["prefecture/mie"] == "region/kinki"


def test_addresses_place_universities_and_the_faculties_place_those_without_one(graph):
    assert edges(graph, "located_in", "university/hirosaki")[0]["target"] == "prefecture/aomori"
    osaka = edges(graph, "located_in", "university/osaka-metropolitan")[0]
    assert osaka["target"] == "prefecture/osaka"
    assert osaka["metadata"]["certainty"] == "high" and "faculties" in osaka["metadata"]["note"]["en"]
    assert "学部" in osaka["metadata"]["note"]["ja"]


def test_j_peaks_has_exactly_25_leads_with_round_and_fiscal_year(graph):
    leads = edges(graph, "awarded", target="program/j-peaks")
    assert len(leads) == 25
    rounds = Counter((e["metadata"]["attributes"]["round"], e["metadata"]["fiscal_year"])
                     for e in leads)
    assert rounds == {("1", 2023): 12, ("2", 2024): 13}
    assert all(e["metadata"]["attributes"]["role"] == "lead" for e in leads)
    partners = edges(graph, "partners_in", target="program/j-peaks")
    assert all(e["metadata"]["attributes"]["lead"] in {l["source"] for l in leads}
               for e in partners)
    assert node(graph, "program/j-peaks")["attributes"]["awarded_list"] == "complete"


def test_holdings_name_universities_and_the_cores_programs(graph):
    core = json.loads(CORE.read_text(encoding="utf-8"))["graph"]["nodes"]
    for relation in ("awarded", "partners_in", "candidate_for"):
        for e in edges(graph, relation):
            assert node(graph, e["source"])["kind"] == "university"
            assert core[e["target"]]["metadata"]["kind"] == "program"


def test_partial_holder_lists_say_so_with_a_date(graph):
    def status(program, relation):
        attributes = node(graph, program)["attributes"]
        return attributes[relation + "_list"], attributes[relation + "_list_as_of"]
    assert status("program/coi-next", "awarded")[0] == "partial"
    assert status("program/sparc", "awarded")[0] == "partial"
    assert status("program/regional-university-grant", "partners_in")[0] == "partial"
    assert status("program/international-excellence", "awarded") == ("complete", "2026-01-23")
    for relation in ("awarded", "partners_in", "candidate_for"):
        for e in edges(graph, relation):
            assert relation + "_list" in node(graph, e["target"])["attributes"], e


def test_the_grant_names_the_local_government_that_applied(graph):
    (kyutech,) = edges(graph, "partners_in", "university/kyushu-institute-of-technology",
                       "program/regional-university-grant")
    assert kyutech["metadata"]["attributes"]["local_government"] == "北九州市"
    assert kyutech["metadata"]["fiscal_year"] == 2018


def test_regional_innovation_allocations_are_figures_in_yen(graph):
    (hokkaido,) = edges(graph, "awarded", "university/hokkaido",
                        "program/regional-innovation-environment")
    (figure,) = hokkaido["metadata"]["figures"]
    assert (figure["name"], figure["value"], figure["unit"], figure["fiscal_year"]) == \
        ("allocation", 300_000_000, "jpy", 2022)


def test_wpi_hosts_are_universities_and_a_second_centre_joins_the_first(graph):
    hosts = edges(graph, "awarded", target="program/wpi")
    centres = sum(len(e["metadata"]["attributes"]["centre"].split(", ")) for e in hosts)
    assert centres == 18 - 2  # MANA and QUP have research institutes as hosts
    (tohoku,) = edges(graph, "awarded", "university/tohoku", "program/wpi")
    assert tohoku["metadata"]["attributes"]["centre"] == "AIMR, AIMEC"
    assert tohoku["metadata"]["attributes"]["fiscal_years"] == "2007, 2023"
    assert tohoku["metadata"]["fiscal_year"] == 2007


def test_the_merger_keeps_both_predecessors_with_an_end_date(graph):
    for predecessor in ("university/tokyo-institute-of-technology",
                        "university/tokyo-medical-and-dental"):
        assert node(graph, predecessor)["attributes"]["until"] == "2024-09-30"
        (e,) = edges(graph, "succeeded_by", predecessor)
        assert e["target"] == "university/institute-of-science-tokyo"
        assert e["metadata"]["attributes"]["date"] == "2024-10-01"
    assert edges(graph, "awarded", "university/tokyo-institute-of-technology", "program/wpi")


def test_frameworks_55_named_the_rest_unknown_between_two_and_three(graph):
    chosen = edges(graph, "chose_framework")
    by_university = {}
    for e in chosen:
        by_university.setdefault(e["source"], []).append(e)
    assert len(by_university) == 86
    regional = [e for e in chosen if e["target"] == "framework/regional-contribution"]
    assert len(regional) == 55 and {e["metadata"]["certainty"] for e in regional} == {"high"}
    unknown = [u for u, es in by_university.items()
               if {e["metadata"].get("certainty") for e in es} == {"unknown"}]
    assert len(unknown) == 86 - 55 - 6
    assert all(len(by_university[u]) == 2 for u in unknown)
    (tokyo,) = by_university["university/tokyo"]
    assert tokyo["target"] == "framework/global-excellence"
    assert {e["metadata"]["attributes"]["to_fiscal_year"] for e in chosen} == {"2021"}
    indicates = {e["source"]: e["target"] for e in edges(graph, "indicates")}
    assert indicates["framework/regional-contribution"] == "mission/regional-revitalization"


def test_fields_come_from_faculties_with_the_rules_certainty(graph):
    works = {(e["source"], e["target"]): e["metadata"] for e in edges(graph, "works_in")}
    assert works[("university/hokkaido", "field/agriculture")].get("certainty", "certain") == "high"
    assert "水産学部" in works[("university/hokkaido", "field/agriculture")]["note"]["ja"]
    assert works[("university/hiroshima", "field/agriculture")]["certainty"] == "medium"
    assert ("university/tokyo-medical-and-dental", "field/manufacturing") not in works


def test_the_relation_order_is_the_writers(graph):
    header = (ROOT / "include" / "kyoso" / "vocabulary.hpp").read_text(encoding="utf-8")
    body = re.search(r"enum class Relation[^{]*\{(.*?)\};", header, re.S).group(1)
    declared = re.findall(r"^\s*([a-z_]+),", body, re.M)
    assert declared == convert.RELATIONS
    order = {r: i for i, r in enumerate(declared)}
    keys = [(e["source"], order[e["relation"]], e["target"]) for e in graph["edges"]]
    assert keys == sorted(keys)


# --- the rules -----------------------------------------------------------------------------


@pytest.mark.parametrize("raw, fixed", [
    ("TokyoUniversityofScience", "Tokyo University of Science"),
    ("SAPPORO CITY UNIVERSITY", "Sapporo City University"),
    ("Tokyo University of Agriculture And Technology",
     "Tokyo University of Agriculture and Technology"),
    ("KobeShinwaWomen’SUniversity", "Kobe Shinwa Women's University"),
    ("KyotoUniversityofthe Arts", "Kyoto University of the Arts"),
    ("The University of Electro - Communications", "The University of Electro-Communications"),
    ("NagoyaZokeiUniversityofArt;Design", "Nagoya Zokei University of Art & Design"),
    ("Hirosaki University", "Hirosaki University"),
])
def test_english_names_are_mended(raw, fixed):
    assert convert.fix_english_name(raw) == fixed


@pytest.mark.parametrize("name, slug", [
    ("Iwate University", "iwate"),
    ("The University of Tokyo", "tokyo"),
    ("University of the Ryukyus", "ryukyus"),
    ("Tokyo University of Foreign Studies", "tokyo-foreign-studies"),
    ("Japan Women's University", "japan-womens"),
    ("Institute of Science Tokyo", "institute-of-science-tokyo"),
])
def test_the_slug_rule(name, slug):
    assert convert.base_slug(name) == slug


def test_colliding_slugs_are_told_apart_by_establishment_then_prefecture(graph):
    assert node(graph, "university/shimane")["name"]["ja"] == "島根大学"
    assert node(graph, "university/shimane-prefectural")["name"]["ja"] == "島根県立大学"
    assert node(graph, "university/hyogo")["name"]["ja"] == "兵庫大学"
    assert node(graph, "university/seisen-tokyo")["name"]["ja"] == "清泉女子大学"
    assert node(graph, "university/seisen-shiga")["name"]["ja"] == "聖泉大学"


# --- small inputs, good and bad ------------------------------------------------------------


def row(name, name_eng, kind="国立", code="F000000000001", addr="〒000－0000 岩手県盛岡市", faculties=()):
    return {"name": name, "name_eng": name_eng, "type": kind, "mext_code": code, "addr": addr,
            "faculties": [{"name": f, "major": "", "pref": ""} for f in faculties],
            "graduate_courses": []}


@pytest.fixture
def small(tmp_path):
    """A copy of data/national/ with a three-row list, one holding, and a core without
    universities (the casebook check needs the nine only in the real list)."""
    root = tmp_path / "national"
    shutil.copytree(NATIONAL / "rules", root / "rules")
    (root / "sources").mkdir()
    (root / "facts").mkdir()
    shutil.copy(NATIONAL / "facts" / "list.json", root / "facts" / "list.json")
    rows = [row("岩手大学", "Iwate University", faculties=["農学部"]),
            row("盛岡経営大学", "MoriokaUniversityofManagement", "私立", "F000000000002",
                faculties=["経営学部"]),
            row("花巻大学", "", "公立", "F000000000003")]
    write(root / "sources" / "universities-r4.json", rows)
    write(root / "facts" / "grant.json", {
        "program": "program/regional-university-grant",
        "program_sources": ["overview"],
        "lists": {"partners_in": {"status": "partial", "as_of": "2018"}},
        "sources": {"overview": {"publisher": "内閣府", "title": "交付金", "page": "概要"}},
        "facts": [{"relation": "partners_in", "university": "岩手大学", "fiscal_year": 2018,
                   "certainty": "medium", "attributes": {"local_government": "岩手県"},
                   "sources": ["overview"]}]})
    core = json.loads(CORE.read_text(encoding="utf-8"))
    core["graph"]["nodes"] = {id_: n for id_, n in core["graph"]["nodes"].items()
                              if n["metadata"]["kind"] != "university"}
    write(tmp_path / "core.json", core)
    return root, tmp_path / "core.json"


def write(path, value):
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")


def edit(path, change):
    value = json.loads(path.read_text(encoding="utf-8"))
    change(value)
    write(path, value)


def converted(root, core):
    return json.loads(convert.convert(root, core))["graph"]


def test_a_small_list_converts(small):
    graph = converted(*small)
    works = {(e["source"], e["target"]): e["metadata"] for e in edges(graph, "works_in")}
    assert works[("university/iwate", "field/agriculture")].get("certainty", "certain") == "high"
    assert works[("university/morioka-management", "field/services")]["certainty"] == "medium"
    assert node(graph, "university/morioka-management")["name"]["en"] == \
        "Morioka University of Management"
    (grant,) = edges(graph, "partners_in", target="program/regional-university-grant")
    assert grant["source"] == "university/iwate"


def test_a_university_without_an_english_name_falls_back_to_japanese_and_its_code(small):
    graph = converted(*small)
    fallback = node(graph, "university/mext-f000000000003")
    assert fallback["name"] == {"ja": "花巻大学", "en": "花巻大学"}


def test_a_row_without_a_prefecture_fails_naming_the_row(small):
    root, core = small
    edit(root / "sources" / "universities-r4.json",
         lambda rows: rows[1].update(addr="〒000-0000 盛岡市"))
    with pytest.raises(convert.ConversionError,
                       match=r"universities-r4\.json row 1 \(盛岡経営大学, F000000000002\): "
                             r"no prefecture"):
        convert.convert(root, core)


def test_a_row_placed_by_its_faculties_when_the_address_names_no_prefecture(small):
    root, core = small
    def change(rows):
        rows[1]["addr"] = "盛岡市"
        rows[1]["faculties"][0]["pref"] = "宮城県"
    edit(root / "sources" / "universities-r4.json", change)
    graph = converted(root, core)
    (e,) = edges(graph, "located_in", "university/morioka-management")
    assert e["target"] == "prefecture/miyagi" and e["metadata"]["certainty"] == "high"


def test_an_unknown_establishment_fails_naming_the_row(small):
    root, core = small
    edit(root / "sources" / "universities-r4.json", lambda rows: rows[2].update(type="専門"))
    with pytest.raises(convert.ConversionError,
                       match=r"row 2 \(花巻大学, F000000000003\): unknown establishment '専門'"):
        convert.convert(root, core)


def test_a_holding_naming_a_university_not_in_the_list_fails_naming_the_fact(small):
    root, core = small
    edit(root / "facts" / "grant.json",
         lambda doc: doc["facts"][0].update(university="仙台大学"))
    with pytest.raises(convert.ConversionError,
                       match=r"facts/grant\.json facts\[0\] \(仙台大学\): 仙台大学 is not a "
                             r"university in"):
        convert.convert(root, core)


def test_a_fact_without_a_known_source_fails(small):
    root, core = small
    edit(root / "facts" / "grant.json", lambda doc: doc["facts"][0].update(sources=["gone"]))
    with pytest.raises(convert.ConversionError, match=r"facts\[0\].*no source 'gone'"):
        convert.convert(root, core)


def test_two_rows_with_one_id_and_nothing_to_tell_them_apart_fail(small):
    root, core = small
    edit(root / "sources" / "universities-r4.json",
         lambda rows: rows.append(copy.deepcopy(rows[0]) | {"name": "岩手第二大学",
                                                            "mext_code": "F000000000004"}))
    with pytest.raises(convert.ConversionError, match=r"university/iwate-iwate.*rules/slugs\.json"):
        convert.convert(root, core)


def test_a_failed_conversion_writes_nothing(small, tmp_path):
    root, core = small
    out = tmp_path / "out.json"
    edit(root / "sources" / "universities-r4.json", lambda rows: rows[0].update(addr="", faculties=[]))
    assert convert.main(["--input", str(root), "--core", str(core), "--output", str(out)]) == 1
    assert not out.exists()


def test_every_note_is_in_both_languages(graph):
    # Notes are shown to users: a Japanese answer must not read English.
    notes = [n["metadata"]["note"] for n in graph["nodes"].values() if "note" in n["metadata"]]
    notes += [e["metadata"]["note"] for e in graph["edges"] if "note" in e["metadata"]]
    assert notes
    for note in notes:
        assert isinstance(note, dict) and note["ja"] and note["en"] and note["ja"] != note["en"]
