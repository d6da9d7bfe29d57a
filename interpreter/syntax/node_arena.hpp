#pragma once
// Where expression nodes live: an arena per parse (AST) and per check (IR)
// instead of one malloc per node.
//
// A 10,000-KPI framework has over half a million expression nodes. With one
// heap block each, a quarter of `cxv check` was malloc and free, and tearing
// the trees down node by node was another tenth. The nodes keep their public
// shape (ast::ExprPtr and ir::ExprPtr stay std::unique_ptr, so code that
// builds or walks trees does not change): only the class's operator new and
// delete route here.
//
// While a NodeArena<Node>::Scope is open on a thread, `new Node` takes its
// memory from that scope's arena: a pointer bump in blocks that grow to
// 2 MiB (one huge page each where the kernel offers them). Each node is
// preceded by a small header naming its arena. Deleting a node runs its
// destructor as usual; on the arena's own thread while the scope is open its
// slot is reused for the next node, otherwise it only counts itself off. The
// blocks are freed together when the scope has closed and the last of its
// nodes is gone, so a checked Program can outlive the check that built it
// and be freed on any thread. Outside a scope, nodes are ordinary heap
// blocks (unit tests that build IR by hand).
//
// The details (block sizes, the free list) are in node_arena.cpp, so that
// tuning them does not rebuild everything that includes the AST or the IR.

#include <cstddef>

namespace cxv::syntax {

class NodeArenaBlocks;   // node_arena.cpp

// Bytes in front of every node (a multiple of every node's alignment).
inline constexpr std::size_t kNodeHeader = 16;

NodeArenaBlocks* arena_open();
void arena_close(NodeArenaBlocks* arena) noexcept;
// From `current` (null: the heap).
void* arena_allocate(NodeArenaBlocks* current, std::size_t bytes);
// `current` is the deleting thread's open arena for the node's type.
void arena_deallocate(void* node, NodeArenaBlocks* current) noexcept;

template <typename Node>
class NodeArena {
  static_assert(alignof(Node) <= kNodeHeader, "the header keeps nodes aligned only up to 16 bytes");

 public:
  static void* allocate(std::size_t bytes) { return arena_allocate(current_, bytes); }
  static void deallocate(void* node) noexcept { arena_deallocate(node, current_); }

  // Opens an arena for nodes allocated on this thread until the scope ends.
  // Scopes nest (a file imported while another is checked).
  class Scope {
   public:
    Scope() : arena_(arena_open()), outer_(current_) { current_ = arena_; }
    ~Scope() {
      current_ = outer_;
      arena_close(arena_);
    }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    NodeArenaBlocks* arena_;
    NodeArenaBlocks* outer_;
  };

 private:
  static inline thread_local NodeArenaBlocks* current_ = nullptr;
};

}  // namespace cxv::syntax
