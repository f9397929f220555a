#include "py_document.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <unordered_map>

namespace kyoso::python {
namespace {

namespace json = boost::json;

// Keys, ids and vocabulary words recur throughout a document and across fit_all's documents;
// longer texts (quotes, notes) seldom do, so only strings up to this many bytes are shared.
constexpr std::size_t shared_length = 64;

// The parser's handler: builds the Python values as the parser reports them.
class Builder {
 public:
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

  py::object take() { return std::move(result_); }

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    open_.push_back({py::dict(), py::object(), true});
    return true;
  }
  bool on_object_end(std::size_t, json::error_code&) { return close(); }
  bool on_array_begin(json::error_code&) {
    open_.push_back({py::list(), py::object(), false});
    return true;
  }
  bool on_array_end(std::size_t, json::error_code&) { return close(); }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) { return gather(s); }
  bool on_key(json::string_view s, std::size_t, json::error_code&) {
    open_.back().key = text(s);
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) { return gather(s); }
  bool on_string(json::string_view s, std::size_t, json::error_code&) { return add(text(s)); }
  bool on_number_part(json::string_view s, json::error_code&) { return gather(s); }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    part_.clear();
    return add(py::int_(i));
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    part_.clear();
    return add(py::int_(u));
  }
  // Boost 1.81 may read a double one ulp off (precise parsing came in 1.83). The report writes
  // the shortest text that reads back as the same double, and from_chars reads it exactly,
  // so a score reaches Python to the bit.
  bool on_double(double, json::string_view s, json::error_code&) {
    gather(s);
    double value = 0;
    std::from_chars(part_.data(), part_.data() + part_.size(), value);
    part_.clear();
    return add(py::float_(value));
  }
  bool on_bool(bool b, json::error_code&) { return add(py::bool_(b)); }
  bool on_null(json::error_code&) { return add(py::none()); }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  struct Open {
    py::object container;
    py::object key;  // of the member being read, for an object
    bool object;
  };

  bool gather(json::string_view s) {
    part_.append(s.data(), s.size());
    return true;
  }

  // A string whose last part is `last`, earlier parts gathered.
  py::object text(json::string_view last) {
    std::string_view whole(last.data(), last.size());
    if (!part_.empty()) {
      gather(last);
      whole = part_;
    }
    py::object out =
        whole.size() <= shared_length ? shared(whole) : py::str(whole.data(), whole.size());
    part_.clear();
    return out;
  }

  py::object shared(std::string_view s) {
    if (auto found = strings_.find(s); found != strings_.end()) return found->second;
    py::str made(s.data(), s.size());
    // The key views the str's own UTF-8 buffer, which lives as long as the str does.
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(made.ptr(), &size);
    if (utf8 == nullptr) throw py::error_already_set();
    strings_.emplace(std::string_view(utf8, static_cast<std::size_t>(size)), made);
    return made;
  }

  bool add(py::object value) {
    if (open_.empty()) {
      result_ = std::move(value);
      return true;
    }
    Open& top = open_.back();
    int failed = top.object ? PyDict_SetItem(top.container.ptr(), top.key.ptr(), value.ptr())
                            : PyList_Append(top.container.ptr(), value.ptr());
    if (failed != 0) throw py::error_already_set();
    return true;
  }

  bool close() {
    py::object done = std::move(open_.back().container);
    open_.pop_back();
    return add(std::move(done));
  }

  std::vector<Open> open_;
  std::string part_;
  std::unordered_map<std::string_view, py::object> strings_;
  py::object result_;
};

// The collector is paused while a document is built: its containers only ever hold plain
// values, so they form no cycles, and a collection run every few hundred new dicts would
// cost a fit_all of a thousand universities a fifth of its time.
class CollectorPaused {
 public:
  CollectorPaused() : was_enabled_(PyGC_Disable() == 1) {}
  ~CollectorPaused() {
    if (was_enabled_) PyGC_Enable();
  }
  CollectorPaused(const CollectorPaused&) = delete;
  CollectorPaused& operator=(const CollectorPaused&) = delete;

 private:
  bool was_enabled_;
};

class Reader {
 public:
  py::object read(std::string_view text) {
    parser_.reset();
    json::error_code ec;
    parser_.write_some(false, text.data(), text.size(), ec);
    // The report layer writes every document; text it cannot read is a bug, not bad input.
    if (ec) throw std::logic_error("a report document is not JSON: " + ec.message());
    return parser_.handler().take();
  }

 private:
  json::basic_parser<Builder> parser_{json::parse_options()};
};

}  // namespace

py::object document(std::string_view json) {
  CollectorPaused paused;
  return Reader().read(json);
}

py::list documents(const std::vector<std::string>& jsons) {
  CollectorPaused paused;
  Reader reader;
  py::list out(jsons.size());
  for (std::size_t i = 0; i < jsons.size(); ++i) out[i] = reader.read(jsons[i]);
  return out;
}

}  // namespace kyoso::python
