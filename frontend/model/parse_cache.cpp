#include "frontend/model/parse_cache.h"

#include "frontend/ast/ast_pack.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>
#include <vector>

namespace absim {

namespace {

namespace fs = std::filesystem;

// An entry: the magic, the writer's build id, the source text, the packed
// tree, then a checksum of all that (a torn or damaged file is refused even
// where the pack reader would not notice).
constexpr char kMagic[8] = {'A', 'B', 'S', 'I', 'M', 'A', 'S', 'T'};

uint64_t fnv1a(std::string_view bytes, uint64_t h = 0xcbf29ce484222325ull) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

void putNumber(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

class EntryReader {
  public:
    explicit EntryReader(std::string_view in) : in_(in) {}
    bool number(uint64_t& v) {
        if (in_.size() - pos_ < 8)
            return false;
        v = 0;
        for (int i = 0; i < 8; ++i)
            v |= uint64_t(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
        pos_ += 8;
        return true;
    }
    bool bytes(std::string_view& out) {
        uint64_t n = 0;
        if (!number(n) || n > in_.size() - pos_)
            return false;
        out = in_.substr(pos_, n);
        pos_ += n;
        return true;
    }
    size_t position() const { return pos_; }

  private:
    std::string_view in_;
    size_t pos_ = 0;
};

// Entries are named by a hash of what they are for; the entry itself says
// exactly what (two sources with one hash simply replace each other).
fs::path entryPath(const ParseCache& cache, const SourceFile& file) {
    uint64_t h = fnv1a(file.text(), fnv1a(cache.buildId));
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.ast", static_cast<unsigned long long>(h));
    return fs::path(cache.directory) / name;
}

bool readWhole(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

// Keeps the directory at `capacity` entries, dropping the least recently
// used (a hit renews an entry's time), and drops what a run that stopped
// between writing an entry aside and renaming it left (an hour old: no run
// is still writing it).
void trim(const ParseCache& cache) {
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> entries;
    auto hourAgo = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (fs::directory_iterator it(cache.directory, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code timeError;
        fs::file_time_type t = it->last_write_time(timeError);
        if (timeError)
            continue;
        if (it->path().extension() == ".ast")
            entries.emplace_back(t, it->path());
        else if (it->path().filename().string().find(".ast.tmp") != std::string::npos &&
                 t < hourAgo)
            fs::remove(it->path(), timeError);
    }
    if (entries.size() <= cache.capacity)
        return;
    std::sort(entries.begin(), entries.end());
    for (size_t i = 0; i + cache.capacity < entries.size(); ++i)
        fs::remove(entries[i].second, ec);
}

} // namespace

std::optional<ast::CompilationUnit> lookUpParsed(const ParseCache& cache, const SourceFile& file) {
    if (!cache.enabled())
        return std::nullopt;
    fs::path path = entryPath(cache, file);
    std::string entry;
    if (!readWhole(path, entry) || entry.size() < sizeof kMagic ||
        std::memcmp(entry.data(), kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    EntryReader r(std::string_view(entry).substr(sizeof kMagic));
    std::string_view buildId, text, packed;
    uint64_t checksum = 0;
    if (!r.bytes(buildId) || !r.bytes(text) || !r.bytes(packed))
        return std::nullopt;
    size_t covered = sizeof kMagic + r.position();
    if (!r.number(checksum) || covered + 8 != entry.size() ||
        checksum != fnv1a(std::string_view(entry).substr(0, covered)))
        return std::nullopt;
    if (buildId != cache.buildId || text != file.text())
        return std::nullopt;
    std::vector<ast::CompilationUnit> units;
    if (!ast::unpackUnits(packed, file.id(), units) || units.size() != 1)
        return std::nullopt;
    std::error_code ec;
    fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
    return std::move(units.front());
}

void storeParsed(const ParseCache& cache, const SourceFile& file, ast::CompilationUnit& unit) {
    if (!cache.enabled())
        return;
    std::vector<ast::CompilationUnit> units;
    units.push_back(std::move(unit));
    std::optional<std::string> packed = ast::packUnits(units, file.id());
    unit = std::move(units.front());
    if (!packed)
        return; // a form the pack does not store (deltas, product lines)

    std::string entry(kMagic, sizeof kMagic);
    putNumber(entry, cache.buildId.size());
    entry += cache.buildId;
    putNumber(entry, file.text().size());
    entry += file.text();
    putNumber(entry, packed->size());
    entry += *packed;
    putNumber(entry, fnv1a(entry));

    // A folder made here is the user's alone: an entry whose text, build
    // and checksum match is trusted as the parser's tree.
    std::error_code ec;
    if (fs::create_directories(cache.directory, ec))
        fs::permissions(cache.directory, fs::perms::owner_all, ec);
    // Written aside and renamed into place, so that a reader (another run
    // at the same time) sees a whole entry or none.
    fs::path path = entryPath(cache, file);
    fs::path temporary = path;
    temporary += ".tmp";
    temporary += std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            return;
        out.write(entry.data(), static_cast<std::streamsize>(entry.size()));
        out.close();
        if (!out) {
            fs::remove(temporary, ec);
            return;
        }
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return;
    }
    trim(cache);
}

std::string parseCacheDirectoryFromEnvironment() {
    auto env = [](const char* name) -> const char* { return std::getenv(name); };
    if (const char* switched = env("ABSIM_CACHE"); switched && std::strcmp(switched, "off") == 0)
        return {};
    if (const char* dir = env("ABSIM_CACHE_DIR"))
        return dir;
    if (const char* xdg = env("XDG_CACHE_HOME"); xdg && xdg[0] == '/')
        return std::string(xdg) + "/absim";
    if (const char* home = env("HOME"); home && home[0] == '/')
        return std::string(home) + "/.cache/absim";
    return {};
}

} // namespace absim
