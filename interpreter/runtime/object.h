#pragma once
// An ABS object: its class, its COG for its whole life, its field slots
// (class parameters first) and whether it is still alive (runtime.md §8.3).

#include "interpreter/program/class_info.h"
#include "interpreter/value.h"

#include <memory>

namespace absim::interp {

struct Cog;

class Object final : public HeapEntity {
public:
    Object(uint64_t seq, const ClassInfo* cls, Cog* cog, uint64_t cogId, uint64_t number);
    ~Object() override;

    std::string describe() const override;

    const ClassInfo* cls;
    Cog* cog;
    bool alive = true;
    bool initialised = false;
    std::unique_ptr<Value[]> fields;
    size_t fieldCount() const { return cls->fieldNames.size(); }

    // Every live object is on one list so that the end of a run can break
    // reference cycles between objects (fields pointing at each other).
    Object* prevLive = nullptr;
    Object* nextLive = nullptr;

private:
    uint64_t cogId_;
    uint64_t number_;
};

} // namespace absim::interp
