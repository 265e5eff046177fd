#pragma once
// The connection's page cache, given back to the heap once the kiosk has loaded (app/post_load):
// it reads again only on a reload or a command, and SQLite refills the cache then.
#include "store/database.hpp"

namespace vb::store {

void release_page_cache(Database& db);

// Called last by a background thread (the whole-set loader, the integrity check, a backup): gives back
// the free top of this thread's malloc arena (issue 7). glibc's malloc_trim gives back the free pages
// between a thread arena's chunks but never its top, where a finished thread's freed heap ends up:
// the loader and the integrity check each left 5.5-6.5 MB there, 0.7-0.9 MiB of it resident all day.
// glibc trims a thread arena's top when a free of at least 64 KiB happens in it and the top is over
// M_TRIM_THRESHOLD (256 KiB in the kiosk, app/post_load.hpp): this makes one such free.
void trim_thread_heap();

}  // namespace vb::store
