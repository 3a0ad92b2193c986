// Model parameters (params.h): finding `[Param]` declarations, reading
// command-line values as literals of their types, and listing them.

#include "frontend/model/params.h"

#include "frontend/sema/suggest.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <set>

namespace absim {

namespace {

// The text of `range` in its file (columns count code points).
std::string sourceText(const SourceManager& sources, SourceRange range) {
    if (!range.known() || range.file >= sources.size())
        return {};
    const SourceFile& file = sources.file(range.file);
    // Byte offset of code-point column `col` (1-based) in `line`.
    auto byteAt = [](std::string_view line, uint32_t col) {
        size_t i = 0;
        for (uint32_t c = 1; c < col && i < line.size(); ++c) {
            ++i;
            while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80)
                ++i;
        }
        return i;
    };
    std::string out;
    for (uint32_t l = range.begin.line; l <= range.end.line && l <= file.lineCount(); ++l) {
        std::string_view line = file.line(l);
        size_t from = l == range.begin.line ? byteAt(line, range.begin.col) : 0;
        size_t to = l == range.end.line ? byteAt(line, range.end.col + 1) : line.size();
        if (l != range.begin.line)
            out += ' ';
        if (from < to)
            out.append(line.substr(from, to - from));
    }
    return out;
}

bool allDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string withoutLeadingZeros(std::string_view digits) {
    size_t i = 0;
    while (i + 1 < digits.size() && digits[i] == '0')
        ++i;
    return std::string(digits.substr(i));
}

ast::Own<ast::PureExp> intLit(std::string_view digits, SourceRange range) {
    auto e = std::make_unique<ast::IntLitExp>();
    e->range = range;
    e->digits = withoutLeadingZeros(digits);
    return e;
}

ast::Own<ast::PureExp> negate(ast::Own<ast::PureExp> operand, SourceRange range) {
    auto e = std::make_unique<ast::UnaryExp>();
    e->range = range;
    e->op = ast::UnaryOp::Neg;
    e->operand = std::move(operand);
    return e;
}

// `-12`, `12`: Int literals.
ast::Own<ast::PureExp> readInt(std::string_view text, SourceRange range) {
    bool negative = !text.empty() && text[0] == '-';
    std::string_view digits = negative ? text.substr(1) : text;
    if (!allDigits(digits))
        return nullptr;
    auto lit = intLit(digits, range);
    return negative ? negate(std::move(lit), range) : std::move(lit);
}

// `3/2`, `-1/3`, `1.5`, `2`: a Rat as a division of Int literals, exact.
ast::Own<ast::PureExp> readRat(std::string_view text, SourceRange range) {
    bool negative = !text.empty() && text[0] == '-';
    std::string_view body = negative ? text.substr(1) : text;
    std::string numerator, denominator;
    if (auto slash = body.find('/'); slash != std::string_view::npos) {
        numerator = body.substr(0, slash);
        denominator = body.substr(slash + 1);
        if (!allDigits(numerator) || !allDigits(denominator) ||
            withoutLeadingZeros(denominator) == "0")
            return nullptr;
    } else if (auto dot = body.find('.'); dot != std::string_view::npos) {
        std::string_view whole = body.substr(0, dot), fraction = body.substr(dot + 1);
        if (!(allDigits(whole) || whole.empty()) || !allDigits(fraction))
            return nullptr;
        numerator = std::string(whole) + std::string(fraction);
        denominator.assign(fraction.size() + 1, '0'); // 10^(digits after the point)
        denominator[0] = '1';
    } else {
        if (!allDigits(body))
            return nullptr;
        numerator = body;
    }
    ast::Own<ast::PureExp> value = intLit(numerator, range);
    if (!denominator.empty()) {
        auto div = std::make_unique<ast::BinaryExp>();
        div->range = range;
        div->op = ast::BinaryOp::Div;
        div->left = std::move(value);
        div->right = intLit(denominator, range);
        value = std::move(div);
    }
    return negative ? negate(std::move(value), range) : std::move(value);
}

// `0.65`, `-2`, `1e-3`: a finite decimal floating-point number.
ast::Own<ast::PureExp> readFloat(std::string_view text, SourceRange range) {
    std::string s(text);
    if (s.empty() || s.find_first_not_of("0123456789+-.eE") != std::string::npos)
        return nullptr;
    errno = 0;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v))
        return nullptr;
    auto e = std::make_unique<ast::FloatLitExp>();
    e->range = range;
    e->text = s;
    e->value = v;
    return e;
}

ast::Own<ast::PureExp> readBool(std::string_view text, SourceRange range) {
    if (text != "True" && text != "False")
        return nullptr;
    auto e = std::make_unique<ast::ConstructorAppExp>();
    e->range = range;
    e->constructor.text = std::string(text);
    e->constructor.range = range;
    return e;
}

