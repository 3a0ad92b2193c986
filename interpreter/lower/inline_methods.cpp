#include "interpreter/lower/inline_methods.h"

#include "interpreter/lower/operands.h"
#include "interpreter/program/runtime_program.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace absim::interp {

namespace {

// A callee's body, counted after its own calls were inlined: the helpers
// a queue or a counter is written with (`advance()`, `takeJob()`), not
// whole methods.
constexpr size_t kMaxCalleeInstrs = 64;
// What one method may grow by, whatever its calls.
constexpr size_t kMaxGrowth = 1024;

bool hasTarget(Opcode op) {
    switch (op) {
    case Opcode::Jump:
    case Opcode::JumpBack:
    case Opcode::JumpIfFalse:
    case Opcode::Match:
    case Opcode::ForeachNext:
    case Opcode::TryEnter:
        return true;
    default:
        return false;
    }
}

// Whether `slot` of an instruction names a local of the frame (for Consume
// it is a resource).
bool slotIsLocal(Opcode op) {
    switch (op) {
    case Opcode::Match:
    case Opcode::TryEnter:
    case Opcode::Rethrow:
    case Opcode::ForeachNext:
        return true;
    default:
        return false;
    }
}

// Instructions that may raise with the frame's pc already past them (a
// guard that fails on the way, the exception of a future waited for):
// the exception is then at the next instruction, which must still be the
// callee's.
bool mayRaisePastItself(Opcode op) {
    switch (op) {
    case Opcode::Await:
    case Opcode::Suspend:
    case Opcode::Duration:
    case Opcode::Consume:
    case Opcode::Get:
    case Opcode::SyncCall:
    case Opcode::New:
    case Opcode::NewLocal:
    case Opcode::InlineEnter: // a call found too deep: past its copied body
        return true;
    default:
        return false;
    }
}

bool isLeaf(const Expr* e) {
    return e->op == ExprOp::Const || e->op == ExprOp::Local || e->op == ExprOp::Field;
}

class MethodInliner {
  public:
    explicit MethodInliner(RuntimeProgram& p) : program_(p) {}

    size_t run() {
        for (ClassInfo& c : program_.classes)
            inlineInClass(c);
        return inlined_;
    }

  private:
    struct MethodState {
        enum class Mark : uint8_t { New, Open, Done } mark = Mark::New;
        bool recursive = false;
        bool inlinable = false;
    };

    // The method `this.m(..)` calls, or null.
    static const MethodInfo* calleeOf(const ClassInfo& c, const Instr& in) {
        if (in.op != Opcode::SyncCall || !in.e || in.e->op != ExprOp::This)
            return nullptr;
        return c.method(in.method);
    }

    // Callees before callers (depth first), so that a callee's body is
    // copied with its own inlined calls. A method reached again while open
    // is on a cycle, and so is every method open above it.
    void inlineInClass(ClassInfo& c) {
        cls_ = &c;
        states_.clear();
        open_.clear();
        for (auto& m : c.ownedMethods)
            visit(m.get());
    }

    void visit(const MethodInfo* m) {
        MethodState& st = states_[m];
        if (st.mark == MethodState::Mark::Done)
            return;
        if (st.mark == MethodState::Mark::Open) {
            for (size_t i = open_.size(); i-- > 0;) {
                states_[open_[i]].recursive = true;
                if (open_[i] == m)
                    break;
            }
            return;
        }
        st.mark = MethodState::Mark::Open;
        open_.push_back(m);
        for (const Instr& in : m->code.instrs)
            if (const MethodInfo* callee = calleeOf(*cls_, in))
                visit(callee);
        open_.pop_back();
        MethodInfo* own = const_cast<MethodInfo*>(m);
        rewrite(own->code);
        MethodState& done = states_[m];
        done.mark = MethodState::Mark::Done;
        // Every method on a cycle is still open when the search closes
        // the cycle, so it is marked before it is done here.
        done.inlinable = !done.recursive && copyable(m->code);
    }

