#pragma once
// When and by whom each visit's current allocation was made (migration 007, issue 6): the
// visit.allocated_at / allocated_by columns, read into and written from Visit.
#include "core/snapshot.hpp"
#include "store/database.hpp"
#include "store/typed_rows.hpp"

namespace vb::store {

// A visit row's allocated_at and allocated_by (at `first`, first+1), read by the loader's visit
// pass (once a second read of the visit table).
void read_visit_allocation(const StoredRow& r, int first, vb::Visit& v);
// Part of write_snapshot's transaction, after visits are written.
void write_visit_allocation(Database& db, const vb::Snapshot& s);

}  // namespace vb::store
