#include "interpreter/format.h"

#include "interpreter/inline_stack.h"

#include <gmp.h>

#include <charconv>
#include <cstdint>

namespace absim::interp {

namespace {

void appendBigInt(std::string& out, mpz_srcptr z) {
    size_t start = out.size();
    // sizeinbase may overshoot by one; a sign and the NUL need room too.
    out.resize(start + mpz_sizeinbase(z, 10) + 2);
    mpz_get_str(out.data() + start, 10, z);
    out.resize(start + std::char_traits<char>::length(out.data() + start));
}

void appendInt(std::string& out, const Value& v) {
    if (v.isSmallInt()) {
        char text[24];
        auto [end, ec] = std::to_chars(text, text + sizeof text, v.smallInt());
        (void)ec;
        out.append(text, end);
    } else {
        appendBigInt(out, v.bigInt().backend().data());
    }
}

// `num/den`, sign on the numerator; never integral (those are Ints).
void appendRat(std::string& out, const Value& v) {
    if (v.isSmallRat()) {
        char text[48];
        auto [mid, ec1] = std::to_chars(text, text + 24, v.smallNumerator());
        *mid++ = '/';
        auto [end, ec2] = std::to_chars(mid, text + sizeof text, v.smallDenominator());
        (void)ec1;
        (void)ec2;
        out.append(text, end);
        return;
    }
    mpq_srcptr q = v.bigRat().backend().data();
    appendBigInt(out, mpq_numref(q));
    out += '/';
    appendBigInt(out, mpq_denref(q));
}

// Strings inside structures: quoted, only `"` escaped (not backslashes,
// not newlines), as the reference does.
void appendQuoted(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        if (c == '"') {
            out += '\\';
        }
        out += c;
    }
    out += '"';
}

// One step of printing: show a value, write fixed text, or continue the
// spine of a list/set/map after its first element.
struct Step {
    enum class Op : uint8_t { Show, Text, Spine };
    Op op;
    const Value* value; // Show, Spine (the rest of the spine)
    const char* text;   // Text
};

Step show(const Value& v) {
    return {Step::Op::Show, &v, nullptr};
}
Step text(const char* t) {
    return {Step::Op::Text, nullptr, t};
}
Step spine(const Value& rest) {
    return {Step::Op::Spine, &rest, nullptr};
}

// The non-empty node of a collection spine: Cons, Insert, InsertAssoc.
const char* spineOpening(const ConstructorInfo* c) {
    switch (c->builtin) {
    case BuiltinConstructor::Cons:
        return "list[";
    case BuiltinConstructor::Insert:
        return "set[";
    case BuiltinConstructor::InsertAssoc:
        return "map[";
    default:
        return nullptr;
    }
}

using Work = InlineStack<Step, 64>;

void showData(std::string& out, const Value& v, Work& work) {
    const ConstructorInfo* c = v.constructor();
    if (c->builtin == BuiltinConstructor::Nil) {
        out += "list[]"; // whereas EmptySet and EmptyMap print their names
        return;
    }
    if (const char* opening = spineOpening(c)) {
        out += opening;
        work.push(spine(v.arg(1)));
        work.push(show(v.arg(0)));
        return;
    }
    out += c->name;
    uint32_t n = v.arity();
    if (n == 0) {
        return;
    }
    out += '(';
    work.push(text(")"));
    for (uint32_t i = n - 1; i > 0; --i) {
        work.push(show(v.arg(i)));
        work.push(text(","));
    }
    work.push(show(v.arg(0)));
}

void showNested(std::string& out, const Value& v, Work& work) {
    switch (v.kind()) {
    case Value::Kind::Null:
        out += "null";
        break;
    case Value::Kind::Int:
        appendInt(out, v);
        break;
    case Value::Kind::Rat:
        appendRat(out, v);
        break;
    case Value::Kind::Float:
        out += formatFloat(v.floatValue());
        break;
    case Value::Kind::String:
        appendQuoted(out, v.stringView());
        break;
    case Value::Kind::Data:
        showData(out, v, work);
        break;
    case Value::Kind::Object:
    case Value::Kind::Future:
        out += v.entity()->describe();
        break;
    }
}

} // namespace

void appendToString(std::string& out, const Value& v) {
    if (v.isString()) {
        out += v.stringView();
        return;
    }
    Work work;
    work.push(show(v));
    while (!work.empty()) {
        Step step = work.pop();
        switch (step.op) {
        case Step::Op::Show:
            showNested(out, *step.value, work);
            break;
        case Step::Op::Text:
            out += step.text;
            break;
        case Step::Op::Spine: {
            // Well-typed spines continue with the same constructor or end
            // with the empty one (Nil, EmptySet, EmptyMap).
            const Value& rest = *step.value;
            if (rest.isData() && rest.arity() == 2 && spineOpening(rest.constructor())) {
                out += ',';
                work.push(spine(rest.arg(1)));
                work.push(show(rest.arg(0)));
            } else {
                out += ']';
            }
            break;
        }
        }
    }
}

std::string toString(const Value& v) {
    std::string out;
    appendToString(out, v);
    return out;
}

} // namespace absim::interp
