#pragma once
// Free lists of small blocks, by size class, for what the interpreter makes
// and drops once per call or per process (processes, their frame stacks,
// frame slots, futures, data cells): after warm-up a call costs no
// malloc/free.
//
// One set of lists per thread (one interpreter runs on one thread), never
// shared. A list that runs dry is refilled with a slab of blocks carved
// from one allocation (a queue that grows by thousands of cells costs a
// malloc per slab, not per cell). Slabs are kept for the process's
// lifetime: when a thread ends, its free blocks go to a shared store that
// the next thread's lists draw from, and so do blocks freed after that
// (a slab is never given back, since blocks of it may still be alive in
// values another thread holds).

#include <cstddef>
#include <new>

namespace absim::interp {

namespace pool_detail {

constexpr size_t kGrain = 16;
constexpr size_t kClasses = 32; // blocks up to 512 bytes

struct FreeBlock {
    FreeBlock* next;
};

struct Lists {
    FreeBlock* heads[kClasses];
    bool registered; // the thread's cleanup is armed
    bool ended;      // the thread's cleanup has run
};

// Trivial, so reaching it needs no initialisation check on the fast path.
inline thread_local Lists lists{};

void* allocateSlow(size_t cls);
void freeAfterEnd(void* p, size_t cls) noexcept;
void freeAll() noexcept;

} // namespace pool_detail

#if defined(__SANITIZE_ADDRESS__)
// Under AddressSanitizer every block goes to the system, so a use after
// free of a process, frame or future is still caught.
inline void* poolAllocate(size_t bytes) {
    return ::operator new(bytes);
}
inline void poolFree(void* p, size_t) noexcept {
    ::operator delete(p);
}
#else
inline void* poolAllocate(size_t bytes) {
    using namespace pool_detail;
    size_t cls = (bytes + kGrain - 1) / kGrain;
    if (cls >= kClasses || cls == 0)
        return ::operator new(bytes);
    if (FreeBlock* b = lists.heads[cls]) {
        lists.heads[cls] = b->next;
        return b;
    }
    return allocateSlow(cls);
}

inline void poolFree(void* p, size_t bytes) noexcept {
    using namespace pool_detail;
    size_t cls = (bytes + kGrain - 1) / kGrain;
    if (cls >= kClasses || cls == 0) {
        ::operator delete(p);
        return;
    }
    if (lists.ended) [[unlikely]] {
        freeAfterEnd(p, cls);
        return;
    }
    auto* b = static_cast<FreeBlock*>(p);
    b->next = lists.heads[cls];
    lists.heads[cls] = b;
}
#endif

// For standard containers (a process's frame stack).
template <typename T> struct PoolAllocator {
    using value_type = T;
    PoolAllocator() = default;
    template <typename U> PoolAllocator(const PoolAllocator<U>&) noexcept {}
    T* allocate(size_t n) { return static_cast<T*>(poolAllocate(n * sizeof(T))); }
    void deallocate(T* p, size_t n) noexcept { poolFree(p, n * sizeof(T)); }
    template <typename U> bool operator==(const PoolAllocator<U>&) const noexcept { return true; }
};

} // namespace absim::interp
