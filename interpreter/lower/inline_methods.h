#pragma once
// Inlining of synchronous calls on `this` after lowering. ABS has no class
// inheritance, so the callee of `this.m(..)` in a method of class C is C's
// own `m`: when it is small, not (mutually) recursive and has no try block,
// its instructions are copied into the caller in place of the SyncCall.
// Its parameters and locals take fresh slots of the caller's frame; the
// arguments are evaluated into the parameters in the call's order, after
// an InlineEnter that checks what the call checked (the object alive, the
// stack not too deep) and counts the call; its `return e` becomes the store
// into the call's destination (InlineExit).
//
// What a frame of its own would have shown is kept in the code's inline
// sites (program/code.h): the unwinder gives an exception raised inside an
// inlined callee to the callee's object first (objectUncaught, runtime.md
// §8.2), innermost call first, then to the caller's handlers; stack lines
// and deadlock reports name the callee. A callee is copied only when that
// is all its frame could show: it makes no synchronous call and no
// `new local` of its own that stays a frame (the depth of a stack of
// frames would differ), and holds no anonymous function (its captures
// name the frame's slots).

#include <cstddef>

namespace absim::interp {

struct RuntimeProgram;

// Rewrites the methods of `program` in place; returns how many calls were
// inlined.
size_t inlineMethods(RuntimeProgram& program);

// False when the environment variable ABSIM_INLINE_METHODS is "0": the
// tests compare runs with and without the pass.
bool methodInliningEnabled();

} // namespace absim::interp
