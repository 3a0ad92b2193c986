#pragma once
// The C library's heap made ready for start-up (app/startup_heap.cpp).

#include <cstdlib> // defines __GLIBC__ when it is glibc

// Defined where prepareStartupHeap does something: glibc 2.33 on (for
// mallinfo2) on Linux, not under the sanitizers (their allocator is not
// glibc's). Elsewhere it does nothing.
#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#if __GLIBC_PREREQ(2, 33)
#define ABSIM_STARTUP_HEAP 1
#endif
#endif

namespace absim::cli {

// Grows the heap once by what start-up needs and maps its pages in one
// call. First thing in main: before the model's tables are built.
void prepareStartupHeap();

} // namespace absim::cli
