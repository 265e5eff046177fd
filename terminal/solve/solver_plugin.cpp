// The solver plugin (visitboard-solver.so): the one place linked against CBC/CLP. It hands the
// allocator a table of the libraries' C functions (solver_api.hpp); a C interface, so nothing of
// visitboard's own types crosses into it.
#include "solve/solver_api.hpp"

extern "C" __attribute__((visibility("default"))) const vb::solve::SolverApi* vb_solver_api_v1() {
#define VB_SOLVER_ADDRESS(f) &::f,
  static const vb::solve::SolverApi api{vb::solve::solver_api_version, sizeof(vb::solve::SolverApi),
                                        VB_SOLVER_FUNCTIONS(VB_SOLVER_ADDRESS)};
#undef VB_SOLVER_ADDRESS
  return &api;
}
