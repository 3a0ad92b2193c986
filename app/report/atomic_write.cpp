// Temporary file + fsync + rename, with POSIX calls rather than streams so
// that every failure (full disk, missing directory, target is a directory)
// is seen and reported, and the temporary file is removed on every path.

#include "app/report/atomic_write.h"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace absim::report {

namespace {

std::string reason(int err) {
    return std::strerror(err);
}

// A hidden name beside the target, unique per process and call so that two
// outputs written at once (or two runs in one directory) never collide.
std::string temporaryNameFor(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    std::filesystem::path dir = target.parent_path();
    std::string name = fmt::format(".{}.tmp-{}-{}", target.filename().string(),
                                   static_cast<long>(::getpid()), counter++);
    return (dir / name).string();
}

bool writeAll(int fd, std::string_view contents) {
    const char* p = contents.data();
    std::size_t left = contents.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

WriteResult writeFileAtomically(const std::string& path, const std::string& contents) {
    return writeFileAtomically(path, [&](const Emit& emit) { emit(contents); });
}

WriteResult writeFileAtomically(const std::string& path, const Producer& produce) {
    std::filesystem::path target(path);
    if (target.filename().empty())
        return WriteResult::failure(fmt::format("cannot write '{}': not a file name", path));
    std::string temp = temporaryNameFor(target);

    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return WriteResult::failure(fmt::format("cannot write '{}': {}", path, reason(errno)));

    // The first failure's errno is the one reported; later pieces are refused.
    bool written = true;
    int err = 0;
    produce([&](std::string_view piece) {
        if (written && !writeAll(fd, piece)) {
            written = false;
            err = errno;
        }
        return written;
    });
    if (written && ::fsync(fd) != 0) {
        written = false;
        err = errno;
    }
    if (::close(fd) != 0 && written) {
        written = false;
        err = errno;
    }
    if (written && ::rename(temp.c_str(), path.c_str()) != 0) {
        written = false;
        err = errno;
    }
    if (!written) {
        ::unlink(temp.c_str());
        return WriteResult::failure(fmt::format("cannot write '{}': {}", path, reason(err)));
    }
    return WriteResult::success();
}

std::string collect(const Producer& produce) {
    std::string out;
    produce([&](std::string_view piece) {
        out += piece;
        return true;
    });
    return out;
}

} // namespace absim::report
