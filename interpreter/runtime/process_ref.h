#pragma once
// A counted reference to a process, for the places that outlive a
// scheduling step (future waiter lists, the time-waiter heap): a process
// that finished or was killed stays allocated until the last of them goes.

#include <cstdint>
#include <utility>

namespace absim::interp {

struct Process;
void destroyProcess(Process* p);
uint32_t& processRefs(Process* p);

class ProcessRef {
public:
    ProcessRef() = default;
    explicit ProcessRef(Process* p) : p_(p) {
        if (p_)
            ++processRefs(p_);
    }
    ProcessRef(const ProcessRef& o) : ProcessRef(o.p_) {}
    ProcessRef(ProcessRef&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
    ProcessRef& operator=(ProcessRef o) noexcept {
        std::swap(p_, o.p_);
        return *this;
    }
    ~ProcessRef() {
        if (p_ && --processRefs(p_) == 0)
            destroyProcess(p_);
    }
    Process* get() const { return p_; }
    Process* operator->() const { return p_; }
    explicit operator bool() const { return p_ != nullptr; }

private:
    Process* p_ = nullptr;
};

} // namespace absim::interp
