#pragma once
// A LIFO work stack whose first N entries live inside the object (on the C++
// stack of the caller), spilling to the heap beyond that. Printing and
// comparing values walk arbitrarily deep structures with it instead of
// recursing, and usually never allocate.

#include <cstddef>
#include <vector>

namespace absim::interp {

template <typename T, size_t N> class InlineStack {
public:
    bool empty() const { return size_ == 0 && spill_.empty(); }

    void push(const T& item) {
        if (size_ < N) {
            local_[size_++] = item;
        } else {
            spill_.push_back(item);
        }
    }

    // Spilled entries are newer than every local one.
    T pop() {
        if (!spill_.empty()) {
            T item = spill_.back();
            spill_.pop_back();
            return item;
        }
        return local_[--size_];
    }

private:
    T local_[N];
    size_t size_ = 0;
    std::vector<T> spill_;
};

} // namespace absim::interp
