// The parse cache (frontend/model/parse_cache.h): an entry gives back the
// parser's tree only for the very text and build that stored it, a damaged
// entry is refused, files with diagnostics are not stored, and the folder
// keeps its most recently used entries.

#include "frontend/ast/ast_dump.h"
#include "frontend/model/model.h"
#include "frontend/model/parse_cache.h"
#include "frontend/parse/parser.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace absim;
namespace fs = std::filesystem;

namespace {

constexpr const char* kModel = R"(module Cached;
data Shape = Circle(Rat radius) | Square(Rat side);
def Rat area(Shape s) = case s { Circle(r) => 3 * r * r; Square(a) => a * a; };
interface Counter { Int next(); }
class CounterImpl(Int start) implements Counter {
    Int n = start;
    Int next() { n = n + 1; return n; }
}
{
    Counter c = new CounterImpl(41);
    Int x = await c!next();
    await duration(1, 2);
    println(`area $area(Square(x))$ of $toString(x)$`);
}
)";

// A folder of its own under the system's temporary folder, removed after.
struct CacheFolder {
    fs::path path;
    ParseCache cache;
    CacheFolder() {
        path = fs::temp_directory_path() /
               ("absim-parse-cache-test-" +
                std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
        cache.directory = path.string();
        cache.buildId = "0123abcd";
    }
    ~CacheFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::vector<fs::path> entries() const {
        std::vector<fs::path> found;
        std::error_code ec;
        for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
            found.push_back(it->path());
        return found;
    }
};

struct Parsed {
    SourceManager sources;
    FileId id = kNoFile;
    ast::CompilationUnit unit;
    size_t diagnostics = 0;
    explicit Parsed(const std::string& text) {
        sources.add("padding.abs", "");
        id = sources.add("model.abs", text);
        DiagnosticEngine diags(sources);
        unit = parse::parseFile(sources.file(id), diags);
        diagnostics = diags.all().size();
    }
    const SourceFile& file() const { return sources.file(id); }
    std::string dump() const { return ast::dumpAst(unit, sources); }
};

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeAll(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

} // namespace

TEST_CASE("a stored tree comes back as the parser built it, ranges included") {
    CacheFolder folder;
    Parsed parsed(kModel);
    REQUIRE(parsed.diagnostics == 0);
    std::string expected = parsed.dump();
    CHECK_FALSE(lookUpParsed(folder.cache, parsed.file()));
    storeParsed(folder.cache, parsed.file(), parsed.unit);
    CHECK(parsed.dump() == expected); // storing gave the tree back intact
    REQUIRE(folder.entries().size() == 1);
    // The folder it made is the user's alone.
    CHECK((fs::status(folder.path).permissions() & fs::perms::all) == fs::perms::owner_all);

    // Read into another file position, as another run would place it.
    SourceManager other;
    other.add("a.abs", "");
    other.add("b.abs", "");
    FileId id = other.add("model.abs", kModel);
    auto back = lookUpParsed(folder.cache, other.file(id));
    REQUIRE(back);
    CHECK(back->file == id);
    SourceManager shifted; // the same text parsed at that position
    shifted.add("a.abs", "");
    shifted.add("b.abs", "");
    FileId sid = shifted.add("model.abs", kModel);
    DiagnosticEngine diags(shifted);
    ast::CompilationUnit direct = parse::parseFile(shifted.file(sid), diags);
    CHECK(ast::dumpAst(*back, other) == ast::dumpAst(direct, shifted));
}

TEST_CASE("an entry is used only for the same text and the same build") {
    CacheFolder folder;
    Parsed parsed(kModel);
    storeParsed(folder.cache, parsed.file(), parsed.unit);

    Parsed edited(std::string(kModel) + "\n");
    CHECK_FALSE(lookUpParsed(folder.cache, edited.file()));

    ParseCache otherBuild = folder.cache;
    otherBuild.buildId = "0123abce";
    CHECK_FALSE(lookUpParsed(otherBuild, parsed.file()));

    // An entry from another build under this build's name (a hash clash)
    // is refused by what it says inside, not by its name.
    storeParsed(otherBuild, parsed.file(), parsed.unit);
    REQUIRE(folder.entries().size() == 2);
    fs::path mine, theirs;
    for (const fs::path& p : folder.entries())
        (readAll(p).find("0123abcd") != std::string::npos ? mine : theirs) = p;
    REQUIRE_FALSE(mine.empty());
    REQUIRE_FALSE(theirs.empty());
    fs::copy_file(theirs, mine, fs::copy_options::overwrite_existing);
    CHECK_FALSE(lookUpParsed(folder.cache, parsed.file()));
    CHECK(lookUpParsed(otherBuild, parsed.file()));
}

TEST_CASE("a damaged entry is refused, wherever the damage is") {
    CacheFolder folder;
    Parsed parsed(kModel);
    storeParsed(folder.cache, parsed.file(), parsed.unit);
    REQUIRE(folder.entries().size() == 1);
    fs::path entry = folder.entries().front();
    const std::string good = readAll(entry);
    REQUIRE(lookUpParsed(folder.cache, parsed.file()));

    size_t refused = 0, tried = 0;
    for (size_t at = 0; at < good.size(); at += 1 + good.size() / 97) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x20);
        writeAll(entry, bad);
        ++tried;
        if (!lookUpParsed(folder.cache, parsed.file()))
            ++refused;
    }
    CHECK(refused == tried);
    for (size_t keep : {size_t(0), size_t(5), good.size() / 2, good.size() - 1}) {
        writeAll(entry, good.substr(0, keep));
        CHECK_FALSE(lookUpParsed(folder.cache, parsed.file()));
    }
    writeAll(entry, good + "x");
    CHECK_FALSE(lookUpParsed(folder.cache, parsed.file()));
    writeAll(entry, good);
    CHECK(lookUpParsed(folder.cache, parsed.file()));
}

