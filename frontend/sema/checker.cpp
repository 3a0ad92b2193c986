// The checker's entry points and its driver: first every signature and
// member table (so that nothing is computed lazily while errors are being
// counted speculatively), then every body.

#include "frontend/sema/checker_impl.h"

namespace absim::sema {

Checker::Checker(const ParsedModel& model, const Program& program, DiagnosticEngine& diags,
                 CheckedModel& out, const CheckOptions& options)
    : model_(model), program_(program), diags_(diags), out_(out), options_(options),
      ts_(out.types()) {}

void Checker::error(SourceRange range, std::string message) {
    if (silent_) {
        if (silentFirst_.empty())
            silentFirst_ = std::move(message);
        ++silentErrors_;
        return;
    }
    diags_.error(range, std::move(message));
}

void Checker::errorWithNote(SourceRange range, std::string message, SourceRange noteRange,
                            std::string note) {
    if (silent_) {
        error(range, std::move(message));
        return;
    }
    Diagnostic& d = diags_.error(range, std::move(message));
    Diagnostic n;
    n.severity = Severity::Note;
    n.range = noteRange;
    n.message = std::move(note);
    d.notes.push_back(std::move(n));
}

void Checker::assignmentError(SourceRange range, const Type* value, const std::string& target,
                              const Type* targetType) {
    const Type* v = resolve(value);
    if (v->kind == Type::Kind::Class && resolve(targetType)->kind == Type::Kind::Interface) {
        error(range, "cannot assign an object of class '" + v->name + "' to " + target +
                         " of type " + quoted(targetType) + ": '" + v->name +
                         "' does not implement '" + typeName(targetType) + "'");
        return;
    }
    std::string hint = timeHint(value, targetType);
    if (hint.empty() && ts_.isData(value, ts_.builtins.Fut) &&
        !ts_.isData(targetType, ts_.builtins.Fut))
        hint = "; a future's value is read with '.get' (or 'await o!m(..)' for a call)";
    error(range, "cannot assign " + quoted(value) + " to " + target + " of type " +
                     quoted(targetType) + hint);
}

std::string timeHint(const Type* a, const Type* b) {
    auto named = [](const Type* t, const char* name) { return typeName(t) == name; };
    auto number = [&](const Type* t) {
        return named(t, "Int") || named(t, "Rat") || named(t, "Float");
    };
    if ((named(a, "Time") && number(b)) || (number(a) && named(b, "Time")))
        return "; 'timeValue(t)' is the Rat inside a Time, 'Time(r)' makes one";
    if ((named(a, "Duration") && number(b)) || (number(a) && named(b, "Duration")))
        return "; 'durationValue(d)' is the Rat inside a Duration, 'Duration(r)' makes one";
    return "";
}

namespace {

std::string typeParamList(const std::vector<const Type*>& params) {
    if (params.empty())
        return "";
    std::string s = "<";
    for (size_t i = 0; i < params.size(); ++i)
        s += (i ? ", " : "") + params[i]->name;
    return s + ">";
}

} // namespace

void Checker::run() {
    const auto& modules = program_.modules();
    // Interfaces before anything that may ask a subtyping question.
    for (const auto& m : modules)
        for (const Symbol* s : m->declared)
            if (s->kind == Symbol::Kind::Interface)
                interfaceInfo(s);
    for (const auto& m : modules) {
        for (const Symbol* s : m->declared) {
            switch (s->kind) {
            case Symbol::Kind::Class: {
                ClassInfo* c = classInfo(s);
                for (const FieldInfo& f : c->fields)
                    recordDeclared(f.range, s->name + "." + f.name, f.type);
                for (const MethodInfo& mi : c->methods)
                    recordSignature(mi.sig->nameRange, s->name + "." + mi.name, mi.params,
                                    mi.result);
                break;
            }
            case Symbol::Kind::TypeSynonym:
                synonymType(s, s->decl->name.range);
                break;
            case Symbol::Kind::Function:
            case Symbol::Kind::PartialFunction:
            case Symbol::Kind::Constructor:
            case Symbol::Kind::Exception:
            case Symbol::Kind::Selector: {
                const FunctionSig& sig = sigOf(s);
                const char* prefix = s->kind == Symbol::Kind::Function ||
                                             s->kind == Symbol::Kind::PartialFunction ||
                                             s->kind == Symbol::Kind::Selector
                                         ? "def "
                                         : "";
                SourceRange range = s->constructor ? s->constructor->range : s->decl->name.range;
                if (s->kind == Symbol::Kind::Selector && !s->selectorOf.empty() &&
                    s->selectorOf.front().first)
                    range = s->selectorOf.front().first->args[s->selectorOf.front().second].range;
                recordSignature(range, prefix + s->name + typeParamList(sig.typeParams), sig.params,
                                sig.result);
                break;
            }
            case Symbol::Kind::Interface: {
                for (const MethodInfo& mi : interfaceInfo(s)->own)
                    recordSignature(mi.sig->nameRange, s->name + "." + mi.name, mi.params,
                                    mi.result);
                break;
            }
            default:
                break;
            }
        }
    }
    for (const auto& m : modules) {
        if (m->fromStdlib && !options_.checkStdlibBodies)
            continue;
        checkModule(*m);
    }
    out_.solveRecordedTypes();
}

std::unique_ptr<CheckedModel> checkProgram(const ParsedModel& model, const Program& program,
                                           DiagnosticEngine& diags, const CheckOptions& options) {
    auto out = std::make_unique<CheckedModel>(program);
    Checker(model, program, diags, *out, options).run();
    return out;
}

CheckResult checkModel(const ParsedModel& model, DiagnosticEngine& diags,
                       const CheckOptions& options) {
    size_t errorsBefore = diags.errorCount();
    CheckResult result;
    result.program = buildProgram(model, diags);
    result.checked = checkProgram(model, *result.program, diags, options);
    result.ok = diags.errorCount() == errorsBefore;
    return result;
}

} // namespace absim::sema
