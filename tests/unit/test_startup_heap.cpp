// The heap start-up fills is grown once and mapped in one call
// (app/startup_heap.cpp): after prepareStartupHeap, the heap has grown by
// at least the pad, and every page of its free top is resident.

#include "app/startup_heap.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#ifdef ABSIM_STARTUP_HEAP
#include <malloc.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef MADV_POPULATE_WRITE
namespace {

bool kernelHasPopulate() {
    utsname u{};
    if (uname(&u) != 0)
        return false;
    int major = 0, minor = 0;
    return std::sscanf(u.release, "%d.%d", &major, &minor) == 2 &&
           (major > 5 || (major == 5 && minor >= 14));
}

constexpr const char* kFreshProcess = "ABSIM_STARTUP_HEAP_TEST_CHILD";
constexpr int kPassed = 42;

} // namespace

// absim prepares its heap first thing in main, when the heap is fresh. In
// this binary the heap has served other tests, and a large free block left
// in its middle would serve the probe without growing it; so the check
// runs in a fresh process: this binary again, running this test alone.
TEST_CASE("start-up heap: the free top is at least the pad, its pages mapped") {
    if (!kernelHasPopulate() || std::getenv("ABSIM_PREFAULT")) {
        MESSAGE("skipped: no MADV_POPULATE_WRITE, or ABSIM_PREFAULT is set");
        return;
    }
    if (!std::getenv(kFreshProcess)) {
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            setenv(kFreshProcess, "1", 1);
            execl("/proc/self/exe", "absim_unit_tests", "--test-case=start-up heap: the free top*",
                  "--no-colors", nullptr);
            _exit(127);
        }
        // kPassed, not 0: a child that ran no test would exit with 0 too.
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == kPassed);
        return;
    }
    absim::cli::prepareStartupHeap();
    // The free top of the heap, where start-up's blocks will come from.
    auto* end = static_cast<char*>(sbrk(0));
    size_t top = mallinfo2().keepcost;
    CHECK(top >= size_t(3) << 20);
    char* before = end - top;
    char* after = end;

    const uintptr_t page = uintptr_t(sysconf(_SC_PAGESIZE));
    uintptr_t from = reinterpret_cast<uintptr_t>(before) & ~(page - 1);
    size_t pages = (reinterpret_cast<uintptr_t>(after) - from + page - 1) / page;
    std::vector<unsigned char> resident(pages);
    REQUIRE(mincore(reinterpret_cast<void*>(from), pages * page, resident.data()) == 0);
    size_t mapped = 0;
    for (unsigned char r : resident)
        mapped += r & 1;
    CHECK(mapped == pages);
    std::fflush(stdout);
    _exit(top >= size_t(3) << 20 && mapped == pages ? kPassed : 1);
}
#endif
#endif
