// kyoso diagnose: the casebook read backwards — from the challenges a university faces to
// the success factors that overcome them and the universities whose cases to read, with the
// certainty of each link (much of the casebook table is an alignment inferred from the text).
#include <algorithm>

#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/report.hpp"
#include "report_text.hpp"
#include "table.hpp"

namespace kyoso::cli {
namespace {

std::string stage_label(const Model& model, const Diagnosis& d) {
  if (d.stage.empty()) return "";
  std::string_view label = model.node(d.stage).attribute("label");
  return label.empty() ? d.stage : std::string(label);
}

std::string factors_text(const Diagnosis& d) {
  std::string out;
  for (const FactorLink& f : d.factors) {
    out +=
        (out.empty() ? "" : " ") + f.label + " (" + std::string(certainty_mark(f.certainty)) + ")";
  }
  return out;
}

std::string references_text(const Diagnosis& d, Lang lang) {
  std::string out;
  for (const CaseLink& c : d.references) {
    append_item(out, pick(lang, "、", ", "),
                c.name.in(lang) + " (" + std::string(certainty_mark(c.certainty)) + ")");
  }
  return out;
}

// "立命館大学 または 熊本大学": the readings the source leaves open.
std::string unresolved_text(const Model& model, const Diagnosis& d, Lang lang) {
  std::string out;
  for (const std::vector<std::string>& reading : d.candidates) {
    std::string names;
    for (const std::string& id : reading) {
      append_item(names, pick(lang, "・", ", "), model.node(id).name.in(lang));
    }
    append_item(out, pick(lang, " または ", " or "), names);
  }
  return out;
}

void print_table(const Model& model, const std::vector<Diagnosis>& found, bool text_query,
                 Lang lang, std::size_t width, std::ostream& out) {
  if (found.empty()) {
    out << pick(lang, "該当する課題はありません。\n", "No challenge matches.\n");
    return;
  }
  Table table({std::string(pick(lang, "課題", "challenge")),
               std::string(pick(lang, "段階", "stage")),
               std::string(pick(lang, "成功要因", "factors")),
               std::string(pick(lang, "参照事例", "reference cases")),
               text_query ? std::string(pick(lang, "一致", "match")) : std::string()});
  table.align_right(4);
  std::vector<const FactorLink*> factors;
  for (const Diagnosis& d : found) {
    table.add_row({d.id, stage_label(model, d), factors_text(d), references_text(d, lang),
                   text_query ? decimal(d.match, 2) : ""});
    table.add_note(1, d.name.in(lang));
    std::string unresolved = unresolved_text(model, d, lang);
    if (!unresolved.empty()) {
      table.add_note(1, std::string(pick(
                            lang, "未確定（出典から決まらない）: ", "unresolved by the source: ")) +
                            unresolved);
    }
    for (const FactorLink& f : d.factors) {
      bool listed = std::any_of(factors.begin(), factors.end(),
                                [&](const FactorLink* g) { return g->id == f.id; });
      if (!listed) factors.push_back(&f);
    }
  }
  out << table.render("", width);
  std::sort(factors.begin(), factors.end(),
            [](const FactorLink* a, const FactorLink* b) { return a->id < b->id; });
  out << "\n" << pick(lang, "成功要因", "success factors") << "\n";
  for (const FactorLink* f : factors)
    out << "  " << escape_controls(f->label) << " " << escape_controls(f->name.in(lang)) << "\n";
  out << "\n"
      << pick(lang, "確度: C 確実、H 高い確度で推定、M 推定、? 出典から復元できない",
              "certainty: C certain, H inferred with high confidence, M inferred, ? not "
              "recoverable from the source")
      << "\n";
}

void declare(CommandLine& line) {
  // clang-format off
  line.options.add_options()
      ("challenge", po::value<std::vector<std::string>>()->value_name("ID"),
       "a challenge, e.g. challenge/06 or 06 (repeatable)")
      ("stage", po::value<std::string>()->value_name("S"),
       "every challenge to overcome at this stage, stage/0 to stage/3")
      ("university", po::value<std::string>()->value_name("U"),
       "every challenge at the stage the model records for this university (reached_stage)")
      ("text", po::value<std::string>()->value_name("TEXT"),
       "challenges whose Japanese or English text matches, e.g. トップマネジメント");
  // clang-format on
}

int run(Context& context) {
  DiagnoseQuery query;
  if (context.options.count("challenge")) {
    query.challenges = context.options["challenge"].as<std::vector<std::string>>();
  }
  if (auto stage = context.get("stage")) query.stage = *stage;
  if (auto text = context.get("text")) query.text = *text;
  if (auto university = context.get("university")) {
    if (!query.stage.empty()) throw UsageError("give --university or --stage, not both");
    UniversityProfile derived = derive_profile(context.model(), *university);
    if (derived.profile.stage.empty()) {
      throw UsageError("the model records no development stage for " + derived.university +
                       " (reached_stage): give --stage");
    }
    query.stage = derived.profile.stage;
  }
  if (query.challenges.empty() && query.stage.empty() &&
      query.text.find_first_not_of(" \t") == std::string::npos) {
    throw UsageError("diagnose needs --challenge, --stage, --university or --text");
  }
  const Model& model = context.model();
  std::vector<Diagnosis> found = diagnose(model, query);
  if (context.format == "json") {
    context.out << to_json(found) << "\n";
  } else {
    print_table(model, found, !query.text.empty(), context.lang, context.width, context.out);
  }
  return exit_ok;
}

}  // namespace

Command diagnose_command() {
  return {
      .name = "diagnose",
      .summary = "Find the success factors and reference cases for a challenge",
      .arguments = "[--challenge ID]... [--stage S | --university U] [--text TEXT]",
      .details =
          "Selects challenges of the casebook (連携事例集) by id, by the stage at which they\n"
          "must be overcome, or by text; the union of all three is shown. Text matches when\n"
          "each word occurs in a challenge, or, for Japanese, most of its character pairs do.\n"
          "Example: kyoso diagnose --text トップマネジメント",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
