#pragma once
// Writing an output file so that it is either complete or absent: the text
// goes to a temporary file in the target's directory (so the final rename
// stays on one file system and is atomic) and replaces the target only once
// it is fully written and flushed. An interrupted or failed run therefore
// never leaves a half-written report where a previous good one was.

#include <functional>
#include <string>
#include <string_view>

namespace absim::report {

// The outcome of writing an output: ok, or a message naming the file and
// the reason, which the CLI prints and turns into exit status 74.
struct WriteResult {
    std::string error;

    bool ok() const { return error.empty(); }
    static WriteResult success() { return {}; }
    static WriteResult failure(std::string message) { return {std::move(message)}; }
};

WriteResult writeFileAtomically(const std::string& path, const std::string& contents);

// Hands a piece of an output's text on; false once the file cannot take
// more (the producer may stop early, the write fails either way).
using Emit = std::function<bool(std::string_view)>;
// Makes an output's text piece by piece, in order, through `emit`.
using Producer = std::function<void(const Emit& emit)>;

// The same, for a text too large to hold in memory at once (a DC log of a
// long run): the pieces go to the temporary file as they come.
WriteResult writeFileAtomically(const std::string& path, const Producer& produce);

// A producer's text as one string (for tests and small outputs).
std::string collect(const Producer& produce);

// Gathers small appends into pieces of about a mebibyte for an Emit, so
// that a producer can append row by row without a call per row.
class ChunkedText {
  public:
    explicit ChunkedText(const Emit& emit) : emit_(emit) {}
    ~ChunkedText() { flush(); }
    ChunkedText(const ChunkedText&) = delete;
    ChunkedText& operator=(const ChunkedText&) = delete;

    std::string& text() { return text_; }
    // Passes the gathered text on once it is large enough; false when the
    // Emit has refused a piece (nothing more will be written).
    bool ready() {
        if (text_.size() >= kPiece)
            flush();
        return ok_;
    }
    void flush() {
        if (ok_ && !text_.empty())
            ok_ = emit_(text_);
        text_.clear();
    }

  private:
    static constexpr std::size_t kPiece = std::size_t(1) << 20;
    const Emit& emit_;
    std::string text_;
    bool ok_ = true;
};

} // namespace absim::report
