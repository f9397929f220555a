#include "kyoso/error.hpp"

namespace kyoso {

std::string Location::to_string() const {
  // Appended piece by piece: GCC 12's -Wrestrict misfires on `"literal" + std::string` here
  // in optimised builds.
  std::string out = file;
  auto separate = [&out](const char* separator) {
    if (!out.empty()) out += separator;
  };
  if (line > 0) {
    separate(":");
    out += std::to_string(line);
    if (column > 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  if (!pointer.empty()) {
    separate(": ");
    out += pointer;
  }
  if (!id.empty() && pointer.find(id) == std::string::npos) {
    separate(": ");
    out += '\'';
    out += id;
    out += '\'';
  }
  return out;
}

static std::string compose(const std::string& problem, Location where) {
  // The place names the id unless the problem already does.
  if (!where.id.empty() && problem.find("'" + where.id + "'") != std::string::npos) {
    where.id.clear();
  }
  std::string place = where.to_string();
  return place.empty() ? problem : place + ": " + problem;
}

Error::Error(std::string problem, Location where)
    : std::runtime_error(compose(problem, where)),
      problem_(std::move(problem)),
      where_(std::move(where)) {}

static std::string unknown_id_problem(const std::string& id, const std::string& suggestion) {
  std::string out = "unknown id '" + id + "'";
  if (!suggestion.empty()) out += " (did you mean '" + suggestion + "'?)";
  return out;
}

UnknownIdError::UnknownIdError(std::string id, std::string suggestion, Location where)
    : UnknownIdError(std::move(id), std::move(suggestion), std::move(where), {}) {}

UnknownIdError::UnknownIdError(std::string id, std::string suggestion, Location where,
                               std::string_view context)
    : Error(
          (context.empty() ? "" : std::string(context) + ": ") + unknown_id_problem(id, suggestion),
          [&] {
            where.id = id;
            return std::move(where);
          }()),
      suggestion_(std::move(suggestion)) {}

}  // namespace kyoso
