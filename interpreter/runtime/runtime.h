#pragma once
// The kernel of a simulation: COGs and their processes, the global FIFO of
// runnable COGs, futures, the clock and its time-waiters, and the execution
// of processes (runtime.md §1-§5, §8-§9). One Runtime is one run; it is
// single-threaded and deterministic for a given program, options and seed.

#include "interpreter/builtins/set_membership.h"
#include "interpreter/program/runtime_program.h"
#include "interpreter/run/run_model.h"
#include "interpreter/run/run_observer.h"
#include "interpreter/runtime/cog.h"
#include "interpreter/runtime/dc_state.h"
#include "interpreter/runtime/future.h"
#include "interpreter/runtime/object.h"
#include "interpreter/runtime/output.h"
#include "interpreter/runtime/time_waiters.h"

#include <deque>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace absim::interp {

struct EvalContext;

class Runtime {
  public:
    Runtime(const RuntimeProgram& program, const RunOptions& options, Output& out, Output& err);
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    // Runs the main block to the end of the simulation; returns the exit
    // status (0, or 70 after a failure of the main block or a deadlock).
    int run();

    // --- services for the evaluator and the builtins ---------------------
    const RuntimeProgram& program() const { return program_; }
    Output& out() { return out_; }
    const Value& now() const { return clock_; }
    std::mt19937_64& rng() { return rng_; }
    Value initialDC() const { return initialDC_; }
    // --- deployment components (resources.cpp, runtime.md §6) ---
    RunObserver* observer() const { return options_.observer; }
    // The resource state of a deployment component object (made on first use).
    DcState& dcState(const Object* dc);
    // dcInit: the configuration of a new component; announces it.
    void initDc(const Object* dc, const std::string& name, const Value& config);
    // Closes the intervals `s` still has open before the current one.
    void syncDc(DcState& s) {
        if (s.interval < clockInterval_)
            closeIntervals(s, clockInterval_);
    }
    // The component `name` about to be created is a cloud provider's.
    void expectCloudDc(std::string name) { expectedCloudDcs_.push_back(std::move(name)); }
    void dcShutdown(DcState& s, bool billingEnds);
    void dcBillingEnded(DcState& s) { s.billingEnded = true; }
    const RunStats& stats() const { return stats_; }
    // contains/2's index of the set asked about last (set_membership.h).
    SetMembership& setMembership() { return setMembership_; }

  private:
    // --- entities (runtime.cpp) ---
    Cog* newCog(Value dc);
    Value newFuture();
    Value newObject(const ClassInfo* cls, Cog* cog, Value* args);
    // A process whose first frame runs `code` with `locals` (its slots,
    // the arguments already in the first ones; null: none yet).
    Process* newProcess(Cog* cog, const Code* code, Frame::Kind kind, Value&& self,
                        std::unique_ptr<Value[]>&& locals, Value&& destiny, const char* method);
    // `wantFuture` false: the caller drops the future (`o!m();`), so it is
    // only made if the callee asks for its destiny; null is returned.
    Value asyncCall(Process* caller, const Value& callee, uint32_t method, Value* args, size_t n,
                    Value deadline, bool wantFuture = true);
    // The same once the callee is known to be a live object with method
    // `m` and the arguments are in `locals` already (the call statement
    // evaluates them straight into the new process's slots).
    Value startCall(Value&& callee, const MethodInfo* m, std::unique_ptr<Value[]>&& locals,
                    Value&& deadline, bool wantFuture);
    Process* spawnCall(Object* o, const MethodInfo* m, std::unique_ptr<Value[]>&& locals,
                       bool wantFuture);
    void admit(Process* p, Cog* cog);
    void resolve(const Value& future, Value v, bool exception);
    void objectInitialised(Object* o);
    void initialiseDirectly(Object* o, Process* creator);
    // An uncaught exception leaves a method of `o` (§8.2): recover or die.
    // `method`: the name of the code the exception left (`Class.m`).
    void objectUncaught(Object* o, const Value& exc, Process* p, const std::string& method);
    void unwindInlined(Process* p, Frame& f, const Value& exc);
    bool runRecover(Object* o, const Value& exc);
    void kill(Object* o);
    void killProcess(Process* p);
    Value runtimeErrorValue(const std::string& message);

