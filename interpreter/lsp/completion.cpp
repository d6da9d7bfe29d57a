// Completion: what may be written at the cursor, read from the text before it
// (which works on half-typed lines the parser cannot read) and the symbol
// index (names declared in the document and what it imports).
#include <cctype>
#include <regex>
#include <map>
#include <set>

#include "check/units.hpp"
#include "grammar/keywords.hpp"
#include "lsp/features.hpp"

namespace cxv::lsp {

namespace {

// LSP CompletionItemKind numbers.
enum ItemKind { kFunctionItem = 3, kFieldItem = 5, kVariableItem = 6, kClassItem = 7, kUnitItem = 11, kValueItem = 12,
                kKeywordItem = 14, kEnumMemberItem = 20, kConstantItem = 21, kStructItem = 22, kEventItem = 23 };

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Items {
 public:
  void add(const std::string& label, int kind, const std::string& detail, const std::string& sort_group = "1") {
    if (label.empty() || !seen_.insert(label).second) return;
    json item{{"label", label}, {"kind", kind}, {"sortText", sort_group + label}};
    if (!detail.empty()) item["detail"] = detail;
    std::string doc = word_meaning(label);
    if (!doc.empty() && (kind == kKeywordItem || kind == kEnumMemberItem || detail == "built-in")) item["documentation"] = doc;
    items_.push_back(std::move(item));
  }
  void words(std::initializer_list<const char*> list, int kind = kEnumMemberItem) {
    for (const char* w : list) add(w, kind, "");
  }
  json result() const { return items_; }

 private:
  json items_ = json::array();
  std::set<std::string> seen_;
};

int item_kind(SymbolKind k) {
  switch (k) {
    case SymbolKind::kpi: return kVariableItem;
    case SymbolKind::value: return kConstantItem;
    case SymbolKind::table: return kStructItem;
    case SymbolKind::column: return kFieldItem;
    case SymbolKind::experiment: return kEventItem;
    case SymbolKind::initiative: return kClassItem;
    case SymbolKind::function: return kFunctionItem;
    case SymbolKind::param: return kVariableItem;
    default: return kValueItem;
  }
}

void symbols_of(const SymbolIndex& index, Items& items, std::initializer_list<SymbolKind> kinds) {
  for (const Symbol& s : index.symbols()) {
    if (s.parent != kNoSymbol) continue;
    for (SymbolKind k : kinds)
      if (s.kind == k) items.add(s.name, item_kind(k), kind_label(k));
  }
}

void columns_of(const SymbolIndex& index, Items& items, const std::string& table) {
  std::size_t t = index.find(table, {SymbolKind::table});
  if (t == kNoSymbol) return;
  for (std::size_t c : index.children(t)) items.add(index.symbol(c).name, kFieldItem, "column of " + table, "0");
}

// The declaration keyword of each block open at the end of `text` (`kpi`,
// `thresholds`, ...), skipping strings and comments.
std::vector<std::string> open_blocks(const std::string& text) {
  std::vector<std::string> stack;
  bool in_string = false, in_comment = false;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      in_string = in_comment = false;
      line_start = i + 1;
      continue;
    }
    if (in_comment) continue;
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '#') in_comment = true;
    else if (c == '{') {
      // The block's word: `thresholds {` names itself; otherwise the line's first word.
      std::string before = text.substr(line_start, i - line_start);
      static const std::regex thresholds(R"(\bthresholds\s*$)");
      std::smatch m;
      std::size_t b = before.find_first_not_of(" \t");
      std::size_t e = b == std::string::npos ? b : before.find_first_of(" \t", b);
      std::string first = b == std::string::npos ? "" : before.substr(b, e == std::string::npos ? std::string::npos : e - b);
      stack.push_back(std::regex_search(before, m, thresholds) ? "thresholds" : first);
    } else if (c == '}' && !stack.empty()) {
      stack.pop_back();
    }
  }
  return stack;
}

void clause_keywords(const std::string& block, Items& items) {
  static const std::map<std::string, std::vector<const char*>> clauses = {
      {"framework", {"currency", "start", "horizon", "discount"}},
      {"stakeholder", {"weight"}},
      {"table", {"key", "provenance"}},
      {"kpi", {"perspective", "category", "stakeholders", "measure", "better", "target", "thresholds"}},
      {"thresholds", {"green", "amber"}},
      {"driver", {"evidence"}},
      {"initiative", {"owner", "cost", "start", "ramp", "effect", "evidence", "activity", "stage", "requires", "excludes"}},
      {"experiment", {"arm", "outcome", "confidence", "split"}},
      {"funding", {"budget", "objective", "reject", "require", "at", "must"}},
  };
  auto it = clauses.find(block);
  if (it == clauses.end()) return;
  for (const char* w : it->second) items.add(w, kKeywordItem, "clause of " + block, "0");
}

