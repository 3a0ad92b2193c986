#pragma once
// The native resource state of one deployment component (runtime.md §6.1),
// reached from ABS through the `dc...` builtins of ABS.DC. For now it
// keeps the configured totals; consumption by [Cost:]/[DataSize:],
// interval refills and histories come with the resource model.

#include "interpreter/value.h"

namespace absim::interp {

struct DcState {
    enum Resource { Speed, Bandwidth, Memory, Count };
    // InfRat or Fin(v), per consumable resource.
    Value total[Count];
    Value next[Count];
    Value consumed[Count];
};

} // namespace absim::interp
