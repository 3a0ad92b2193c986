#pragma once
// A fixed-size array of slots for one evaluation step (arguments of a call,
// locals of a function): inline up to N, on the heap beyond, so ordinary
// calls allocate nothing. Only the `n` slots asked for are constructed (a
// call with two arguments pays for two values, not for N).

#include <cstddef>
#include <memory>
#include <new>

namespace absim::interp {

template <typename T, size_t N> class FrameSlots {
  public:
    explicit FrameSlots(size_t n) : size_(n) {
        if (n > N) {
            heap_ = std::make_unique<T[]>(n);
            data_ = heap_.get();
        } else {
            data_ = reinterpret_cast<T*>(inline_);
            for (size_t i = 0; i < n; ++i)
                new (data_ + i) T();
        }
    }
    ~FrameSlots() {
        if (!heap_)
            for (size_t i = 0; i < size_; ++i)
                data_[i].~T();
    }
    FrameSlots(const FrameSlots&) = delete;
    FrameSlots& operator=(const FrameSlots&) = delete;
    T* data() { return data_; }
    T& operator[](size_t i) { return data_[i]; }
    size_t size() const { return size_; }

  private:
    size_t size_;
    T* data_;
    alignas(T) unsigned char inline_[N * sizeof(T)];
    std::unique_ptr<T[]> heap_;
};

} // namespace absim::interp
