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

}  // namespace vb