    bool copyable(const Code& code) const {
        if (code.instrs.size() > kMaxCalleeInstrs)
            return false;
        for (const Instr& in : code.instrs) {
            switch (in.op) {
            case Opcode::TryEnter:
            case Opcode::TryLeave:
            case Opcode::Rethrow:
            case Opcode::SyncCall:
            case Opcode::NewLocal:
                return false;
            default:
                break;
            }
            bool ok = true;
            forEachExpr(in, [&](const Expr* e) { ok = ok && !holdsLambda(e); });
            if (!ok)
                return false;
        }
        return true;
    }

    static bool holdsLambda(const Expr* e) {
        for (const FunArgCode& fa : e->funArgs)
            if (fa.lambda)
                return true;
        for (const Expr* k : e->kids)
            if (holdsLambda(k))
                return true;
        for (const CaseBranchCode& b : e->branches) {
            bool found = false;
            forEachExpr(b.pattern, [&](const Expr* x) { found = found || holdsLambda(x); });
            if (found || holdsLambda(b.body))
                return true;
        }
        return false;
    }

    // Whether the code sets local `slot`, or names it as an instruction's
    // own slot (a matched value, a list walked).
    static bool setsSlot(const Code& code, int32_t slot) {
        for (const Instr& in : code.instrs)
            if ((in.dest.kind == Dest::Kind::Local && in.dest.slot == slot) ||
                (slotIsLocal(in.op) && in.slot == slot))
                return true;
        return false;
    }

    bool inlinable(const MethodInfo* m) {
        auto it = states_.find(m);
        return it != states_.end() && it->second.inlinable;
    }

    // The caller's instructions with each inlinable call replaced by its
    // callee's body; the caller's own jumps retargeted.
    void rewrite(Code& code) {
        bool any = false;
        for (const Instr& in : code.instrs)
            if (const MethodInfo* m = calleeOf(*cls_, in); m && inlinable(m))
                any = true;
        if (!any)
            return;
        std::vector<Instr> old = std::move(code.instrs);
        out_ = &code;
        ownSlots_ = code.slotCount;
        code.instrs.clear();
        code.siteOf.clear();
        std::vector<uint32_t> oldToNew(old.size() + 1);
        std::vector<size_t> own; // the caller's instructions, by new index
        for (size_t i = 0; i < old.size(); ++i) {
            oldToNew[i] = uint32_t(code.instrs.size());
            const MethodInfo* m = calleeOf(*cls_, old[i]);
            if (m && inlinable(m) &&
                code.instrs.size() + m->code.instrs.size() + old[i].args.size() + 1 <=
                    old.size() + kMaxGrowth) {
                expand(old[i], m->code);
                continue;
            }
            own.push_back(code.instrs.size());
            code.instrs.push_back(std::move(old[i]));
            code.siteOf.push_back(-1);
        }
        oldToNew[old.size()] = uint32_t(code.instrs.size());
        for (size_t at : own)
            if (hasTarget(code.instrs[at].op))
                code.instrs[at].target = oldToNew[code.instrs[at].target];
        keepSlotsToFrameEnd(code);
    }

    // An InlineExit from which the frame's own `return` follows with
    // nothing in between but jumps and the ends of the calls around it
    // leaves its slots to the frame's end, which lets go of every slot a
    // moment later: nothing can run or look at the frame in between (no
    // statement that waits or calls; no handler, since a `return` is never
    // inside a try block, so an exception raised on the way ends the frame
    // too, or unwinding lets go of them with the enclosing call's slots).
    // Copied into a caller, that `return` becomes the enclosing call's
    // InlineExit, whose slots include these. An exit left with no value to
    // store does nothing: a Nop, which keeps its place (and its site) for
    // unwinding.
    static void keepSlotsToFrameEnd(Code& code) {
        for (Instr& in : code.instrs) {
            if (in.op != Opcode::InlineExit ||
                !reachesOwnReturn(code, uint32_t(&in - code.instrs.data()) + 1))
                continue;
            in.imm = 0;
            if (!in.e) {
                in.op = Opcode::Nop;
                in.slot = -1;
            }
        }
    }
    static bool reachesOwnReturn(const Code& code, uint32_t pc) {
        while (pc < code.instrs.size()) {
            const Instr& in = code.instrs[pc];
            switch (in.op) {
            case Opcode::Jump: // forward only: the walk ends
                pc = in.target;
                break;
            case Opcode::Nop:
            case Opcode::InlineExit:
                ++pc;
                break;
            case Opcode::Return:
                return code.siteAt(pc) < 0;
            default:
                return false;
            }
        }
        return false;
    }

