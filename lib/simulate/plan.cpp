// Reading a program's track structure and figures into a simulation plan. Every number comes
// from the model (or an option that overrides it) and is written down in the assumptions.
#include "simulate/plan.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "kyoso/error.hpp"
#include "kyoso/limits.hpp"

namespace kyoso::detail {
namespace {

constexpr int max_years = 100;
constexpr std::size_t max_runs = 100'000;
// Sites per track, stated or given: far above any program, low enough that a Monte Carlo's
// reviews (one draw per site) stay quick.
constexpr std::int64_t max_sites = 100'000;

std::string yen(std::int64_t value) {
  // Unsigned, so that the most negative value has a magnitude too.
  std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (value < 0 ? "-" : "") + out;
}

std::string fy(int year) { return "FY" + std::to_string(year); }
std::string reiwa(int year) {
  int n = year - 2018;
  return n == 1 ? "令和元年度" : "令和" + std::to_string(n) + "年度";
}

// 令和6年度 for 2024: the Japanese texts name fiscal years as the seed does (令和 began in
// FY2019, 令和元年度).
std::string nendo(int year) {
  if (year < 2019) return std::to_string(year) + "年度";
  return "令和" + (year == 2019 ? std::string("元") : std::to_string(year - 2018)) + "年度";
}

// How the source qualifies an amount, in the Japanese texts.
std::string qualifier_ja(Qualifier q) {
  switch (q) {
    case Qualifier::exact:
      return "記載額";
    case Qualifier::approx:
      return "程度";
    case Qualifier::up_to:
      return "上限";
    case Qualifier::at_least:
      return "以上";
  }
  return std::string(to_string(q));
}

std::string rate_text(double rate) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", rate);
  return buffer;
}

[[noreturn]] void refuse(const std::string& problem) { throw Error("simulate: " + problem); }

void check_options(const SimulationOptions& o) {
  if (o.years < 1 || o.years > max_years) {
    refuse("years must be 1 to " + std::to_string(max_years) + ", not " + std::to_string(o.years));
  }
  if (o.budget_jpy && *o.budget_jpy < 0) {
    refuse("the budget may not be negative (" + yen(*o.budget_jpy) + " JPY)");
  }
  if (o.future_budget_jpy && *o.future_budget_jpy < 0) {
    refuse("the future budget may not be negative (" + yen(*o.future_budget_jpy) + " JPY)");
  }
  if (o.promotion_rate && !(*o.promotion_rate >= 0 && *o.promotion_rate <= 1)) {
    refuse("the promotion rate must be between 0 and 1");
  }
  if (o.runs > max_runs) {
    refuse("runs must be at most " + std::to_string(max_runs) + ", not " + std::to_string(o.runs));
  }
  if (!(o.approx_spread >= 0 && o.approx_spread < 1)) {
    refuse("approx_spread must be at least 0 and below 1");
  }
  if (!(o.up_to_floor > 0 && o.up_to_floor <= 1)) {
    refuse("up_to_floor must be above 0 and at most 1");
  }
  if (o.start_fy && (*o.start_fy < 1900 || *o.start_fy + o.years - 1 > 2200)) {
    refuse("the simulated fiscal years must lie within 1900-2200");
  }
  for (const auto* counts : {&o.initial_sites, &o.new_sites}) {
    for (const auto& [track, n] : *counts) {
      if (n < 0 || n > max_sites) {
        refuse("a site count must be 0 to " + std::to_string(max_sites) + " ('" + track +
               "': " + std::to_string(n) + ")");
      }
    }
  }
}

class PlanReader {
 public:
  PlanReader(const Model& model, const SimulationOptions& options)
      : model_(model), options_(options) {}

  Plan read(std::string_view program_id) {
    check_options(options_);
    NodeIndex program = model_.resolve(program_id, Kind::program);
    const Node& node = model_.node(program);
    plan_.program = node.id;
    plan_.name = node.name;
    plan_.options = options_;
    collect_tracks(program);
    order_tracks();
    check_track_options();
    for (const TrackPlan& t : plan_.tracks) note_track(t.track);
    derive_promotion_rates();
    read_budget(node);
    return std::move(plan_);
  }

 private:
  void note(std::string ja, std::string en) {
    plan_.assumptions.push_back(Text{std::move(ja), std::move(en)});
  }

