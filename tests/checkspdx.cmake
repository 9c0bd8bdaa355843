# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a C++ file of the project does not start with the licence line (run by ctest), so
# the package's GPL-3.0-or-later claim holds file by file.
file(GLOB_RECURSE sources
    "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
    "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h"
    "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.h")
set(unlicensed "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" first_line LIMIT_COUNT 1)
    if(NOT first_line STREQUAL "// SPDX-License-Identifier: GPL-3.0-or-later")
        list(APPEND unlicensed "${source}")
    endif()
endforeach()
if(unlicensed)
    list(JOIN unlicensed "\n  " listing)
    message(FATAL_ERROR "No '// SPDX-License-Identifier: GPL-3.0-or-later' first line in:\n  ${listing}")
endif()
list(LENGTH sources count)
message(STATUS "${count} files start with the SPDX licence line")
