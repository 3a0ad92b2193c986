#include "frontend/model/model.h"

#include "frontend/parse/parser.h"
#include "stdlib/embedded.h"

namespace absim {

LoadStatus loadModel(const std::vector<std::string>& paths, ParsedModel& model,
                     DiagnosticEngine& diags, const LoadOptions& options) {
    parse::ParseOptions parseOptions;
    parseOptions.twoStage = options.twoStageParsing;
    if (options.includeStdlib) {
        for (const stdlib::EmbeddedFile& f : stdlib::embeddedStdlib()) {
            FileId id = model.sources.add(std::string(f.path), std::string(f.text));
            model.units.push_back(parse::parseFile(model.sources.file(id), diags, parseOptions));
        }
    }
    model.firstUserUnit = model.units.size();
    bool unreadable = false;
    for (const std::string& path : paths) {
        std::string text;
        if (!readFile(path, text)) {
            diags.error(SourceRange{}, "cannot read '" + path + "'");
            unreadable = true;
            continue;
        }
        FileId id = model.sources.add(path, std::move(text));
        model.units.push_back(parse::parseFile(model.sources.file(id), diags, parseOptions));
    }
    if (unreadable)
        return LoadStatus::UnreadableFile;
    return diags.hasErrors() ? LoadStatus::SyntaxErrors : LoadStatus::Ok;
}

} // namespace absim