  const Figure* figure(const Node& n, std::string_view name, std::initializer_list<Unit> units) {
    const Figure* f = n.figure(name);
    if (f && std::find(units.begin(), units.end(), f->unit) == units.end()) {
      refuse(n.id + "'s " + std::string(name) + " is in " + std::string(to_string(f->unit)) +
             ", not " + std::string(to_string(*units.begin())));
    }
    return f;
  }

  // The tracks are the programs that are part_of the program (COI-NEXT: 育成型, 本格型 and
  // OPERA, docs/domain.md: what the seed leaves open); the fields below a track are counted with
  // it.
  // A track's call in the first simulated year: its own, else the program's. A year no call
  // entry covers is read as the latest year before it that one does, and the assumption says
  // so. A track takes entries (new sites or promotions) unless the call is closed or for
  // continuing projects only, and new sites only while its call is open.
  std::optional<CallStatus> call_status(const Node& track, const Node& program) {
    std::optional<int> first = options_.start_fy ? options_.start_fy : model_.info().fiscal_year;
    if (!first) return std::nullopt;
    int year = *first;
    for (const Node* n : {&track, &program}) {
      if (n->calls.empty()) continue;
      if (const Call* c = n->call(year)) return c->status;
      const Call* latest = nullptr;
      for (const Call& c : n->calls) {
        if (c.fiscal_year && *c.fiscal_year < year &&
            (!latest || *c.fiscal_year > *latest->fiscal_year)) {
          latest = &c;
        }
      }
      if (!latest) return std::nullopt;
      note(track.name.ja + "の" + reiwa(year) + "の公募状況は不明のため、" +
               reiwa(*latest->fiscal_year) + "と同じ（" + std::string(to_string(latest->status)) +
               "）と仮定",
           track.name.en + ": the " + fy(year) + " call is not known; taken as in " +
               fy(*latest->fiscal_year) + " (" + std::string(to_string(latest->status)) + ")");
      return latest->status;
    }
    return std::nullopt;
  }

  void collect_tracks(NodeIndex program) {
    check_size(program);
    const Node& program_node = model_.node(program);
    for (const Step& s : model_.neighbors(program, Direction::in, Relation::part_of)) {
      const Node& n = model_.node(s.node);
      if (n.kind != Kind::program) continue;
      TrackPlan t;
      t.track.id = n.id;
      t.track.name = n.name;
      std::optional<CallStatus> call = call_status(n, program_node);
      t.track.open = call != CallStatus::closed && call != CallStatus::continuing_only;
      bool takes_new_sites = !call || call == CallStatus::open;
      const Figure* money = figure(n, "funding_per_site", {Unit::jpy_per_year});
      const Figure* duration = figure(n, "duration", {Unit::fiscal_years, Unit::years});
      const Figure* sites = figure(n, "sites", {Unit::sites, Unit::count});
      const Figure* fresh = figure(n, "new_sites", {Unit::sites, Unit::count});
      for (const Figure* count : {sites, fresh}) {
        if (count && count->value > max_sites) {
          refuse(n.id + "'s " + count->name + " is more than " + std::to_string(max_sites));
        }
      }
      if (money) {
        t.track.funding_per_site = money->value;
        t.track.funding_qualifier = money->qualifier;
      }
      if (duration) {
        if (duration->value < 1 || duration->value > max_years) {
          refuse(n.id + "'s duration must be 1 to " + std::to_string(max_years) + " years");
        }
        t.track.duration = static_cast<int>(duration->value);
      }
      if (auto it = options_.initial_sites.find(n.id); it != options_.initial_sites.end()) {
        t.track.initial_sites = it->second;
      } else if (sites) {
        t.track.initial_sites = sites->value;
      }
      if (auto it = options_.new_sites.find(n.id); it != options_.new_sites.end()) {
        t.track.new_sites = it->second;
      } else if (fresh && t.track.open && takes_new_sites) {
        t.track.new_sites = fresh->value;
      }
      plan_.tracks.push_back(std::move(t));
    }
    if (plan_.tracks.empty()) {
      refuse(plan_.program +
             " has no tracks: the cohort model needs programs that are part_of it, each with "
             "funding_per_site and duration figures");
    }
    for (std::size_t i = 0; i < plan_.tracks.size(); ++i) {
      NodeIndex from = *model_.find(plan_.tracks[i].track.id);
      for (const Step& s : model_.neighbors(from, Direction::out, Relation::promotes_to)) {
        const std::string& target = model_.node(s.node).id;
        auto to = position(target);
        if (!to) {
          refuse(plan_.tracks[i].track.id + " promotes_to " + target +
                 ", which is not a track of " + plan_.program);
        }
        if (plan_.tracks[i].promotes_to) {
          refuse(plan_.tracks[i].track.id + " promotes to more than one track");
        }
        plan_.tracks[i].promotes_to = *to;
        plan_.tracks[i].track.promotes_to = target;
      }
    }
  }

