#pragma once
// A text stream of the run (stdout for what the model prints, stderr for
// run-time errors), buffered and written in large blocks. The runtime
// flushes stdout before it writes to stderr, so that the two interleave
// sensibly; tests capture into strings instead.

#include <cstdio>
#include <string>
#include <string_view>

namespace absim::interp {

class Output {
public:
    explicit Output(std::FILE* out) : out_(out) {}
    explicit Output(std::string* capture) : capture_(capture) {}
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    ~Output() { flush(); }

    void write(std::string_view s) {
        if (capture_) {
            capture_->append(s);
            return;
        }
        buffer_.append(s);
        if (buffer_.size() >= kFlushAt)
            flush();
    }
    void flush() {
        if (!buffer_.empty() && out_) {
            std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
            std::fflush(out_);
        }
        buffer_.clear();
    }

private:
    static constexpr size_t kFlushAt = 1 << 16;
    std::FILE* out_ = nullptr;
    std::string* capture_ = nullptr;
    std::string buffer_;
};

} // namespace absim::interp
