#include "interpreter/collections.h"

#include "interpreter/compare.h"

#include <algorithm>

namespace absim::interp {

namespace {

// Builds back to front, so each node is made once with its final tail.
Value buildSpine(std::vector<Value>& elements, BuiltinConstructor node, BuiltinConstructor empty) {
    const ConstructorInfo* nodeInfo = builtinConstructor(node);
    Value spine = Value::constant(builtinConstructor(empty));
    for (size_t i = elements.size(); i-- > 0;) {
        spine = Value::make(nodeInfo, std::move(elements[i]), std::move(spine));
    }
    return spine;
}

bool isSpineNode(const Value& v) {
    return v.is(BuiltinConstructor::Cons) || v.is(BuiltinConstructor::Insert) ||
           v.is(BuiltinConstructor::InsertAssoc);
}

} // namespace

Value makeList(std::vector<Value> elements) {
    return buildSpine(elements, BuiltinConstructor::Cons, BuiltinConstructor::Nil);
}

Value makeSet(std::vector<Value> elements) {
    std::stable_sort(elements.begin(), elements.end(), lessThan);
    auto last = std::unique(elements.begin(), elements.end(), equals);
    elements.erase(last, elements.end());
    return buildSpine(elements, BuiltinConstructor::Insert, BuiltinConstructor::EmptySet);
}

Value makeMap(std::vector<Value> entries) {
    return buildSpine(entries, BuiltinConstructor::InsertAssoc, BuiltinConstructor::EmptyMap);
}

std::vector<Value> spineElements(const Value& collection) {
    std::vector<Value> elements;
    for (const Value* v = &collection; isSpineNode(*v); v = &v->arg(1)) {
        elements.push_back(v->arg(0));
    }
    return elements;
}

size_t spineLength(const Value& collection) {
    size_t n = 0;
    for (const Value* v = &collection; isSpineNode(*v); v = &v->arg(1)) {
        ++n;
    }
    return n;
}

} // namespace absim::interp
