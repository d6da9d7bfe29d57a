#pragma once
// Small helpers shared by the parser's tests: parse a string, look at the
// diagnostics, find a declaration, print an expression as a tree.

#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include <fmt/format.h>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"
#include "syntax/ast.hpp"
#include "syntax/parser.hpp"

namespace cxv::test {

struct Parsed {
  SourceMap sources;
  FileId id = 0;
  Diagnostics diags;
  ast::File file;

  const SourceFile& source() const { return sources.file(id); }
  Position pos(std::uint32_t offset) const { return source().position(offset); }
  // "line:col code message" of each diagnostic, one per line.
  std::string errors() const {
    std::string out;
    for (const auto& d : diags.all()) {
      Position p = d.span ? pos(d.span->begin) : Position{0, 0};
      out += fmt::format("{}:{} {} {}\n", p.line, p.col, d.code, d.message);
    }
    return out;
  }
  std::string text(Span s) const { return std::string(source().slice(s)); }
};

inline std::unique_ptr<Parsed> parse_text(std::string text, std::string path = "test.cxv") {
  auto p = std::make_unique<Parsed>();
  p->id = p->sources.add(std::move(path), std::move(text));
  p->file = parse(p->sources.file(p->id), p->diags);
  return p;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <typename Node>
const Node* find_decl(const ast::File& f, std::string_view name = {}) {
  for (const auto& d : f.decls) {
    if (const auto* n = std::get_if<Node>(&d)) {
      if constexpr (requires { n->name.text; }) {
        if (name.empty() || n->name.text == name) return n;
      } else {
        return n;
      }
    }
  }
  return nullptr;
}

inline const char* op_text(ast::Op op) {
  switch (op) {
    case ast::Op::neg: return "neg";
    case ast::Op::plus: return "pos";
    case ast::Op::not_: return "not";
    case ast::Op::or_: return "or";
    case ast::Op::and_: return "and";
    case ast::Op::eq: return "==";
    case ast::Op::ne: return "!=";
    case ast::Op::lt: return "<";
    case ast::Op::le: return "<=";
    case ast::Op::gt: return ">";
    case ast::Op::ge: return ">=";
    case ast::Op::add: return "+";
    case ast::Op::sub: return "-";
    case ast::Op::mul: return "*";
    case ast::Op::div: return "/";
    case ast::Op::pow: return "^";
    case ast::Op::none: return "?";
  }
  return "?";
}

inline std::string unit_text(const ast::UnitExpr& u) {
  std::string out;
  for (const auto& f : u.factors) {
    if (!out.empty() || f.exponent < 0) out += f.exponent < 0 ? "/" : "*";
    out += f.word;
  }
  return out;
}

// An S-expression of the tree, e.g. (+ a (* b 2)), for precedence tests.
inline std::string sexpr(const ast::Expr& e) {
  auto kids = [&](std::string head) {
    std::string out = "(";
    out += head;
    for (const auto& o : e.operands) {
      out += ' ';
      out += sexpr(*o);
    }
    out += ')';
    return out;
  };
  switch (e.kind) {
    case ast::ExprKind::number: {
      std::string out = e.number.digits;
      if (e.number.scale) out += e.number.scale;
      if (e.number.mark == ast::NumberMark::percent) out += "%";
      if (e.number.mark == ast::NumberMark::pp) out += "pp";
      if (!e.number.unit.empty()) {
        out += '[';
        out += unit_text(e.number.unit);
        out += ']';
      }
      return out;
    }
    case ast::ExprKind::string: return fmt::format("\"{}\"", e.text);
    case ast::ExprKind::date:
      return fmt::format("date:{}-{}-{}", e.date.year, e.date.month, e.date.day);
    case ast::ExprKind::name: return e.text;
    case ast::ExprKind::member: return fmt::format("(. {} {})", sexpr(*e.operands[0]), e.text);
    case ast::ExprKind::call: {
      std::string out = "(call ";
      out += e.text;
      for (std::size_t i = 0; i < e.operands.size(); ++i) {
        out += ' ';
        if (i < e.arg_labels.size() && !e.arg_labels[i].text.empty()) {
          out += e.arg_labels[i].text;
          out += ':';
        }
        out += sexpr(*e.operands[i]);
      }
      out += ')';
      return out;
    }
    case ast::ExprKind::unary: return kids(op_text(e.op));
    case ast::ExprKind::binary: return kids(op_text(e.op));
    case ast::ExprKind::where: return kids("where");
    case ast::ExprKind::range: return kids("to");
    case ast::ExprKind::error: return "<error>";
  }
  return "?";
}

// Parses `value v = <expr>` and returns the formula as an S-expression, or the
// errors when it does not parse.
inline std::string expr_tree(const std::string& expr) {
  auto p = parse_text(fmt::format("value v = {}\n", expr));
  if (!p->diags.empty()) return fmt::format("ERROR {}", p->errors());
  const auto* v = find_decl<ast::Value>(p->file, "v");
  if (!v || !v->formula) return "MISSING";
  return sexpr(*v->formula);
}

}  // namespace cxv::test
