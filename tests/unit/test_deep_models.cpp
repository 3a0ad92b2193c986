// Models whose trees are very deep still lower and run: lowering walks
// expression trees recursively, and a long list literal is a tree as deep
// as it is long (found by fuzzing: 30,000 elements overflowed the main
// thread's stack in the inliner). Lowering runs on the run's big stack.

#include "tests/unit/run_fixture.h"

#include <doctest/doctest.h>

#include <string>

using absim::testing::runAbs;

TEST_SUITE_BEGIN("DeepModels");

TEST_CASE("a_list_literal_of_30000_elements_lowers_and_runs") {
    std::string elements;
    for (int i = 0; i < 30000; ++i)
        elements += (i ? "," : "") + std::to_string(i % 7);
    auto r = runAbs("module M;\n{\n    List<Int> l = list[" + elements +
                    "];\n    println(toString(length(l)) + \" \" + toString(nth(l, 29999)));\n}\n");
    CHECK(r.err == "");
    CHECK(r.status == 0);
    CHECK(r.out == "30000 4\n"); // 29999 % 7
}

TEST_SUITE_END();
