#pragma once
// The standard library parsed at build time (by pack_stdlib.cpp) and stored
// in the form of frontend/ast/ast_pack.h: loading it costs far less than
// parsing the embedded sources with ANTLR on every start.

#include <string_view>

namespace absim::stdlib {

// The packed units of embeddedStdlib(), in the same order; file ids
// relative to the first stdlib file.
std::string_view packedStdlib();

} // namespace absim::stdlib
