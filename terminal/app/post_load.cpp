// After a load, give back what loading left behind (see post_load.hpp).
#include "app/post_load.hpp"

#include "core/snapshot_compact.hpp"
#include "store/page_cache.hpp"

#include <malloc.h>

namespace vb::app {

std::size_t settle_after_load(Session& s) {
  const std::size_t spare = compact_snapshot(s.model.snapshot);
  s.model.changed();  // rows moved: boards pointing into the old vectors are stale
  // The loading connection's page cache: the kiosk reads again only on a reload or a command.
  store::release_page_cache(s.db);
  release_freed_memory();
  return spare;
}

void settle_after_swap(Session& s) { store::release_page_cache(s.db); }

void release_freed_memory() { malloc_trim(0); }

void set_kiosk_malloc_policy() {
  // Blocks from 512 KiB up (the snapshot's big vectors, draw buffers) get their own mappings and go
  // back to the system when freed; an arena whose free top passes 256 KiB is shrunk on the spot (at
  // a free of 64 KiB or more; a background thread makes one last, store/page_cache.hpp
  // trim_thread_heap). 256 KiB, not 2 MiB: a finished loader's arena kept a 0.74 MiB top resident.
  mallopt(M_MMAP_THRESHOLD, 512 * 1024);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024);
}

}  // namespace vb::app
