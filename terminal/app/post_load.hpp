#pragma once
// The kiosk's memory after a load (issue 7, frugal: at most 15 MiB of PSS above a bare board).
// A kiosk holds its snapshot all day, so after each load it gives back what loading left behind:
// the spare capacity of the snapshot's vectors (core/snapshot_compact.hpp: ~28 MiB of a trust's
// ~90), SQLite's page cache of the loading connection, and the heap pages malloc freed.
// Data commands run briefly and skip all this.
#include "app/session.hpp"

#include <cstddef>

namespace vb::app {

// Compacts the session's snapshot, lets SQLite drop its cached pages, then trims the heap.
// Rows move: every board is marked stale (TerminalModel::changed), to be derived again before
// the next frame. Returns the bytes of spare capacity given back.
std::size_t settle_after_load(Session& s);

// After the whole working set was swapped in (app/working_set_loader.hpp): the loader's thread
// compacted it already, so the rows are not moved again on the loop's thread: only the session's
// page cache is given back here (the caller then calls release_freed_memory).
void settle_after_swap(Session& s);

// Gives malloc's free pages back to the system, in every arena (a finished background thread's
// arena keeps what the thread freed: a backup or the integrity check held tens of MiB there).
void release_freed_memory();

// The kiosk's malloc settings, set once at its start: fixed mmap and trim thresholds instead of
// glibc's dynamic ones. After a large block was freed glibc raises both (up to 32 and 64 MiB), and
// a background thread's arena then keeps what the thread freed at its top, which malloc_trim does
// not return for any arena but the main one (a backup left ~10 MiB there for the whole day).
void set_kiosk_malloc_policy();

}  // namespace vb::app
