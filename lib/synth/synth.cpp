// The synthetic model generator (include/kyoso/synth.hpp). The proportions below are
// plausible shapes, not statistics: most universities are private and regional, most programs
// are open calls applied for by universities, and collaboration degrees follow preferential
// attachment, which gives the heavy-tailed degree distribution of real co-authorship and
// joint-research networks.
#include "kyoso/synth.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "kyoso/error.hpp"
#include "kyoso/io.hpp"
#include "kyoso/limits.hpp"

namespace kyoso {
namespace {

// Draws from std::mt19937_64, whose output the standard fixes bit for bit. The mapping to a
// range is ours (std::uniform_int_distribution's differs between standard libraries), and
// integer-only, so a seed means the same model everywhere.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, n). Values below 2^64 mod n are redrawn so that every residue is equally
  // likely.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
      std::uint64_t x = engine_();
      if (x >= threshold) return x % n;
    }
  }
  std::size_t between(std::size_t low, std::size_t high) { return low + below(high - low + 1); }
  bool percent(unsigned p) { return below(100) < p; }

  // An index drawn with the given relative weights.
  template <std::size_t N>
  std::size_t weighted(const std::array<unsigned, N>& weights) {
    unsigned total = 0;
    for (unsigned w : weights) total += w;
    std::uint64_t x = below(total);
    for (std::size_t i = 0; i < N; ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return N - 1;
  }

  // `count` distinct items of `from` (count <= from.size()), in the order drawn.
  template <class T>
  std::vector<T> distinct(const std::vector<T>& from, std::size_t count) {
    std::vector<T> out;
    while (out.size() < count) {
      const T& item = from[below(from.size())];
      if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    }
    return out;
  }

 private:
  std::mt19937_64 engine_;
};

// "0042" for 42 of 1000: ids sort in number order.
std::string padded(std::size_t n, std::size_t count) {
  std::string digits = std::to_string(n);
  std::size_t width = std::to_string(count).size();
  return std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}

// The embedded model's ids that generated nodes link to.
struct Vocabulary {
  std::vector<std::string> pillars{"pillar/own-efforts", "pillar/connecting",
                                   "pillar/regional-role", "pillar/institutional-reform"};
  std::vector<std::string> orgs{"org/mext", "org/jst", "org/jsps", "org/meti",
                                "org/cao",  "org/mic", "org/maff"};
  std::vector<std::string> purposes;
  std::vector<std::string> missions{"mission/regional-revitalization",
                                    "mission/distinctive-research", "mission/world-class"};
  std::vector<std::string> fields;
  std::vector<std::string> partners;
  std::vector<std::string> establishments{"establishment/national", "establishment/public",
                                          "establishment/private"};
  std::vector<std::string> stages;
  std::vector<std::string> applicants{"applicant/university", "applicant/local-government",
                                      "applicant/consortium"};

  explicit Vocabulary(const Model& base) {
    auto ids = [&](Kind kind) {
      std::vector<std::string> out;
      for (NodeIndex i : base.nodes_of_kind(kind)) out.push_back(base.node(i).id);
      return out;
    };
    purposes = ids(Kind::purpose);
    fields = ids(Kind::field);
    partners = ids(Kind::partner);
    stages = ids(Kind::stage);
  }
};

class Generator {
 public:
  explicit Generator(const SynthOptions& options)
      : options_(options),
        base_(core_model()),
        words_(base_),
        draw_(options.seed),
        builder_(ModelBuilder::from(base_)) {}

  Model run() {
    check_sizes();
    builder_.info(info());
    add_programs();
    InterruptScope::check();
    add_universities();
    InterruptScope::check();
    add_stakeholders();
    InterruptScope::check();
    add_collaborations();
    InterruptScope::check();
    return std::move(builder_).build();
  }

 private:
  ModelInfo info() const {
    auto counts = [&](const char* u, const char* p, const char* s, const char* e) {
      return std::to_string(options_.universities) + u + std::to_string(options_.programs) + p +
             std::to_string(options_.stakeholders) + s + std::to_string(options_.edges) + e +
             std::to_string(options_.seed);
    };
    ModelInfo info;
    info.id = "kyoso-synthetic";
    info.name = {
        "合成モデル（" + counts("大学・", "事業・", "ステークホルダー・", "エッジ、seed ") + "）",
        "Synthetic model (" +
            counts(" universities, ", " programs, ", " stakeholders, ", " edges, seed ") + ")"};
    info.description = {
        "令和6年度モデルに、kyoso synth が生成した大学（プロファイル付き）・支援事業・ステーク"
        "ホルダー・共同研究の連携を加えたもの。生成部分は実在しない。",
        "The FY2024 model plus universities (with stored profiles), programs, stakeholders and "
        "joint-research links generated by kyoso synth. The generated part is not real."};
    info.fiscal_year = base_.info().fiscal_year;
    return info;
  }

