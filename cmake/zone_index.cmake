# Writes the page's zone index (web page: zones/index.txt), run with cmake -P:
#   -DZONES=<packaged zone files> -DSYSTEM=<system zoneinfo, for link names>
#   -DSAMPLE=<sample plan> -DOUT=<index file>
# Lines: "# version 2025b", "# preload <zones the sample plan and a new visitor need>",
# then one zone per line ("America/New_York") and one link per line with its target
# ("US/Eastern America/New_York"). The page makes a file for every line (docs/page.md).
cmake_minimum_required(VERSION 3.20)
file(GLOB_RECURSE zones LIST_DIRECTORIES false RELATIVE "${ZONES}" "${ZONES}/*")
list(FILTER zones EXCLUDE REGEX "(^|/)\\.|^version$|^links$")
list(SORT zones)
file(READ "${ZONES}/version" version)
string(STRIP "${version}" version)

# Links: the system's symbolic links (legacy names such as US/Eastern) whose target is a
# packaged zone. "localtime" points outside the database and "posixrules" is no zone name.
set(links "")
file(GLOB_RECURSE entries LIST_DIRECTORIES false RELATIVE "${SYSTEM}" "${SYSTEM}/*")
list(FILTER entries EXCLUDE REGEX "^(right|posix)/|^posixrules$|^localtime$")
list(SORT entries)
foreach(name IN LISTS entries)
  if(IS_SYMLINK "${SYSTEM}/${name}")
    file(REAL_PATH "${SYSTEM}/${name}" real)
    file(REAL_PATH "${SYSTEM}" root)
    file(RELATIVE_PATH target "${root}" "${real}")
    if(NOT target MATCHES "^\\.\\." AND EXISTS "${ZONES}/${target}" AND NOT name IN_LIST zones)
      string(APPEND links "${name} ${target}\n")
    endif()
  endif()
endforeach()

# The sample plan's zones and UTC are fetched with the page itself.
file(READ "${SAMPLE}" sample)
set(preload "Etc/UTC")
string(JSON team_zone ERROR_VARIABLE err GET "${sample}" team timezone)
if(NOT err)
  list(APPEND preload "${team_zone}")
endif()
string(JSON people ERROR_VARIABLE err LENGTH "${sample}" people)
if(NOT err AND people GREATER 0)
  math(EXPR last "${people} - 1")
  foreach(i RANGE ${last})
    string(JSON zone ERROR_VARIABLE err GET "${sample}" people ${i} timezone)
    if(NOT err)
      list(APPEND preload "${zone}")
    endif()
  endforeach()
endif()
list(REMOVE_DUPLICATES preload)
list(JOIN preload " " preload_line)
list(JOIN zones "\n" zone_lines)
file(WRITE "${OUT}.tmp" "# version ${version}\n# preload ${preload_line}\n${zone_lines}\n${links}")
file(RENAME "${OUT}.tmp" "${OUT}")
