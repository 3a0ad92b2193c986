#include "app/repl.h"

#include "app/build_identity.h"

#include "frontend/parse/parser.h"
#include "frontend/sema/checker.h"
#include "frontend/sema/types.h"
#include "interpreter/run/session.h"

#include <functional>
#include <ostream>
#include <sstream>

namespace absim::cli {

namespace {

constexpr const char* kModule = "Repl";
// Printed by the replayed main block after each accepted statement has
// quiesced: what follows the last one is the new input's output.
constexpr const char* kCheckpoint = "<absim-repl-checkpoint>";
constexpr const char* kReplFile = "<repl>";
constexpr const char* kModuleFile = "<repl module>";
// An input that begins with one of these is a declaration.
constexpr const char* kDeclWords[] = {"data",      "type",   "def",    "interface", "class",
                                      "exception", "import", "export", "trait"};

const char* kHelp = R"(Input is a declaration, a statement or a pure expression; an open brace or
parenthesis continues it on the next line.
  data/type/def/interface/class/exception/import ...
                  add to the REPL's module (a redefinition replaces the old one)
  STATEMENT;      run it in the main block; its variables stay in scope, and
                  the simulation runs until everything it started is quiet
  EXPRESSION      evaluate it and print its value and type
Commands:
  :help           this text
  :type EXPR      the type of an expression
  :load FILE...   load model files (their modules' names become visible)
  :reload         read the loaded files again
  :run            run the loaded model's main block as a REPL statement
  :advance N      let N units of simulated time pass
  :time           the simulated time
  :objects        every object with its fields
  :dcs            every deployment component with its resources
  :reset          forget the REPL's declarations, imports and statements
  :quit           leave (also Ctrl-D)
)";

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return "";
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool startsWithWord(const std::string& s, const char* word) {
    size_t n = std::char_traits<char>::length(word);
    return s.compare(0, n, word) == 0 &&
           (s.size() == n || !(std::isalnum(static_cast<unsigned char>(s[n])) || s[n] == '_'));
}

uint32_t lineCount(const std::string& s) {
    uint32_t n = 1;
    for (char c : s)
        n += c == '\n';
    return n;
}

// Byte offset of a 1-based (line, code-point column) position in `text`.
size_t offsetOf(const std::string& text, SourcePos pos) {
    size_t i = 0;
    for (uint32_t line = 1; line < pos.line && i < text.size(); ++i)
        if (text[i] == '\n')
            ++line;
    for (uint32_t col = 1; col < pos.col && i < text.size(); ++col) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            ++i;
    }
    return i;
}

// The source text a range covers (inclusive end).
std::string textOf(const std::string& text, const SourceRange& r) {
    size_t b = offsetOf(text, r.begin);
    size_t e = offsetOf(text, r.end);
    if (e < text.size()) {
        ++e;
        while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80)
            ++e;
    }
    return b <= e ? text.substr(b, e - b) : "";
}

const char* kindName(ast::DeclKind k) {
    switch (k) {
    case ast::DeclKind::Data:
        return "data type";
    case ast::DeclKind::TypeSynonym:
        return "type synonym";
    case ast::DeclKind::Exception:
        return "exception";
    case ast::DeclKind::Function:
    case ast::DeclKind::PartialFunction:
        return "function";
    case ast::DeclKind::Interface:
        return "interface";
    case ast::DeclKind::Class:
        return "class";
    case ast::DeclKind::Trait:
        return "trait";
    }
    return "declaration";
}

std::string importText(const ast::ImportDecl& i) {
    std::string names;
    for (const ast::Name& n : i.names)
        names += (names.empty() ? "" : ", ") + n.text;
    switch (i.kind) {
    case ast::ImportDecl::Kind::StarFrom:
        return "import * from " + i.from->text + ";";
    case ast::ImportDecl::Kind::NamesFrom:
        return "import " + names + " from " + i.from->text + ";";
    case ast::ImportDecl::Kind::Qualified:
        return "import " + names + ";";
    }
    return "";
}

