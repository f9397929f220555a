// One Model queried from many threads at once gives every thread the answers one thread gets
// alone. Run under ThreadSanitizer too (`make tsan`), which reports any data race it sees.
#include <gtest/gtest.h>

#include <atomic>
#include <kyoso/kyoso.hpp>
#include <kyoso/scenario.hpp>
#include <latch>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace kyoso {
namespace {

constexpr int thread_count = 8;

// Starts `body(i)` on thread_count threads released together, so their first steps overlap.
template <class Body>
void together(Body body) {
  std::latch start(thread_count);
  std::vector<std::thread> threads;
  for (int i = 0; i < thread_count; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      body(i);
    });
  }
  for (std::thread& t : threads) t.join();
}

std::string summary(const FitResult& r) {
  std::ostringstream out;
  for (const Recommendation& rec : r.results) {
    out << rec.id << ' ' << rec.score << ' ' << to_string(rec.eligibility) << ' '
        << rec.criteria.size() << ' ' << rec.paths.size() << ' ' << rec.sources.size() << '\n';
  }
  return out.str();
}

std::string summary(const Portfolio& p) {
  std::ostringstream out;
  for (const PlanItem& item : p.plan) out << item.id << ' ' << item.start_year << '\n';
  for (const std::string& goal : p.uncovered) out << "uncovered " << goal << '\n';
  return out.str();
}

std::string summary(const std::vector<Neighbor>& ns) {
  std::ostringstream out;
  for (const Neighbor& n : ns) out << n.id << ' ' << n.depth << ' ' << n.path.length() << '\n';
  return out.str();
}

std::string summary(const PathResult& r) {
  std::ostringstream out;
  out << r.length.value_or(0) << ' ' << r.truncated << '\n';
  for (const Path& p : r.paths) {
    for (const std::string& n : p.nodes) out << n << ' ';
    out << '\n';
  }
  return out.str();
}

std::string summary(const std::vector<Diagnosis>& ds) {
  std::ostringstream out;
  for (const Diagnosis& d : ds) out << d.id << ' ' << d.factors.size() << ' ' << d.match << '\n';
  return out.str();
}

Profile regional() {
  Profile p;
  p.mission = "regional-revitalization";
  p.goals = {"social-implementation", "talent-development"};
  p.fields = {"agriculture"};
  p.stage = "stage/1";
  p.partners = {"local-government"};
  p.establishment = "private";
  return p;
}

// Every question the threads ask, answered once; each thread answers them all again.
struct Answers {
  std::string fit, explain, portfolio, neighbors, paths, diagnosis, jgf;
  friend bool operator==(const Answers&, const Answers&) = default;
};

Answers ask(const Model& m) {
  Answers a;
  a.fit = summary(fit(m, regional()));
  a.explain = summary(FitResult{{}, {}, {explain(m, "program/coi-next", regional())}});
  a.portfolio = summary(portfolio(m, regional()));
  a.neighbors = summary(neighbors(m, "program/coi-next", std::nullopt, Direction::both, 2));
  PathQuery q;
  q.from = "mission/regional-revitalization";
  q.to = "stage/2";
  a.paths = summary(shortest_paths(m, q));
  a.diagnosis = summary(diagnose(m, DiagnoseQuery{{"challenge/01"}, "", "産学"}));
  a.jgf = to_jgf(m);
  return a;
}

// First, so that default_model()'s one-time parse is what the threads race for.
TEST(Concurrency, DefaultModelFirstUseFromManyThreadsParsesOnce) {
  std::vector<const Model*> seen(thread_count);
  together([&](int i) { seen[i] = &default_model(); });
  for (const Model* m : seen) EXPECT_EQ(m, seen[0]);
  EXPECT_GT(seen[0]->node_count(), 100u);
}

TEST(Concurrency, ManyThreadsQueryingOneModelGetOneThreadsAnswers) {
  const Model& m = default_model();
  const Answers alone = ask(m);
  std::atomic<int> differing{0};
  together([&](int) {
    for (int round = 0; round < 3; ++round) {
      if (!(ask(m) == alone)) ++differing;
    }
  });
  EXPECT_EQ(differing.load(), 0);
}

