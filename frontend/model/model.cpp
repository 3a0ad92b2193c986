#include "frontend/model/model.h"

#include "frontend/ast/ast_pack.h"
#include "frontend/parse/parser.h"
#include "stdlib/embedded.h"
#include "stdlib/packed.h"

namespace absim {

namespace {

// The stdlib's sources (for diagnostics) and its trees: read from the pack
// made at build time when there is one, parsed otherwise.
void loadStdlib(ParsedModel& model, DiagnosticEngine& diags, const LoadOptions& options,
                const parse::ParseOptions& parseOptions) {
    auto files = stdlib::embeddedStdlib();
    FileId first = kNoFile;
    for (const stdlib::EmbeddedFile& f : files) {
        FileId id = model.sources.add(std::string(f.path), std::string(f.text));
        if (first == kNoFile)
            first = id;
    }
    if (options.usePackedStdlib && !files.empty()) {
        std::vector<ast::CompilationUnit> units;
        if (ast::unpackUnits(stdlib::packedStdlib(), first, units) &&
            units.size() == files.size()) {
            for (ast::CompilationUnit& u : units)
                model.units.push_back(std::move(u));
            return;
        }
    }
    for (size_t i = 0; i < files.size(); ++i)
        model.units.push_back(parse::parseFile(model.sources.file(static_cast<FileId>(first + i)),
                                               diags, parseOptions));
}

} // namespace

LoadStatus loadModel(const std::vector<std::string>& paths, ParsedModel& model,
                     DiagnosticEngine& diags, const LoadOptions& options) {
    parse::ParseOptions parseOptions;
    parseOptions.twoStage = options.twoStageParsing;
    if (options.includeStdlib)
        loadStdlib(model, diags, options, parseOptions);
    model.firstUserUnit = model.units.size();
    bool unreadable = false;
    for (const std::string& path : paths) {
        std::string text, why;
        if (!readFile(path, text, &why)) {
            diags.error(SourceRange{}, "cannot read '" + path + "': " + why);
            unreadable = true;
            continue;
        }
        FileId id = model.sources.add(path, std::move(text));
        const SourceFile& file = model.sources.file(id);
        if (auto cached = lookUpParsed(options.parseCache, file)) {
            model.units.push_back(std::move(*cached));
            continue;
        }
        size_t reported = diags.all().size();
        model.units.push_back(parse::parseFile(file, diags, parseOptions));
        if (diags.all().size() == reported)
            storeParsed(options.parseCache, file, model.units.back());
    }
    if (unreadable)
        return LoadStatus::UnreadableFile;
    return diags.hasErrors() ? LoadStatus::SyntaxErrors : LoadStatus::Ok;
}

} // namespace absim
