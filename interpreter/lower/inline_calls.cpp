#include "interpreter/lower/inline_calls.h"

#include "interpreter/lower/operands.h"
#include "interpreter/program/runtime_program.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace absim::interp {

namespace {

// A callee's own body, counted before anything is inlined into it. Small
// enough that copying it into each caller costs little memory; large
// enough for the helpers models are written with (a sine polynomial, an
// exponential sample, `now()`).
constexpr size_t kMaxBodyNodes = 64;
// What one frame may grow by, whatever its calls: inlining inside inlined
// bodies multiplies.
constexpr size_t kMaxClonedPerFrame = 4096;

// Every body of instructions: the classes' and the main block's.
template <typename F> void forEachCode(RuntimeProgram& program, F f) {
    for (ClassInfo& c : program.classes) {
        f(c.init);
        f(c.recover);
        for (auto& m : c.ownedMethods)
            f(m->code);
    }
    f(program.main);
}

class Inliner {
  public:
    explicit Inliner(RuntimeProgram& p) : program_(p) {}

    size_t run() {
        countReferences();
        measureFunctions();
        // Only frames the model can reach are rewritten: the main block,
        // the classes, and the functions and anonymous functions they call
        // (found on the way). The rest of the standard library is left as
        // it is, which keeps start-up short.
        forEachCode(program_, [&](Code& c) { inlineInCode(c); });
        for (const SchedulerSpec& s : program_.schedulers)
            reach(s.function);
        while (!pendingFunctions_.empty() || !pendingLambdas_.empty()) {
            if (!pendingFunctions_.empty()) {
                FunctionInfo* f = pendingFunctions_.back();
                pendingFunctions_.pop_back();
                inlineInFrame(&f->slotCount, f, [&] { visit(mut(f->body), false); });
            } else {
                LambdaInfo* l = pendingLambdas_.back();
                pendingLambdas_.pop_back();
                inlineInFrame(&l->slotCount, nullptr, [&] { visit(mut(l->body), false); });
            }
        }
        return inlined_;
    }

