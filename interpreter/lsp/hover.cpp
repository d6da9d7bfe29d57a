// Hover: what a name stands for, from the AST as written and, when the file
// checks cleanly, from the checked program (units) and the scorecard run on
// the data (a KPI's baseline and status).
#include <cctype>

#include <fmt/format.h>

#include "check/ir.hpp"
#include "eval/scorecard.hpp"
#include "lsp/features.hpp"
#include "report/display.hpp"

namespace cxv::lsp {

namespace {

class HoverText {
 public:
  HoverText(const Analysis& analysis, const Symbol& symbol) : analysis_(analysis), symbol_(symbol) {}

  std::string slice(Span s) const {
    return std::string(analysis_.check().sources.file(static_cast<FileId>(symbol_.file)).slice(s));
  }
  std::string slice(const ast::ExprPtr& e) const { return e ? slice(e->span) : std::string(); }

  void heading(const std::optional<ast::String>& title) {
    out_ += fmt::format("**{}** `{}`", kind_label(symbol_.kind), symbol_.name);
    if (title) out_ += " — " + title->value;
    out_ += "\n\n";
  }
  void line(const std::string& label, const std::string& value) {
    if (!value.empty()) out_ += fmt::format("- {}: `{}`\n", label, value);
  }
  void plain(const std::string& label, const std::string& value) {
    if (!value.empty()) out_ += fmt::format("- {}: {}\n", label, value);
  }
  void code(const std::string& text) { out_ += "```cxv\n" + text + "\n```\n"; }
  std::string text() const { return out_; }