    // Appends to the code being rewritten the call `call` of `callee`:
    // InlineEnter, the arguments into the parameters, the body.
    void expand(Instr& call, const Code& callee) {
        Code& code = *out_;
        ++inlined_;
        // An argument that is a constant, or a local of the caller, stands
        // in for its parameter when the callee never sets the parameter:
        // nothing else can set that local while the callee runs (only this
        // frame's code writes its slots), so the callee reads the value the
        // parameter would hold. Reading it cannot raise, so no error moves.
        subst_.assign(call.args.size(), nullptr);
        uint32_t substituted = 0;
        for (size_t i = 0; i < call.args.size(); ++i) {
            const Expr* arg = call.args[i];
            if ((arg->op == ExprOp::Const || arg->op == ExprOp::Local) &&
                !setsSlot(callee, int32_t(i))) {
                subst_[i] = arg;
                ++substituted;
            }
        }
        // The callee's slots, but those of the parameters read in place,
        // after the caller's own: calls one after the other in the caller
        // use the same ones (each writes a slot before it reads it, and
        // lets go of what its slots hold when it ends).
        base_ = ownSlots_;
        slotsUsed_ = callee.slotCount - substituted;
        code.slotCount = std::max(code.slotCount, base_ + slotsUsed_);
        auto site = int32_t(code.inlineSites.size());
        auto firstCopied = int32_t(site + 1); // the callee's own sites follow
        InlineSite s;
        s.callee = &callee;
        s.callPc = uint32_t(code.instrs.size());
        s.slot = base_;
        s.slotCount = slotsUsed_;
        code.inlineSites.push_back(s);

        Instr& enter = append(call.line, Opcode::InlineEnter, -1);
        enter.slot = site;
        enter.imm = 0;
        for (size_t i = 0; i < call.args.size(); ++i) {
            if (subst_[i])
                continue;
            Instr& a = append(call.line, Opcode::Assign, -1);
            a.dest = Dest{Dest::Kind::Local, slotOf(int32_t(i))};
            a.e = call.args[i];
        }
        code.inlineSites[size_t(site)].bodyPc = uint32_t(code.instrs.size());

        memo_.clear();
        const std::vector<Instr>& body = callee.instrs;
        size_t n = body.size();
        // `return e;` is the body's last statement, and lowering appends a
        // Return of its own after it, which nothing reaches: dropped.
        std::vector<bool> targeted(n + 1, false);
        for (const Instr& in : body)
            if (hasTarget(in.op))
                targeted[in.target] = true;
        if (n >= 2 && body[n - 1].op == Opcode::Return && body[n - 2].op == Opcode::Return &&
            !targeted[n - 1])
            --n;
        std::vector<uint32_t> calleeToNew(body.size() + 1);
        std::vector<size_t> retargeted; // new indices whose target is a callee pc
        std::vector<size_t> toEnd;      // jumps out of a `return` that is not last
        // Whether an exception past the last instruction copied could be
        // outside the callee if nothing followed it (see returnInto).
        bool raisesPast = false;
        for (size_t j = 0; j < n; ++j) {
            const Instr& in = body[j];
            calleeToNew[j] = uint32_t(code.instrs.size());
            int32_t owner = j < callee.siteOf.size() && callee.siteOf[j] >= 0
                                ? callee.siteOf[j] + firstCopied
                                : site;
            if (in.op == Opcode::Return) {
                returnInto(call.dest, in, site, raisesPast);
                if (j + 1 < n) {
                    toEnd.push_back(code.instrs.size());
                    append(in.line, Opcode::Jump, site);
                }
                raisesPast = false;
                continue;
            }
            Instr& c = append(in.line, in.op, owner);
            c = in;
            if (c.dest.kind == Dest::Kind::Local)
                c.dest.slot = slotOf(c.dest.slot);
            if (slotIsLocal(in.op) && in.slot >= 0)
                c.slot = slotOf(in.slot);
            if (in.op == Opcode::InlineEnter) {
                c.slot = in.slot + firstCopied;
                c.imm = in.imm + 1; // one more call around it
            }
            if (in.op == Opcode::InlineExit)
                c.slot = slotOf(in.slot);
            cloneOperands(c);
            if (hasTarget(in.op))
                retargeted.push_back(code.instrs.size() - 1);
            raisesPast = mayRaisePastItself(in.op) || owner != site;
        }
        for (size_t j = n; j <= body.size(); ++j)
            calleeToNew[j] = uint32_t(code.instrs.size());
        uint32_t end = uint32_t(code.instrs.size());
        code.inlineSites[size_t(site)].endPc = end;
        for (size_t at : retargeted)
            code.instrs[at].target = calleeToNew[code.instrs[at].target];
        for (size_t at : toEnd)
            code.instrs[at].target = end;
        for (const InlineSite& cs : callee.inlineSites) {
            InlineSite copy = cs;
            copy.callPc = calleeToNew[cs.callPc];
            copy.bodyPc = calleeToNew[cs.bodyPc];
            copy.endPc = calleeToNew[cs.endPc];
            copy.slot = uint32_t(slotOf(int32_t(cs.slot)));
            copy.parent = cs.parent >= 0 ? cs.parent + firstCopied : site;
            code.inlineSites.push_back(copy);
        }
    }

