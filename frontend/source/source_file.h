#pragma once
// Source files and positions. Every AST node and every diagnostic carries a
// SourceRange; positions are 1-based lines and 1-based columns counted in
// Unicode code points (what an editor shows).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace absim {

using FileId = uint32_t;
constexpr FileId kNoFile = UINT32_MAX;

struct SourcePos {
    uint32_t line = 0; // 1-based; 0 = unknown
    uint32_t col = 0;  // 1-based, in code points
    bool known() const { return line != 0; }
};

struct SourceRange {
    FileId file = kNoFile;
    SourcePos begin;
    SourcePos end; // position of the last character (inclusive)
    bool known() const { return file != kNoFile && begin.known(); }
};

// Byte length of the UTF-8 sequence that lead byte `c` starts; 1 for a
// stray continuation or invalid byte, so that a walk over a line always
// advances. Columns count the sequences this walks over.
inline size_t utf8SequenceLength(unsigned char c) {
    if (c < 0x80)
        return 1;
    if ((c >> 5) == 0x6)
        return 2;
    if ((c >> 4) == 0xE)
        return 3;
    if ((c >> 3) == 0x1E)
        return 4;
    return 1;
}

class SourceFile {
  public:
    SourceFile(FileId id, std::string path, std::string text);
    FileId id() const { return id_; }
    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }
    uint32_t lineCount() const { return static_cast<uint32_t>(lineStarts_.size()); }
    // The text of line `line` (1-based) without its terminator.
    std::string_view line(uint32_t line) const;

  private:
    FileId id_;
    std::string path_;
    std::string text_;
    std::vector<uint32_t> lineStarts_; // byte offsets
};

// Owns every file of a run (user files, stdlib files, REPL inputs) so that
// ranges stay valid for the whole life of the program.
class SourceManager {
  public:
    FileId add(std::string path, std::string text);
    const SourceFile& file(FileId id) const { return *files_.at(id); }
    size_t size() const { return files_.size(); }

  private:
    std::vector<std::unique_ptr<SourceFile>> files_;
};

// Reads a whole file; returns false (and leaves `out` alone) if it cannot,
// with the reason in `why` when given ("No such file or directory", "Is a
// directory").
bool readFile(const std::string& path, std::string& out, std::string* why = nullptr);

} // namespace absim
