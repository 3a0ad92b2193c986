#include "interpreter/pool.h"

#include <mutex>
#include <vector>

namespace absim::interp::pool_detail {

namespace {

// A slab: this many bytes of blocks of one size, carved at once.
constexpr size_t kSlabBytes = size_t(16) << 10;

// Free blocks no thread's lists hold: the lists of threads that ended, one
// entry per list (so that handing one over costs nothing per block).
struct Store {
    std::mutex lock;
    std::vector<FreeBlock*> lists[kClasses];
};

// Never destroyed: blocks may be freed during the program's exit, after
// static destructors have run.
Store& store() {
    static Store* s = new Store;
    return *s;
}

// Its destructor, run when the thread ends, hands the thread's blocks on.
struct Cleanup {
    ~Cleanup() { freeAll(); }
};

// A new slab for class `cls`: all its blocks but the first go on the
// thread's list, in address order; the first is returned.
void* carveSlab(size_t cls) {
    size_t size = cls * kGrain;
    size_t count = kSlabBytes / size;
    auto* slab = static_cast<char*>(::operator new(count* size));
    FreeBlock* next = nullptr;
    for (size_t i = count - 1; i > 0; --i) {
        auto* b = reinterpret_cast<FreeBlock*>(slab + i * size);
        b->next = next;
        next = b;
    }
    lists.heads[cls] = next;
    return slab;
}

} // namespace

void* allocateSlow(size_t cls) {
    if (!lists.registered && !lists.ended) {
        thread_local Cleanup cleanup;
        lists.registered = true;
    }
    FreeBlock* taken = nullptr;
    {
        Store& s = store();
        std::lock_guard<std::mutex> hold(s.lock);
        if (!s.lists[cls].empty()) {
            taken = s.lists[cls].back();
            s.lists[cls].pop_back();
        }
    }
    if (!taken)
        return carveSlab(cls);
    lists.heads[cls] = taken->next;
    return taken;
}

void freeAfterEnd(void* p, size_t cls) noexcept {
    auto* b = static_cast<FreeBlock*>(p);
    b->next = nullptr;
    Store& s = store();
    std::lock_guard<std::mutex> hold(s.lock);
    try {
        s.lists[cls].push_back(b);
    } catch (...) {
        // No room to remember it: the block stays unused.
    }
}

void freeAll() noexcept {
    Store& s = store();
    std::lock_guard<std::mutex> hold(s.lock);
    for (size_t cls = 0; cls < kClasses; ++cls) {
        if (FreeBlock* head = lists.heads[cls]) {
            try {
                s.lists[cls].push_back(head);
            } catch (...) {
                // No room to remember them: the blocks stay unused.
            }
            lists.heads[cls] = nullptr;
        }
    }
    lists.ended = true;
}

} // namespace absim::interp::pool_detail