    // Where the callee's slot `slot` is in the caller's frame.
    int32_t slotOf(int32_t slot) const {
        int32_t skipped = 0;
        for (size_t i = 0; i < subst_.size(); ++i)
            if (subst_[i] && int32_t(i) < slot)
                ++skipped;
        return int32_t(base_) + slot - skipped;
    }

    // The callee's `return` (null e: a Unit method's end): its value into
    // the call's destination, and the callee's locals let go.
    void returnInto(Dest dest, const Instr& ret, int32_t site, bool raisesPast) {
        const Expr* e = ret.e ? clone(ret.e) : nullptr;
        if (!e && dest.kind != Dest::Kind::None)
            e = unit();
        // A value nobody takes is still evaluated, since it may raise; a
        // leaf cannot.
        if (e && dest.kind == Dest::Kind::None && isLeaf(e))
            e = nullptr;
        if (slotsUsed_ > 0) {
            Instr& x = append(ret.line, Opcode::InlineExit, site);
            x.dest = dest;
            x.e = e;
            x.slot = int32_t(base_);
            x.imm = slotsUsed_;
            return;
        }
        if (e) {
            Instr& x = append(ret.line,
                              dest.kind == Dest::Kind::None ? Opcode::Eval : Opcode::Assign, site);
            x.dest = dest;
            x.e = e;
            return;
        }
        // Where an exception raised past the last instruction is (a guard
        // failing after an await, a call inside found too deep): still in
        // the callee, as at its own `return`.
        if (raisesPast)
            append(ret.line, Opcode::Nop, site);
    }

    const Expr* unit() {
        if (!unit_) {
            Expr& u = program_.exprs.emplace_back();
            u.op = ExprOp::Const;
            u.constant = Value::unit();
            unit_ = &u;
        }
        return unit_;
    }

