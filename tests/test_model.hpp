// Small hand-built models for tests: nodes named after their ids, figures, edges, and a
// fluent Graph whose edges each cite a source.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <kyoso/kyoso.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kyoso::test {

// A name in the temporary directory that this test process alone uses: several builds (or
// `ctest -j`) run the same tests at once.
inline std::filesystem::path scratch(const std::string& name) {
  return std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
}

inline Node node(const std::string& id, std::vector<Figure> figures = {},
                 std::map<std::string, std::string> attributes = {}) {
  Node n;
  n.id = id;
  n.kind = *kind_of_id(id);
  n.name = {id + "（日本語）", id};
  n.figures = std::move(figures);
  n.attributes = std::move(attributes);
  return n;
}

inline Figure figure(std::string name, std::int64_t value, Unit unit,
                     std::optional<int> fiscal_year = {}, Qualifier qualifier = Qualifier::exact) {
  Figure f;
  f.name = std::move(name);
  f.value = value;
  f.unit = unit;
  f.fiscal_year = fiscal_year;
  f.qualifier = qualifier;
  return f;
}

inline ModelBuilder::EdgeSpec edge(std::string source, std::string target, Relation relation) {
  ModelBuilder::EdgeSpec e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.relation = relation;
  return e;
}

// A call entry: every year when no fiscal year is given, else `fiscal_year` through `until`.
inline Call call(CallStatus status, std::optional<int> fiscal_year = {},
                 std::optional<int> until = {}) {
  Call c;
  c.status = status;
  c.fiscal_year = fiscal_year;
  c.until_fiscal_year = until;
  return c;
}

class Graph {
 public:
  Graph& node(const std::string& id, std::map<std::string, std::string> attributes = {},
              std::vector<Call> calls = {}) {
    Node n = test::node(id, {}, std::move(attributes));
    n.calls = std::move(calls);
    builder_.add_node(std::move(n));
    return *this;
  }
  // A program whose call is open every year.
  Graph& open_program(const std::string& id, std::map<std::string, std::string> attributes = {}) {
    return node(id, std::move(attributes), {call(CallStatus::open)});
  }
  Graph& fiscal_year(int year) {
    ModelInfo info;
    info.id = "test";
    info.name = {"テスト", "test"};
    info.fiscal_year = year;
    builder_.info(info);
    return *this;
  }
  Graph& edge(const std::string& source, Relation relation, const std::string& target,
              std::optional<int> fiscal_year = {}) {
    ModelBuilder::EdgeSpec e = test::edge(source, target, relation);
    e.fiscal_year = fiscal_year;
    e.detail.sources.push_back(Source{"seed.txt", "", source + " " + target, "", "", "", ""});
    builder_.add_edge(std::move(e));
    return *this;
  }
  Model build() { return builder_.build(); }

 private:
  ModelBuilder builder_;
};

}  // namespace kyoso::test
