#pragma once
// The `Process` values of ABS.Scheduler (runtime.md §2.5): what a
// user-defined scheduler receives in its queue. A process value is a
// snapshot taken at the scheduling decision, carrying what the accessors
// return and the process's position in the queue handed to the scheduler,
// by which the runtime recognises the chosen one.

#include "interpreter/value.h"

#include <string_view>

namespace absim::interp {

// `deadline` is the remaining deadline (a Duration value, InfDuration if
// none); `destiny` the process's future (null for main, init and run).
Value makeProcessValue(std::string_view method, const Value& arrival, Value deadline,
                       const Value& destiny, size_t queueIndex);
// The queue index of a value made by makeProcessValue, or -1 for another value.
int64_t processQueueIndex(const Value& v);

} // namespace absim::interp
