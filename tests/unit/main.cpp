// The doctest entry point of absim_unit_tests; test cases live beside it,
// one file per component.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
