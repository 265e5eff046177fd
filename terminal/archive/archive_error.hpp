#pragma once
// The archive layer's one exception type: a refused archive, key, CSV file or export, in words
// that name the file (and line, column or table) so a person can act on it.
#include <stdexcept>

namespace vb::archive {

class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace vb::archive
