#include "format/structure.hpp"

#include <tao/pegtl.hpp>

#include "grammar/cxv_grammar.hpp"

namespace cxv::format {
namespace {

namespace pg = tao::pegtl;
namespace g = cxv::grammar;

struct Recorder {
  const char* base = nullptr;
  std::vector<MarkAt> marks;
  void add(const char* p, Mark m) { marks.push_back({static_cast<std::uint32_t>(p - base), m}); }
};

template <typename Rule>
struct Action : pg::nothing<Rule> {};

// A rule whose match begins with the token to mark.
template <Mark M>
struct MarkBegin {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Recorder& r) {
    r.add(in.begin(), M);
  }
};

template <> struct Action<g::declaration> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Recorder& r) {
    r.add(in.begin(), Mark::declaration_begin);
    r.add(in.end(), Mark::declaration_end);
  }
};

template <> struct Action<g::framework_clause> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::stakeholder_clause> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::table_clause> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::kpi_clause> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::threshold_clause> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::driver_clause> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::initiative_clause> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::experiment_clause> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::funding_clause> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::expect_condition> : MarkBegin<Mark::clause_begin> {};
template <> struct Action<g::unary_op> : MarkBegin<Mark::unary_sign> {};
template <> struct Action<g::paren_expr> : MarkBegin<Mark::paren_open> {};

// unit_divide matches `blanks / blanks word`: mark the slash itself.
template <> struct Action<g::unit_divide> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Recorder& r) {
    const char* p = in.begin();
    while (p != in.end() && *p != '/') ++p;
    r.add(p, Mark::unit_slash);
  }
};

}  // namespace

std::optional<Structure> read_structure(std::string_view text, std::string* why) {
  std::size_t skip = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  Recorder rec;
  rec.base = text.data();
  pg::memory_input<pg::tracking_mode::lazy, pg::eol::lf_crlf, const char*> in(text.data() + skip,
                                                                                text.data() + text.size(), "");
  try {
    if (!pg::parse<pg::seq<g::file, pg::eof>, Action>(in, rec)) {
      if (why) *why = "the grammar did not match the whole text";
      return std::nullopt;
    }
  } catch (const pg::parse_error& e) {
    if (why) *why = e.what();
    return std::nullopt;
  }
  return Structure{std::move(rec.marks)};
}

}  // namespace cxv::format
