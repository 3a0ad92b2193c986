// The block pool (interpreter/pool.h): lists refilled a slab at a time,
// and blocks handed from a thread that ends to the next one.

#include "interpreter/pool.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

#if !defined(__SANITIZE_ADDRESS__)

using absim::interp::poolAllocate;
using absim::interp::poolFree;

namespace {

// A size class that little else uses (slot arrays of 30 values, data
// cells of 30 arguments), so that the store holds little else.
constexpr size_t kOddSize = 496;

std::vector<void*> allocateMany(size_t n) {
    std::vector<void*> blocks;
    for (size_t i = 0; i < n; ++i)
        blocks.push_back(poolAllocate(kOddSize));
    return blocks;
}

} // namespace

TEST_CASE("pool: a dry list is refilled with a slab, blocks in address order") {
    std::vector<void*> blocks;
    std::thread([&] { blocks = allocateMany(200); }).join();
    // Past whatever an earlier thread left in the store, a fresh thread's
    // blocks come from slabs (33 blocks of this size each), one after the
    // other.
    size_t consecutive = 0;
    for (size_t i = 1; i < blocks.size(); ++i)
        consecutive += static_cast<char*>(blocks[i]) - static_cast<char*>(blocks[i - 1]) ==
                       std::ptrdiff_t(kOddSize);
    CHECK(consecutive >= blocks.size() / 2);
    for (void* b : blocks)
        poolFree(b, kOddSize); // in this thread: its lists keep them
}

TEST_CASE("pool: a thread's free blocks go to the next thread") {
    std::set<void*> first;
    std::thread([&] {
        std::vector<void*> blocks = allocateMany(64);
        first.insert(blocks.begin(), blocks.end());
        for (void* b : blocks)
            poolFree(b, kOddSize);
    }).join();
    std::vector<void*> second;
    std::thread([&] {
        second = allocateMany(64);
        for (void* b : second)
            poolFree(b, kOddSize);
    }).join();
    size_t reused = size_t(
        std::count_if(second.begin(), second.end(), [&](void* b) { return first.count(b) != 0; }));
    CHECK(reused == second.size());
}

TEST_CASE("pool: blocks outlive their thread and are recycled when freed") {
    std::vector<void*> blocks;
    std::thread([&] {
        blocks = allocateMany(8);
        for (size_t i = 0; i < blocks.size(); ++i)
            std::memset(blocks[i], int(i + 1), kOddSize);
    }).join();
    // Still the thread's data: its slab was not given back.
    for (size_t i = 0; i < blocks.size(); ++i)
        CHECK(static_cast<unsigned char*>(blocks[i])[kOddSize - 1] == i + 1);
    // Freed by another, live thread: into that thread's lists.
    std::set<void*> freed(blocks.begin(), blocks.end());
    std::vector<void*> again;
    std::thread([&] {
        for (void* b : blocks)
            poolFree(b, kOddSize);
        again = allocateMany(8);
    }).join();
    CHECK(std::all_of(again.begin(), again.end(), [&](void* b) { return freed.count(b) != 0; }));
}

namespace {

// Frees its block when the thread ends, after the pool's own cleanup of
// that thread has run: it is made before the thread's first block, so
// it is destroyed after that block's cleanup.
struct FreedAtThreadEnd {
    void* block = nullptr;
    ~FreedAtThreadEnd() {
        if (block)
            poolFree(block, kOddSize);
    }
};
thread_local FreedAtThreadEnd freedAtThreadEnd;

} // namespace

TEST_CASE("pool: a block freed after its thread's lists ended goes to the next thread") {
    void* late = nullptr;
    std::thread([&] {
        FreedAtThreadEnd& holder = freedAtThreadEnd; // made first
        holder.block = poolAllocate(kOddSize);
        late = holder.block;
    }).join();
    // The store's newest list for the class is that one block.
    void* next = nullptr;
    std::thread([&] {
        next = poolAllocate(kOddSize);
        poolFree(next, kOddSize);
    }).join();
    CHECK(next == late);
}

#endif
