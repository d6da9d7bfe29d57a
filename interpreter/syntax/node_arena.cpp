#include "syntax/node_arena.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace cxv::syntax {

namespace {

// Blocks double from 16 KiB up to one huge page (2 MiB), so a small file
// costs little and a large one is mostly in whole huge pages.
constexpr std::size_t kFirstBlock = std::size_t{16} << 10;
constexpr std::size_t kHugePage = std::size_t{2} << 20;

char* new_block(std::size_t size) {
  // A huge-page-sized block is aligned to one so that the kernel can back it
  // with a single huge page: one page fault instead of 512 (page faults were
  // a fifth of a large check's time).
  const std::size_t align = size >= kHugePage ? kHugePage : kNodeHeader;
  void* p = std::aligned_alloc(align, size);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  if (size >= kHugePage) ::madvise(p, size, MADV_HUGEPAGE);   // advice only: failure changes nothing
#endif
  return static_cast<char*>(p);
}

}  // namespace

class NodeArenaBlocks {
 public:
  NodeArenaBlocks() = default;
  NodeArenaBlocks(const NodeArenaBlocks&) = delete;
  NodeArenaBlocks& operator=(const NodeArenaBlocks&) = delete;
  ~NodeArenaBlocks() {
    for (char* b : blocks_) std::free(b);
  }

  void* allocate(std::size_t bytes) {
    bytes = (bytes + kNodeHeader - 1) / kNodeHeader * kNodeHeader;   // keeps every node aligned like the block
    if (slot_bytes_ == 0) slot_bytes_ = bytes;
    if (free_ && bytes == slot_bytes_) {
      FreeSlot* slot = free_;
      free_ = slot->next;
      live_.fetch_add(1, std::memory_order_relaxed);
      return slot;
    }
    if (static_cast<std::size_t>(end_ - next_) < bytes) {
      std::size_t size = blocks_.empty() ? kFirstBlock : std::min(block_size_ * 2, kHugePage);
      block_size_ = size;
      if (size < bytes) size = (bytes + kHugePage - 1) / kHugePage * kHugePage;   // one oversized node
      blocks_.reserve(blocks_.size() + 1);   // may throw: before anything changes
      char* block = new_block(size);
      blocks_.push_back(block);
      next_ = block;
      end_ = block + size;
    }
    char* p = next_;
    next_ += bytes;
    live_.fetch_add(1, std::memory_order_relaxed);
    return p;
  }

  // A node of this arena is gone (or, once, the scope closed): true when that
  // was the last reference, and the arena should now be deleted.
  bool release() noexcept { return live_.fetch_sub(1, std::memory_order_acq_rel) == 1; }

  // A node deleted on the arena's own thread while its scope is open: the
  // slot is handed out again (the checker folds many constants and drops
  // their nodes; without reuse they would add a tenth to the peak memory).
  // Every slot of an arena has slot_bytes_ (one node type per arena), and the
  // open scope's own count keeps live_ above zero.
  void recycle(void* slot) noexcept {
    auto* f = static_cast<FreeSlot*>(slot);
    f->next = free_;
    free_ = f;
    live_.fetch_sub(1, std::memory_order_relaxed);
  }

 private:
  struct FreeSlot {
    FreeSlot* next;
  };
  std::vector<char*> blocks_;
  std::size_t block_size_ = 0;   // of the last block
  char* next_ = nullptr;
  char* end_ = nullptr;
  FreeSlot* free_ = nullptr;
  std::size_t slot_bytes_ = 0;
  // Nodes allocated and not yet deleted, plus one while the scope is open,
  // so that the count reaching zero is the one moment to free the blocks.
  std::atomic<std::size_t> live_{1};
};

NodeArenaBlocks* arena_open() { return new NodeArenaBlocks; }

void arena_close(NodeArenaBlocks* arena) noexcept {
  if (arena->release()) delete arena;
}

void* arena_allocate(NodeArenaBlocks* current, std::size_t bytes) {
  const std::size_t total = bytes + kNodeHeader;
  char* p = static_cast<char*>(current ? current->allocate(total) : ::operator new(total));
  std::memcpy(p, &current, sizeof current);   // null: an ordinary heap block
  return p + kNodeHeader;
}

void arena_deallocate(void* node, NodeArenaBlocks* current) noexcept {
  if (!node) return;
  char* p = static_cast<char*>(node) - kNodeHeader;
  NodeArenaBlocks* arena = nullptr;
  std::memcpy(&arena, p, sizeof arena);
  if (!arena) {
    ::operator delete(p);
  } else if (arena == current) {
    arena->recycle(p);   // this thread's open arena
  } else if (arena->release()) {
    delete arena;
  }
}

}  // namespace cxv::syntax