    Instr& append(uint32_t line, Opcode op, int32_t site) {
        Instr& in = out_->instrs.emplace_back();
        in.op = op;
        in.line = line;
        out_->siteOf.push_back(site);
        return in;
    }

    // The copied instruction's expressions, patterns and guard: fresh
    // nodes whose locals are the callee's slots in the caller's frame.
    // Nodes the callee shares stay shared in the copy (a duration's bounds
    // are compared by address).
    void cloneOperands(Instr& c) {
        if (c.e)
            c.e = clone(c.e);
        if (c.e2)
            c.e2 = clone(c.e2);
        for (const Expr*& a : c.args)
            a = clone(a);
        if (c.pattern)
            c.pattern = clonePattern(c.pattern);
        if (c.guard)
            c.guard = cloneGuard(c.guard);
    }
    const Expr* clone(const Expr* src) {
        if (src->op == ExprOp::Const)
            return src; // never rewritten in place: safe to share
        if (auto it = memo_.find(src); it != memo_.end())
            return static_cast<const Expr*>(it->second);
        if (src->op == ExprOp::Local && size_t(src->slot) < subst_.size() && subst_[src->slot]) {
            const Expr* arg = subst_[src->slot];
            const Expr* c = arg->op == ExprOp::Const ? arg : &program_.exprs.emplace_back(*arg);
            memo_[src] = c;
            return c;
        }
        Expr& c = program_.exprs.emplace_back(*src);
        memo_[src] = &c;
        if (c.op == ExprOp::Local || c.op == ExprOp::Let || c.op == ExprOp::Scope)
            c.slot = slotOf(c.slot);
        for (const Expr*& k : c.kids)
            k = clone(k);
        for (CaseBranchCode& b : c.branches) {
            b.pattern = clonePattern(b.pattern);
            b.body = clone(b.body);
        }
        return &c;
    }
    const Pattern* clonePattern(const Pattern* src) {
        if (auto it = memo_.find(src); it != memo_.end())
            return static_cast<const Pattern*>(it->second);
        Pattern& c = program_.patterns.emplace_back(*src);
        memo_[src] = &c;
        if (c.op == PatternOp::Bind)
            c.slot = slotOf(c.slot);
        if (c.expr)
            c.expr = clone(c.expr);
        for (const Pattern*& a : c.args)
            a = clonePattern(a);
        return &c;
    }
    const GuardCode* cloneGuard(const GuardCode* src) {
        if (auto it = memo_.find(src); it != memo_.end())
            return static_cast<const GuardCode*>(it->second);
        GuardCode& c = program_.guards.emplace_back(*src);
        memo_[src] = &c;
        if (c.exp)
            c.exp = clone(c.exp);
        if (c.max)
            c.max = clone(c.max);
        if (c.left)
            c.left = cloneGuard(c.left);
        if (c.right)
            c.right = cloneGuard(c.right);
        return &c;
    }

    RuntimeProgram& program_;
    const ClassInfo* cls_ = nullptr;
    std::unordered_map<const MethodInfo*, MethodState> states_;
    std::vector<const MethodInfo*> open_;
    Code* out_ = nullptr;    // the code being rewritten
    uint32_t ownSlots_ = 0;  // the slots of the code being rewritten, before any copy
    uint32_t base_ = 0;      // the first slot of the callee being copied
    uint32_t slotsUsed_ = 0; // how many it takes from there
    std::unordered_map<const void*, const void*> memo_; // callee node -> its copy
    std::vector<const Expr*> subst_; // by parameter: the argument read in its place, or null
    const Expr* unit_ = nullptr;
    size_t inlined_ = 0;
};

} // namespace

size_t inlineMethods(RuntimeProgram& program) {
    return MethodInliner(program).run();
}

bool methodInliningEnabled() {
    const char* v = std::getenv("ABSIM_INLINE_METHODS");
    return !v || std::strcmp(v, "0") != 0;
}

} // namespace absim::interp