  private:
    // Nodes are shared only by accident of lowering (a constant reused, a
    // desugaring that mentions an operand twice); a node reached through a
    // shared one may be evaluated in two frames, so nothing below it is
    // rewritten.
    void countReferences() {
        for (FunctionInfo& f : program_.functions)
            if (f.body)
                count(f.body);
        for (LambdaInfo& l : program_.lambdas)
            if (l.body)
                count(l.body);
        forEachCode(program_,
                    [&](const Code& c) { forEachExpr(c, [&](const Expr* e) { count(e); }); });
    }
    void count(const Expr* e) {
        if (++references_[e] > 1)
            return;
        for (const Expr* k : e->kids)
            count(k);
        for (const CaseBranchCode& b : e->branches) {
            forEachExpr(b.pattern, [&](const Expr* x) { count(x); });
            count(b.body);
        }
        for (const FunArgCode& fa : e->funArgs)
            if (fa.lambda)
                for (const Expr* cap : fa.lambda->captures)
                    count(cap);
    }
    // Which functions may be copied into a caller: first-order, small, and
    // made only of nodes that mean the same in any frame.
    void measureFunctions() {
        findRecursive();
        for (FunctionInfo& f : program_.functions) {
            if (f.kind != FunctionInfo::Kind::Abs || !f.body || f.funParamCount > 0 ||
                recursive_.count(&f))
                continue;
            size_t n = 0;
            if (measure(f.body, n) && n <= kMaxBodyNodes)
                inlinable_.insert(&f);
        }
    }
    // The functions on a cycle of the call graph (Tarjan's strongly
    // connected components). Inlining one would unroll it a level: the
    // copy gains little and its variables would hold a recursion's values
    // (a list's tail) in the caller's frame.
    void findRecursive() {
        for (FunctionInfo& f : program_.functions)
            if (f.kind == FunctionInfo::Kind::Abs && f.body && !tarjan_.count(&f))
                strongConnect(&f);
    }
    struct TarjanState {
        size_t index = 0;
        size_t low = 0;
        bool onStack = false;
    };
    void strongConnect(const FunctionInfo* f) {
        TarjanState& st = tarjan_[f];
        st.index = st.low = ++tarjanCounter_;
        st.onStack = true;
        tarjanStack_.push_back(f);
        std::vector<const FunctionInfo*> callees;
        calleesOf(f->body, callees);
        for (const FunctionInfo* g : callees) {
            if (g == f)
                recursive_.insert(f);
            auto it = tarjan_.find(g);
            if (it == tarjan_.end()) {
                strongConnect(g);
                tarjan_[f].low = std::min(tarjan_[f].low, tarjan_[g].low);
            } else if (it->second.onStack) {
                tarjan_[f].low = std::min(tarjan_[f].low, it->second.index);
            }
        }
        if (tarjan_[f].low != tarjan_[f].index)
            return;
        std::vector<const FunctionInfo*> component;
        const FunctionInfo* g;
        do {
            g = tarjanStack_.back();
            tarjanStack_.pop_back();
            tarjan_[g].onStack = false;
            component.push_back(g);
        } while (g != f);
        if (component.size() > 1)
            recursive_.insert(component.begin(), component.end());
    }
    // The ABS-bodied functions an expression calls or passes to a
    // higher-order function.
    static void calleesOf(const Expr* e, std::vector<const FunctionInfo*>& out) {
        auto add = [&](const FunctionInfo* g) {
            if (g && g->kind == FunctionInfo::Kind::Abs && g->body)
                out.push_back(g);
        };
        if (e->op == ExprOp::Call || e->op == ExprOp::CallSelf || e->op == ExprOp::CallPartial)
            add(e->function);
        for (const FunArgCode& fa : e->funArgs) {
            add(fa.function);
            if (!fa.lambda)
                continue;
            calleesOf(fa.lambda->body, out);
            for (const Expr* cap : fa.lambda->captures)
                calleesOf(cap, out);
        }
        for (const Expr* k : e->kids)
            calleesOf(k, out);
        for (const CaseBranchCode& b : e->branches) {
            forEachExpr(b.pattern, [&](const Expr* x) { calleesOf(x, out); });
            calleesOf(b.body, out);
        }
    }

    bool measure(const Expr* e, size_t& n) {
        if (++n > kMaxBodyNodes)
            return false;
        switch (e->op) {
        case ExprOp::CallFunParam:
        case ExprOp::CallSelf:
        case ExprOp::This:
        case ExprOp::Field:
        case ExprOp::Destiny:
            return false;
        case ExprOp::CallPartial:
            for (const FunArgCode& fa : e->funArgs)
                if (fa.lambda || fa.outer >= 0)
                    return false;
            break;
        default:
            break;
        }
        for (const Expr* k : e->kids)
            if (!measure(k, n))
                return false;
        for (const CaseBranchCode& b : e->branches)
            if (!measurePattern(b.pattern, n) || !measure(b.body, n))
                return false;
        return true;
    }
    bool measurePattern(const Pattern* p, size_t& n) {
        if (p->expr && !measure(p->expr, n))
            return false;
        for (const Pattern* a : p->args)
            if (!measurePattern(a, n))
                return false;
        return true;
    }

    template <typename Body>
    void inlineInFrame(uint32_t* slots, const FunctionInfo* self, Body body) {
        slots_ = slots;
        cloned_ = 0;
        chain_.clear();
        if (self)
            chain_.push_back(self);
        body();
    }
    void inlineInCode(Code& c) {
        inlineInFrame(&c.slotCount, nullptr,
                      [&] { forEachExpr(c, [&](const Expr* e) { visit(mut(e), false); }); });
    }

