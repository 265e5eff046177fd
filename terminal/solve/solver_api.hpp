#pragma once
// The CBC/CLP functions the allocator calls, as a table filled by the solver plugin
// (visitboard-solver.so, solver_plugin.cpp). The rest of visitboard includes only the libraries'
// headers, so a kiosk maps CBC/CLP and their dependencies (~2.8 MiB) only once a proposal asks for them.
#include <Cbc_C_Interface.h>
#include <Clp_C_Interface.h>

#include <optional>
#include <string>

#define VB_SOLVER_FUNCTIONS(X)                                                                                   \
  X(Cbc_newModel) X(Cbc_deleteModel) X(Cbc_loadProblem) X(Cbc_setInteger) X(Cbc_setLogLevel) X(Cbc_setParameter) \
  X(Cbc_setMIPStartI) X(Cbc_setMaximumNodes) X(Cbc_setAllowableGap) X(Cbc_solve) X(Cbc_getColSolution)          \
  X(Cbc_isProvenInfeasible) X(Cbc_isProvenOptimal) X(Cbc_getBestPossibleObjValue)                                \
  X(Clp_newModel) X(Clp_deleteModel) X(Clp_setLogLevel) X(Clp_loadProblem) X(Clp_initialSolve)                   \
  X(Clp_isProvenOptimal) X(Clp_objectiveValue) X(Clp_dualRowSolution) X(Clp_addColumns) X(Clp_primal)          \
  X(Clp_getColSolution)

namespace vb::solve {

inline constexpr unsigned solver_api_version = 1;
inline constexpr const char* solver_plugin_file = "visitboard-solver.so";
inline constexpr const char* solver_plugin_entry = "vb_solver_api_v1";  // const SolverApi* ()

struct SolverApi {
  unsigned version;
  unsigned size;  // sizeof(SolverApi) where the plugin was built
#define VB_SOLVER_MEMBER(f) decltype(&::f) f;
  VB_SOLVER_FUNCTIONS(VB_SOLVER_MEMBER)
#undef VB_SOLVER_MEMBER
};

// The table, loading the plugin on first use. Throws plugin::PluginError (missing, broken, wrong
// entry point or another version's table).
const SolverApi& solver_api();
// The table, or nullptr when the plugin cannot be used (why: solver_unavailable()). Never throws.
const SolverApi* solver_api_or_null();
// Why the exact solver could not be loaded the last time it was asked for; nullopt once it is loaded
// (or before it was first asked for).
std::optional<std::string> solver_unavailable();

}  // namespace vb::solve
