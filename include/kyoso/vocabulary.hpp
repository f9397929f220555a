// The closed vocabulary of the model: node kinds, relations and the qualifiers of figures.
// The strings are the ones files and users see; docs/domain.md and docs/format.md define them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace kyoso {

// Node kinds. A node id is "<kind>/<slug>", e.g. "program/coi-next".
enum class Kind : std::uint8_t {
  package,        // 総合振興パッケージ
  pillar,         // ① ② ③, 制度改革, 基盤的経費
  program,        // a support program, or a track/field of one
  purpose,        // the need a program answers (【人材育成】 …)
  mission,        // the kind of university the package aims at
  field,          // a regional industry
  applicant,      // who may apply to a program
  org,            // a ministry or funding agency
  stakeholder,    // a role in a flow of money, licences or research
  factor,         // a success factor ❶–❾ of the casebook
  stage,          // a development stage STEP 0–3
  challenge,      // a challenge of the casebook
  university,     // a named university
  partner,        // a partner a university may bring (local government, companies …)
  establishment,  // national / public / private
  prefecture,     // one of the 47 (都道府県), where a university is
  region,         // one of the eight regions (八地方区分) the prefectures are grouped into
  framework,      // a support framework a national university chose (重点支援①②③)
  fund,           // a fund that pays for programs (2,000億円規模の基金等)
  publication,    // a document the model reads, e.g. the casebook leaflet (連携事例集)
};
inline constexpr std::size_t kind_count = 20;

enum class Relation : std::uint8_t {
  part_of,          // program->program (track of), pillar->package
  in_pillar,        // program->pillar
  serves,           // program->purpose
  targets,          // program->mission
  suits_field,      // program->field
  applied_by,       // program->applicant
  administered_by,  // program->org
  promotes_to,      // track->track (育成型 -> 本格型)
  considers,        // program->program: an award there is taken into account
  addresses,        // factor->challenge
  at_stage,         // challenge->stage
  reference_case,   // challenge->university
  awarded,          // university->program, with a fiscal year
  flows_to,         // stakeholder/org -> stakeholder/org, with "what"
  next,             // stage->stage
  needs_partner,    // program->partner: the application must include this partner
  applies_as,       // partner->applicant: this partner may itself be the applicant
  excludes,         // program->establishment: this establishment may not apply
  suits_stage,      // program->stage: the development stage a track is meant for
  // A university's profile, stored in the model so that every university can be fitted at
  // once (fit_all); profile_of() reads these with `awarded` as the programs held.
  has_mission,        // university->mission
  pursues,            // university->purpose: a goal
  works_in,           // university->field
  has_partner,        // university->partner
  established_as,     // university->establishment
  reached_stage,      // university->stage: the development stage the university is at
  collaborates_with,  // university/stakeholder->stakeholder: joint research
  // The national layer (docs/national.md): where each university is, and who holds what.
  located_in,       // university->prefecture
  in_region,        // prefecture->region
  succeeded_by,     // university->university: merged into it (with the date)
  partners_in,      // university->program: a partner in another's award (lead or applicant named)
  candidate_for,    // university->program: under review, not (yet) awarded
  chose_framework,  // university->framework, for a period of fiscal years
  indicates,        // framework->mission: choosing it is evidence of that mission
  // How else a university takes part besides filing the application itself (applied_by):
  joined_by,  // program->applicant: joins the group that files, as a member (参画機関, consortium)
  involves,  // program->applicant: takes part in a plan that another body files (自治体が申請)
  funded_by,     // program->fund
  described_in,  // factor/challenge->publication
};
inline constexpr std::size_t relation_count = 37;

// How sure the dataset is of an edge (casebook alignment: C, H, M, ?).
enum class Certainty : std::uint8_t { certain, high, medium, unknown };

// How a figure is stated: exactly, 程度 (approx), 〜/最長 (up_to), 以上 (at_least).
enum class Qualifier : std::uint8_t { exact, approx, up_to, at_least };

enum class Unit : std::uint8_t {
  jpy,           // a sum of money
  jpy_per_year,  // money per site (or university) per year
  years,
  fiscal_years,  // 年度
  sites,         // 拠点
  count,         // universities, cases, …
  basis_points,  // 1/100 of a percent: 5.4% = 540
};

// What a program calls for in a fiscal year (docs/format.md, "calls"). Files and users see
// "open", "promotion-only", "continuing-only", "closed" and "allocated".
enum class CallStatus : std::uint8_t {
  open,             // takes new applications (perhaps for part of the program only: the scope)
  promotion_only,   // reached only by promotion from another track (本格型 by 昇格審査)
  continuing_only,  // no new projects; those running continue (OPERA 継続のみ)
  closed,           // no call: places filled, or the program has ended
  allocated,        // not a call at all: allocated without an application (基盤的経費)
};

enum class Direction : std::uint8_t { out, in, both };

enum class Lang : std::uint8_t { ja, en };

std::string_view to_string(Kind) noexcept;
std::string_view to_string(Relation) noexcept;
std::string_view to_string(Certainty) noexcept;
std::string_view to_string(Qualifier) noexcept;
std::string_view to_string(Unit) noexcept;
std::string_view to_string(CallStatus) noexcept;
std::string_view to_string(Direction) noexcept;
std::string_view to_string(Lang) noexcept;

std::optional<Kind> parse_kind(std::string_view) noexcept;
std::optional<Relation> parse_relation(std::string_view) noexcept;
std::optional<Certainty> parse_certainty(std::string_view) noexcept;
std::optional<Qualifier> parse_qualifier(std::string_view) noexcept;
std::optional<Unit> parse_unit(std::string_view) noexcept;
std::optional<CallStatus> parse_call_status(std::string_view) noexcept;
std::optional<Direction> parse_direction(std::string_view) noexcept;
std::optional<Lang> parse_lang(std::string_view) noexcept;

std::span<const Kind> all_kinds() noexcept;
std::span<const Relation> all_relations() noexcept;

// The (source kind, target kind) pairs a relation may connect.
struct KindPair {
  Kind source;
  Kind target;
};
std::span<const KindPair> signature(Relation) noexcept;
bool allows(Relation, Kind source, Kind target) noexcept;

// The kind named by an id's prefix ("program/coi-next" -> program), if any.
std::optional<Kind> kind_of_id(std::string_view id) noexcept;

}  // namespace kyoso
