// See page_cache.hpp.
#include "store/page_cache.hpp"

#include <sqlite3.h>

#include <cstdlib>

namespace vb::store {

void release_page_cache(Database& db) { sqlite3_db_release_memory(db.handle()); }

void trim_thread_heap() {
  // 128 KiB: over glibc's 64 KiB (FASTBIN_CONSOLIDATION_THRESHOLD) and under the kiosk's 512 KiB mmap
  // threshold, so the block comes from this thread's arena. Volatile: the pair must not be optimised away.
  void* volatile block = std::malloc(128 * 1024);
  std::free(block);
}

}  // namespace vb::store
