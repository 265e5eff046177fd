#pragma once
// The kiosk's memory after a load (issue 7, frugal: at most 15 MiB of PSS above a bare board).
// A kiosk holds its snapshot all day, so after each load it gives back what loading left behind:
// the spare capacity of the snapshot's vectors (core/snapshot_compact.hpp: ~28 MiB of a trust's
// ~90), SQLite's page cache of the loading connection, and the heap pages malloc freed.
// Data commands run briefly and skip all this.
#include "app/session.hpp"

#include <cstddef>

namespace vb::app {

// Lets SQLite drop its cached pages, replaces the session's snapshot by its compact copy made on a
// short thread (core/snapshot_compact.hpp compact_copy), then trims the heap.
// Rows move: every board is marked stale (TerminalModel::changed), to be derived again before
// the next frame (the compliance index too: the next compliance board builds it).
void settle_after_load(Session& s);

// The kiosk's reload after the data changed: Session::reload and settle_after_load on a short thread
// of their own (the caller waits), so the loaded rows and SQLite's pages are allocated, and freed,
// in that thread's malloc arena and given back whole, not left as holes in the loop's heap, where
// they lay between ImGui's and the boards' blocks (issue 7: a reload kept ~1.8 MiB more resident).
void reload_and_settle(Session& s, Instant now);

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
