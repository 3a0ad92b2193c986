#pragma once
// Runs an ABS model given as source text (written to a temporary file, as
// `absim run` would read it) and returns what it printed and its status.

#include "frontend/model/model.h"
#include "frontend/sema/program.h"
#include "interpreter/run/run_model.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace absim::testing {

struct RunResult {
    int status = -1;
    std::string out;
    std::string err;
};

inline RunResult runAbs(const std::string& source, interp::RunOptions options = {}) {
    char path[] = "/tmp/absim_unit_XXXXXX.abs";
    int fd = mkstemps(path, 4);
    RunResult r;
    if (fd < 0)
        return r;
    if (write(fd, source.data(), source.size()) != ssize_t(source.size())) {
        close(fd);
        return r;
    }
    close(fd);
    ParsedModel model;
    DiagnosticEngine diags(model.sources);
    if (loadModel({path}, model, diags) == LoadStatus::Ok) {
        auto program = sema::buildProgram(model, diags);
        if (!diags.hasErrors())
            r.status = interp::runModel(model, *program, options, diags, false, &r.out, &r.err);
    }
    if (diags.hasErrors()) {
        std::ostringstream s;
        diags.flush(s, false);
        r.err += s.str();
        r.status = 65;
    }
    std::remove(path);
    return r;
}

} // namespace absim::testing
