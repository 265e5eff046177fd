#pragma once
// The connection's page cache, given back to the heap once the kiosk has loaded (app/post_load):
// it reads again only on a reload or a command, and SQLite refills the cache then.
#include "store/database.hpp"

namespace vb::store {

void release_page_cache(Database& db);

}  // namespace vb::store
