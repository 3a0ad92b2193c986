// Helpers for the report tests (see report_helpers.h).

#include "report_helpers.h"

#include <atomic>
#include <cctype>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace absim::report::testing {

RunRecord smallRecord() {
    RunRecord record;
    record.facts.model = "m.abs";
    record.facts.arguments = {"run", "m.abs"};
    record.facts.seed = 3;
    record.facts.finalTime = Number::integer(4);
    record.facts.wallSeconds = 0.5;

    DcRecord& server = record.addDc("Server, main", Number::integer(0));
    server.closeInterval(Resource::Speed, Number::integer(10), Number::integer(5));
    server.closeInterval(Resource::Speed, Number::integer(10), Number::integer(10));
    server.closeInterval(Resource::Bandwidth, std::nullopt, Number::integer(0));
    server.closeInterval(Resource::Bandwidth, std::nullopt, Number::ratio(5, 2));

    DcRecord& cloud = record.addDc("cloud-1", Number::ratio(5, 2), true);
    cloud.shutdown = Number::integer(4);
    cloud.cost = Number::integer(2);
    cloud.closeInterval(Resource::Speed, Number::integer(3), Number::integer(1));

    record.billing.push_back({Number::integer(3), Number::integer(1)});
    record.billing.push_back({Number::integer(4), Number::integer(2)});
    record.metrics.recordSample("latency <ms>", Number::integer(1), Number::ratio(3, 2));
    record.metrics.recordSample("latency <ms>", Number::integer(3), Number::integer(4));
    record.metrics.incrementCounter("requests & replies", Number::integer(2));
    return record;
}

namespace {

// No std::regex here: libstdc++'s matcher recurses per character and
// overflows the stack on a chart's long path data.

bool knownEntity(std::string_view at) {
    for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
        if (at.substr(0, std::string_view(e).size()) == e)
            return true;
    }
    if (at.substr(0, 2) != "&#")
        return false;
    std::size_t semi = at.find(';');
    return semi != std::string_view::npos && semi > 2 && semi < 10;
}

bool nameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' ||
           c == '.';
}

// ( space+ name="value" )* space* /?
bool wellFormedAttributes(std::string_view rest) {
    std::size_t i = 0;
    auto spaces = [&] {
        std::size_t start = i;
        while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i])))
            ++i;
        return i > start;
    };
    while (true) {
        bool spaced = spaces();
        if (i == rest.size() || (rest[i] == '/' && i + 1 == rest.size()))
            return true;
        if (!spaced)
            return false;
        std::size_t nameStart = i;
        while (i < rest.size() && nameChar(rest[i]))
            ++i;
        if (i == nameStart || rest.substr(i, 2) != "=\"")
            return false;
        std::size_t close = rest.find('"', i + 2);
        if (close == std::string_view::npos ||
            rest.substr(i + 2, close - i - 2).find('<') != std::string_view::npos)
            return false;
        i = close + 1;
    }
}

} // namespace

std::string xmlProblem(std::string_view xml) {
    std::vector<std::string> open;
    std::size_t i = 0;
    while (i < xml.size()) {
        if (xml[i] == '&') {
            if (!knownEntity(xml.substr(i)))
                return "stray '&' at " + std::to_string(i);
            ++i;
            continue;
        }
        if (xml[i] != '<') {
            ++i;
            continue;
        }
        if (xml.substr(i, 4) == "<!--" || xml.substr(i, 2) == "<?") {
            std::size_t end = xml.find(xml[i + 1] == '?' ? "?>" : "-->", i);
            if (end == std::string_view::npos)
                return "unterminated comment or declaration at " + std::to_string(i);
            i = end + 2;
            continue;
        }
        std::size_t end = i + 1;
        bool quoted = false;
        while (end < xml.size() && (quoted || xml[end] != '>')) {
            if (xml[end] == '"')
                quoted = !quoted;
            if (!quoted && xml[end] == '<')
                return "'<' inside a tag at " + std::to_string(end);
            ++end;
        }
        if (end >= xml.size())
            return "unterminated tag at " + std::to_string(i);
        std::string tag(xml.substr(i + 1, end - i - 1));
        i = end + 1;
        if (!tag.empty() && tag[0] == '/') {
            std::string name = tag.substr(1);
            if (open.empty() || open.back() != name)
                return "</" + name + "> does not close <" + (open.empty() ? "" : open.back()) + ">";
            open.pop_back();
            continue;
        }
        std::size_t nameEnd = tag.find_first_of(" \t\n/");
        std::string name = tag.substr(0, nameEnd);
        if (name.empty())
            return "empty tag name before " + std::to_string(i);
        std::string rest = nameEnd == std::string::npos ? "" : tag.substr(nameEnd);
        if (!wellFormedAttributes(rest))
            return "bad attributes in <" + name + ">: " + rest.substr(0, 80);
        if (tag.back() != '/')
            open.push_back(name);
    }
    if (!open.empty())
        return "<" + open.back() + "> is never closed";
    return {};
}

ScratchDir::ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("absim-report-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace absim::report::testing