  // The caps of limits.hpp, before any track is read: the tracks, and the values a Monte
  // Carlo keeps (runs × years × (tracks + 6)).
  void check_size(NodeIndex program) const {
    std::uint64_t tracks = 0;
    for (const Step& s : model_.neighbors(program, Direction::in, Relation::part_of)) {
      if (model_.node(s.node).kind == Kind::program) ++tracks;
    }
    if (tracks > limits::max_simulation_tracks) {
      refuse(model_.node(program).id + " has " + std::to_string(tracks) +
             " tracks, over the cap of " + std::to_string(limits::max_simulation_tracks) +
             " (kyoso::limits::max_simulation_tracks)");
    }
    std::uint64_t runs = std::max<std::uint64_t>(options_.runs, 1);
    std::uint64_t values = runs * static_cast<std::uint64_t>(options_.years) * (tracks + 6);
    if (values > limits::max_simulation_values) {
      refuse(std::to_string(runs) + " runs x " + std::to_string(options_.years) + " years x (" +
             std::to_string(tracks) + " tracks + 6) = " + std::to_string(values) +
             " values, over the cap of " + std::to_string(limits::max_simulation_values) +
             " (kyoso::limits::max_simulation_values); ask for fewer runs or years");
    }
  }

  std::optional<std::size_t> position(std::string_view id) const {
    for (std::size_t i = 0; i < plan_.tracks.size(); ++i) {
      if (plan_.tracks[i].track.id == id) return i;
    }
    return std::nullopt;
  }

  // Tracks that take new sites first, then each promoted-to track after the tracks that
  // promote into it, closed tracks last; by id within each. A promoting track then always
  // comes before its target, which the derivation of rates and each year's review rely on.
  void order_tracks() {
    std::vector<int> depth(plan_.tracks.size(), 0);
    for (std::size_t round = 0; round <= plan_.tracks.size(); ++round) {
      bool changed = false;
      for (std::size_t i = 0; i < plan_.tracks.size(); ++i) {
        if (auto to = plan_.tracks[i].promotes_to; to && depth[*to] < depth[i] + 1) {
          depth[*to] = depth[i] + 1;
          changed = true;
        }
      }
      if (!changed) break;
      if (round == plan_.tracks.size()) refuse("promotes_to forms a cycle in " + plan_.program);
    }
    std::vector<std::size_t> order(plan_.tracks.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const SimulatedTrack& x = plan_.tracks[a].track;
      const SimulatedTrack& y = plan_.tracks[b].track;
      return std::tuple(!x.open, depth[a], x.id) < std::tuple(!y.open, depth[b], y.id);
    });
    std::vector<std::size_t> new_position(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) new_position[order[k]] = k;
    std::vector<TrackPlan> sorted;
    for (std::size_t i : order) {
      sorted.push_back(std::move(plan_.tracks[i]));
      if (sorted.back().promotes_to)
        sorted.back().promotes_to = new_position[*sorted.back().promotes_to];
    }
    plan_.tracks = std::move(sorted);
  }

  // Options may only name tracks; a track that can hold sites needs its amount and term.
  void check_track_options() {
    for (const auto* counts : {&options_.initial_sites, &options_.new_sites}) {
      for (const auto& [id, n] : *counts) {
        if (!position(id)) {
          std::string tracks;
          for (const TrackPlan& t : plan_.tracks)
            tracks += (tracks.empty() ? "" : ", ") + t.track.id;
          refuse("'" + id + "' is not a track of " + plan_.program + " (its tracks: " + tracks +
                 ")");
        }
      }
    }
    std::vector<bool> promoted_into(plan_.tracks.size(), false);
    for (const TrackPlan& t : plan_.tracks) {
      if (t.promotes_to) promoted_into[*t.promotes_to] = true;
    }
    bool any = false;
    for (std::size_t i = 0; i < plan_.tracks.size(); ++i) {
      const SimulatedTrack& t = plan_.tracks[i].track;
      bool holds_sites = t.initial_sites > 0 || t.new_sites > 0 || promoted_into[i];
      if (!holds_sites) continue;
      any = true;
      if (t.duration == 0) refuse(t.id + " has no duration figure (fiscal_years)");
      if (!model_.node(t.id).figure("funding_per_site")) {
        refuse(t.id + " has no funding_per_site figure (jpy_per_year)");
      }
    }
    if (!any) {
      refuse("no track of " + plan_.program +
             " holds sites: none has a sites or new_sites figure, or is promoted into");
    }
  }

