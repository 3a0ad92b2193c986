#pragma once
// The evaluated arguments of one call statement (asynchronous or
// synchronous call, `new`) on their way into the callee's frame: exactly
// as many slots as arguments, inline up to eight. A call builds and drops
// only its own arguments, not a fixed block of eight values.

#include "interpreter/value.h"

#include <memory>
#include <new>

namespace absim::interp {

class CallArgs {
  public:
    explicit CallArgs(size_t n)
        : n_(n), slots_(n <= kInline ? reinterpret_cast<Value*>(inline_)
                                     : static_cast<Value*>(::operator new(n * sizeof(Value)))) {
        std::uninitialized_default_construct_n(slots_, n);
    }
    ~CallArgs() {
        std::destroy_n(slots_, n_);
        if (n_ > kInline)
            ::operator delete(slots_);
    }
    CallArgs(const CallArgs&) = delete;
    CallArgs& operator=(const CallArgs&) = delete;

    Value* data() { return slots_; }
    Value& operator[](size_t i) { return slots_[i]; }

  private:
    static constexpr size_t kInline = 8;
    size_t n_;
    Value* slots_;
    alignas(Value) unsigned char inline_[kInline * sizeof(Value)];
};

} // namespace absim::interp
