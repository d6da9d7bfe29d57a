// Number literals and written units: `450k USD`, `1.5%`, `-0.04pp/points`,
// `8% per year`, column types such as `count per month`.
#include <fmt/core.h>

#include "check/checker_state.hpp"
#include "check/suggest.hpp"

namespace cxv::check {

namespace {

bool is_lower_word(std::string_view w) {
  for (char c : w)
    if (c >= 'A' && c <= 'Z') return false;
  return true;
}

std::string upper(std::string_view w) {
  std::string out(w);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace

Checker::UnitResult Checker::check_unit(const ast::UnitExpr& written, Unit start) {
  UnitResult r;
  r.unit = start;
  const std::string& currency = program_->framework.currency;
  for (const auto& f : written.factors) {
    Unit w;
    Decimal factor(1);
    if (looks_like_currency(f.word)) {
      if (currency_ok_ && f.word != currency) {
        auto& d = error("E035", f.span, fmt::format("'{}' is not this framework's currency", f.word));
        d.help = fmt::format("this framework's currency is {}: convert the amount to {}", currency, currency);
        r.ok = false;
      }
      w = Unit::money();
    } else if (auto known = known_unit_word(f.word)) {
      w = known->unit;
      factor = known->factor;
    } else if (currency_ok_ && upper(f.word) == currency) {
      auto& d = error("E035", f.span, fmt::format("'{}' is written in lower case", f.word));
      d.help = fmt::format("currency codes are upper case: write {}", currency);
      r.ok = false;
      w = Unit::money();
    } else {
      std::vector<std::string> words;
      for (auto k : known_unit_words()) words.emplace_back(k);
      auto s = is_lower_word(f.word) ? suggest(f.word, words) : std::nullopt;
      if (s) {
        auto& d = error("E034", f.span, fmt::format("unknown unit '{}'", f.word));
        d.help = fmt::format("did you mean '{}'?", *s);
        r.ok = false;
      }
      // Any other word is a count label (`customer`, `call`): dimensionless.
    }
    if (f.exponent >= 0) {
      r.unit = r.unit * w;
      r.num *= factor;
    } else {
      r.unit = r.unit / w;
      r.den *= factor;
    }
  }
  if (!written.empty()) r.display.text = std::string(sources_.file(written.span.file).slice(written.span));
  if (r.den == Decimal(1)) r.display.factor = r.num;
  else r.display.factor = r.num / r.den;
  return r;
}

Decimal Checker::written_number(const ast::NumberLit& lit) {
  Decimal v = Decimal::parse(lit.digits).value_or(Decimal(0));
  if (lit.scale == 'k') v *= Decimal::pow10(3);
  if (lit.scale == 'M') v *= Decimal::pow10(6);
  if (lit.scale == 'B') v *= Decimal::pow10(9);
  if (lit.mark != ast::NumberMark::none) v *= Decimal::pow10(-2);
  return v;
}

ir::ExprPtr Checker::check_number(const ast::Expr& e) {
  const ast::NumberLit& lit = e.number;
  auto value = Decimal::parse(lit.digits);
  if (!value) {
    error("E061", e.span, fmt::format("cannot read the number '{}'", quote(e.span)));
    return nullptr;
  }
  auto out = std::make_unique<ir::Expr>();
  out->kind = ir::ExprKind::number;
  out->span = e.span;
  out->type = ir::Type::number;
  Unit start;
  if (lit.mark != ast::NumberMark::none) {
    start = Unit::ratio_unit();
    out->mark = lit.mark == ast::NumberMark::percent ? ir::Mark::percent : ir::Mark::pp;
  }
  UnitResult u = check_unit(lit.unit, start);
  if (!u.ok) return nullptr;
  out->unit = u.unit;
  try {
    switch (lit.scale) {
      case 'k': *value *= Decimal::pow10(3); break;
      case 'M': *value *= Decimal::pow10(6); break;
      case 'B': *value *= Decimal::pow10(9); break;
      default: break;
    }
    if (lit.mark != ast::NumberMark::none) *value *= Decimal::pow10(-2);
    *value *= u.num;
    if (!(u.den == Decimal(1))) *value = *value / u.den;
  } catch (const ArithmeticError&) {
    auto& d = error("E061", e.span, "this number is too large to work with");
    d.help = "numbers may have at most a few thousand digits";
    return nullptr;
  }
  out->number = *value;
  out->display = std::move(u.display);
  if (out->display.text.empty() && lit.mark != ast::NumberMark::none)
    out->display.text = lit.mark == ast::NumberMark::percent ? "%" : "pp";
  return out;
}

}  // namespace cxv::check
