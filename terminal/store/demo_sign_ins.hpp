#pragma once
// DEMO ONLY: sign-in trouble for `visitboard demo`, so the Admin screen's Staff and access shows
// every PIN state: a sign-in locked last night after ten wrong PINs, and three wrong PINs this morning.
#include "core/model.hpp"
#include "store/database.hpp"

namespace vb::store {

// One transaction; failures, the lock and their audit rows as sign_in would have written them.
void write_demo_sign_in_trouble(Database& db, const StaffId& locked, const StaffId& wrong_tries, Instant now);

}  // namespace vb::store