// Identifiers in `text` (for completion of the REPL's own variables).
void collectIdentifiers(const std::string& text, std::set<std::string>& out) {
    for (size_t i = 0; i < text.size();) {
        unsigned char c = text[i];
        if (std::isalpha(c) || c == '_') {
            size_t b = i;
            while (i < text.size() &&
                   (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'))
                ++i;
            out.insert(text.substr(b, i - b));
        } else if (c == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\')
                    ++i;
            ++i;
        } else {
            ++i;
        }
    }
}

} // namespace

struct RunReport {
    interp::SessionState state;
};

Repl::Repl(std::ostream& out, bool colour) : out_(out), colour_(colour) {
    bool ok = true;
    reloadBase({}, ok);
}

void Repl::reloadBase(const std::vector<std::string>& files, bool& ok) {
    auto model = std::make_unique<ParsedModel>();
    DiagnosticEngine diags(model->sources);
    LoadOptions load;
    load.parseCache = parseCacheOfThisBuild();
    loadModel(files, *model, diags, load);
    if (!diags.hasErrors()) {
        sema::CheckResult checked = sema::checkModel(*model, diags);
        (void)checked;
    }
    diags.flush(out_, colour_);
    if (diags.hasErrors()) {
        ok = false;
        return;
    }
    ok = true;
    std::vector<std::string> modules, imports;
    std::string mainBody;
    std::set<std::string> names;
    for (size_t u = 0; u < model->units.size(); ++u) {
        for (ast::ModuleDecl& m : model->units[u].modules) {
            for (const auto& d : m.decls)
                names.insert(d->name.simple());
            if (u < model->firstUserUnit)
                continue;
            // The REPL sees every name of a loaded module, exported or not.
            ast::ExportDecl all;
            all.star = true;
            m.exports.push_back(std::move(all));
            modules.push_back(m.name.text);
            for (const ast::ImportDecl& i : m.imports)
                imports.push_back(importText(i));
            if (m.main && mainBody.empty()) {
                const SourceFile& f = model->sources.file(m.main->body->range.file);
                std::string body = textOf(f.text(), m.main->body->range);
                size_t open = body.find('{'), close = body.rfind('}');
                if (open != std::string::npos && close != std::string::npos && open < close)
                    mainBody = trim(body.substr(open + 1, close - open - 1));
            }
        }
    }
    files_ = files;
    base_ = std::move(*model);
    userModules_ = std::move(modules);
    userImports_ = std::move(imports);
    mainBody_ = std::move(mainBody);
    names_ = std::move(names);
}

bool Repl::load(const std::vector<std::string>& files) {
    bool ok = false;
    reloadBase(files, ok);
    return ok;
}

Repl::Synthesis Repl::synthesise(InputKind kind, const std::string& input) const {
    Synthesis s;
    std::string& t = s.text;
    uint32_t line = 1;
    auto add = [&](const std::string& text) {
        t += text;
        t += '\n';
        line += lineCount(text);
    };
    auto addInput = [&](const std::string& text) {
        s.inputLine = line;
        s.inputLines = lineCount(text);
        add(text);
    };
    add(std::string("module ") + kModule + ";");
    for (const std::string& m : userModules_)
        add("import * from " + m + ";");
    for (const std::string& i : userImports_)
        add(i);
    for (const std::string& i : imports_)
        add(i);
    for (const Declaration& d : declarations_)
        add(d.text);
    if (kind == InputKind::Declarations)
        addInput(input);
    add("{");
    add(std::string("println(\"") + kCheckpoint + "\");");
    for (const std::string& h : history_) {
        add(h);
        add(std::string("await duration(0, 0); println(\"") + kCheckpoint + "\");");
    }
    if (kind == InputKind::Expression) {
        add("println(toString(");
        addInput(input);
        add("));");
    } else if (kind == InputKind::Statement) {
        addInput(input);
        add("await duration(0, 0);");
    }
    add("}");
    return s;
}

namespace {

// Moves the diagnostics that point into the new input to the `<repl>` file
// (line numbers counted from the input's first line).
void remap(Diagnostic& d, FileId synth, FileId input, const uint32_t first, uint32_t lines) {
    auto fix = [&](SourceRange& r) {
        if (r.file == synth && r.begin.line >= first && r.begin.line < first + lines) {
            r.file = input;
            r.begin.line -= first - 1;
            r.end.line = r.end.line >= first ? r.end.line - (first - 1) : r.begin.line;
        }
    };
    fix(d.range);
    for (Diagnostic& n : d.notes)
        remap(n, synth, input, first, lines);
}

} // namespace

struct Repl::Checked {
    sema::CheckResult result;
    FileId synthFile = kNoFile;
};

bool Repl::check(const Synthesis& synthesis, const std::string& input, Checked& result,
                 bool quiet) {
    FileId inputFile = base_.sources.add(kReplFile, input);
    FileId synthFile = base_.sources.add(kModuleFile, synthesis.text);
    result.synthFile = synthFile;
    DiagnosticEngine scratch(base_.sources);
    base_.units.push_back(parse::parseFile(base_.sources.file(synthFile), scratch));
    if (!scratch.hasErrors()) {
        sema::CheckOptions options;
        options.checkStdlibBodies = false; // checked when the model was loaded
        result.result = sema::checkModel(base_, scratch, options);
    }
    bool ok = !scratch.hasErrors();
    if (!quiet || !ok) {
        DiagnosticEngine shown(base_.sources);
        for (Diagnostic d : scratch.all()) {
            remap(d, synthFile, inputFile, synthesis.inputLine, synthesis.inputLines);
            shown.add(std::move(d));
        }
        if (!quiet)
            shown.flush(out_, colour_);
    }
    return ok;
}

bool Repl::handle(const std::string& raw) {
    std::string input = trim(raw);
    if (input.empty())
        return true;
    if (input[0] == ':')
        return command(input);
    for (const char* w : kDeclWords) {
        if (startsWithWord(input, w)) {
            declarations(input);
            return true;
        }
    }
    if (startsWithWord(input, "module")) {
        out_ << "error: a module cannot be declared in the REPL; put it in a file and :load "
                "it\n";
        return true;
    }
    char last = input.back();
    if (last != ';' && last != '}' && expression(input, false))
        return true;
    statement(last == ';' || last == '}' ? input : input + ";");
    return true;
}

void Repl::declarations(const std::string& input) {
    if (startsWithWord(input, "export")) {
        out_ << "note: the REPL's module needs no exports\n";
        return;
    }
    Synthesis s = synthesise(InputKind::Declarations, input);
    if (startsWithWord(input, "import")) {
        // Imports go before every declaration of the module.
        std::vector<std::string> saved = imports_;
        imports_.push_back(input);
        Synthesis withImport = synthesise(InputKind::None, "");
        Checked checked;
        // Diagnostics point into the module text, where the import is.
        if (!check(withImport, input, checked, false)) {
            imports_ = saved;
            base_.units.pop_back();
            return;
        }
        base_.units.pop_back();
        return;
    }
    Checked checked;
    bool ok = check(s, input, checked, true);
    // Which declarations the input holds, and their texts.
    std::vector<Declaration> added;
    const ast::CompilationUnit& unit = base_.units.back();
    for (const ast::ModuleDecl& m : unit.modules)
        for (const auto& d : m.decls)
            if (d->range.begin.line >= s.inputLine)
                added.push_back({d->name.text, kindName(d->kind), textOf(s.text, d->range)});
    base_.units.pop_back();
    if (added.empty() && ok) {
        out_ << "error: no declaration found in the input\n";
        return;
    }
    // Redefinitions replace the earlier declaration: check without it.
    std::vector<Declaration> kept;
    std::vector<std::string> replaced;
    for (const Declaration& old : declarations_) {
        bool redefined = false;
        for (const Declaration& d : added)
            redefined = redefined || d.name == old.name;
        if (redefined)
            replaced.push_back(old.kind + " '" + old.name + "'");
        else
            kept.push_back(old);
    }
    std::vector<Declaration> saved = declarations_;
    declarations_ = kept;
    Synthesis s2 = synthesise(InputKind::Declarations, input);
    Checked again;
    ok = check(s2, input, again, false);
    base_.units.pop_back();
    if (!ok) {
        declarations_ = saved;
        return;
    }
    for (const std::string& r : replaced)
        out_ << "warning: redefining " << r << "\n";
    for (Declaration& d : added) {
        names_.insert(d.name);
        declarations_.push_back(std::move(d));
    }
}

bool Repl::expression(const std::string& input, bool typeOnly) {
    Synthesis s = synthesise(InputKind::Expression, input);
    // Does it parse as an expression at all? (Quietly: it may be a statement.)
    {
        FileId f = base_.sources.add(kModuleFile, s.text);
        DiagnosticEngine scratch(base_.sources);
        parse::parseFile(base_.sources.file(f), scratch);
        if (scratch.hasErrors())
            return false;
    }
    Checked checked;
    bool ok = check(s, input, checked, false);
    std::string type;
    if (ok && checked.result.checked) {
        // The input's outermost expression: it begins first and ends last.
        auto before = [](SourcePos a, SourcePos b) {
            return a.line < b.line || (a.line == b.line && a.col < b.col);
        };
        const ast::PureExp* best = nullptr;
        for (const auto& [e, t] : checked.result.checked->expressionTypes()) {
            const SourceRange& r = e->range;
            if (r.file != checked.synthFile || r.begin.line < s.inputLine ||
                r.begin.line >= s.inputLine + s.inputLines)
                continue;
            if (!best || before(r.begin, best->range.begin) ||
                (!before(best->range.begin, r.begin) && before(best->range.end, r.end))) {
                best = e;
                type = sema::typeName(t);
            }
        }
    }
    if (!ok) {
        base_.units.pop_back();
        return true;
    }
    if (typeOnly) {
        out_ << input << " : " << type << "\n";
        base_.units.pop_back();
        return true;
    }
    if (type == "Unit") {
        // Nothing to show but its effects: run it as a statement.
        base_.units.pop_back();
        statement(input + ";");
        return true;
    }
    interp::RunOptions options;
    options.module = kModule;
    DiagnosticEngine diags(base_.sources);
    interp::runInterrupted = false;
    interp::SessionState state = interp::runSession(*checked.result.program, options, diags);
    base_.units.pop_back();
    diags.flush(out_, colour_);
    std::string marker = std::string(kCheckpoint) + "\n";
    size_t at = state.transcript.rfind(marker);
    std::string shown =
        at == std::string::npos ? state.transcript : state.transcript.substr(at + marker.size());
    if (state.status == 0) {
        if (!shown.empty() && shown.back() == '\n')
            shown.pop_back();
        if (type == "String")
            shown = "\"" + shown + "\"";
        out_ << shown << " : " << type << "\n";
    } else {
        out_ << shown;
        printStatus(state.status);
    }
    return true;
}

int Repl::run(const std::string& input, bool showOutput, RunReport* report) {
    Synthesis s = synthesise(input.empty() ? InputKind::None : InputKind::Statement, input);
    Checked checked;
    if (!check(s, input, checked, false)) {
        base_.units.pop_back();
        return -1;
    }
    interp::RunOptions options;
    options.module = kModule;
    DiagnosticEngine diags(base_.sources);
    interp::runInterrupted = false;
    interp::SessionState state = interp::runSession(*checked.result.program, options, diags);
    base_.units.pop_back();
    diags.flush(out_, colour_);
    // Split the transcript at the checkpoints.
    std::string marker = std::string(kCheckpoint) + "\n";
    size_t count = 0, last = std::string::npos;
    for (size_t at = state.transcript.find(marker); at != std::string::npos;
         at = state.transcript.find(marker, at + 1)) {
        ++count;
        last = at;
    }
    if (count < history_.size() + 1) {
        // The replay did not reach the new input: something earlier now
        // behaves differently (should not happen: the interpreter is
        // deterministic) or was interrupted.
        std::string all;
        size_t from = 0;
        for (size_t at = state.transcript.find(marker); at != std::string::npos;
             at = state.transcript.find(marker, from)) {
            all += state.transcript.substr(from, at - from);
            from = at + marker.size();
        }
        all += state.transcript.substr(from);
        if (state.status != interp::kInterruptedStatus)
            out_ << "error: replaying the earlier statements failed:\n";
        out_ << all;
    } else if (showOutput) {
        out_ << state.transcript.substr(last + marker.size());
    }
    if (state.status != 0)
        printStatus(state.status);
    int status = state.status;
    if (report)
        report->state = std::move(state);
    return status;
}

void Repl::printStatus(int status) {
    if (status == interp::kInterruptedStatus)
        out_ << "interrupted\n";
    else if (status == 70)
        out_ << "error: the statement failed; it is not kept\n";
}

void Repl::statement(const std::string& input) {
    if (run(input, true, nullptr) == 0) {
        history_.push_back(input);
        collectIdentifiers(input, names_);
    }
}

bool Repl::command(const std::string& input) {
    std::string name = input, arg;
    size_t space = input.find_first_of(" \t\n");
    if (space != std::string::npos) {
        name = input.substr(0, space);
        arg = trim(input.substr(space));
    }
    if (name == ":quit" || name == ":q")
        return false;
    if (name == ":help" || name == ":h") {
        out_ << kHelp;
    } else if (name == ":type" || name == ":t") {
        if (arg.empty() || !expression(arg, true))
            out_ << "error: :type takes a pure expression\n";
    } else if (name == ":load" || name == ":l") {
        std::vector<std::string> files;
        std::istringstream words(arg);
        for (std::string w; words >> w;)
            files.push_back(w);
        if (files.empty())
            out_ << "error: :load takes one or more files\n";
        else if (load(files))
            out_ << "loaded " << files.size() << (files.size() == 1 ? " file\n" : " files\n");
    } else if (name == ":reload" || name == ":r") {
        if (load(std::vector<std::string>(files_)))
            out_ << "reloaded " << files_.size() << (files_.size() == 1 ? " file\n" : " files\n");
    } else if (name == ":run") {
        if (mainBody_.empty())
            out_ << "error: the loaded model has no main block\n";
        else
            statement(mainBody_);
    } else if (name == ":advance" || name == ":a") {
        if (arg.empty())
            out_ << "error: :advance takes a duration, e.g. :advance 10\n";
        else
            statement("await duration(" + arg + ", " + arg + ");");
    } else if (name == ":time" || name == ":objects" || name == ":dcs") {
        RunReport report;
        if (run("", false, &report) != 0)
            return true;
        const interp::SessionState& st = report.state;
        if (name == ":time") {
            out_ << st.clock << "\n";
        } else if (name == ":objects") {
            if (st.objects.empty())
                out_ << "no objects\n";
            for (const interp::SessionObject& o : st.objects) {
                out_ << o.name << (o.alive ? "" : " (dead)") << " on " << o.dc;
                for (const auto& [field, value] : o.fields)
                    out_ << "\n  " << field << " = " << value;
                out_ << "\n";
            }
        } else {
            for (const interp::SessionDc& dc : st.dcs) {
                out_ << dc.description << " (" << dc.name << ")";
                for (const auto& r : dc.resources)
                    out_ << "\n  " << r.name << ": total " << r.total << ", next interval "
                         << r.next << ", consumed " << r.consumed << ", load of the last interval "
                         << r.lastLoad;
                out_ << "\n";
            }
        }
    } else if (name == ":reset") {
        imports_.clear();
        declarations_.clear();
        history_.clear();
        out_ << "reset: the REPL's declarations and statements are forgotten\n";
    } else {
        out_ << "error: unknown command '" << name << "' (try :help)\n";
    }
    return true;
}

std::vector<std::string> Repl::completions(const std::string& prefix) const {
    static const char* kCommands[] = {":help", ":type",    ":load", ":reload", ":run", ":advance",
                                      ":time", ":objects", ":dcs",  ":reset",  ":quit"};
    std::vector<std::string> out;
    if (!prefix.empty() && prefix[0] == ':') {
        for (const char* c : kCommands)
            if (std::string(c).starts_with(prefix))
                out.push_back(c);
        return out;
    }
    for (auto it = names_.lower_bound(prefix); it != names_.end() && it->starts_with(prefix); ++it)
        out.push_back(*it);
    return out;
}

bool Repl::incomplete(const std::string& text) {
    // A declaration goes on until it ends with `;` or `}` (or a blank line).
    std::string t = trim(text);
    size_t nl = text.rfind('\n');
    bool blankLast = nl != std::string::npos && trim(text.substr(nl + 1)).empty();
    for (const char* w : kDeclWords)
        if (startsWithWord(t, w) && t.back() != ';' && t.back() != '}' && !blankLast)
            return true;
    int depth = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\')
                    ++i;
            if (i >= text.size())
                return true;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            while (i < text.size() && text[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            size_t end = text.find("*/", i + 2);
            if (end == std::string::npos)
                return true;
            i = end + 1;
        } else if (c == '(' || c == '{' || c == '[') {
            ++depth;
        } else if (c == ')' || c == '}' || c == ']') {
            --depth;
        }
    }
    return depth > 0;
}

} // namespace absim::cli
