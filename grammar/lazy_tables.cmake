# Makes a generated recogniser build its tables (the deserialised ATN and
# its DFA cache) when the first one is constructed, not when the program
# starts: a run whose model comes from the parse cache never parses, and
# the tables cost ~5.5 M instructions and ~1 MB of heap before main.
#
#   cmake -DSOURCE=ABS.cpp -DCLASS=ABS -P lazy_tables.cmake
#
# The generated code defines a static `Initializer _init` that builds the
# tables; this removes that definition and constructs an Initializer as a
# function-local static at the top of the recogniser's constructor (built
# once, thread-safe). When the code does not have the expected shape (another
# ANTLR version), it is left as it is: the tables are then built at start-up.
file(READ "${SOURCE}" text)
set(eager "\n${CLASS}::Initializer ${CLASS}::_init;")
string(FIND "${text}" "${eager}" eager_at)
set(ctor "\n${CLASS}::${CLASS}\\(([A-Za-z]+) \\*input\\) : ([A-Za-z]+)\\(input\\) {")
string(REGEX MATCHALL "${ctor}" ctors "${text}")
list(LENGTH ctors ctor_count)
if(eager_at EQUAL -1 OR NOT ctor_count EQUAL 1)
  message(STATUS "${SOURCE}: unexpected generated code; its tables are built at start-up")
  return()
endif()
string(REPLACE "${eager}" "\n// (absim: no static Initializer; see the constructor)" text "${text}")
string(REGEX REPLACE "${ctor}"
       "\n${CLASS}::${CLASS}(\\1 *input) : \\2(input) {\n  static Initializer tables; // absim: built on first use"
       text "${text}")
file(WRITE "${SOURCE}" "${text}")
