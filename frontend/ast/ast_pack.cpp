// One field list per node type, shared by the writer and the reader: the
// Codec below is instantiated with either, so the two directions cannot
// drift apart. Numbers are LEB128 varints, strings length-prefixed.

#include "frontend/ast/ast_pack.h"

#include <cstring>
#include <type_traits>

namespace absim::ast {

namespace {

constexpr uint64_t kMagic = 0x4b50534241; // "ABSPK"

class Writer {
  public:
    static constexpr bool reading = false;
    void num(uint64_t& v) {
        uint64_t x = v;
        do {
            unsigned char byte = x & 0x7f;
            x >>= 7;
            out.push_back(static_cast<char>(x ? byte | 0x80 : byte));
        } while (x);
    }
    void str(std::string& s) {
        uint64_t n = s.size();
        num(n);
        out += s;
    }
    std::string out;
};

class Reader {
  public:
    static constexpr bool reading = true;
    explicit Reader(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}
    void num(uint64_t& v) {
        v = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            if (p_ == end_)
                return fail();
            unsigned char byte = static_cast<unsigned char>(*p_++);
            v |= uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return;
        }
        fail();
    }
    void str(std::string& s) {
        uint64_t n = 0;
        num(n);
        if (n > uint64_t(end_ - p_))
            return fail();
        s.assign(p_, n);
        p_ += n;
    }
    // A count of elements, each taking at least one byte: bounds reads of a
    // corrupt input before anything is allocated.
    bool plausibleCount(uint64_t n) const { return n <= uint64_t(end_ - p_); }
    bool ok() const { return ok_; }
    bool atEnd() const { return p_ == end_; }
    void fail() {
        ok_ = false;
        p_ = end_;
    }

