#include "kyoso/vocabulary.hpp"

#include <array>

namespace kyoso {
namespace {

constexpr std::array<std::string_view, kind_count> kind_names{
    "package",       "pillar",      "program", "purpose",   "mission",   "field",      "applicant",
    "org",           "stakeholder", "factor",  "stage",     "challenge", "university", "partner",
    "establishment", "prefecture",  "region",  "framework", "fund",      "publication"};

constexpr std::array<std::string_view, relation_count> relation_names{
    "part_of",           "in_pillar",       "serves",      "targets",        "suits_field",
    "applied_by",        "administered_by", "promotes_to", "considers",      "addresses",
    "at_stage",          "reference_case",  "awarded",     "flows_to",       "next",
    "needs_partner",     "applies_as",      "excludes",    "suits_stage",    "has_mission",
    "pursues",           "works_in",        "has_partner", "established_as", "reached_stage",
    "collaborates_with", "located_in",      "in_region",   "succeeded_by",   "partners_in",
    "candidate_for",     "chose_framework", "indicates",   "joined_by",      "involves",
    "funded_by",         "described_in"};

constexpr std::array<std::string_view, 4> certainty_names{"certain", "high", "medium", "unknown"};
constexpr std::array<std::string_view, 4> qualifier_names{"exact", "approx", "up_to", "at_least"};
constexpr std::array<std::string_view, 7> unit_names{
    "jpy", "jpy_per_year", "years", "fiscal_years", "sites", "count", "basis_points"};
constexpr std::array<std::string_view, 5> call_status_names{
    "open", "promotion-only", "continuing-only", "closed", "allocated"};
constexpr std::array<std::string_view, 3> direction_names{"out", "in", "both"};
constexpr std::array<std::string_view, 2> lang_names{"ja", "en"};

template <class Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

template <std::size_t N, class Enum>
std::string_view name(const std::array<std::string_view, N>& names, Enum value) {
  auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : std::string_view{"?"};
}

constexpr auto all_kind_values = [] {
  std::array<Kind, kind_count> out{};
  for (std::size_t i = 0; i < kind_count; ++i) out[i] = static_cast<Kind>(i);
  return out;
}();
constexpr auto all_relation_values = [] {
  std::array<Relation, relation_count> out{};
  for (std::size_t i = 0; i < relation_count; ++i) out[i] = static_cast<Relation>(i);
  return out;
}();

using K = Kind;
using P = KindPair;
// One row per relation, in enum order; docs/format.md shows the same table.
constexpr P part_of[]{{K::program, K::program}, {K::pillar, K::package}, {K::program, K::package}};
constexpr P in_pillar[]{{K::program, K::pillar}};
constexpr P serves[]{{K::program, K::purpose}};
constexpr P targets[]{{K::program, K::mission}};
constexpr P suits_field[]{{K::program, K::field}};
constexpr P applied_by[]{{K::program, K::applicant}};
constexpr P administered_by[]{{K::program, K::org}};
constexpr P program_to_program[]{{K::program, K::program}};
constexpr P addresses[]{{K::factor, K::challenge}};
constexpr P at_stage[]{{K::challenge, K::stage}};
constexpr P reference_case[]{{K::challenge, K::university}};
constexpr P awarded[]{{K::university, K::program}};
constexpr P flows_to[]{{K::stakeholder, K::stakeholder},
                       {K::stakeholder, K::org},
                       {K::org, K::stakeholder},
                       {K::org, K::org}};
constexpr P next[]{{K::stage, K::stage}};
constexpr P needs_partner[]{{K::program, K::partner}};
constexpr P applies_as[]{{K::partner, K::applicant}};
constexpr P excludes[]{{K::program, K::establishment}};
constexpr P suits_stage[]{{K::program, K::stage}};
constexpr P has_mission[]{{K::university, K::mission}};
constexpr P pursues[]{{K::university, K::purpose}};
constexpr P works_in[]{{K::university, K::field}};
constexpr P has_partner[]{{K::university, K::partner}};
constexpr P established_as[]{{K::university, K::establishment}};
constexpr P reached_stage[]{{K::university, K::stage}};
constexpr P collaborates_with[]{{K::university, K::stakeholder}, {K::stakeholder, K::stakeholder}};
constexpr P located_in[]{{K::university, K::prefecture}};
constexpr P in_region[]{{K::prefecture, K::region}};
constexpr P succeeded_by[]{{K::university, K::university}};
constexpr P university_to_program[]{{K::university, K::program}};
constexpr P chose_framework[]{{K::university, K::framework}};
constexpr P indicates[]{{K::framework, K::mission}};
constexpr P program_to_applicant[]{{K::program, K::applicant}};
constexpr P funded_by[]{{K::program, K::fund}};
constexpr P described_in[]{{K::factor, K::publication}, {K::challenge, K::publication}};

constexpr std::array<std::span<const P>, relation_count> signatures{part_of,
                                                                    in_pillar,
                                                                    serves,
                                                                    targets,
                                                                    suits_field,
                                                                    applied_by,
                                                                    administered_by,
                                                                    program_to_program,
                                                                    program_to_program,
                                                                    addresses,
                                                                    at_stage,
                                                                    reference_case,
                                                                    awarded,
                                                                    flows_to,
                                                                    next,
                                                                    needs_partner,
                                                                    applies_as,
                                                                    excludes,
                                                                    suits_stage,
                                                                    has_mission,
                                                                    pursues,
                                                                    works_in,
                                                                    has_partner,
                                                                    established_as,
                                                                    reached_stage,
                                                                    collaborates_with,
                                                                    located_in,
                                                                    in_region,
                                                                    succeeded_by,
                                                                    university_to_program,
                                                                    university_to_program,
                                                                    chose_framework,
                                                                    indicates,
                                                                    program_to_applicant,
                                                                    program_to_applicant,
                                                                    funded_by,
                                                                    described_in};

}  // namespace

std::string_view to_string(Kind v) noexcept { return name(kind_names, v); }
std::string_view to_string(Relation v) noexcept { return name(relation_names, v); }
std::string_view to_string(Certainty v) noexcept { return name(certainty_names, v); }
std::string_view to_string(Qualifier v) noexcept { return name(qualifier_names, v); }
std::string_view to_string(Unit v) noexcept { return name(unit_names, v); }
std::string_view to_string(CallStatus v) noexcept { return name(call_status_names, v); }
std::string_view to_string(Direction v) noexcept { return name(direction_names, v); }
std::string_view to_string(Lang v) noexcept { return name(lang_names, v); }

std::optional<Kind> parse_kind(std::string_view s) noexcept { return parse<Kind>(kind_names, s); }
std::optional<Relation> parse_relation(std::string_view s) noexcept {
  return parse<Relation>(relation_names, s);
}
std::optional<Certainty> parse_certainty(std::string_view s) noexcept {
  return parse<Certainty>(certainty_names, s);
}
std::optional<Qualifier> parse_qualifier(std::string_view s) noexcept {
  return parse<Qualifier>(qualifier_names, s);
}
std::optional<Unit> parse_unit(std::string_view s) noexcept { return parse<Unit>(unit_names, s); }
std::optional<CallStatus> parse_call_status(std::string_view s) noexcept {
  return parse<CallStatus>(call_status_names, s);
}
std::optional<Direction> parse_direction(std::string_view s) noexcept {
  return parse<Direction>(direction_names, s);
}
std::optional<Lang> parse_lang(std::string_view s) noexcept { return parse<Lang>(lang_names, s); }

std::span<const Kind> all_kinds() noexcept { return all_kind_values; }
std::span<const Relation> all_relations() noexcept { return all_relation_values; }

std::span<const KindPair> signature(Relation r) noexcept {
  return signatures[static_cast<std::size_t>(r)];
}

bool allows(Relation r, Kind source, Kind target) noexcept {
  for (KindPair pair : signature(r)) {
    if (pair.source == source && pair.target == target) return true;
  }
  return false;
}

std::optional<Kind> kind_of_id(std::string_view id) noexcept {
  auto slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  return parse_kind(id.substr(0, slash));
}

}  // namespace kyoso
