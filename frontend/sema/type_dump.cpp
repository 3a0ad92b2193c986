// --dump-types: what the checker inferred for the user's files, one line
// per declared name or checked expression, in source order:
//   model.abs:3:5: def f<A>(List<A>, Int) : A
//   model.abs:7:9: x : Int
//   model.abs:7:13: `length(l) + 1` : Int

#include "frontend/sema/checker.h"
#include "frontend/source/source_file.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace absim::sema {

namespace {

struct Line {
    SourceRange range;
    int order; // declarations before the expressions that start at the same place
    std::string text;
};

// The source text of a range on one line (columns are code points).
std::string excerpt(const SourceManager& sources, SourceRange r) {
    if (!r.known() || r.end.line != r.begin.line || r.file >= sources.size())
        return "";
    std::string_view line = sources.file(r.file).line(r.begin.line);
    size_t i = 0;
    uint32_t col = 1;
    while (i < line.size() && col < r.begin.col) {
        i += utf8SequenceLength(static_cast<unsigned char>(line[i]));
        ++col;
    }
    size_t start = i;
    while (i < line.size() && col <= r.end.col) {
        i += utf8SequenceLength(static_cast<unsigned char>(line[i]));
        ++col;
    }
    return std::string(line.substr(start, i - start));
}

std::string where(const SourceManager& sources, SourceRange r) {
    return sources.file(r.file).path() + ":" + std::to_string(r.begin.line) + ":" +
           std::to_string(r.begin.col) + ": ";
}

} // namespace

std::string dumpTypes(const ParsedModel& model, const CheckedModel& checked) {
    std::set<FileId> userFiles;
    for (size_t u = model.firstUserUnit; u < model.units.size(); ++u)
        userFiles.insert(model.units[u].file);
    auto wanted = [&](SourceRange r) { return r.known() && userFiles.count(r.file); };

    std::vector<Line> lines;
    for (const DeclaredType& d : checked.declaredTypes()) {
        if (!wanted(d.range))
            continue;
        std::string text = d.label;
        if (d.callable) {
            text += "(";
            for (size_t i = 0; i < d.params.size(); ++i)
                text += (i ? ", " : "") + typeName(d.params[i]);
            text += ")";
        }
        lines.push_back({d.range, 0, text + " : " + typeName(d.type)});
    }
    for (const auto& [e, t] : checked.expressionTypes()) {
        if (!wanted(e->range))
            continue;
        std::string text = excerpt(model.sources, e->range);
        if (text.empty())
            text = "...";
        else if (text.size() > 60)
            text = text.substr(0, 57) + "...";
        lines.push_back({e->range, 1, "`" + text + "` : " + typeName(t)});
    }
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
        // Outer expressions (longer ranges) before the inner ones they contain.
        return std::make_tuple(a.range.file, a.range.begin.line, a.range.begin.col, a.order,
                               -static_cast<int64_t>(a.range.end.line),
                               -static_cast<int64_t>(a.range.end.col), a.text) <
               std::make_tuple(b.range.file, b.range.begin.line, b.range.begin.col, b.order,
                               -static_cast<int64_t>(b.range.end.line),
                               -static_cast<int64_t>(b.range.end.col), b.text);
    });
    std::string out;
    for (const Line& l : lines)
        out += where(model.sources, l.range) + l.text + "\n";
    return out;
}

} // namespace absim::sema