 private:
  const Analysis& analysis_;
  const Symbol& symbol_;
  std::string out_;
};

std::string names(const std::vector<ast::Name>& list) {
  std::string out;
  for (const ast::Name& n : list) out += (out.empty() ? "" : ", ") + n.text;
  return out;
}

const ir::Program* program(const Analysis& a) { return a.check().program.get(); }

// The baseline line of a KPI: from the scorecard when the data is readable.
std::string baseline_text(const Analysis& analysis, const std::string& kpi) {
  const ir::Program* p = program(analysis);
  if (!p) return "";
  ir::Index k = p->find_kpi(kpi);
  if (k == ir::kNone) return "";
  const RunResult& run = analysis.run();
  if (!run.ok() || !run.program || !run.scorecard) {
    for (const Diagnostic& d : run.diagnostics.all())
      if (d.severity == Severity::error) return "not available: " + d.message;
    return "not available";
  }
  for (const eval::KpiCard& card : run.scorecard->kpis) {
    if (card.kpi != k) continue;
    if (!card.baseline) return "not available";
    std::string text = report::show_value(*run.program, run.program->kpis[k], *card.baseline);
    if (card.status) text += fmt::format(" ({})", ir::to_string(*card.status));
    return text;
  }
  return "";
}

std::string describe(const Analysis& analysis, const Symbol& s) {
  HoverText h(analysis, s);
  const ast::File& file = analysis.files()[s.file];
  const ast::Decl& decl = file.decls.at(s.decl);
  const ir::Program* p = program(analysis);
  switch (s.kind) {
    case SymbolKind::kpi: {
      const auto& k = std::get<ast::Kpi>(decl);
      h.heading(k.title);
      if (k.measure) h.code("measure " + h.slice(k.measure));
      if (p && p->find_kpi(s.name) != ir::kNone) {
        const ir::Kpi& kpi = p->kpis[p->find_kpi(s.name)];
        h.line("unit", kpi.display.text.empty() ? p->unit_text(kpi.unit) : kpi.display.text);
      }
      if (k.perspective) h.line("perspective", k.perspective->text);
      if (k.better) h.line("better", k.better->text);
      h.line("target", h.slice(k.target));
      if (k.thresholds)
        h.line("thresholds", fmt::format("green {}  amber {}", h.slice(k.thresholds->green), h.slice(k.thresholds->amber)));
      h.line("stakeholders", names(k.stakeholders));
      h.plain("baseline", baseline_text(analysis, s.name));
      break;
    }
    case SymbolKind::value: {
      const auto& v = std::get<ast::Value>(decl);
      h.heading(v.title);
      if (v.formula) h.code("= " + h.slice(v.formula));
      if (p && p->find_value(s.name) != ir::kNone) {
        const ir::Value& value = p->values[p->find_value(s.name)];
        h.line("unit", p->unit_text(value.unit));
        h.plain("kind", ir::to_string(value.kind));
      }
      h.line("for", names(v.stakeholders));
      break;
    }
    case SymbolKind::initiative: {
      const auto& i = std::get<ast::Initiative>(decl);
      h.heading(i.title);
      if (i.owner) h.plain("owner", i.owner->value);
      if (!i.cost.empty()) h.line("cost", h.slice(Span::cover(i.cost.front().span, i.cost.back().span)));
      if (i.start) h.line("start", h.slice(i.start->span));
      h.line("ramp", h.slice(i.ramp));
      for (const ast::Effect& fx : i.effects) h.line("effect", h.slice(fx.span));
      if (i.evidence) h.line("evidence", h.slice(i.evidence->span));
      h.line("requires", names(i.requires_));
      h.line("excludes", names(i.excludes));
      break;
    }
    case SymbolKind::table: {
      const auto& t = std::get<ast::Table>(decl);
      h.heading(t.title);
      h.line("from", "\"" + t.path.value + "\"");
      h.plain("columns", std::to_string(t.columns.size()));
      for (const ast::Column& c : t.columns)
        if (c.key) h.line("key", c.name.text);
      if (t.provenance) h.line("provenance", t.provenance->text);
      break;
    }
    case SymbolKind::column: {
      const auto& t = std::get<ast::Table>(decl);
      const ast::Column& c = t.columns.at(s.member);
      h.heading(std::nullopt);
      h.code(h.slice(c.span));
      h.plain("table", "`" + t.name.text + "` from \"" + t.path.value + "\"");
      break;
    }
    case SymbolKind::stakeholder: {
      const auto& st = std::get<ast::Stakeholder>(decl);
      h.heading(st.title);
      h.line("weight", h.slice(st.weight));
      break;
    }
    case SymbolKind::experiment: {
      const auto& x = std::get<ast::Experiment>(decl);
      h.heading(x.title);
      h.line("from", "\"" + x.path.value + "\"");
      if (x.arm_column) h.line("arm", x.arm_column->text);
      if (x.outcome) h.line("outcome", x.outcome->text);
      h.line("confidence", h.slice(x.confidence));
      h.plain("fields", "`.effect`, `.low`, `.high`, `.n`");
      break;
    }
    case SymbolKind::driver: {
      const auto& d = std::get<ast::Driver>(decl);
      h.heading(d.title);
      std::string rules;
      for (const ast::DriverRule& r : d.rules) rules += (rules.empty() ? "" : "\n") + h.slice(r.span);
      if (!rules.empty()) h.code(rules);
      if (d.evidence) h.line("evidence", h.slice(d.evidence->span));
      break;
    }
    case SymbolKind::function: {
      const auto& f = std::get<ast::Function>(decl);
      h.heading(f.title);
      std::string params;
      for (const ast::Param& prm : f.params) {
        params += (params.empty() ? "" : ", ") + prm.name.text;
        if (prm.default_value) params += ": " + h.slice(prm.default_value);
      }
      h.code(fmt::format("{}({}) = {}", f.name.text, params, h.slice(f.body)));
      std::string where = analysis.check().sources.file(static_cast<FileId>(s.file)).path();
      if (s.file != 0) h.plain("declared in", where);
      break;
    }
    case SymbolKind::param: {
      const auto& f = std::get<ast::Function>(decl);
      h.heading(std::nullopt);
      h.plain("of function", "`" + f.name.text + "`");
      if (f.params.at(s.member).default_value) h.line("default", h.slice(f.params[s.member].default_value));
      break;
    }
    case SymbolKind::import: {
      h.heading(std::nullopt);
      for (FileId id = 1; id < analysis.check().sources.size(); ++id) {
        const std::string& path = analysis.check().sources.file(id).path();
        if (path.ends_with(s.name) || path.ends_with(s.name + ".cxv")) {
          h.plain("file", path);
          break;
        }
      }
      break;
    }
    case SymbolKind::framework:
    case SymbolKind::funding:
    case SymbolKind::expect:
      h.heading(std::nullopt);
      break;
  }
  return h.text();
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

json hover(const Analysis& analysis, LspPosition position) {
  std::uint32_t offset = analysis.lines().offset(position);
  const SymbolIndex& index = analysis.index();
  if (auto at = index.symbol_at(offset)) {
    const Symbol& s = index.symbol(*at);
    Span span = s.file == 0 ? s.name_span : Span{};
    for (Span r : index.references_to(*at))
      if (r.begin <= offset && offset <= r.end) span = r;
    json out{{"contents", {{"kind", "markdown"}, {"value", describe(analysis, s)}}}};
    if (span.end > span.begin) out["range"] = to_json(analysis.lines().range(span.begin, span.end));
    return out;
  }
  // A word of the language itself.
  const std::string& text = analysis.text();
  std::uint32_t b = offset, e = offset;
  while (b > 0 && is_word_char(text[b - 1])) --b;
  while (e < text.size() && is_word_char(text[e])) ++e;
  if (b == e) return nullptr;
  std::string word = text.substr(b, e - b);
  std::string meaning = word_meaning(word);
  if (meaning.empty()) return nullptr;
  return json{{"contents", {{"kind", "markdown"}, {"value", fmt::format("`{}` — {}", word, meaning)}}},
              {"range", to_json(analysis.lines().range(b, e))}};
}

}  // namespace cxv::lsp
