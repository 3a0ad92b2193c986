#pragma once
// Reference counting shared by everything a Value can point to, and the base
// of the runtime entities (objects, futures) the interpreter defines.
//
// Counts are plain integers, not atomics: one interpreter runs on one thread
// and its values never cross threads (parallel sweeps run separate
// interpreters with separate heaps).

#include <cstdint>
#include <string>

namespace absim::interp {

struct RefCounted {
    uint32_t refs = 0;
};

class Object;
class Future;

// An object or a future. Values refer to it by pointer and keep it alive:
// it starts with no references, each Value made from it adds one, and it is
// deleted (through the virtual destructor) when the last such Value goes.
// Code that needs it alive without a Value must hold a Value anyway.
class HeapEntity : public RefCounted {
public:
    // `seq` is the creation number: objects and futures are ordered by it
    // (language.md §4.3), so it must grow with creation time.
    explicit HeapEntity(uint64_t seq) : seq_(seq) {}
    HeapEntity(const HeapEntity&) = delete;
    HeapEntity& operator=(const HeapEntity&) = delete;
    virtual ~HeapEntity();

    uint64_t seq() const { return seq_; }
    // The text `toString` shows, e.g. `Main.Account:1-3` or `fut3:empty`.
    virtual std::string describe() const = 0;

private:
    uint64_t seq_;
};

} // namespace absim::interp