TEST(Concurrency, ErrorsThrownFromManyThreadsAtOnceAreEachComplete) {
  const Model& m = default_model();
  std::atomic<int> bad{0};
  together([&](int i) {
    Profile p = regional();
    p.mission = "regional-revitalisation-" + std::to_string(i);
    for (int round = 0; round < 20; ++round) {
      try {
        fit(m, p);
        ++bad;
      } catch (const UnknownIdError& e) {
        if (e.suggestion() != "mission/regional-revitalization") ++bad;
      }
    }
  });
  EXPECT_EQ(bad.load(), 0);
}

TEST(Concurrency, CopiesOfOneModelMadeAndDroppedOnManyThreads) {
  // Copies share the frozen data; the last one dropped frees it, whichever thread that is.
  Model shared = parse_model(to_jgf(default_model()), "copy.json");
  const std::size_t nodes = shared.node_count();
  std::atomic<int> bad{0};
  together([&](int) {
    for (int round = 0; round < 200; ++round) {
      Model copy = shared;
      Model moved = std::move(copy);
      if (moved.node_count() != nodes || !moved.find("program/coi-next")) ++bad;
    }
  });
  shared = Model();
  EXPECT_EQ(bad.load(), 0);
}

TEST(Concurrency, ModelsDerivedOnManyThreadsLeaveTheBaseAlone) {
  const Model& base = default_model();
  const std::string before = to_jgf(base);
  std::atomic<int> bad{0};
  together([&](int i) {
    ModelBuilder b = ModelBuilder::from(base);
    Node extra;
    extra.kind = Kind::program;
    extra.id = "program/thread-" + std::to_string(i);
    extra.name = {"スレッド" + std::to_string(i), "thread " + std::to_string(i)};
    b.add_node(extra);
    b.add_edge({extra.id,
                "purpose/social-implementation",
                Relation::serves,
                Certainty::certain,
                std::nullopt,
                {}});
    Model derived = std::move(b).build();
    if (derived.node_count() != base.node_count() + 1) ++bad;
    if (fit(derived, regional()).results.size() != fit(base, regional()).results.size() + 1) ++bad;
  });
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(to_jgf(base), before);
}

// Each thread's own what-if: a budget, an attribute, a new program and a removed one.
Scenario what_if(int i) {
  Scenario s("thread-" + std::to_string(i));
  s.set_budget("program/coi-next", 2025, 10'000'000'000 + i);
  s.set("program/coi-next", "calls@2024/status", std::string(i % 2 ? "closed" : "open"));
  Node extra;
  extra.kind = Kind::program;
  extra.id = "program/what-if-" + std::to_string(i);
  extra.name = {"仮" + std::to_string(i), "what if " + std::to_string(i)};
  s.add_node(extra).add_edge(extra.id, "purpose/social-implementation", Relation::serves);
  if (i % 3 == 0) s.remove_node("program/wpi");
  return s;
}

TEST(Concurrency, ScenariosAppliedToOneModelOnManyThreadsAtOnce) {
  const Model& base = default_model();
  const std::string before = to_jgf(base);
  std::vector<std::string> alone(thread_count);
  for (int i = 0; i < thread_count; ++i) alone[i] = to_jgf(apply(base, what_if(i)));
  std::atomic<int> bad{0};
  together([&](int i) {
    for (int round = 0; round < 3; ++round) {
      Model derived = apply(base, what_if(i));
      if (to_jgf(derived) != alone[i]) ++bad;
      // Queries on the derived model run while other threads derive from the same base.
      if (fit(derived, regional()).results.empty()) ++bad;
      try {
        Scenario wrong = what_if(i);
        wrong.remove_node("program/no-such-" + std::to_string(i));
        apply(base, wrong);
        ++bad;
      } catch (const UnknownIdError&) {
      }
    }
  });
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(to_jgf(base), before);
}

TEST(Concurrency, LoadingOnManyThreadsAtOnce) {
  const std::string text = to_jgf(default_model());
  std::atomic<int> bad{0};
  together([&](int i) {
    Model m = parse_model(text, "thread-" + std::to_string(i) + ".json");
    if (!(m == default_model())) ++bad;
    try {
      parse_model(text.substr(0, text.size() / 2), "cut.json");
      ++bad;
    } catch (const ParseError& e) {
      if (e.where().file != "cut.json") ++bad;
    }
  });
  EXPECT_EQ(bad.load(), 0);
}

}  // namespace
}  // namespace kyoso
