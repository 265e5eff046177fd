#pragma once
// The kiosk's post-load step: gives back the spare capacity the loader's vectors grew into.
// A loaded snapshot's vectors grow by doubling as rows arrive, so up to half of each is spare;
// the kiosk holds its snapshot all day, so it trims them once after each load. Rows keep their
// order and indexes (reindex() stores positions, not addresses), so lookups are unchanged.
// It also holds each long text that several rows repeat once (PackedText copies share a block).
#include "core/snapshot.hpp"

#include <cstddef>

namespace vb {

// Shrinks every vector of `s` (tables and the vectors inside rows) to its size and pools the rows'
// repeated long texts. Returns the bytes of spare capacity it gave back (element storage only; a
// figure for the benches).
std::size_t compact_snapshot(Snapshot& s);

// A copy of `s`, value for value, whose every heap block (vectors, strings, long texts) is allocated
// by the calling thread, vectors at their size, each distinct long text once. The kiosk's loader
// calls it on a short thread of its own after loading and compacting (app/working_set_loader.cpp):
// the rows it keeps all day then sit together in that thread's malloc arena, not scattered between
// the loader's freed temporaries (SQLite's page cache, row strings, duplicates pooling dropped),
// whose sub-page holes kept ~3 MB of a trust's free heap resident; the loader's arena is then all
// free and given back (issue 7: memory the system gets back, not only the heap in use).
Snapshot compact_copy(const Snapshot& s);

}  // namespace vb