  void node(std::string id, Kind kind, Text name, std::map<std::string, std::string> attributes,
            std::vector<Call> calls = {}) {
    Node n;
    n.id = std::move(id);
    n.kind = kind;
    n.name = std::move(name);
    n.attributes = std::move(attributes);
    n.calls = std::move(calls);
    builder_.add_node(std::move(n));
  }

  void edge(const std::string& source, Relation relation, const std::string& target,
            std::optional<int> fiscal_year = std::nullopt) {
    ModelBuilder::EdgeSpec e;
    e.source = source;
    e.target = target;
    e.relation = relation;
    e.fiscal_year = fiscal_year;
    builder_.add_edge(std::move(e));
    ++structure_edges_;
  }

  void edges(const std::string& source, Relation relation, const std::vector<std::string>& to) {
    for (const std::string& target : to) edge(source, relation, target);
  }

  // A call for every year: most programs take applications, a few are closed, a few are
  // allocated without one.
  Call call() {
    Call c;
    c.status = std::array{CallStatus::open, CallStatus::closed,
                          CallStatus::allocated}[draw_.weighted<3>({85, 12, 3})];
    return c;
  }

  // Umbrella programs state their facts; a track (part_of an earlier umbrella) states a few
  // of its own and inherits the rest, as COI-NEXT's tracks do.
  void add_programs() {
    std::vector<std::string> umbrellas;
    for (std::size_t i = 1; i <= options_.programs; ++i) {
      std::string id = "program/p" + padded(i, options_.programs);
      std::string number = padded(i, options_.programs);
      bool track = !umbrellas.empty() && draw_.percent(30);
      std::vector<Call> calls;
      if (!track || draw_.percent(50)) calls.push_back(call());
      node(id, Kind::program, {"合成支援事業" + number, "Synthetic program " + number}, {},
           std::move(calls));
      if (track) {
        edge(id, Relation::part_of, umbrellas[draw_.below(umbrellas.size())]);
        add_track_facts(id);
      } else {
        add_umbrella_facts(id);
        umbrellas.push_back(id);
      }
      programs_.push_back(id);
    }
  }

  void add_umbrella_facts(const std::string& id) {
    edge(id, Relation::in_pillar, words_.pillars[draw_.weighted<4>({40, 25, 30, 5})]);
    edge(id, Relation::administered_by, words_.orgs[draw_.weighted<7>({40, 30, 10, 8, 5, 4, 3})]);
    edges(id, Relation::serves, draw_.distinct(words_.purposes, draw_.between(1, 3)));
    edges(id, Relation::targets, draw_.distinct(words_.missions, draw_.between(1, 2)));
    if (draw_.percent(60)) {
      edges(id, Relation::suits_field, draw_.distinct(words_.fields, draw_.between(1, 2)));
    }
    add_applicants(id, 90);
    if (draw_.percent(15)) {
      edge(id, Relation::suits_stage, words_.stages[draw_.below(words_.stages.size())]);
    }
    if (draw_.percent(10)) {
      edge(id, Relation::excludes,
           words_.establishments[draw_.below(words_.establishments.size())]);
    }
    if (draw_.percent(20)) {
      edges(id, Relation::needs_partner, draw_.distinct(words_.partners, draw_.between(1, 2)));
    }
  }

  void add_track_facts(const std::string& id) {
    if (draw_.percent(50)) {
      edges(id, Relation::targets, draw_.distinct(words_.missions, 1));
    }
    if (draw_.percent(25)) {
      edges(id, Relation::serves, draw_.distinct(words_.purposes, draw_.between(1, 2)));
    }
    if (draw_.percent(30)) {
      edges(id, Relation::suits_field, draw_.distinct(words_.fields, 1));
    }
    if (draw_.percent(85)) {
      edges(id, Relation::suits_stage, draw_.distinct(words_.stages, draw_.between(1, 2)));
    }
    if (draw_.percent(30)) add_applicants(id, 80);
    if (draw_.percent(25)) {
      edges(id, Relation::needs_partner, draw_.distinct(words_.partners, 1));
    }
  }

  // Mostly the university applies; otherwise a local government or a consortium, which a
  // university reaches through a partner (partner/…  applies_as applicant/…).
  void add_applicants(const std::string& id, unsigned university_percent) {
    if (draw_.percent(university_percent)) {
      edge(id, Relation::applied_by, words_.applicants[0]);
      if (draw_.percent(10)) edge(id, Relation::applied_by, words_.applicants[2]);
    } else {
      edge(id, Relation::applied_by, words_.applicants[1 + draw_.below(2)]);
    }
  }

