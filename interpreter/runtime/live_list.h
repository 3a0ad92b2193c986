#pragma once
// Heads of the lists of every object and process not yet freed, per thread
// (one interpreter runs per thread). The end of a run walks them to break
// reference cycles, and deadlock reports walk the processes.

namespace absim::interp {

class Object;
class Future;
struct Process;

Object*& liveObjects();
Process*& liveProcesses();
Future*& liveFutures();

} // namespace absim::interp
