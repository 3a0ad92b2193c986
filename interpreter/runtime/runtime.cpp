// Runtime entities: COGs, objects, futures, processes, asynchronous calls,
// and what happens to an object when an exception escapes one of its
// methods (runtime.md §1, §8).

#include "interpreter/runtime/runtime.h"

#include "interpreter/errors.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/format.h"
#include "interpreter/runtime/live_list.h"
#include "interpreter/runtime/spawn.h"

namespace absim::interp {

Runtime::Runtime(const RuntimeProgram& program, const RunOptions& options, Output& out, Output& err)
    : program_(program), options_(options), out_(out), err_(err), rng_(options.seed),
      clock_(Value::fromInt(0)),
      infDuration_(Value::constant(builtinConstructor(BuiltinConstructor::InfDuration))) {}

Runtime::~Runtime() {
    breakCycles();
}

Cog* Runtime::newCog(Value dc) {
    auto cog = std::make_unique<Cog>();
    cog->id = cogs_.size();
    cog->dc = std::move(dc);
    cogs_.push_back(std::move(cog));
    return cogs_.back().get();
}

Value Runtime::newFuture() {
    return Value::future(new Future(++seq_));
}

Value Runtime::newObject(const ClassInfo* cls, Cog* cog, Value* args) {
    auto* o = new Object(++seq_, cls, cog, cog->id, ++cog->objectCount);
    if (cls == program_.deploymentComponentClass) {
        ++stats_.deploymentComponents;
        ++stats_.liveDeploymentComponents;
    }
    Value v = Value::object(o);
    for (uint32_t i = 0; i < cls->paramCount; ++i)
        o->fields[i] = std::move(args[i]);
    return v;
}

Value Runtime::asyncCall(Process* caller, const Value& callee, uint32_t method, Value* args,
                         size_t n, Value deadline, bool wantFuture) {
    (void)caller;
    // A call that fails is still counted (startCall counts the others).
    if (!callee.isObject()) {
        ++stats_.calls;
        throwBuiltinException(BuiltinConstructor::NullPointerException);
    }
    Object* o = callee.entityAs<Object>();
    if (!o->alive) {
        // The future's creation number is taken either way, so every later
        // object and future is numbered as if the call had been made.
        ++stats_.calls;
        Value fut;
        if (wantFuture)
            resolve(fut = newFuture(),
                    Value::constant(builtinConstructor(BuiltinConstructor::ObjectDeadException)),
                    true);
        else
            ++seq_;
        return fut;
    }
    const MethodInfo* m = o->cls->method(method);
    if (!m) {
        ++stats_.calls;
        throwRuntimeError("object " + o->describe() + " has no method " +
                          program_.methodNames[method]);
    }
    auto locals = std::make_unique<Value[]>(m->code.slotCount);
    for (size_t i = 0; i < n; ++i)
        locals[i] = std::move(args[i]);
    return startCall(Value(callee), m, std::move(locals), std::move(deadline), wantFuture);
}

const Value& destinyOf(const Process* p) {
    if (p->destinySeq != 0) {
        p->destiny = Value::future(new Future(p->destinySeq));
        p->destinySeq = 0;
    }
    return p->destiny;
}

void Runtime::resolve(const Value& future, Value v, bool exception) {
    Future* f = future.entityAs<Future>();
    if (f->resolved())
        return;
    f->state = exception ? Future::State::Exception : Future::State::Value;
    f->value = std::move(v);
    f->waiters.takeAll([this, f](Process* p) { wake(p, f); });
}

// Init done (§1.3 step 3d): the object is usable and its `run` starts.
void Runtime::objectInitialised(Object* o) {
    o->initialised = true;
    if (o->cls->run)
        // Like any method activation it has its own future (runtime.md §1).
        newProcess(o->cog, &o->cls->run->code, Frame::Kind::Method, Value::object(o), nullptr,
                   newFuture(), "run");
}

// Classes without an init block only evaluate field initialisers, which are
// pure: they run at once, in the creator's step, with the same result.
void Runtime::initialiseDirectly(Object* o, Process* creator) {
    const Code& init = o->cls->init;
    auto locals = std::make_unique<Value[]>(init.slotCount);
    EvalContext ctx{this, locals.get(), o, creator, nullptr};
    for (const Instr& in : init.instrs) {
        if (in.op != Opcode::Assign)
            continue;
        Value v = eval(in.e, ctx);
        o->fields[in.dest.slot] = std::move(v);
    }
    objectInitialised(o);
}

Value Runtime::runtimeErrorValue(const std::string& message) {
    for (const ConstructorInfo& c : errorConstructors_)
        if (c.name == message)
            return Value::constant(&c);
    ConstructorInfo& c = errorConstructors_.emplace_back();
    c.name = message;
    c.qualifiedName = message;
    c.datatype = "ABS.StdLib.Exception";
    c.id = UINT32_MAX;
    return Value::constant(&c);
}

void Runtime::killProcess(Process* p) {
    if (p->state != ProcessState::Done)
        --stats_.liveProcesses;
    p->state = ProcessState::Done;
    p->timeToken = 0;
    if (p->destiny.isFuture())
        resolve(p->destiny,
                Value::constant(builtinConstructor(BuiltinConstructor::ObjectDeadException)), true);
}

// §8.3: the object's queued processes end, their futures hold
// ObjectDeadException; processes waiting elsewhere end when they would wake.
void Runtime::kill(Object* o) {
    if (!o->alive)
        return;
    o->alive = false;
    Cog* c = o->cog;
    for (Process* p = c->head; p;) {
        Process* next = p->next;
        if (!p->frames.empty() && p->frames.front().self == o &&
            p->frames.front().kind == Frame::Kind::Method) {
            c->unlink(p);
            killProcess(p);
            drop(p);
        }
        p = next;
    }
}

void Runtime::objectUncaught(Object* o, const Value& exc, Process* p, const std::string& method) {
    if (!o)
        return;
    // A frame below the one whose report killed `o`, of the same method (a
    // recursion): reported as before up to a point, then only counted.
    bool repeat = !o->alive && o == repeatedKill_.object && method == repeatedKill_.method;
    if (repeat && repeatedKill_.reported == RepeatedKill::kReported) {
        ++repeatedKill_.more;
        return;
    }
    if (repeat)
        ++repeatedKill_.reported;
    else
        flushRepeatedKills();
    const ClassInfo* cls = o->cls;
    if (cls->hasRecover && runRecover(o, exc))
        return;
    std::string m = method;
    auto dot = m.rfind('.');
    if (dot != std::string::npos)
        m = m.substr(dot + 1);
    reportError("Uncaught " + toString(exc) + " in method " + m +
                    (cls->hasRecover
                         ? " not handled successfully by recovery block, killing object "
                         : " and no recovery block in class definition, killing object ") +
                    o->describe(),
                p);
    kill(o);
    repeatedKill_.object = o;
    repeatedKill_.method = method;
}

// Runs the recover block on a scratch process of the object's COG; it may
// not suspend. True when a branch handled the exception.
bool Runtime::runRecover(Object* o, const Value& exc) {
    auto* tmp = new Process;
    ProcessRef hold(tmp);
    tmp->cog = o->cog;
    tmp->method = "recover";
    linkLiveProcess(tmp);
    tmp->frames = FrameStack(&o->cls->recover, Frame::Kind::Recover, o, Value::object(o),
                             std::make_unique<Value[]>(o->cls->recover.slotCount));
    tmp->frames.front().locals[0] = exc;
    try {
        runFrames(tmp);
    } catch (const AbsException& e) {
        out_.flush();
        err_.write("Recovery block for " + o->cls->name + " failed with exception " +
                   toString(e.exception()) + "\n");
        err_.flush();
        tmp->frames.clear();
        return false;
    } catch (const AbsRuntimeError& e) {
        out_.flush();
        err_.write("Recovery block for " + o->cls->name + " failed with exception " +
                   std::string(e.what()) + "\n");
        err_.flush();
        tmp->frames.clear();
        return false;
    }
    bool handled = tmp->state == ProcessState::Done && tmp->awaited.isTrue();
    tmp->frames.clear();
    return handled;
}

} // namespace absim::interp