  // The rate that keeps a promoted-to track at its stated size. In steady state a track
  // holds (its yearly intake) × (its duration) sites, and its intake is its own new sites plus
  // rate × (the sites finishing the tracks that promote into it each year, which in steady
  // state is their own intake). So rate = (sites / duration − new sites) / inflow; COI-NEXT:
  // 本格型 「33拠点程度」「最長10年度」, 育成型 「新規６拠点程度」 → (33 / 10 − 0) / 6 = 0.55.
  void derive_promotion_rates() {
    std::vector<double> intake(plan_.tracks.size(), 0);
    for (std::size_t i = 0; i < plan_.tracks.size(); ++i) {
      SimulatedTrack& t = plan_.tracks[i].track;
      double inflow = 0;
      std::vector<std::size_t> promoters;
      for (std::size_t s = 0; s < i; ++s) {
        if (plan_.tracks[s].promotes_to == i) {
          promoters.push_back(s);
          inflow += intake[s];
        }
      }
      double rate = 0;
      if (!promoters.empty()) rate = promotion_rate(t, promoters, inflow);
      for (std::size_t s : promoters) plan_.tracks[s].track.promotion_rate = rate;
      intake[i] = static_cast<double>(t.new_sites) + rate * inflow;
    }
  }

  double promotion_rate(const SimulatedTrack& target, const std::vector<std::size_t>& promoters,
                        double inflow) {
    std::string from;
    for (std::size_t s : promoters) from += (from.empty() ? "" : ", ") + plan_.tracks[s].track.id;
    if (options_.promotion_rate) {
      note("昇格率 " + rate_text(*options_.promotion_rate) + "（" + from + " → " + target.id +
               "、指定値）",
           "promotion rate " + rate_text(*options_.promotion_rate) + " (" + from + " -> " +
               target.id + ", as given)");
      return *options_.promotion_rate;
    }
    const Figure* sites = model_.node(target.id).figure("sites");
    if (!sites) {
      refuse("cannot derive a promotion rate into " + target.id +
             ": it has no sites figure; pass a promotion rate");
    }
    if (inflow <= 0) {
      note("昇格率 0（" + from + " に新規拠点がない）",
           "promotion rate 0 (" + from + " takes no new sites)");
      return 0;
    }
    // One division, so that 33 / (10 × 6) is exactly the double nearest 0.55.
    double wanted = static_cast<double>(sites->value - target.new_sites * target.duration);
    double raw = wanted / (target.duration * inflow);
    double rate = std::clamp(raw, 0.0, 1.0);
    std::string formula = "(" + std::to_string(sites->value) + " / " +
                          std::to_string(target.duration) + " - " +
                          std::to_string(target.new_sites) + ") / " + rate_text(inflow);
    note("昇格率 " + rate_text(rate) + " = " + formula + "：" + target.id +
             " の記載拠点数を定常状態で保つ率（" + from + " → " + target.id + "）",
         "promotion rate " + rate_text(rate) + " = " + formula + ": the rate that keeps " +
             target.id + " at its stated sites in steady state (" + from + " -> " + target.id +
             ")" + (raw > 1 || raw < 0 ? ", clamped to 0-1" : ""));
    return rate;
  }

  void note_track(const SimulatedTrack& t) {
    if (t.duration == 0) {
      note(t.id + ": 拠点なし（1拠点の年額か支援期間の数値がない）",
           t.id + ": holds no sites (no funding_per_site or duration)");
      return;
    }
    std::string q(to_string(t.funding_qualifier));
    note(t.id + ": 1拠点 " + yen(t.funding_per_site) + "円/年（" +
             qualifier_ja(t.funding_qualifier) + "）、支援期間 " + std::to_string(t.duration) +
             "年、新規 " + std::to_string(t.new_sites) + "拠点/年、開始前年度 " +
             std::to_string(t.initial_sites) + "拠点",
         t.id + ": JPY " + yen(t.funding_per_site) + " per site per year (" + q + "), a " +
             std::to_string(t.duration) + "-year term, " + std::to_string(t.new_sites) +
             " new sites a year, " + std::to_string(t.initial_sites) +
             " sites in the year before the start");
    // A track nothing new enters (OPERA, 継続のみ) is only its running sites; without a count
    // it is empty, and the reader should know that this is for want of data.
    if (t.new_sites == 0 && !model_.node(t.id).figure("sites") &&
        !options_.initial_sites.count(t.id)) {
      note(t.id +
               ": モデルに拠点数の数値がないため継続拠点 0 で開始（--initial-sites で指定できる）",
           t.id +
               ": the model states no sites figure, so it starts with no running sites (set "
               "initial_sites)");
    }
  }