  void add_universities() {
    std::vector<std::string> held = programs_;
    for (NodeIndex i : base_.nodes_of_kind(Kind::program)) held.push_back(base_.node(i).id);
    for (std::size_t i = 1; i <= options_.universities; ++i) {
      std::string number = padded(i, options_.universities);
      std::string id = "university/u" + number;
      node(id, Kind::university, {"合成大学" + number, "Synthetic University " + number}, {});
      edge(id, Relation::has_mission, words_.missions[draw_.weighted<3>({55, 35, 10})]);
      edges(id, Relation::pursues, draw_.distinct(words_.purposes, draw_.between(1, 3)));
      edges(id, Relation::works_in, draw_.distinct(words_.fields, draw_.between(0, 2)));
      edges(id, Relation::has_partner, draw_.distinct(words_.partners, draw_.between(0, 3)));
      edge(id, Relation::established_as, words_.establishments[draw_.weighted<3>({12, 13, 75})]);
      edge(id, Relation::reached_stage, words_.stages[draw_.weighted<4>({30, 30, 25, 15})]);
      std::size_t awards = draw_.weighted<3>({55, 35, 10});
      for (const std::string& program : draw_.distinct(held, std::min(awards, held.size()))) {
        edge(id, Relation::awarded, program, static_cast<int>(2019 + draw_.below(6)));
      }
      universities_.push_back(id);
    }
  }

  void add_stakeholders() {
    struct Type {
      const char* ja;
      const char* en;
    };
    static constexpr std::array<Type, 5> types{{{"企業", "Company"},
                                                {"自治体", "Local government"},
                                                {"研究機関", "Research institution"},
                                                {"金融機関", "Financial institution"},
                                                {"スタートアップ", "Start-up"}}};
    for (std::size_t i = 1; i <= options_.stakeholders; ++i) {
      std::string number = padded(i, options_.stakeholders);
      const Type& type = types[draw_.weighted<5>({70, 10, 10, 5, 5})];
      node("stakeholder/s" + number, Kind::stakeholder,
           {std::string(type.ja) + number, std::string(type.en) + " " + number}, {});
    }
  }

  // Node ids are numbered within 32-bit node indices, and the model must load back from the
  // file it is saved as.
  void check_sizes() const {
    constexpr std::size_t most_nodes = 100'000'000;
    auto at_most = [](const char* name, std::size_t n, std::size_t most) {
      if (n > most) {
        throw Error(std::string(name) + " is at most " + std::to_string(most) + ", not " +
                    std::to_string(n));
      }
    };
    at_most("universities", options_.universities, most_nodes);
    at_most("programs", options_.programs, most_nodes);
    at_most("stakeholders", options_.stakeholders, most_nodes);
    at_most("edges", options_.edges, LoadLimits{}.max_edges);
  }

  // Preferential attachment: a link's stakeholder end is, three times in four, the end of a
  // link drawn so far (so a node is picked in proportion to its degree), else any stakeholder.
  // A university starts 30% of the links, a stakeholder the rest.
  void add_collaborations() {
    std::size_t structure = base_.edge_count() + structure_edges_;
    if (options_.edges < structure) {
      throw Error("edges " + std::to_string(options_.edges) + " is fewer than the " +
                  std::to_string(structure) +
                  " edges the embedded model, the programs and the universities' profiles need");
    }
    const std::size_t links = options_.edges - structure;
    const std::uint64_t u = universities_.size(), s = options_.stakeholders;
    const std::uint64_t possible = u * s + (s > 0 ? s * (s - 1) : 0);
    if (links > possible / 2) {
      throw Error("edges " + std::to_string(options_.edges) + " needs " + std::to_string(links) +
                  " joint-research links, more than " + std::to_string(possible / 2) +
                  " (half the possible pairs) for " + std::to_string(u) + " universities and " +
                  std::to_string(s) + " stakeholders");
    }
    std::vector<std::uint32_t> ends;  // stakeholder numbers, once per link end
    ends.reserve(2 * links);
    auto stakeholder = [&] {
      if (ends.empty() || draw_.percent(25)) return static_cast<std::uint32_t>(draw_.below(s));
      return ends[draw_.below(ends.size())];
    };
    // Pairs as (source << 32 | target); sources number universities after stakeholders.
    std::unordered_set<std::uint64_t> seen;
    seen.reserve(links);
    while (seen.size() < links) {
      if ((ends.size() & 0xFFFF) == 0) InterruptScope::check();
      bool from_university = u > 0 && draw_.percent(30);
      std::uint64_t source = from_university ? s + draw_.below(u) : stakeholder();
      std::uint32_t target = stakeholder();
      if (source == target || !seen.insert(source << 32 | target).second) continue;
      if (!from_university) ends.push_back(static_cast<std::uint32_t>(source));
      ends.push_back(target);
      ModelBuilder::EdgeSpec e;
      e.source = from_university ? universities_[source - s] : stakeholder_id(source);
      e.target = stakeholder_id(target);
      e.relation = Relation::collaborates_with;
      builder_.add_edge(std::move(e));
    }
  }

  std::string stakeholder_id(std::uint64_t number) const {
    return "stakeholder/s" + padded(number + 1, options_.stakeholders);
  }

  const SynthOptions& options_;
  const Model& base_;
  const Vocabulary words_;
  Draw draw_;
  ModelBuilder builder_;
  std::vector<std::string> programs_;
  std::vector<std::string> universities_;
  std::size_t structure_edges_ = 0;
};

}  // namespace

Model synthesize(const SynthOptions& options) { return Generator(options).run(); }

}  // namespace kyoso
