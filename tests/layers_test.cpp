// Layers read as one model (docs/format.md, "Layers"): what agrees is merged, what
// disagrees is refused naming both files and the key; each layer of the embedded dataset
// loads alone, and together they are default_model().
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <kyoso/kyoso.hpp>
#include <sstream>

#include "refused.hpp"
#include "test_model.hpp"

namespace kyoso {
namespace {

const std::filesystem::path data_dir = KYOSO_DATA_DIR;
const std::filesystem::path core_file = data_dir / "fy2024.jgf.json";
const std::filesystem::path national_file = data_dir / "national.jgf.json";

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Source source(const std::string& publisher) { return Source{"", "", "", publisher, "", "", ""}; }

// Two small layers about one university and one program, as the core and the national layer
// are: each complete on its own.
struct Layers {
  Node university = test::node("university/hirosaki");
  Node program = test::node("program/j-peaks");
  ModelBuilder::EdgeSpec award =
      test::edge("university/hirosaki", "program/j-peaks", Relation::awarded);

  Model build() const {
    ModelBuilder b;
    b.add_node(university).add_node(program).add_edge(award);
    return std::move(b).build();
  }
};

Model merged(const Model& first, const Model& second) {
  const std::array<Model, 2> layers{first, second};
  const std::array<std::string, 2> origins{"core.json", "national.json"};
  return merge_layers(layers, origins);
}

TEST(Layers, ANodeInBothUnitesAttributesFiguresAndSources) {
  Layers core;
  core.university.attributes = {{"note_key", "core"}};
  core.university.sources = {source("seed")};
  core.university.note = {"事例集の大学", "a casebook university"};
  Layers national;
  national.university.attributes = {{"mext_code", "F102110100600"}};
  national.university.figures = {test::figure("universities", 1, Unit::count)};
  national.university.sources = {source("seed"), source("文部科学省")};

  Model m = merged(core.build(), national.build());
  const Node& u = m.node("university/hirosaki");
  EXPECT_EQ(u.attribute("note_key"), "core");
  EXPECT_EQ(u.attribute("mext_code"), "F102110100600");
  EXPECT_EQ(u.figures.size(), 1u);
  EXPECT_EQ(u.sources, (std::vector<Source>{source("seed"), source("文部科学省")}));
  EXPECT_EQ(u.note.en, "a casebook university");  // given by one layer only
  EXPECT_EQ(m.node_count(), 2u);
  EXPECT_EQ(m.edge_count(), 1u);
}

TEST(Layers, AnEqualEdgeIsOneEdgeWithTheStrongerCertaintyAndUnitedDetail) {
  Layers core;
  core.award.fiscal_year = 2024;
  core.award.detail.sources = {source("文部科学省")};
  Layers national;
  national.award.certainty = Certainty::high;
  national.award.detail.attributes = {{"round", "2"}, {"role", "lead"}};
  national.award.detail.figures = {test::figure("allocation", 100'000'000, Unit::jpy, 2024)};
  national.award.detail.sources = {source("科学新聞")};

  for (const Model& m :
       {merged(core.build(), national.build()), merged(national.build(), core.build())}) {
    ASSERT_EQ(m.edge_count(), 1u);
    const Edge& e = m.edge(0);
    EXPECT_EQ(e.certainty, Certainty::certain);
    EXPECT_EQ(e.fiscal_year(), 2024);
    const EdgeDetail& d = m.detail(0);
    EXPECT_EQ(d.attribute("round"), "2");
    EXPECT_EQ(d.attribute("role"), "lead");
    ASSERT_EQ(d.figures.size(), 1u);
    EXPECT_EQ(d.figures[0].value, 100'000'000);
    EXPECT_EQ(d.sources.size(), 2u);
  }
}

TEST(Layers, AnAttributeGivenTwiceDifferentlyNamesBothFilesAndTheKey) {
  Layers core;
  core.university.attributes = {{"mext_code", "F1"}};
  Layers national;
  national.university.attributes = {{"mext_code", "F2"}};
  auto e = refused_by<ValidationError>([&] { merged(core.build(), national.build()); });
  EXPECT_STREQ(e.what(),
               "national.json: /graph/nodes/university~1hirosaki/metadata/attributes/mext_code: "
               "'university/hirosaki': attribute \"mext_code\" is \"F1\" in core.json but \"F2\" "
               "in national.json");
  EXPECT_EQ(e.where().file, "national.json");
  EXPECT_EQ(e.where().id, "university/hirosaki");
}

TEST(Layers, NamesThatDifferAreRefused) {
  Layers core;
  Layers national;
  national.university.name.en = "Hirosaki Univ.";
  auto e = refused_by<ValidationError>([&] { merged(core.build(), national.build()); });
  EXPECT_NE(e.problem().find("name.en is \"university/hirosaki\" in core.json but \"Hirosaki "
                             "Univ.\" in national.json"),
            std::string::npos)
      << e.what();
}

TEST(Layers, NotesAndEdgeFiscalYearsThatDifferAreRefused) {
  Layers core;
  core.university.note = {"一", "one"};
  Layers national;
  national.university.note = {"別", "another"};
  auto note = refused_by<ValidationError>([&] { merged(core.build(), national.build()); });
  EXPECT_EQ(note.where().pointer, "/graph/nodes/university~1hirosaki/metadata/note/ja");

  Layers early;
  early.award.fiscal_year = 2023;
  Layers late;
  late.award.fiscal_year = 2024;
  auto year = refused_by<ValidationError>([&] { merged(early.build(), late.build()); });
  EXPECT_EQ(year.problem(), "fiscal_year is \"2023\" in core.json but \"2024\" in national.json");
  EXPECT_EQ(year.where().id, "university/hirosaki -awarded-> program/j-peaks");
}

TEST(Layers, EdgeAttributesThatDifferAreRefused) {
  Layers core;
  core.award.detail.attributes = {{"round", "1"}};
  Layers national;
  national.award.detail.attributes = {{"round", "2"}};
  auto e = refused_by<ValidationError>([&] { merged(core.build(), national.build()); });
  EXPECT_EQ(e.problem(), "attribute \"round\" is \"1\" in core.json but \"2\" in national.json");
}

TEST(Layers, NodesAndEdgesOfOneLayerAreAddedToTheOther) {
  Layers core;
  ModelBuilder b;
  b.add_node(test::node("university/hirosaki"))
      .add_node(test::node("prefecture/aomori"))
      .add_edge(test::edge("university/hirosaki", "prefecture/aomori", Relation::located_in));
  Model m = merged(core.build(), std::move(b).build());
  EXPECT_EQ(m.node_count(), 3u);
  EXPECT_EQ(m.edge_count(), 2u);
  EXPECT_TRUE(m.find("prefecture/aomori"));
}

TEST(Layers, ALaterLayerIsComparedWithAllBeforeIt) {
  Layers a;
  Layers b;
  b.university.attributes = {{"mext_code", "F1"}};
  Layers c;
  c.university.attributes = {{"mext_code", "F2"}};
  const std::array<Model, 3> layers{a.build(), b.build(), c.build()};
  const std::array<std::string, 3> origins{"a.json", "b.json", "c.json"};
  auto e = refused_by<ValidationError>([&] { merge_layers(layers, origins); });
  EXPECT_EQ(e.problem(),
            "attribute \"mext_code\" is \"F1\" in a.json + b.json but \"F2\" in c.json");
}

// --- the embedded dataset's two layers ---------------------------------------------------------

TEST(Layers, EachLayerOfTheEmbeddedDatasetLoadsAlone) {
  Model core = load_model(core_file);
  Model national = load_model(national_file);
  EXPECT_EQ(core.nodes_of_kind(Kind::university).size(), 9u);
  EXPECT_EQ(national.nodes_of_kind(Kind::university).size(), 814u);
  EXPECT_EQ(national.nodes_of_kind(Kind::prefecture).size(), 47u);
  // The national layer's copies of core nodes have the core's kind and names.
  for (NodeIndex i = 0; i < national.node_count(); ++i) {
    const Node& copy = national.node(i);
    if (auto same = core.find(copy.id)) {
      EXPECT_EQ(core.node(*same).kind, copy.kind) << copy.id;
      EXPECT_EQ(core.node(*same).name, copy.name) << copy.id;
    }
  }
}

TEST(Layers, TheEmbeddedModelIsTheCoreWithTheNationalLayerOverIt) {
  EXPECT_EQ(default_model(), load_layers({core_file, national_file}));
  const Model& m = default_model();
  EXPECT_EQ(m.info().id, "kyoso-fy2024");
  EXPECT_EQ(m.nodes_of_kind(Kind::university).size(), 814u);
  // The core's note and the national layer's code on one node.
  const Node& hirosaki = m.node("university/hirosaki");
  EXPECT_FALSE(hirosaki.note.empty());
  EXPECT_FALSE(hirosaki.attribute("mext_code").empty());
  // The core cites MEXT's list of J-PEAKS's round 2, the national layer press reports of it:
  // one edge, certain, with the round.
  auto award = std::find_if(m.out_edges(*m.find("university/hirosaki")).begin(),
                            m.out_edges(*m.find("university/hirosaki")).end(), [&](EdgeIndex i) {
                              return m.edge(i).relation == Relation::awarded &&
                                     m.node(m.edge(i).target).id == "program/j-peaks";
                            });
  ASSERT_NE(award, m.out_edges(*m.find("university/hirosaki")).end());
  EXPECT_EQ(m.edge(*award).certainty, Certainty::certain);
  EXPECT_EQ(m.edge(*award).fiscal_year(), 2024);
  EXPECT_EQ(m.detail(*award).attribute("round"), "2");
  EXPECT_GE(m.detail(*award).sources.size(), 2u);
}

TEST(Layers, TheNationalLayerIsInTheWritersCanonicalForm) {
  // The converter (data/national/convert.py) writes what to_jgf writes for the same model.
  EXPECT_EQ(to_jgf(load_model(national_file)), read_file(national_file));
}

TEST(Layers, OneFileLoadsAsLoadModelReadsIt) {
  EXPECT_EQ(load_layers({core_file}), load_model(core_file));
}

TEST(Layers, AFileThatCannotBeReadIsNamed) {
  auto e = refused_by<IoError>([] { load_layers({core_file, data_dir / "no-such.jgf.json"}); });
  EXPECT_NE(std::string(e.what()).find("no-such.jgf.json"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace kyoso
