#include "frontend/source/source_file.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

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

bool readFile(const std::string& path, std::string& out, std::string* why) {
    auto fail = [&](int error) {
        if (why)
            *why = std::generic_category().message(error);
        return false;
    };
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(errno);
    // A directory opens, and then reads as an error or as nothing: say so
    // rather than load an empty model.
    struct stat st {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        int error = S_ISDIR(st.st_mode) ? EISDIR : errno;
        ::close(fd);
        return fail(error);
    }
    std::string text;
    if (S_ISREG(st.st_mode))
        text.reserve(size_t(st.st_size));
    char buffer[65536];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int error = errno;
            ::close(fd);
            return fail(error);
        }
        if (n == 0)
            break;
        text.append(buffer, size_t(n));
    }
    ::close(fd);
    out = std::move(text);
    return true;
}

} // namespace absim