    void visit(Expr* e, bool shared) {
        auto it = references_.find(e);
        shared = shared || (it != references_.end() && it->second > 1);
        for (const Expr* k : e->kids)
            visit(mut(k), shared);
        for (const CaseBranchCode& b : e->branches) {
            forEachExpr(b.pattern, [&](const Expr* x) { visit(mut(x), shared); });
            visit(mut(b.body), shared);
        }
        for (const FunArgCode& fa : e->funArgs)
            if (fa.lambda)
                for (const Expr* cap : fa.lambda->captures)
                    visit(mut(cap), shared);
        if (e->op == ExprOp::CallPartial) {
            reach(e->function);
            for (const FunArgCode& fa : e->funArgs) {
                reach(fa.function);
                if (fa.lambda && reachedLambdas_.insert(fa.lambda).second)
                    pendingLambdas_.push_back(const_cast<LambdaInfo*>(fa.lambda));
            }
        }
        if (e->op != ExprOp::Call)
            return;
        if (shared) {
            reach(e->function);
            return;
        }
        if (e->function->kind == FunctionInfo::Kind::Selector) {
            selectInPlace(e);
            return;
        }
        const FunctionInfo* f = e->function;
        bool recursive = false;
        for (const FunctionInfo* g : chain_)
            recursive = recursive || g == f;
        if (recursive || !inlinable_.count(f) || cloned_ > kMaxClonedPerFrame) {
            reach(f);
            return;
        }
        Expr* body = inlineAt(e);
        chain_.push_back(f);
        visit(body, false); // its calls, now in this frame
        chain_.pop_back();
    }

    // The argument a call gives back unchanged, when the callee's body is
    // one of its parameters and no other argument could raise; else nullptr.
    static const Expr* soleArgumentResult(const Expr* e) {
        const Expr* body = e->function->body;
        if (body->op != ExprOp::Local || size_t(body->slot) >= e->kids.size())
            return nullptr;
        for (size_t i = 0; i < e->kids.size(); ++i)
            if (int32_t(i) != body->slot && e->kids[i]->op != ExprOp::Const &&
                e->kids[i]->op != ExprOp::Local)
                return nullptr;
        return e->kids[size_t(body->slot)];
    }

    // Rewrites the call `e` into its callee's body; returns the node that
    // now holds the body (e itself when no argument needed a `let`).
    Expr* inlineAt(Expr* e) {
        const FunctionInfo* f = e->function;
        if (const Expr* only = soleArgumentResult(e)) {
            // The stdlib's `list`, which `list[a, b]` calls: the call is
            // its argument, a Cons chain later passes can see (and fold).
            *e = Expr(*only);
            ++inlined_;
            return e;
        }
        uint32_t base = *slots_;
        *slots_ += f->slotCount;
        ++inlined_;
        // Arguments that are locals or constants stand in for their
        // parameter: within one pure expression no slot is written twice.
        std::vector<const Expr*> subst(f->arity, nullptr);
        std::vector<std::pair<uint32_t, const Expr*>> lets;
        for (uint32_t i = 0; i < f->arity; ++i) {
            const Expr* a = e->kids[i];
            if (a->op == ExprOp::Const || a->op == ExprOp::Local)
                subst[i] = a;
            else
                lets.emplace_back(base + i, a);
        }
        Expr* body = clone(f->body, base, subst);
        if (lets.empty() && f->slotCount == 0) {
            *e = Expr(*body);
            return e;
        }
        // The `let`s of the arguments, outermost first, around the body.
        Expr* inner = body;
        for (size_t i = lets.size(); i-- > 0;) {
            Expr& l = program_.exprs.emplace_back();
            l.op = ExprOp::Let;
            l.line = e->line;
            l.slot = int32_t(lets[i].first);
            l.kids = {lets[i].second, inner};
            inner = &l;
        }
        // e becomes the scope of the call: when the body is done, its
        // variables let go of their values (a list bound in it must not live
        // on in the caller's frame).
        Expr scope;
        scope.op = ExprOp::Scope;
        scope.line = e->line;
        scope.slot = int32_t(base);
        scope.span = f->slotCount;
        scope.kids = {inner};
        *e = std::move(scope);
        return body;
    }

