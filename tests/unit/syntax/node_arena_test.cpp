// The expression nodes' arena (syntax/node_arena.hpp): nodes built inside a
// scope come from it and outlive it; nodes built outside are plain heap
// blocks; the trees behave as before either way.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "check/ir.hpp"
#include "syntax/ast.hpp"
#include "syntax/node_arena.hpp"

using namespace cxv;

namespace {

ast::ExprPtr chain(int n) {
  auto root = std::make_unique<ast::Expr>();
  root->kind = ast::ExprKind::name;
  root->text = "a name long enough to live on the heap, not in the string";
  for (int i = 0; i < n; ++i) {
    auto up = std::make_unique<ast::Expr>();
    up->kind = ast::ExprKind::unary;
    up->operands.push_back(std::move(root));
    root = std::move(up);
  }
  return root;
}

int depth(const ast::Expr& e) { return e.operands.empty() ? 0 : 1 + depth(*e.operands[0]); }

}  // namespace

TEST_CASE("nodes built in a scope outlive it and keep their contents") {
  ast::ExprPtr kept;
  {
    syntax::NodeArena<ast::Expr>::Scope scope;
    kept = chain(500);   // several blocks' worth
    ast::ExprPtr dropped = chain(10);
  }
  REQUIRE(kept);
  CHECK(depth(*kept) == 500);
  const ast::Expr* leaf = kept.get();
  while (!leaf->operands.empty()) leaf = leaf->operands[0].get();
  CHECK(leaf->text == "a name long enough to live on the heap, not in the string");
  kept.reset();   // the last node frees the arena (ASan reports it otherwise)
}

TEST_CASE("nodes are aligned for their type inside and outside a scope") {
  auto outside = std::make_unique<ir::Expr>();
  CHECK(reinterpret_cast<std::uintptr_t>(outside.get()) % alignof(ir::Expr) == 0);
  syntax::NodeArena<ir::Expr>::Scope scope;
  for (int i = 0; i < 100; ++i) {
    auto inside = std::make_unique<ir::Expr>();
    CHECK(reinterpret_cast<std::uintptr_t>(inside.get()) % alignof(ir::Expr) == 0);
    inside->number = Decimal(i);
    CHECK(inside->number == Decimal(i));
  }
}

TEST_CASE("nodes of one arena may be freed on another thread, after the scope") {
  std::vector<ir::ExprPtr> nodes;
  {
    syntax::NodeArena<ir::Expr>::Scope scope;
    for (int i = 0; i < 1000; ++i) nodes.push_back(std::make_unique<ir::Expr>());
  }
  std::thread other([&] { nodes.resize(500); });
  other.join();
  nodes.clear();
  CHECK(nodes.empty());
}

TEST_CASE("scopes nest: the inner arena is used until it closes") {
  syntax::NodeArena<ast::Expr>::Scope outer;
  ast::ExprPtr a = std::make_unique<ast::Expr>();
  ast::ExprPtr b;
  {
    syntax::NodeArena<ast::Expr>::Scope inner;
    b = std::make_unique<ast::Expr>();
  }
  ast::ExprPtr c = std::make_unique<ast::Expr>();
  // a and c are neighbours in the outer arena's block; b lives elsewhere.
  const auto pa = reinterpret_cast<std::uintptr_t>(a.get());
  const auto pc = reinterpret_cast<std::uintptr_t>(c.get());
  CHECK(pc - pa == (sizeof(ast::Expr) + syntax::kNodeHeader + 15) / 16 * 16);
}
