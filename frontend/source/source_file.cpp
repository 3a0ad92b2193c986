#include "frontend/source/source_file.h"

#include <fstream>
#include <sstream>

namespace absim {

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
    lineStarts_.push_back(0);
    for (uint32_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n')
            lineStarts_.push_back(i + 1);
    }
}

std::string_view SourceFile::line(uint32_t line) const {
    if (line == 0 || line > lineStarts_.size())
        return {};
    uint32_t begin = lineStarts_[line - 1];
    uint32_t end = line < lineStarts_.size() ? lineStarts_[line] - 1 : text_.size();
    std::string_view v(text_.data() + begin, end - begin);
    if (!v.empty() && v.back() == '\r')
        v.remove_suffix(1);
    return v;
}

FileId SourceManager::add(std::string path, std::string text) {
    FileId id = static_cast<FileId>(files_.size());
    files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(text)));
    return id;
}

bool readFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        return false;
    out = ss.str();
    return true;
}

} // namespace absim