  private:
    const char* p_;
    const char* end_;
    bool ok_ = true;
};

template <typename IO> class Codec {
  public:
    Codec(IO& io, FileId firstFile) : io_(io), firstFile_(firstFile) {}

    template <typename... T> void all(T&... xs) { (f(xs), ...); }

    template <typename T>
    requires std::is_integral_v<T> || std::is_enum_v<T>
    void f(T& x) {
        uint64_t v = static_cast<uint64_t>(x);
        io_.num(v);
        x = static_cast<T>(v);
    }
    void f(double& x) {
        uint64_t v;
        std::memcpy(&v, &x, sizeof v);
        io_.num(v);
        std::memcpy(&x, &v, sizeof v);
    }
    void f(std::string& s) { io_.str(s); }
    void f(SourcePos& p) { all(p.line, p.col); }
    void f(SourceRange& r) {
        // 0 = no file, otherwise 1 + the id relative to the first file
        uint64_t file = r.file == kNoFile ? 0 : uint64_t(r.file - firstFile_) + 1;
        io_.num(file);
        r.file = file == 0 ? kNoFile : static_cast<FileId>(file - 1 + firstFile_);
        all(r.begin, r.end);
    }
    template <typename T> void f(std::vector<T>& v) {
        uint64_t n = v.size();
        io_.num(n);
        if constexpr (IO::reading) {
            if (!io_.plausibleCount(n))
                return io_.fail();
            v.resize(n);
        }
        for (T& x : v)
            f(x);
    }
    template <typename T> void f(std::optional<T>& o) {
        bool present = o.has_value();
        f(present);
        if constexpr (IO::reading) {
            if (present)
                o.emplace();
        }
        if (present)
            f(*o);
    }
    template <typename A, typename B> void f(std::pair<A, B>& p) { all(p.first, p.second); }

    // Owned nodes. The three node hierarchies store their kind first; the
    // others only whether they are there.
    void f(Own<PureExp>& e) { ownPoly(e, ExpKind{}); }
    void f(Own<Stmt>& s) { ownPoly(s, StmtKind{}); }
    void f(Own<Decl>& d) { ownPoly(d, DeclKind{}); }
    template <typename T> void f(Own<T>& p) {
        bool present = p != nullptr;
        f(present);
        if constexpr (IO::reading) {
            if (present)
                p = std::make_unique<T>();
        }
        if (present)
            f(*p);
    }

    // Annotations and types
    void f(Name& n) { all(n.text, n.range); }
    void f(Annotation& a) { all(a.range, a.name, a.value); }
    void f(TypeUse& t) { all(t.range, t.annotations, t.name, t.args); }

    // Expressions (the range is stored by ownPoly)
    void f(IntLitExp& e) { all(e.digits); }
    void f(FloatLitExp& e) { all(e.text, e.value); }
    void f(StringLitExp& e) { all(e.value); }
    void f(TemplateStrExp& e) { all(e.pieces, e.exps); }
    void f(VarExp& e) { all(e.name); }
    void f(FieldExp& e) { all(e.name); }
    void f(ThisExp&) {}
    void f(DestinyExp&) {}
    void f(NullExp&) {}
    void f(FnAppExp& e) { all(e.function, e.args, e.listSugar); }
    void f(FunArg& a) { all(a.range, a.function, a.params, a.body); }
    void f(PartialFnAppExp& e) { all(e.function, e.funArgs, e.args); }
    void f(ConstructorAppExp& e) { all(e.constructor, e.args, e.parens); }
    void f(UnaryExp& e) { all(e.op, e.legacyTilde, e.operand); }
    void f(BinaryExp& e) { all(e.op, e.left, e.right); }
    void f(ImplementsExp& e) { all(e.operand, e.interface); }
    void f(CastExp& e) { all(e.operand, e.interface); }
    void f(WhenExp& e) { all(e.cond, e.then, e.otherwise, e.legacyIf); }
    void f(Pattern& p) {
        all(p.range, p.kind, p.text, p.floatValue, p.constructor, p.args, p.parens);
    }
    void f(CaseExpBranch& b) { all(b.range, b.pattern, b.body); }
    void f(CaseExp& e) { all(e.scrutinee, e.branches); }
    void f(LetBinding& b) { all(b.range, b.type, b.name, b.nameRange, b.value); }
    void f(LetExp& e) { all(e.bindings, e.body); }
    void f(GetExp& e) { all(e.future); }
    void f(NewExp& e) { all(e.local, e.className, e.args); }
    void f(AsyncCallExp& e) { all(e.await, e.callee, e.method, e.methodRange, e.args); }
    void f(SyncCallExp& e) { all(e.callee, e.method, e.methodRange, e.args); }
    void f(OriginalCallExp& e) { all(e.qualifier, e.args); }

    // Statements (range and annotations are stored by ownPoly, or by the
    // Own<BlockStmt> overload below)
    void f(VarDeclStmt& s) { all(s.type, s.name, s.nameRange, s.init); }
    void f(AssignStmt& s) { all(s.target, s.targetRange, s.thisField, s.value); }
    void f(SkipStmt&) {}
    void f(ReturnStmt& s) { all(s.value); }
    void f(AssertStmt& s) { all(s.cond); }
    void f(BlockStmt& s) { all(s.stmts); }
    void f(IfStmt& s) { all(s.cond, s.then, s.otherwise); }
    void f(SwitchBranch& b) { all(b.range, b.pattern, b.body); }
    void f(SwitchStmt& s) { all(s.scrutinee, s.branches, s.legacyCase); }
    void f(WhileStmt& s) { all(s.cond, s.body); }
    void f(ForeachStmt& s) { all(s.var, s.varRange, s.indexVar, s.indexRange, s.list, s.body); }
    void f(TryStmt& s) { all(s.body, s.catches, s.finally); }
    void f(Guard& g) {
        all(g.range, g.kind, g.futureVar, g.futureThisField, g.min, g.max, g.exp, g.left, g.right);
    }
    void f(AwaitStmt& s) { all(s.guard); }
    void f(SuspendStmt&) {}
    void f(DurationStmt& s) { all(s.min, s.max); }
    void f(ThrowStmt& s) { all(s.exception); }
    void f(DieStmt& s) { all(s.exception); }
    void f(MoveCogToStmt& s) { all(s.target); }
    void f(ExpStmt& s) { all(s.exp); }
    void f(Own<BlockStmt>& b) {
        bool present = b != nullptr;
        f(present);
        if constexpr (IO::reading) {
            if (present)
                b = std::make_unique<BlockStmt>();
        }
        if (present)
            all(b->range, b->annotations, b->stmts);
    }

    // Declarations (range, annotations and name are stored by ownPoly)
    void f(ParamDecl& p) { all(p.range, p.annotations, p.type, p.name); }
    void f(TypeParam& p) { all(p.range, p.name); }
    void f(ConstructorArg& a) { all(a.range, a.type, a.selector); }
    void f(DataConstructor& c) { all(c.range, c.name, c.args); }
    void f(DataDecl& d) { all(d.typeParams, d.constructors, d.hasConstructors); }
    void f(TypeSynonymDecl& d) { all(d.typeParams, d.type); }
    void f(ExceptionDecl& d) { all(d.args); }
    void f(FunctionDecl& d) {
        all(d.returnType, d.typeParams, d.params, d.body, d.builtin, d.builtinArgs);
    }
    void f(PartialFunctionDecl& d) {
        all(d.returnType, d.typeParams, d.funParams, d.funParamRanges, d.params, d.body);
    }
    void f(MethodSig& s) {
        all(s.range, s.annotations, s.returnType, s.name, s.nameRange, s.params);
    }
    void f(InterfaceDecl& d) { all(d.extends, d.methods); }
    void f(FieldDecl& d) { all(d.range, d.annotations, d.type, d.name, d.nameRange, d.init); }
    void f(MethodDecl& d) { all(d.range, d.sig, d.body); }
    void f(TraitBasic& b) { all(b.range, b.kind, b.methods, b.traitName); }
    void f(TraitOp& o) { all(o.range, o.kind, o.basic, o.removed); }
    void f(TraitExpr& t) { all(t.range, t.basic, t.ops); }
    void f(TraitDecl& d) { all(d.body); }
    void f(ClassDecl& d) {
        all(d.hasParams, d.params, d.implements, d.fields, d.init, d.recover, d.hasRecover,
            d.traitUses, d.methods);
    }

    // Modules
    void f(ExportDecl& e) { all(e.range, e.star, e.names, e.from); }
    void f(ImportDecl& i) { all(i.range, i.kind, i.names, i.from); }
    void f(MainBlock& m) { all(m.range, m.annotations, m.body); }
    void f(ModuleDecl& m) { all(m.range, m.name, m.exports, m.imports, m.decls, m.main); }
    void f(CompilationUnit& u) {
        SourceRange file{u.file, {}, {}};
        all(file, u.range, u.modules);
        u.file = file.file;
    }

  private:
    // Kind + 1 (0 for null), the base's fields, then the node's own.
    template <typename Base, typename Kind> void ownPoly(Own<Base>& p, Kind) {
        uint64_t tag = p ? uint64_t(p->kind) + 1 : 0;
        io_.num(tag);
        if (tag == 0)
            return;
        dispatch(p, static_cast<Kind>(tag - 1));
    }

    template <typename T, typename Base> void node(Own<Base>& p) {
        if constexpr (IO::reading)
            p = std::make_unique<T>();
        T& x = *static_cast<T*>(p.get());
        f(x.range);
        if constexpr (std::is_base_of_v<Stmt, T> || std::is_base_of_v<Decl, T>)
            f(x.annotations);
        if constexpr (std::is_base_of_v<Decl, T>)
            f(x.name);
        f(x);
    }

    void dispatch(Own<PureExp>& p, ExpKind kind) {
        switch (kind) {
#define ABSIM_PACK(K)                                                                              \
    case ExpKind::K:                                                                               \
        return node<K##Exp>(p);
            ABSIM_PACK(IntLit)
            ABSIM_PACK(FloatLit)
            ABSIM_PACK(StringLit)
            ABSIM_PACK(TemplateStr)
            ABSIM_PACK(Var)
            ABSIM_PACK(Field)
            ABSIM_PACK(This)
            ABSIM_PACK(Destiny)
            ABSIM_PACK(Null)
            ABSIM_PACK(FnApp)
            ABSIM_PACK(PartialFnApp)
            ABSIM_PACK(ConstructorApp)
            ABSIM_PACK(Unary)
            ABSIM_PACK(Binary)
            ABSIM_PACK(Implements)
            ABSIM_PACK(Cast)
            ABSIM_PACK(When)
            ABSIM_PACK(Case)
            ABSIM_PACK(Let)
            ABSIM_PACK(Get)
            ABSIM_PACK(New)
            ABSIM_PACK(AsyncCall)
            ABSIM_PACK(SyncCall)
            ABSIM_PACK(OriginalCall)
#undef ABSIM_PACK
        }
        bad();
    }

    void dispatch(Own<Stmt>& p, StmtKind kind) {
        switch (kind) {
#define ABSIM_PACK(K)                                                                              \
    case StmtKind::K:                                                                              \
        return node<K##Stmt>(p);
            ABSIM_PACK(VarDecl)
            ABSIM_PACK(Assign)
            ABSIM_PACK(Skip)
            ABSIM_PACK(Return)
            ABSIM_PACK(Assert)
            ABSIM_PACK(Block)
            ABSIM_PACK(If)
            ABSIM_PACK(Switch)
            ABSIM_PACK(While)
            ABSIM_PACK(Foreach)
            ABSIM_PACK(Try)
            ABSIM_PACK(Await)
            ABSIM_PACK(Suspend)
            ABSIM_PACK(Duration)
            ABSIM_PACK(Throw)
            ABSIM_PACK(Die)
            ABSIM_PACK(MoveCogTo)
#undef ABSIM_PACK
        case StmtKind::ExpStmt:
            return node<ExpStmt>(p);
        }
        bad();
    }

    void dispatch(Own<Decl>& p, DeclKind kind) {
        switch (kind) {
#define ABSIM_PACK(K)                                                                              \
    case DeclKind::K:                                                                              \
        return node<K##Decl>(p);
            ABSIM_PACK(Data)
            ABSIM_PACK(TypeSynonym)
            ABSIM_PACK(Exception)
            ABSIM_PACK(Function)
            ABSIM_PACK(PartialFunction)
            ABSIM_PACK(Interface)
            ABSIM_PACK(Class)
            ABSIM_PACK(Trait)
#undef ABSIM_PACK
        }
        bad();
    }

    // An unknown kind: only a corrupt input has one (the writer's kinds
    // are all listed above).
    void bad() {
        if constexpr (IO::reading)
            io_.fail();
    }

    IO& io_;
    FileId firstFile_;
};

} // namespace

std::optional<std::string> packUnits(std::vector<CompilationUnit>& units, FileId firstFile) {
    for (const CompilationUnit& u : units)
        if (!u.deltas.empty() || !u.productLines.empty() || !u.products.empty() ||
            !u.featureModels.empty())
            return std::nullopt;
    Writer w;
    Codec<Writer> codec(w, firstFile);
    uint64_t magic = kMagic;
    codec.all(magic, units);
    return std::move(w.out);
}

bool unpackUnits(std::string_view packed, FileId firstFile, std::vector<CompilationUnit>& units) {
    Reader r(packed);
    Codec<Reader> codec(r, firstFile);
    uint64_t magic = 0;
    codec.f(magic);
    if (magic != kMagic)
        return false;
    codec.f(units);
    return r.ok() && r.atEnd();
}

} // namespace absim::ast
