// How a university's derived profile reads in a terminal (kyoso profile, and fit, explain and
// portfolio with --university): each part with the edges, certainty and sources behind it,
// and what the command-line flags replaced or added.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "kyoso/query.hpp"
#include "kyoso/university.hpp"

namespace kyoso::cli {

// `effective` is the profile the command runs with (the derived one with the flags applied),
// or null to show the derived profile alone.
void print_university_profile(const Model& model, const UniversityProfile& derived,
                              const Profile* effective, Lang lang, std::size_t width,
                              std::ostream& out);

// An edge's attributes as "label: value" in the reader's language (役割: 代表, 第2回).
std::vector<std::string> attribute_items(const std::map<std::string, std::string>& attributes,
                                         Lang lang);

// "program/j-peaks FY2024, round 2, role: lead": a holding's year and attributes.
std::string holding_detail(const std::optional<int>& fiscal_year,
                           const std::map<std::string, std::string>& attributes, Lang lang);

}  // namespace kyoso::cli
