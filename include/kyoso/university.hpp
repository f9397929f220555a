// The universities of a model as users ask about them: a table of every university (where it
// is, how it was established, its fields, framework and holdings), and one university's
// profile for fit derived from the model's facts, with where each part came from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"
#include "kyoso/query.hpp"

namespace kyoso {

// A university's award, partnership or candidacy in a program (docs/national.md).
struct Holding {
  std::string program;
  Text name;
  Relation relation = Relation::awarded;  // awarded, partners_in or candidate_for
  Certainty certainty = Certainty::certain;
  std::optional<int> fiscal_year;
  std::map<std::string, std::string> attributes;  // round, role, date, status, lead …
  // The program's list of this relation is partial: a university without such an edge may
  // still hold it ("not recorded", never "holds nothing").
  bool partial_list = false;
  std::vector<Source> sources;
  friend bool operator==(const Holding&, const Holding&) = default;
};

// A national university's choice of support framework (FY2016–2021).
struct FrameworkChoice {
  std::string framework;
  Text name;
  std::string label;  // ①, ②, ③
  // `unknown` where the sources give the counts but not the split: such a university has
  // one choice for each framework it may have chosen.
  Certainty certainty = Certainty::certain;
  std::vector<Source> sources;
  friend bool operator==(const FrameworkChoice&, const FrameworkChoice&) = default;
};

struct FieldLink {
  std::string field;
  Text name;
  Certainty certainty = Certainty::certain;
  Text note;  // which faculties point to it
  friend bool operator==(const FieldLink&, const FieldLink&) = default;
};

// One row of the universities table; an empty id is a fact the model does not have.
struct University {
  std::string id;
  Text name;
  std::string mext_code;  // MEXT's school code
  std::string establishment;
  std::string prefecture;
  Text prefecture_name;
  std::string region;
  Text region_name;
  std::string since;  // ISO dates, when the model gives them
  std::string until;
  std::vector<FieldLink> fields;
  std::vector<FrameworkChoice> frameworks;
  std::vector<Holding> holdings;  // awarded, then partners_in, then candidate_for; by program
  friend bool operator==(const University&, const University&) = default;
};

// Which universities to list; every part given must hold. Ids may be names (Model::resolve).
struct UniversityFilter {
  std::string prefecture;
  std::string region;
  std::string establishment;
  // Chose this framework, with certainty medium or better.
  std::string framework;
  std::vector<std::string> fields;
  // Awarded the program or one of its tracks.
  std::vector<std::string> holds;
  // Not recorded as awarded the program or any of its tracks. Where that program's list is
  // partial this reads "not known to hold" (lists_partial() says which).
  std::vector<std::string> lacks;
  bool current_only = false;  // leave out those with an `until` date
};

// Every university of the model, in id order.
std::vector<University> universities(const Model&);
// Those the filter keeps. Throws UnknownIdError for a part naming nothing of its kind.
std::vector<University> universities(const Model&, const UniversityFilter&);
// One university, by id or name. Throws UnknownIdError (another kind's node named as such).
University university(const Model&, std::string_view id);

// The programs among `programs` (ids or names) whose list of `awarded` is partial, in the
// order given: for them, not being listed is "not known to hold".
std::vector<std::string> lists_partial(const Model&, const std::vector<std::string>& programs);

// One part of a university's derived profile: a value, the edges it was read from and how
// sure they are.
struct ProfileFact {
  // "mission", "goals", "fields", "stage", "partners", "establishment", "holds", and the
  // parts fit does not score with: "partner_in", "candidate_for", "prefecture", "region".
  std::string part;
  std::string value;  // the id it gives; empty when the data gives none
  Text name;          // the value's name
  // Whether the value is in the profile fit uses; a value left out says why in `text`.
  bool used = true;
  Certainty certainty = Certainty::certain;  // the weakest edge on the path
  Path path;                                 // from the university, the edges it is read from
  std::optional<int> fiscal_year;
  std::map<std::string, std::string> attributes;  // of the first edge (round, role …)
  bool partial_list = false;                      // a holding on a partial list
  Text text;                                      // how it was derived, in words
  std::vector<Source> sources;                    // of the edges on the path
  friend bool operator==(const ProfileFact&, const ProfileFact&) = default;
};

struct UniversityProfile {
  std::string university;
  Text name;
  Profile profile;  // what fit() scores with (profile_of() gives the same)
  std::vector<ProfileFact> facts;
};

// A university's profile from the model (docs/national.md, "A university's profile"). A part
// the model stores (has_mission, pursues, works_in, reached_stage, has_partner,
// established_as) is read as it is. Without a stored mission, the support framework a
// national university chose is evidence of one (chose_framework, then indicates) when both
// edges are at least of medium certainty and all such evidence points at one mission. Fields
// of unknown certainty are shown, not used. Goals are never derived: the facts say so. The
// profile is the university's as of `fiscal_year` (default: the model's): an award of a later
// year is shown, not held. Throws UnknownIdError when the model has no such university.
UniversityProfile derive_profile(const Model&, std::string_view university,
                                 std::optional<int> fiscal_year = std::nullopt);

}  // namespace kyoso
