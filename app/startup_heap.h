#pragma once
// The C library's heap made ready for start-up (app/startup_heap.cpp).

namespace absim::cli {

// Grows the heap once by what start-up needs and maps its pages in one
// call. First thing in main: before the model's tables are built.
void prepareStartupHeap();

} // namespace absim::cli
