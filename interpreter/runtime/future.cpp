#include "interpreter/runtime/future.h"

#include "interpreter/format.h"
#include "interpreter/runtime/live_list.h"
#include "interpreter/runtime/process.h"

namespace absim::interp {

Future::Future(uint64_t seq) : HeapEntity(seq) {
    Future*& head = liveFutures();
    nextLive = head;
    if (head)
        head->prevLive = this;
    head = this;
}

Future::~Future() {
    if (prevLive)
        prevLive->nextLive = nextLive;
    else
        liveFutures() = nextLive;
    if (nextLive)
        nextLive->prevLive = prevLive;
}

std::string Future::describe() const {
    if (state == State::Unresolved)
        return "Fut:empty";
    return "Fut:" + toString(value);
}

uint32_t& processRefs(Process* p) {
    return p->refs;
}

void destroyProcess(Process* p) {
    unlinkLiveProcess(p);
    delete p;
}

} // namespace absim::interp
