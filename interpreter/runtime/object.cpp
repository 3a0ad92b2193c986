#include "interpreter/runtime/object.h"

#include "interpreter/runtime/live_list.h"

namespace absim::interp {

Object::Object(uint64_t seq, const ClassInfo* cls, Cog* cog, uint64_t cogId, uint64_t number)
    : HeapEntity(seq), cls(cls), cog(cog), fields(std::make_unique<Value[]>(cls->fieldNames.size())),
      cogId_(cogId), number_(number) {
    Object*& head = liveObjects();
    nextLive = head;
    if (head)
        head->prevLive = this;
    head = this;
}

Object::~Object() {
    if (prevLive)
        prevLive->nextLive = nextLive;
    else
        liveObjects() = nextLive;
    if (nextLive)
        nextLive->prevLive = prevLive;
}

std::string Object::describe() const {
    return cls->name + ":" + std::to_string(cogId_) + "-" + std::to_string(number_);
}

} // namespace absim::interp
