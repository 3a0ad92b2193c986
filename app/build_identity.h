#pragma once
// What identifies this very binary: the GNU build id the linker stamps into
// it (a hash of its contents), as hex. Anything written for this build only
// (the parse cache, frontend/model/parse_cache.h) is keyed by it, so that a
// rebuilt absim never reads what another build wrote. Empty when the binary
// has none (then nothing is cached).

#include "frontend/model/parse_cache.h"

#include <string>

namespace absim::cli {

const std::string& buildIdentity();

// The parse cache of this build, where the environment puts it
// (parseCacheDirectoryFromEnvironment); disabled without a build id.
ParseCache parseCacheOfThisBuild();

} // namespace absim::cli
