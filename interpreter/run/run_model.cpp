#include "interpreter/run/run_model.h"

#include "interpreter/eval/evaluator.h"
#include "interpreter/format.h"
#include "interpreter/lower/lowerer.h"
#include "interpreter/run/run_lowered.h"
#include "interpreter/runtime/runtime.h"

#include <pthread.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>
#include <iostream>

namespace absim::interp {

std::atomic<bool> runInterrupted{false};

namespace {

// The interpreter runs on its own thread with a large stack: pure
// expressions recurse on the C++ stack (deep ABS recursion over long
// lists). Only touched pages cost memory; a margin at the bottom leaves
// room to raise "recursion too deep" cleanly instead of overflowing.
constexpr size_t kStackBytes = size_t(1) << 30;
constexpr size_t kStackMargin = size_t(64) << 20;

struct Job {
    const RuntimeProgram* program;
    const RunOptions* options;
    Output* out;
    Output* err;
    // Called on the interpreter thread after the run, while the runtime
    // still exists (the REPL's session inspects its state); may be null.
    const RuntimeInspector* inspect = nullptr;
    int status = 0;
};

// A failure the type checker should have excluded (an operation given
// values of the wrong kind) is a bug of absim, not of the model: it ends
// the run with the run-time error status and says so, instead of aborting.
int reportInternalError(const Runtime& rt, const std::exception& e, Output& err) {
    err.write("absim: internal error at time " + toString(rt.now()) + ": " + e.what() +
              "\nThe model passed the checks, so this is a bug of absim; please report it "
              "with the model.\n");
    return 70;
}

// Runs `work` on a thread with a big stack (`work(true)`), or here when no
// such thread can be made (`work(false)`). Pure expressions and lowering
// recurse on the C++ stack: deep ABS recursion over long lists, and a list
// literal of 30,000 elements is an expression tree that deep, more than the
// main thread's 8 MiB stack holds. An exception `work` throws is thrown
// here.
void onBigStack(const std::function<void(bool)>& work) {
    struct Call {
        const std::function<void(bool)>* work;
        bool big;
        std::exception_ptr error;
    };
    Call call{&work, true, nullptr};
    auto body = [](void* arg) -> void* {
        auto* c = static_cast<Call*>(arg);
        try {
            (*c->work)(c->big);
        } catch (...) {
            c->error = std::current_exception();
        }
        return nullptr;
    };
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_t thread;
    bool threaded = pthread_attr_setstacksize(&attr, kStackBytes) == 0 &&
                    pthread_create(&thread, &attr, body, &call) == 0;
    pthread_attr_destroy(&attr);
    if (threaded) {
        pthread_join(thread, nullptr);
    } else {
        call.big = false;
        body(&call);
    }
    if (call.error)
        std::rethrow_exception(call.error);
}

// The run, with the stack check relative to the stack it has: the big one,
// or a conservative 8 MiB default stack.
void runJob(Job& job, bool bigStack) {
    const char* here = static_cast<const char*>(__builtin_frame_address(0));
    setStackLimit(here - (bigStack ? kStackBytes - kStackMargin : size_t(6) << 20));
    {
        Runtime rt(*job.program, *job.options, *job.out, *job.err);
        try {
            job.status = rt.run();
        } catch (const std::exception& e) {
            job.status = reportInternalError(rt, e, *job.err);
        }
        if (job.inspect)
            (*job.inspect)(rt);
    }
    setStackLimit(nullptr);
}

} // namespace

int runLowered(const RuntimeProgram& program, const RunOptions& options, Output& out, Output& err,
               const RuntimeInspector& inspect) {
    Job job{&program, &options, &out, &err, &inspect};
    onBigStack([&](bool bigStack) { runJob(job, bigStack); });
    return job.status;
}

int runModel(const ParsedModel& model, const sema::Program& program, const RunOptions& options,
             DiagnosticEngine& diags, bool colour, std::string* out, std::string* err) {
    (void)model;
    std::unique_ptr<RuntimeProgram> lowered;
    onBigStack([&](bool) { lowered = lowerProgram(program, options.module, diags); });
    if (!lowered) {
        diags.flush(std::cerr, colour);
        return 65;
    }
    std::cout.flush();
    Output outStream = out ? Output(out) : Output(stdout);
    Output errStream = err ? Output(err) : Output(stderr);
    if (options.verbose) {
        std::string limit = options.clockLimit ? std::to_string(*options.clockLimit) : "none";
        errStream.write("Start " + lowered->mainModule + " (clock limit: " + limit + ")\n");
    }
    Job job{lowered.get(), &options, &outStream, &errStream, nullptr};
    auto started = std::chrono::steady_clock::now();
    onBigStack([&](bool bigStack) { runJob(job, bigStack); });
    int status = job.status;
    if (options.verbose) {
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
        errStream.write("Simulation time: " + std::to_string(ms) + " ms with status " +
                        (status == 0 ? "success" : "failure") + "\n");
    }
    outStream.flush();
    errStream.flush();
    return status;
}

} // namespace absim::interp
