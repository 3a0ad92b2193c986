#include "frontend/sema/types.h"

namespace absim::sema {

const Type* TypeArena::add(Type t) {
    types_.push_back(std::move(t));
    return &types_.back();
}

const Type* TypeArena::data(const Symbol* sym, std::vector<const Type*> args) {
    // Argument-less types are shared: Int, Bool and String are everywhere.
    if (args.empty()) {
        if (auto it = nullary_.find(sym); it != nullary_.end() && it->second->is(Type::Kind::Data))
            return it->second;
    }
    Type t{Type::Kind::Data};
    t.symbol = sym;
    t.name = sym->name;
    t.args = std::move(args);
    const Type* r = add(std::move(t));
    if (r->args.empty())
        nullary_[sym] = r;
    return r;
}

const Type* TypeArena::interface(const Symbol* sym) {
    if (auto it = nullary_.find(sym); it != nullary_.end())
        return it->second;
    Type t{Type::Kind::Interface};
    t.symbol = sym;
    t.name = sym->name;
    return nullary_[sym] = add(std::move(t));
}

const Type* TypeArena::classType(const Symbol* sym) {
    if (auto it = nullary_.find(sym); it != nullary_.end())
        return it->second;
    Type t{Type::Kind::Class};
    t.symbol = sym;
    t.name = sym->name;
    return nullary_[sym] = add(std::move(t));
}

const Type* TypeArena::param(const std::string& name, const void* owner) {
    const Type*& slot = params_[owner][name];
    if (!slot) {
        Type t{Type::Kind::Param};
        t.name = name;
        t.owner = owner;
        slot = add(std::move(t));
    }
    return slot;
}

const Type* TypeArena::freshVar() {
    Type t{Type::Kind::Var};
    t.varId = nextVar_++;
    return add(std::move(t));
}

const Type* resolve(const Type* t) {
    while (t && t->kind == Type::Kind::Var && t->binding)
        t = t->binding;
    return t;
}

std::string typeName(const Type* t) {
    t = resolve(t);
    if (!t)
        return "?";
    switch (t->kind) {
    case Type::Kind::Any:
    case Type::Kind::Var:
        return "_";
    case Type::Kind::Null:
        return "null";
    case Type::Kind::Param:
    case Type::Kind::Interface:
        return t->name;
    case Type::Kind::Class:
        return "class " + t->name;
    case Type::Kind::Data: {
        std::string s = t->name;
        if (!t->args.empty()) {
            s += '<';
            for (size_t i = 0; i < t->args.size(); ++i) {
                if (i)
                    s += ", ";
                s += typeName(t->args[i]);
            }
            s += '>';
        }
        return s;
    }
    }
    return "?";
}

} // namespace absim::sema