TEST_CASE("loading stores only files that parsed without a diagnostic") {
    CacheFolder folder;
    fs::create_directories(folder.path);
    auto load = [&](const std::string& name, const std::string& text, size_t& diagnostics) {
        fs::path file = folder.path / name;
        writeAll(file, text);
        ParsedModel model;
        DiagnosticEngine diags(model.sources);
        LoadOptions options;
        options.includeStdlib = false;
        options.parseCache = folder.cache;
        loadModel({file.string()}, model, diags, options);
        diagnostics = diags.all().size();
        return ast::dumpAst(model.units.back(), model.sources);
    };
    auto entryCount = [&] {
        size_t n = 0;
        for (const fs::path& p : folder.entries())
            n += p.extension() == ".ast";
        return n;
    };
    size_t diagnostics = 0;
    std::string first = load("good.abs", kModel, diagnostics);
    CHECK(diagnostics == 0);
    CHECK(entryCount() == 1);
    CHECK(load("good.abs", kModel, diagnostics) == first);
    CHECK(entryCount() == 1);

    // `as` as a name is accepted with a warning (language.md §1.3).
    load("warned.abs", "module W; { Int as = 1; println(toString(as)); }", diagnostics);
    CHECK(diagnostics > 0);
    CHECK(entryCount() == 1);
    size_t again = 0;
    load("warned.abs", "module W; { Int as = 1; println(toString(as)); }", again);
    CHECK(again == diagnostics); // reported again: it was parsed again

    load("broken.abs", "module B; { Int x = ; }", diagnostics);
    CHECK(diagnostics > 0);
    CHECK(entryCount() == 1);
}

