#include "kyoso/error.hpp"

namespace kyoso {

std::string Location::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += (out.empty() ? "" : ":") + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  if (!pointer.empty()) out += (out.empty() ? "" : ": ") + pointer;
  if (!id.empty() && pointer.find(id) == std::string::npos) {
    out += (out.empty() ? "'" : ": '") + id + "'";
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