  // Each year's budget: the option, else the program's budget figure for that fiscal year,
  // else the last known before it (or the future budget option after the last figure), else,
  // before the first figure, the first.
  void read_budget(const Node& program) {
    std::map<int, std::int64_t> by_year;
    std::optional<std::int64_t> undated;
    for (const Figure& f : program.figures) {
      if (f.name != "budget") continue;
      if (f.unit != Unit::jpy)
        refuse(program.id + "'s budget is in " + std::string(to_string(f.unit)) + ", not jpy");
      if (f.fiscal_year) {
        by_year.emplace(*f.fiscal_year, f.value);
      } else if (!undated) {
        undated = f.value;
      }
    }
    int start = start_year(by_year);
    plan_.options.start_fy = start;
    if (options_.budget_jpy) {
      plan_.budget.assign(static_cast<std::size_t>(options_.years), *options_.budget_jpy);
      note("予算 毎年度 " + yen(*options_.budget_jpy) + "円（指定値）",
           "budget JPY " + yen(*options_.budget_jpy) + " every year (as given)");
      return;
    }
    if (by_year.empty() && !undated) {
      refuse(program.id + " has no budget figure; pass a budget");
    }
    for (int y = start; y < start + options_.years; ++y) {
      plan_.budget.push_back(budget_of(y, by_year, undated));
    }
    std::string stated, stated_ja;
    for (const auto& [year, value] : by_year) {
      stated += (stated.empty() ? "" : ", ") + fy(year) + " " + yen(value);
      stated_ja += (stated_ja.empty() ? "" : "、") + nendo(year) + " " + yen(value) + "円";
    }
    if (!by_year.empty()) {
      int last = by_year.rbegin()->first;
      std::string later = options_.future_budget_jpy
                              ? yen(*options_.future_budget_jpy) + " (as given)"
                              : "the last known, " + yen(by_year.rbegin()->second);
      std::string later_ja = options_.future_budget_jpy
                                 ? yen(*options_.future_budget_jpy) + "円（指定値）"
                                 : "最後の既知の額 " + yen(by_year.rbegin()->second) + "円";
      note("予算: " + stated_ja + "（予算額の数値）。" + nendo(last) + "より後は" + later_ja,
           "budget: " + stated + " (budget figures); after " + fy(last) + ": " + later);
    } else {
      note("予算 " + yen(*undated) + "円（年度のない予算額の数値）",
           "budget JPY " + yen(*undated) + " (an undated budget figure)");
    }
  }

  int start_year(const std::map<int, std::int64_t>& by_year) const {
    if (options_.start_fy) return *options_.start_fy;
    std::optional<int> start = model_.info().fiscal_year;
    if (!start && !by_year.empty()) start = by_year.rbegin()->first;
    if (!start) refuse("no start year: the model states no fiscal year; pass start_fy");
    if (*start + options_.years - 1 > 2200)
      refuse("the simulated fiscal years must lie within 1900-2200");
    return *start;
  }

  std::int64_t budget_of(int year, const std::map<int, std::int64_t>& by_year,
                         std::optional<std::int64_t> undated) const {
    if (auto it = by_year.find(year); it != by_year.end()) return it->second;
    if (undated) return *undated;
    auto after = by_year.upper_bound(year);
    if (after == by_year.end() && options_.future_budget_jpy) return *options_.future_budget_jpy;
    if (after == by_year.begin()) return after->second;
    return std::prev(after)->second;
  }

  const Model& model_;
  const SimulationOptions& options_;
  Plan plan_;
};

}  // namespace

Plan read_plan(const Model& model, std::string_view program, const SimulationOptions& options) {
  return PlanReader(model, options).read(program);
}

}  // namespace kyoso::detail