    // --- scheduling (scheduler.cpp) ---
    void kick(Cog* cog);
    Process* pick(Cog* cog);
    Process* pickByUserScheduler(Cog* cog); // user_scheduler.cpp
    bool enabled(Process* p);
    bool guardHolds(Process* p, const GuardCode* g);
    bool guardHasBool(const GuardCode* g) const;
    void registerOnFutures(Process* p, const GuardCode* g);
    void wake(Process* p, Future* from);
    void afterStep(Cog* c, Process* p);
    void drop(Process* p);
    bool advanceTime();
    bool advanceAlone(Process* p, const Value& t, double key);
    // advanceAlone's first test: no COG runnable, none else on p's COG,
    // and no live wait known to end first.
    bool mayGoOnAlone(const Process* p, double key) const {
        return !runHead_ && !p->cog->head && timeWaiters_.frontAfter(key);
    }
    void wakeByTime(Process* p);

    // --- resources (resources.cpp) ---
    void startInitialDc();
    DcState& dcOf(Cog* c);
    // [Cost:]/[DataSize:] of `amount` on `p`'s component; false: `p` blocked.
    bool consume(Process* p, int resource, const Value& amount);
    void closeIntervals(DcState& s, int64_t upTo);
    void serveQueues(DcState& s);
    void reportOpenInterval(DcState& s);
    // Step 6 of §5.2 after the clock moved: intervals, queues, billing.
    void passBoundaries();
    // Whether some queued request can ever be served (else no candidate).
    bool resourcesCanProgress() const;
    void billUntil(const Value& t);
    void finishDcs();

    // --- execution (execute.cpp) ---
    void execute(Process* p);
    void resume(Process* p);
    void raiseIn(Process* p, Value exc);
    bool runFrames(Process* p);
    void runOn(Process* p);
    bool unwind(Process* p, const Value& exc);
    bool finishFrame(Process* p, Value v);
    bool startAwait(Process* p, const Instr& in, EvalContext& ctx);
    bool waitForTime(Process* p, const Expr* min, const Expr* max, EvalContext& ctx,
                     bool alone = true);

    // --- reports (report.cpp) ---
    void reportError(const std::string& headline, Process* p);
    // Says how many frames below the last report repeated it (see
    // repeatedKill_), and forgets it: at the end of each unwind.
    void flushRepeatedKills();
    std::string stackTrace(Process* p) const;
    void deadlock();
    void breakCycles();

    const RuntimeProgram& program_;
    RunOptions options_;
    Output& out_;
    Output& err_;
    // An exception leaving a deep recursion of one object's method kills
    // the object in the top frame, and every frame below of the same method
    // repeats that report with the whole stack: quadratic in the depth.
    // After kReported repeats, the rest are counted and said in one line.
    struct RepeatedKill {
        static constexpr size_t kReported = 10;
        const Object* object = nullptr;
        std::string method;
        size_t reported = 0; // repeats reported in full
        size_t more = 0;     // repeats counted after those
    } repeatedKill_;
    std::mt19937_64 rng_;
    uint64_t seq_ = 0;
    uint64_t processIds_ = 0;
    // COGs that may have something to run, in FIFO order (runtime.md §2.3),
    // linked through Cog::nextRunnable: queueing one allocates nothing.
    Cog* runHead_ = nullptr;
    Cog* runTail_ = nullptr;
    std::vector<std::unique_ptr<Cog>> cogs_;
    Value clock_;
    TimeWaiters timeWaiters_;
    Value initialDC_;
    Value infDuration_;
    bool mainDone_ = false;
    bool stopped_ = false;
    int status_ = 0;
    std::deque<ConstructorInfo> errorConstructors_;
    // Deployment components in creation order (index = id), by object.
    std::vector<std::unique_ptr<DcState>> dcs_;
    std::unordered_map<const Object*, DcState*> dcByObject_;
    std::vector<DcState*> starved_; // components with queued requests
    size_t resourceWaiters_ = 0;    // queued requests, all components
    int64_t clockInterval_ = 0;     // floor(clock_)
    std::vector<std::string> expectedCloudDcs_;
    struct BillingDue {
        Value at;
        uint32_t dc;
    };
    std::vector<BillingDue> billing_; // min-heap on (at, dc); observer only
    RunStats stats_;
    ProcessRef stoppedMain_; // RunOptions::stopWhenMainEnds: the ended main block
    SetMembership setMembership_;
};

} // namespace absim::interp
