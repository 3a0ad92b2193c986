#pragma once
// A fixed-size array of slots for one evaluation step (arguments of a call,
// locals of a function): inline up to N, on the heap beyond, so ordinary
// calls allocate nothing.

#include <cstddef>
#include <memory>

namespace absim::interp {

template <typename T, size_t N> class FrameSlots {
public:
    explicit FrameSlots(size_t n) : size_(n) {
        if (n > N)
            heap_ = std::make_unique<T[]>(n);
    }
    FrameSlots(const FrameSlots&) = delete;
    FrameSlots& operator=(const FrameSlots&) = delete;
    T* data() { return heap_ ? heap_.get() : inline_; }
    T& operator[](size_t i) { return data()[i]; }
    size_t size() const { return size_; }

private:
    size_t size_;
    T inline_[N];
    std::unique_ptr<T[]> heap_;
};

} // namespace absim::interp
