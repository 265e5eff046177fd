// See page_cache.hpp.
#include "store/page_cache.hpp"

#include <sqlite3.h>

namespace vb::store {

void release_page_cache(Database& db) { sqlite3_db_release_memory(db.handle()); }

}  // namespace vb::store