void expression_names(const Analysis& analysis, std::uint32_t offset, Items& items) {
  const SymbolIndex& index = analysis.index();
  // Parameters of the function the cursor is in.
  for (std::size_t i = 0; i < index.symbols().size(); ++i) {
    const Symbol& s = index.symbol(i);
    if (s.kind == SymbolKind::function && s.file == 0 && s.decl_span.begin <= offset && offset <= s.decl_span.end)
      for (std::size_t c : index.children(i)) items.add(index.symbol(c).name, kVariableItem, "parameter", "0");
  }
  symbols_of(index, items, {SymbolKind::kpi, SymbolKind::value, SymbolKind::table, SymbolKind::experiment,
                            SymbolKind::initiative, SymbolKind::function});
  for (const char* b : {"count", "sum", "mean", "median", "min", "max", "percentile", "share", "delta", "cumulative",
                        "baseline", "exp", "ln", "sqrt", "abs", "status", "funded", "effect"})
    items.add(b, kFunctionItem, "built-in", "2");
  items.words({"true", "false", "green", "amber", "red", "assumed", "benchmark", "correlational", "experiment",
               "portfolio", "and", "or", "not", "where"},
              kKeywordItem);
}

// The table whose columns bare names are at the cursor: the first argument of
// the innermost open aggregate call, or an effect's `T.column ... where`.
std::string rows_table(const SymbolIndex& index, const std::string& before_in_decl, const std::string& line) {
  static const std::regex effect_where(R"(^\s*effect\s+([A-Za-z_]\w*)\.\w+.*\bwhere\b)");
  std::smatch m;
  if (std::regex_search(line, m, effect_where)) return m[1];
  int depth = 0;
  for (std::size_t i = before_in_decl.size(); i-- > 0;) {
    char c = before_in_decl[i];
    if (c == ')') ++depth;
    else if (c == '(') {
      if (depth > 0) {
        --depth;
        continue;
      }
      std::size_t e = i;
      std::size_t b = e;
      while (b > 0 && word_char(before_in_decl[b - 1])) --b;
      std::string callee = before_in_decl.substr(b, e - b);
      std::size_t a = i + 1;
      while (a < before_in_decl.size() && (before_in_decl[a] == ' ' || before_in_decl[a] == '\t')) ++a;
      std::size_t z = a;
      while (z < before_in_decl.size() && word_char(before_in_decl[z])) ++z;
      std::string first = before_in_decl.substr(a, z - a);
      if (is_aggregate(callee, 1) && index.find(first, {SymbolKind::table}) != kNoSymbol) return first;
    }
  }
  return "";
}

// The start of the line where the declaration around `line_start` begins: the
// last line at or before it that starts with a declaration keyword.
std::size_t declaration_start(const std::string& text, std::size_t line_start) {
  std::size_t at = line_start;
  for (;;) {
    for (std::string_view k : grammar::kDeclarationKeywords)
      if (text.compare(at, k.size(), k) == 0 && (at + k.size() == text.size() || !word_char(text[at + k.size()])))
        return at;
    if (at == 0) return 0;
    std::size_t previous = at >= 2 ? text.rfind('\n', at - 2) : std::string::npos;
    at = previous == std::string::npos ? 0 : previous + 1;
  }
}

}  // namespace

