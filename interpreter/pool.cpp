#include "interpreter/pool.h"

namespace absim::interp::pool_detail {

namespace {

// Its destructor, run when the thread ends, returns the thread's blocks.
struct Cleanup {
    ~Cleanup() { freeAll(); }
};

} // namespace

void* allocateSlow(size_t cls) {
    if (!lists.registered && !lists.ended) {
        thread_local Cleanup cleanup;
        lists.registered = true;
    }
    return ::operator new(cls* kGrain);
}

void freeAll() noexcept {
    for (FreeBlock*& head : lists.heads)
        while (FreeBlock* b = head) {
            head = b->next;
            ::operator delete(b);
        }
    lists.ended = true;
}

} // namespace absim::interp::pool_detail