ast::Own<ast::PureExp> readString(std::string_view text, SourceRange range) {
    auto e = std::make_unique<ast::StringLitExp>();
    e->range = range;
    e->value = std::string(text);
    return e;
}

const char* example(const std::string& type) {
    if (type == "Int")
        return "a whole number such as 42 or -7";
    if (type == "Rat")
        return "a fraction or a decimal such as 3/2, -1/3 or 0.25";
    if (type == "Float")
        return "a decimal number such as 0.65, -2 or 1e-3";
    if (type == "Bool")
        return "True or False";
    return "any text";
}

std::string parameterList(const std::vector<ModelParam>& params) {
    if (params.empty())
        return "the model has no parameters ([Param] declarations in its main block)";
    std::string out = "the model's parameters are:";
    for (const ModelParam& p : params)
        out += "\n  " + p.name + " (" + p.type + ", default " + p.defaultText + ")";
    return out;
}

} // namespace

bool isParamAnnotation(const ast::Annotation& a) {
    if (a.name || !a.value)
        return false;
    const auto* c = a.value->tryAs<ast::ConstructorAppExp>();
    return c && c->constructor.text == "Param" && c->args.empty();
}

std::vector<ModelParam> findModelParams(ParsedModel& model, std::string_view module) {
    ast::ModuleDecl* main = nullptr;
    for (size_t u = model.firstUserUnit; u < model.units.size() && !main; ++u)
        for (ast::ModuleDecl& m : model.units[u].modules)
            if (m.main && (module.empty() || m.name.text == module)) {
                main = &m;
                break;
            }
    std::vector<ModelParam> params;
    if (!main || !main->main->body)
        return params;
    for (auto& stmt : main->main->body->stmts) {
        if (stmt->kind != ast::StmtKind::VarDecl ||
            std::none_of(stmt->annotations.begin(), stmt->annotations.end(), isParamAnnotation))
            continue;
        auto* decl = stmt->as<ast::VarDeclStmt>();
        ModelParam p;
        p.name = decl->name;
        p.decl = decl;
        if (decl->type)
            p.type = decl->type->args.empty() ? decl->type->name.simple()
                                              : sourceText(model.sources, decl->type->range);
        if (decl->init)
            p.defaultText = sourceText(model.sources, decl->init->range);
        params.push_back(std::move(p));
    }
    return params;
}

std::string applyParamOverrides(std::vector<ModelParam>& params,
                                const std::vector<ParamOverride>& overrides) {
    std::set<std::string> seen;
    for (const ParamOverride& o : overrides) {
        auto p = std::find_if(params.begin(), params.end(),
                              [&](const ModelParam& q) { return q.name == o.name; });
        if (p == params.end()) {
            std::vector<std::string> names;
            for (const ModelParam& q : params)
                names.push_back(q.name);
            std::string close = sema::closestName(o.name, names);
            return "unknown parameter '" + o.name + "'" +
                   (close.empty() ? std::string() : " (did you mean '" + close + "'?)") + "; " +
                   parameterList(params);
        }
        if (!seen.insert(o.name).second)
            return "parameter '" + o.name + "' is given twice";
        SourceRange at = p->decl->init ? p->decl->init->range : p->decl->nameRange;
        ast::Own<ast::PureExp> value;
        if (p->type == "Int")
            value = readInt(o.value, at);
        else if (p->type == "Rat")
            value = readRat(o.value, at);
        else if (p->type == "Float")
            value = readFloat(o.value, at);
        else if (p->type == "Bool")
            value = readBool(o.value, at);
        else if (p->type == "String")
            value = readString(o.value, at);
        else
            return "parameter '" + o.name + "' has type " + p->type +
                   ", which a command line cannot give (Int, Rat, Float, String or Bool)";
        if (!value)
            return "parameter '" + o.name + "' has type " + p->type + ": '" + o.value +
                   "' is not " + (p->type == "Int" ? "an " : "a ") + p->type + " (expected " +
                   example(p->type) + ")";
        p->decl->init = std::move(value);
    }
    return {};
}

std::string formatParamTable(const std::vector<ModelParam>& params) {
    if (params.empty())
        return "The model has no parameters ([Param] declarations in its main block).\n";
    size_t nameWidth = 4, typeWidth = 4;
    for (const ModelParam& p : params) {
        nameWidth = std::max(nameWidth, p.name.size());
        typeWidth = std::max(typeWidth, p.type.size());
    }
    auto row = [&](const std::string& a, const std::string& b, const std::string& c) {
        return a + std::string(nameWidth - a.size() + 2, ' ') + b +
               std::string(typeWidth - b.size() + 2, ' ') + c + "\n";
    };
    std::string out = row("name", "type", "default");
    for (const ModelParam& p : params)
        out += row(p.name, p.type, p.defaultText);
    return out;
}

} // namespace absim