json completion(const Analysis& analysis, LspPosition position) {
  Items items;
  const std::string& text = analysis.text();
  const SymbolIndex& index = analysis.index();
  std::uint32_t offset = analysis.lines().offset(position);
  std::uint32_t line_start = analysis.lines().offset(LspPosition{position.line, 0});
  std::string line = text.substr(line_start, offset - line_start);

  // Nothing to complete inside a comment or a string.
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (in_string && line[i] == '\\') ++i;
    else if (line[i] == '"') in_string = !in_string;
    else if (line[i] == '#' && !in_string) return json::array();
  }
  if (in_string) return json::array();

  std::size_t word_begin = line.size();
  while (word_begin > 0 && word_char(line[word_begin - 1])) --word_begin;
  std::string before = line.substr(0, word_begin);

  // `table.` -> its columns; `experiment.` -> its fields; `portfolio.` -> the portfolio's figures.
  static const std::regex member(R"(([A-Za-z_]\w*)\.$)");
  std::smatch m;
  if (std::regex_search(before, m, member)) {
    std::string object = m[1];
    std::size_t s = index.find(object, {SymbolKind::table, SymbolKind::experiment});
    if (s != kNoSymbol && index.symbol(s).kind == SymbolKind::table) columns_of(index, items, object);
    else if (s != kNoSymbol) items.words({"effect", "low", "high", "n"}, kFieldItem);
    else if (object == "portfolio") items.words({"net_npv", "cost", "value_npv", "cost_pv", "joint_net_npv", "budget"}, kFieldItem);
    return items.result();
  }

  // After a number: its unit.
  static const std::regex after_number(R"((^|[^\w.])[0-9][0-9_]*(\.[0-9_]+)?[kMB]?%?\s+$)");
  if (std::regex_search(before, after_number)) {
    std::string currency = "USD";
    for (const ast::Decl& d : analysis.files()[0].decls)
      if (const auto* f = std::get_if<ast::Framework>(&d); f && f->currency) currency = f->currency->text;
    items.add(currency, kUnitItem, "currency", "0");
    for (std::string_view w : known_unit_words()) items.add(std::string(w), kUnitItem, "unit");
    items.words({"per", "once"}, kKeywordItem);
    return items.result();
  }

  // The word before the cursor's word decides a clause's fixed values.
  static const std::regex last_word(R"(([A-Za-z_]\w*)[\s,]*$)");
  std::string previous;
  if (std::regex_search(before, m, last_word)) previous = m[1];
  static const std::regex first_word(R"(^\s*([A-Za-z_]\w*))");
  std::string clause;
  if (std::regex_search(before, m, first_word)) clause = m[1];

  if (previous == "perspective") { items.words({"financial", "customer", "process", "learning"}); return items.result(); }
  if (previous == "category") { items.words({"acquisition", "spend", "retention", "cost_to_serve"}); return items.result(); }
  if (previous == "better") { items.words({"lower", "higher"}); return items.result(); }
  if (previous == "provenance") { items.words({"first_party", "third_party"}); return items.result(); }
  if (previous == "activity") { items.words({"know_customers", "develop_strategy", "bring_to_life", "monitor_success"}); return items.result(); }
  if (previous == "stage") { items.words({"cost_takeout", "continuous_improvement", "strategic"}); return items.result(); }
  if (clause == "evidence" && previous == "experiment") { symbols_of(index, items, {SymbolKind::experiment}); return items.result(); }
  if (previous == "evidence" && clause == "evidence") { items.words({"assumed", "benchmark", "correlational", "experiment"}); return items.result(); }
  if (clause == "stakeholders" || previous == "for") { symbols_of(index, items, {SymbolKind::stakeholder}); return items.result(); }
  if (clause == "requires" || clause == "excludes" || previous == "fund") { symbols_of(index, items, {SymbolKind::initiative}); return items.result(); }
  if (clause == "effect" && previous == "effect") { symbols_of(index, items, {SymbolKind::kpi, SymbolKind::table}); return items.result(); }
  if (previous == "import") return items.result();

  std::vector<std::string> blocks = open_blocks(text.substr(0, offset));
  bool line_start_word = before.find_first_not_of(" \t") == std::string::npos;
  // A column's type, after `name:` in a table.
  if (!blocks.empty() && blocks.back() == "table" && before.find(':') != std::string::npos) {
    items.words({"text", "bool", "date"}, kKeywordItem);
    for (std::string_view w : known_unit_words()) items.add(std::string(w), kUnitItem, "unit");
    items.words({"optional"}, kKeywordItem);
    return items.result();
  }
  if (blocks.empty() && line_start_word) {
    for (std::string_view k : grammar::kDeclarationKeywords) items.add(std::string(k), kKeywordItem, "declaration", "0");
  }
  if (!blocks.empty() && line_start_word) clause_keywords(blocks.back(), items);
  if (!blocks.empty() && blocks.back() == "table") return items.result();  // a table's lines are columns: new names

  // An expression: names in scope, columns first inside an aggregate's rows.
  std::size_t decl_start = declaration_start(text, line_start);
  std::string table = rows_table(index, text.substr(decl_start, offset - decl_start), line);
  if (!table.empty()) columns_of(index, items, table);
  expression_names(analysis, offset, items);
  return items.result();
}

}  // namespace cxv::lsp
