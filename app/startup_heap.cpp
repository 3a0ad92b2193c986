// The heap that start-up fills (glibc on Linux). Loading, checking and
// lowering a model builds ~3 MB of tables from many small blocks, and the
// C library takes that memory from the system 132 KiB at a time, each
// page mapped at its first touch: ~700 page faults. On a virtual machine
// a fault costs ~10 us (bench/RESULTS.md, session 12), so they were a
// third of the start-up of a short run. Here the heap grows once, by what
// start-up needs, and the kernel maps those pages in one call
// (MADV_POPULATE_WRITE, ~1 us a page), before anything else allocates.
//
// ABSIM_PREFAULT=off leaves the C library's defaults alone; so do the
// sanitizer builds, whose allocator is not glibc's, glibc before 2.33, and
// systems without the call (Linux before 5.14), where the pages are mapped
// at first touch as before.

#include "app/startup_heap.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#ifdef ABSIM_STARTUP_HEAP

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace absim::cli {

namespace {

// What start-up takes from the heap: the autoscale model with the standard
// library reaches 3.2 MiB by the time it runs.
constexpr size_t kStartupHeap = size_t(7) << 19;
// Free memory at the top of the heap is given back above this.
constexpr size_t kTrimThreshold = size_t(64) << 20;

} // namespace

void prepareStartupHeap() {
#ifdef MADV_POPULATE_WRITE
    const char* setting = std::getenv("ABSIM_PREFAULT");
    if (setting && std::strcmp(setting, "off") == 0)
        return;
    // The heap grows by at least this much each time; large blocks come
    // from it too, not from mappings of their own; and freed memory stays
    // in it. Otherwise blocks made again would fault again, page by page.
    // The run's own thread (interpreter/run/run_model.cpp) allocates from
    // this heap too, not from a new arena of its own, mapped page by page.
    // (The thread that starts it waits meanwhile: no lock is contended.)
    if (mallopt(M_TOP_PAD, int(kStartupHeap)) == 0 ||
        mallopt(M_MMAP_THRESHOLD, int(kStartupHeap)) == 0 ||
        mallopt(M_TRIM_THRESHOLD, int(kTrimThreshold)) == 0 || mallopt(M_ARENA_MAX, 1) == 0)
        return;
    // A block larger than the free top of the heap makes the heap grow by
    // it and the pad; freed, it leaves that much free at the top.
    if (mallinfo2().keepcost < kStartupHeap) {
        void* probe = std::malloc(mallinfo2().keepcost + (size_t(64) << 10));
        asm volatile("" : : "r"(probe) : "memory"); // or the compiler drops malloc and free
        std::free(probe);
    }
    // Start-up's blocks come from that free top: map all of it now.
    auto* end = static_cast<char*>(sbrk(0));
    size_t top = mallinfo2().keepcost;
    if (end == reinterpret_cast<char*>(-1) || top == 0)
        return;
    uintptr_t from = reinterpret_cast<uintptr_t>(end - top) & ~uintptr_t(4095);
    madvise(reinterpret_cast<void*>(from), reinterpret_cast<uintptr_t>(end) - from,
            MADV_POPULATE_WRITE); // may be refused
#endif
}

} // namespace absim::cli

#else

namespace absim::cli {

void prepareStartupHeap() {}

} // namespace absim::cli

#endif