TEST_CASE("the folder keeps its most recently used entries and no stale leftovers") {
    CacheFolder folder;
    folder.cache.capacity = 2;
    auto text = [](int i) {
        return std::string(kModel) + "// variant " + std::to_string(i) + "\n";
    };
    Parsed a(text(1)), b(text(2)), c(text(3));
    storeParsed(folder.cache, a.file(), a.unit);
    storeParsed(folder.cache, b.file(), b.unit);
    REQUIRE(folder.entries().size() == 2);
    // Make the order of use explicit: b older than a (a is read again).
    auto now = fs::file_time_type::clock::now();
    for (const fs::path& p : folder.entries())
        fs::last_write_time(
            p, now - std::chrono::hours(readAll(p).find("variant 2") != std::string::npos ? 2 : 1));
    REQUIRE(lookUpParsed(folder.cache, a.file())); // renews a
    storeParsed(folder.cache, c.file(), c.unit);
    CHECK(folder.entries().size() == 2);
    CHECK(lookUpParsed(folder.cache, a.file()));
    CHECK(lookUpParsed(folder.cache, c.file()));
    CHECK_FALSE(lookUpParsed(folder.cache, b.file()));

    // What a run that stopped before renaming left: dropped when an hour
    // old, kept while another run may still be writing it.
    fs::path oldTemporary = folder.path / "0123456789abcdef.ast.tmp4242";
    fs::path newTemporary = folder.path / "0123456789abcdef.ast.tmp4343";
    writeAll(oldTemporary, "partial");
    writeAll(newTemporary, "partial");
    fs::last_write_time(oldTemporary, now - std::chrono::hours(2));
    Parsed d(text(4));
    storeParsed(folder.cache, d.file(), d.unit);
    CHECK_FALSE(fs::exists(oldTemporary));
    CHECK(fs::exists(newTemporary));
    CHECK(lookUpParsed(folder.cache, d.file()));
}

TEST_CASE("without a folder or a build id nothing is stored or read") {
    CacheFolder folder;
    Parsed parsed(kModel);
    ParseCache noBuild = folder.cache;
    noBuild.buildId.clear();
    storeParsed(noBuild, parsed.file(), parsed.unit);
    CHECK(folder.entries().empty());
    ParseCache noFolder;
    noFolder.buildId = "0123abcd";
    storeParsed(noFolder, parsed.file(), parsed.unit);
    CHECK_FALSE(lookUpParsed(noFolder, parsed.file()));
    // A folder that cannot be made (below a plain file): parsing goes on.
    fs::create_directories(folder.path);
    writeAll(folder.path / "plain", "x");
    ParseCache blocked = folder.cache;
    blocked.directory = (folder.path / "plain" / "cache").string();
    storeParsed(blocked, parsed.file(), parsed.unit);
    CHECK_FALSE(lookUpParsed(blocked, parsed.file()));
}

TEST_CASE("the environment chooses the folder") {
    struct Saved {
        const char* name;
        std::string value;
        bool set;
    };
    std::vector<Saved> saved;
    for (const char* name : {"ABSIM_CACHE", "ABSIM_CACHE_DIR", "XDG_CACHE_HOME", "HOME"}) {
        const char* v = std::getenv(name);
        saved.push_back({name, v ? v : "", v != nullptr});
        unsetenv(name);
    }
    CHECK(parseCacheDirectoryFromEnvironment().empty());
    setenv("HOME", "/home/modeller", 1);
    CHECK(parseCacheDirectoryFromEnvironment() == "/home/modeller/.cache/absim");
    setenv("XDG_CACHE_HOME", "relative", 1); // not absolute: ignored
    CHECK(parseCacheDirectoryFromEnvironment() == "/home/modeller/.cache/absim");
    setenv("XDG_CACHE_HOME", "/var/cache/modeller", 1);
    CHECK(parseCacheDirectoryFromEnvironment() == "/var/cache/modeller/absim");
    setenv("ABSIM_CACHE_DIR", "/tmp/absim-here", 1);
    CHECK(parseCacheDirectoryFromEnvironment() == "/tmp/absim-here");
    setenv("ABSIM_CACHE_DIR", "", 1);
    CHECK(parseCacheDirectoryFromEnvironment().empty());
    setenv("ABSIM_CACHE_DIR", "/tmp/absim-here", 1);
    setenv("ABSIM_CACHE", "off", 1);
    CHECK(parseCacheDirectoryFromEnvironment().empty());
    for (const Saved& s : saved) {
        if (s.set)
            setenv(s.name, s.value.c_str(), 1);
        else
            unsetenv(s.name);
    }
}
