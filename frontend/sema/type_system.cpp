#include "frontend/sema/type_system.h"

#include <algorithm>

namespace absim::sema {

namespace {

const Symbol* findStdlib(const Program& program, const std::string& name, Symbol::Kind kind) {
    const Symbol* found = nullptr;
    for (const auto& m : program.modules()) {
        if (!m->fromStdlib)
            continue;
        for (const Symbol* s : m->declared) {
            if (s->name != name || s->kind != kind)
                continue;
            // ABS.StdLib's own declaration wins over any other library module.
            if (!found || m->name == "ABS.StdLib")
                found = s;
        }
    }
    return found;
}

} // namespace

TypeSystem::TypeSystem(const Program& program) {
    auto datatype = [&](const char* name) -> const Symbol* {
        if (const Symbol* s = findStdlib(program, name, Symbol::Kind::Datatype))
            return s;
        auto standIn = std::make_unique<Symbol>();
        standIn->kind = Symbol::Kind::Datatype;
        standIn->name = name;
        standIn->qualifiedName = std::string("ABS.StdLib.") + name;
        standIns_.push_back(std::move(standIn));
        return standIns_.back().get();
    };
    builtins.Int = datatype("Int");
    builtins.Rat = datatype("Rat");
    builtins.Float = datatype("Float");
    builtins.String = datatype("String");
    builtins.Bool = datatype("Bool");
    builtins.Unit = datatype("Unit");
    builtins.Fut = datatype("Fut");
    builtins.Destiny = datatype("Destiny");
    builtins.Exception = datatype("Exception");
    builtins.List = datatype("List");
    builtins.Object = findStdlib(program, "Object", Symbol::Kind::Interface);
    builtins.Duration = findStdlib(program, "Duration", Symbol::Kind::Datatype);
    builtins.DeploymentComponent =
        findStdlib(program, "DeploymentComponent", Symbol::Kind::Interface);
}

const Symbol* TypeSystem::builtinNamed(const std::string& name) const {
    for (const Symbol* s :
         {builtins.Int, builtins.Rat, builtins.Float, builtins.String, builtins.Bool, builtins.Unit,
          builtins.Fut, builtins.Destiny, builtins.Exception, builtins.List}) {
        if (s->name == name)
            return s;
    }
    return nullptr;
}

void TypeSystem::setSupers(const Symbol* sym, std::vector<const Symbol*> supers) {
    supers_[sym] = std::move(supers);
}

const std::vector<const Symbol*>& TypeSystem::supersOf(const Symbol* sym) const {
    static const std::vector<const Symbol*> none;
    auto it = supers_.find(sym);
    return it == supers_.end() ? none : it->second;
}

bool TypeSystem::isData(const Type* t, const Symbol* sym) const {
    t = resolve(t);
    return t->kind == Type::Kind::Data && t->symbol == sym;
}

bool TypeSystem::isNumeric(const Type* t) const {
    return isIntOrRat(t) || isData(t, builtins.Float);
}

bool TypeSystem::isIntOrRat(const Type* t) const {
    return isData(t, builtins.Int) || isData(t, builtins.Rat);
}

bool TypeSystem::isReference(const Type* t) const {
    t = resolve(t);
    switch (t->kind) {
    case Type::Kind::Interface:
    case Type::Kind::Class:
    case Type::Kind::Null:
        return true;
    case Type::Kind::Data:
        return t->symbol == builtins.Fut || t->symbol == builtins.Destiny;
    default:
        return false;
    }
}

bool TypeSystem::isOpen(const Type* t) {
    t = resolve(t);
    return t->kind == Type::Kind::Any || t->kind == Type::Kind::Var || t->kind == Type::Kind::Param;
}

void TypeSystem::undo(size_t to) {
    while (trail_.size() > to) {
        trail_.back().first->binding = trail_.back().second;
        trail_.pop_back();
    }
}

bool TypeSystem::occurs(const Type* var, const Type* in) const {
    in = resolve(in);
    if (in == var)
        return true;
    for (const Type* a : in->args) {
        if (occurs(var, a))
            return true;
    }
    return false;
}

bool TypeSystem::bind(const Type* var, const Type* to) {
    if (occurs(var, to))
        return false;
    trail_.emplace_back(var, var->binding);
    var->binding = to;
    return true;
}

bool TypeSystem::isSubtype(const Type* a, const Type* b) {
    size_t m = mark();
    if (sub(a, b))
        return true;
    undo(m);
    return false;
}

const Type* TypeSystem::join(const Type* a, const Type* b) {
    size_t m = mark();
    if (const Type* j = joinRaw(a, b))
        return j;
    undo(m);
    return nullptr;
}

// Interfaces above a reference type (itself included for an interface),
// Object always among them.
std::vector<const Symbol*> TypeSystem::upperInterfaces(const Type* t) const {
    std::vector<const Symbol*> out;
    if (t->kind == Type::Kind::Interface)
        out.push_back(t->symbol);
    for (const Symbol* s : supersOf(t->symbol))
        out.push_back(s);
    if (builtins.Object && std::find(out.begin(), out.end(), builtins.Object) == out.end())
        out.push_back(builtins.Object);
    return out;
}

// a <: b for resolved interface/class types.
bool TypeSystem::referenceSub(const Type* a, const Type* b) const {
    if (b->kind == Type::Kind::Class)
        return a->kind == Type::Kind::Class && a->symbol == b->symbol;
    if (b->kind != Type::Kind::Interface)
        return false;
    if (a->symbol == b->symbol || b->symbol == builtins.Object)
        return true;
    const auto& supers = supersOf(a->symbol);
    return std::find(supers.begin(), supers.end(), b->symbol) != supers.end();
}

bool TypeSystem::sub(const Type* a, const Type* b) {
    a = resolve(a);
    if (b->kind == Type::Kind::Var) {
        const Type* v = b;
        while (v->binding && v->binding->kind == Type::Kind::Var)
            v = v->binding;
        if (!v->binding) {
            // null and unknown values teach nothing about the variable.
            if (a == v || a->kind == Type::Kind::Null || a->kind == Type::Kind::Any)
                return true;
            return bind(v, a);
        }
        size_t m = mark();
        if (sub(a, v->binding))
            return true;
        undo(m);
        // A later, wider lower bound: widen the solution.
        const Type* widened = joinRaw(v->binding, a);
        if (!widened) {
            undo(m);
            return false;
        }
        return bind(v, widened);
    }
    if (a == b)
        return true;
    if (a->kind == Type::Kind::Any || b->kind == Type::Kind::Any)
        return true;
    if (a->kind == Type::Kind::Var)
        return b->kind == Type::Kind::Null || bind(a, b);
    switch (a->kind) {
    case Type::Kind::Null:
        return isReference(b) || b->kind == Type::Kind::Param;
    case Type::Kind::Param:
        return false; // distinct parameters (equal ones are the same pointer)
    case Type::Kind::Interface:
    case Type::Kind::Class:
        return referenceSub(a, b);
    case Type::Kind::Data:
        if (b->kind != Type::Kind::Data)
            return false;
        if (a->symbol == b->symbol) {
            if (a->args.size() != b->args.size())
                return true; // an arity error was reported where the type was written
            for (size_t i = 0; i < a->args.size(); ++i) {
                if (!sub(a->args[i], b->args[i]))
                    return false;
            }
            return true;
        }
        if (a->symbol == builtins.Int && b->symbol == builtins.Rat)
            return true;
        if (a->symbol == builtins.Fut && b->symbol == builtins.Destiny)
            return true;
        return false;
    default:
        return false;
    }
}

const Type* TypeSystem::joinRaw(const Type* a, const Type* b) {
    a = resolve(a);
    b = resolve(b);
    if (a == b)
        return a;
    if (a->kind == Type::Kind::Any)
        return b;
    if (b->kind == Type::Kind::Any)
        return a;
    if (a->kind == Type::Kind::Var)
        return b->kind == Type::Kind::Null ? a : (bind(a, b) ? b : nullptr);
    if (b->kind == Type::Kind::Var)
        return a->kind == Type::Kind::Null ? b : (bind(b, a) ? a : nullptr);
    if (a->kind == Type::Kind::Null)
        return isReference(b) || b->kind == Type::Kind::Param ? b : nullptr;
    if (b->kind == Type::Kind::Null)
        return isReference(a) || a->kind == Type::Kind::Param ? a : nullptr;
    if (a->kind == Type::Kind::Data && b->kind == Type::Kind::Data) {
        if (a->symbol == b->symbol && a->args.size() == b->args.size()) {
            std::vector<const Type*> args;
            for (size_t i = 0; i < a->args.size(); ++i) {
                const Type* j = joinRaw(a->args[i], b->args[i]);
                if (!j)
                    return nullptr;
                args.push_back(j);
            }
            return arena.data(a->symbol, std::move(args));
        }
        if (isIntOrRat(a) && isIntOrRat(b))
            return ratType();
        bool aFuture = a->symbol == builtins.Fut || a->symbol == builtins.Destiny;
        bool bFuture = b->symbol == builtins.Fut || b->symbol == builtins.Destiny;
        if (aFuture && bFuture)
            return destinyType();
        return nullptr;
    }
    bool aObject = a->kind == Type::Kind::Interface || a->kind == Type::Kind::Class;
    bool bObject = b->kind == Type::Kind::Interface || b->kind == Type::Kind::Class;
    if (!aObject || !bObject)
        return nullptr;
    if (referenceSub(a, b))
        return b;
    if (referenceSub(b, a))
        return a;
    // The most specific interface above both: the common one with the most
    // interfaces above it.
    std::vector<const Symbol*> above = upperInterfaces(b);
    const Symbol* best = nullptr;
    for (const Symbol* s : upperInterfaces(a)) {
        if (std::find(above.begin(), above.end(), s) == above.end())
            continue;
        if (!best || supersOf(s).size() > supersOf(best).size())
            best = s;
    }
    return best ? arena.interface(best) : nullptr;
}

bool TypeSystem::sameType(const Type* a, const Type* b) {
    a = resolve(a);
    b = resolve(b);
    if (a == b || a->kind == Type::Kind::Any || b->kind == Type::Kind::Any)
        return true;
    if (a->kind != b->kind || a->symbol != b->symbol || a->args.size() != b->args.size())
        return false;
    if (a->kind == Type::Kind::Param)
        return a->name == b->name;
    for (size_t i = 0; i < a->args.size(); ++i) {
        if (!sameType(a->args[i], b->args[i]))
            return false;
    }
    return a->kind != Type::Kind::Var;
}

const Type* TypeSystem::substitute(const Type* t,
                                   const std::unordered_map<const Type*, const Type*>& subst) {
    if (subst.empty())
        return t;
    t = resolve(t);
    if (t->kind == Type::Kind::Param) {
        auto it = subst.find(t);
        return it == subst.end() ? t : it->second;
    }
    if (t->args.empty())
        return t;
    std::vector<const Type*> args;
    bool changed = false;
    for (const Type* a : t->args) {
        args.push_back(substitute(a, subst));
        changed |= args.back() != a;
    }
    return changed ? arena.data(t->symbol, std::move(args)) : t;
}

const Type* TypeSystem::zonk(const Type* t) {
    t = resolve(t);
    if (t->args.empty())
        return t;
    std::vector<const Type*> args;
    bool changed = false;
    for (const Type* a : t->args) {
        args.push_back(zonk(a));
        changed |= args.back() != a;
    }
    return changed ? arena.data(t->symbol, std::move(args)) : t;
}

} // namespace absim::sema
