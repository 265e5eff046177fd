# Turns data/schema/NNN_name.sql into a C++ source holding {number, name, sql} in order.
# Run as: cmake -DSCHEMA_DIR=... -DOUTPUT=... -P embed_migrations.cmake
# Numbers must run 1, 2, 3 ... without gaps or repeats: a clash between branches fails the build.
if(NOT SCHEMA_DIR OR NOT OUTPUT)
  message(FATAL_ERROR "embed_migrations.cmake needs -DSCHEMA_DIR=... and -DOUTPUT=...")
endif()

file(GLOB files RELATIVE ${SCHEMA_DIR} ${SCHEMA_DIR}/*.sql)
list(SORT files)
if(NOT files)
  message(FATAL_ERROR "no migrations found in ${SCHEMA_DIR}")
endif()

set(entries "")
set(expected 1)
foreach(file IN LISTS files)
  if(NOT file MATCHES "^([0-9]+)_([A-Za-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "${SCHEMA_DIR}/${file}: a migration is named NNN_name.sql (digits, underscore, letters)")
  endif()
  set(name ${CMAKE_MATCH_2})
  string(REGEX REPLACE "^0+" "" number "${CMAKE_MATCH_1}")
  math(EXPR previous_number "${expected} - 1")
  if(number EQUAL previous_number)
    message(FATAL_ERROR "${SCHEMA_DIR}: migration number ${number} is used by both ${previous_file} and "
                        "${file}; renumber the newer one")
  endif()
  if(NOT number EQUAL expected)
    message(FATAL_ERROR "${SCHEMA_DIR}/${file}: expected migration number ${expected} here "
                        "(numbers run 1, 2, 3 ... with no gap or repeat; renumber yours)")
  endif()
  file(READ ${SCHEMA_DIR}/${file} sql)
  if(sql MATCHES "\\)vbsql\"")
    message(FATAL_ERROR "${SCHEMA_DIR}/${file} contains the raw-string terminator )vbsql\"")
  endif()
  string(APPEND entries "    {${number}, \"${name}\", R\"vbsql(${sql})vbsql\"},\n")
  math(EXPR expected "${expected} + 1")
  set(previous_file ${file})
endforeach()

set(content "// Generated from data/schema/*.sql by terminal/store/embed_migrations.cmake. Do not edit.
#include \"store/migrations.hpp\"

namespace vb::store {
namespace {
constexpr Migration all_migrations[] = {
${entries}};
}  // namespace

std::span<const Migration> embedded_migrations() { return all_migrations; }

}  // namespace vb::store
")
# Rewrite only on change so dependants are not rebuilt needlessly.
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
  if(old STREQUAL content)
    file(TOUCH_NOCREATE ${OUTPUT})
    return()
  endif()
endif()
file(WRITE ${OUTPUT} "${content}")
