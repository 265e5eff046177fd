#pragma once
// The senior-review tables of a snapshot (migration 003): review risk domains, weekly clinics,
// leave, bookings, risk changes, concerns, thresholds, escalation acknowledgements.
#include "core/snapshot.hpp"
#include "store/database.hpp"

namespace vb::store {

// Fills those vectors (ordered by id; thresholds by episode) and each Review's risk_domains
// (in stored order). Call after the reviews are loaded, inside the loader's read transaction.
void load_senior_review(Database& db, vb::Snapshot& s);
// Inserts them with the ids they carry; part of write_snapshot's transaction.
void write_senior_review(Database& db, const vb::Snapshot& s);

}  // namespace vb::store