    Expr* clone(const Expr* src, uint32_t base, const std::vector<const Expr*>& subst) {
        if (src->op == ExprOp::Const)
            return mut(src); // never rewritten: safe to share
        if (src->op == ExprOp::Local && size_t(src->slot) < subst.size() && subst[src->slot]) {
            const Expr* a = subst[src->slot];
            if (a->op == ExprOp::Const)
                return mut(a);
            return &program_.exprs.emplace_back(*a);
        }
        ++cloned_;
        Expr& c = program_.exprs.emplace_back(*src);
        if (c.op == ExprOp::Local || c.op == ExprOp::Let || c.op == ExprOp::Scope)
            c.slot += int32_t(base);
        for (const Expr*& k : c.kids)
            k = clone(k, base, subst);
        for (CaseBranchCode& b : c.branches) {
            b.pattern = clonePattern(b.pattern, base, subst);
            b.body = clone(b.body, base, subst);
        }
        return &c;
    }
    const Pattern* clonePattern(const Pattern* src, uint32_t base,
                                const std::vector<const Expr*>& subst) {
        Pattern& c = program_.patterns.emplace_back(*src);
        if (c.op == PatternOp::Bind)
            c.slot += int32_t(base);
        if (c.expr)
            c.expr = clone(c.expr, base, subst);
        for (const Pattern*& a : c.args)
            a = clonePattern(a, base, subst);
        return &c;
    }

    // sel(C(a0, .., an)) where C carries sel at index i: ai, when the other
    // arguments cannot raise (locals and constants).
    void selectInPlace(Expr* e) {
        if (e->kids.size() != 1)
            return;
        const Expr* arg = e->kids[0];
        if (arg->op != ExprOp::Construct)
            return;
        auto rc = references_.find(arg);
        if (rc != references_.end() && rc->second > 1)
            return;
        for (const auto& [ctor, index] : e->function->selects) {
            if (ctor != arg->constructor)
                continue;
            for (size_t j = 0; j < arg->kids.size(); ++j)
                if (j != index && arg->kids[j]->op != ExprOp::Const &&
                    arg->kids[j]->op != ExprOp::Local)
                    return;
            *e = Expr(*arg->kids[index]);
            return;
        }
    }

    // A function whose calls stay calls: its own frame gets rewritten too.
    void reach(const FunctionInfo* f) {
        if (f && f->kind == FunctionInfo::Kind::Abs && f->body &&
            reachedFunctions_.insert(f).second)
            pendingFunctions_.push_back(const_cast<FunctionInfo*>(f));
    }

    static Expr* mut(const Expr* e) { return const_cast<Expr*>(e); }

    RuntimeProgram& program_;
    std::unordered_map<const Expr*, uint32_t> references_;
    std::unordered_set<const FunctionInfo*> inlinable_;
    std::unordered_set<const FunctionInfo*> recursive_;
    std::unordered_map<const FunctionInfo*, TarjanState> tarjan_;
    std::vector<const FunctionInfo*> tarjanStack_;
    size_t tarjanCounter_ = 0;
    std::unordered_set<const FunctionInfo*> reachedFunctions_;
    std::unordered_set<const LambdaInfo*> reachedLambdas_;
    std::vector<FunctionInfo*> pendingFunctions_;
    std::vector<LambdaInfo*> pendingLambdas_;
    std::vector<const FunctionInfo*> chain_; // functions being inlined, outermost first
    uint32_t* slots_ = nullptr;              // slot count of the frame being rewritten
    size_t cloned_ = 0;
    size_t inlined_ = 0;
};

} // namespace

size_t inlineCalls(RuntimeProgram& program) {
    return Inliner(program).run();
}

} // namespace absim::interp
