// The profile file (report.hpp): read whole and checked against the model before any query
// runs, so a typo in a file is reported with the file and the JSON pointer of the value; and
// written in the shape the documents' "profile" members have.
#include <boost/json.hpp>

#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "kyoso/error.hpp"
#include "kyoso/report.hpp"
#include "report/documents.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;

std::string_view view(json::string_view s) { return {s.data(), s.size()}; }

class ProfileReader {
 public:
  ProfileReader(const Model& model, std::string_view text, std::string origin)
      : model_(model), text_(text), origin_(std::move(origin)) {}

  Profile read() {
    json::value doc = detail::read_json(text_, origin_);
    if (!doc.is_object()) fail("a profile is a JSON object", "");
    Profile p;
    for (const auto& kv : doc.get_object()) {
      std::string_view key = view(kv.key());
      std::string at = "/" + detail::pointer_token(key);
      const json::value& v = kv.value();
      if (key == "mission") {
        p.mission = one(v, at, Kind::mission);
      } else if (key == "goals") {
        p.goals = many(v, at, Kind::purpose);
      } else if (key == "fields") {
        p.fields = many(v, at, Kind::field);
      } else if (key == "stage") {
        p.stage = one(v, at, Kind::stage);
      } else if (key == "partners") {
        p.partners = many(v, at, Kind::partner);
      } else if (key == "holds") {
        p.holds = many(v, at, Kind::program);
      } else if (key == "establishment") {
        p.establishment = one(v, at, Kind::establishment);
      } else if (key == "applicant") {
        // Every document's profile writes the default applicant; on a model without it that
        // is the library's default, as resolve_profile() takes it, not an id anyone typed.
        if (v.is_string() && v.get_string() == p.applicant && !model_.find(p.applicant)) continue;
        std::string applicant = one(v, at, Kind::applicant);
        if (!applicant.empty()) p.applicant = applicant;
      } else if (key == "fiscal_year") {
        p.fiscal_year = year(v, at);
      } else {
        fail("unknown member \"" + std::string(key) +
                 "\" (a profile has mission, goals, fields, stage, partners, holds, "
                 "establishment, applicant, fiscal_year)",
             at);
      }
    }
    return p;
  }

 private:
  [[noreturn]] void fail(const std::string& problem, const std::string& pointer) const {
    throw ValidationError(problem, located(pointer));
  }

  Location located(const std::string& pointer) const {
    Location where{origin_, 0, 0, pointer, {}};
    if (auto pos = detail::find_pointer(text_, pointer)) {
      where.line = pos->line;
      where.column = pos->column;
    }
    return where;
  }

  std::string id(const json::value& v, const std::string& at, Kind kind) const {
    if (!v.is_string()) fail("expected an id (a string)", at);
    std::string given(view(v.get_string()));
    try {
      return model_.node(model_.resolve(given, kind)).id;
    } catch (const AmbiguousNameError& e) {
      throw AmbiguousNameError(e, located(at));
    } catch (const UnknownIdError& e) {
      throw UnknownIdError(e, located(at));
    }
  }

  // A single id; null or "" leaves it unstated.
  std::string one(const json::value& v, const std::string& at, Kind kind) const {
    if (v.is_null() || (v.is_string() && v.get_string().empty())) return {};
    return id(v, at, kind);
  }

  // A fiscal year (2024), or null for the model's.
  std::optional<int> year(const json::value& v, const std::string& at) const {
    if (v.is_null()) return std::nullopt;
    if (!v.is_int64() || v.get_int64() < 1900 || v.get_int64() > 2200) {
      fail("expected a fiscal year (an integer, 1900-2200) or null", at);
    }
    return static_cast<int>(v.get_int64());
  }

  std::vector<std::string> many(const json::value& v, const std::string& at, Kind kind) const {
    if (!v.is_array()) fail("expected an array of ids", at);
    std::vector<std::string> out;
    const json::array& list = v.get_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string full = id(list[i], at + "/" + std::to_string(i), kind);
      if (std::find(out.begin(), out.end(), full) == out.end()) out.push_back(std::move(full));
    }
    return out;
  }

  const Model& model_;
  std::string_view text_;
  std::string origin_;
};

}  // namespace

std::string to_json(const Profile& profile) {
  return detail::write_json(detail::profile_json(profile), detail::JsonLayout::compact);
}

Profile parse_profile(const Model& model, std::string_view json_text, std::string_view origin) {
  return ProfileReader(model, json_text, std::string(origin)).read();
}

Profile load_profile(const Model& model, const std::filesystem::path& file) {
  return parse_profile(model, detail::read_text_file(file), file.string());
}

}  // namespace kyoso
