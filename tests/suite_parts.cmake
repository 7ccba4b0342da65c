# Test images in parts, for boards whose RAM cannot hold every test's static
# data at once (the 16 KB micro:bit). A part is "<name>=<regex>": it takes
# the source files whose path matches the regex; a common regex names the
# support files every part links. Every file must be common or in exactly
# one part: no test is dropped.
#
# board.cmake sets, for the kernel suite (ctest):
#   PORTOLAN_KERNEL_SUITE_PARTS, PORTOLAN_KERNEL_SUITE_COMMON
#   PORTOLAN_KERNEL_SUITE_DEFINES_<name>   optional definitions of a part
#                                          (a larger heap for the heap tests)
# and for the qualification runner (qualification/runner/CMakeLists.txt):
#   PORTOLAN_RUNNER_PARTS, PORTOLAN_RUNNER_COMMON, PORTOLAN_RUNNER_DEFINES_<name>

# portolan_assign_parts(<out> <parts> <common> <sources...>): checks the
# assignment; <out> receives the names of the parts that have files, and
# _part_regex_<name> (parent scope) each part's regex.
function(portolan_assign_parts out parts common)
  set(used "")
  foreach(file IN LISTS ARGN)
    set(homes "")
    foreach(spec IN LISTS parts)
      string(REGEX MATCH "^([^=]+)=(.*)$" _ "${spec}")
      set(name ${CMAKE_MATCH_1})
      set(regex "${CMAKE_MATCH_2}")
      if(file MATCHES "${regex}")
        list(APPEND homes ${name})
      endif()
    endforeach()
    list(LENGTH homes n)
    if(file MATCHES "${common}")
      if(n GREATER 0)
        message(FATAL_ERROR "${file} is common and in part(s) ${homes}")
      endif()
    elseif(NOT n EQUAL 1)
      message(FATAL_ERROR "${file} is in ${n} parts (${homes}), not exactly one: ${parts}")
    else()
      list(APPEND used ${homes})
    endif()
  endforeach()
  set(names "")
  foreach(spec IN LISTS parts)
    string(REGEX MATCH "^([^=]+)=(.*)$" _ "${spec}")
    set(_part_regex_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}" PARENT_SCOPE)
    if(CMAKE_MATCH_1 IN_LIST used)
      list(APPEND names ${CMAKE_MATCH_1}) # parts that match no file (yet) are left out
    endif()
  endforeach()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

# The kernel suite's parts: an image kernel_tests_<name> and a ctest
# kernel.<board>.<name> each.
function(portolan_add_kernel_suite_parts)
  portolan_assign_parts(names "${PORTOLAN_KERNEL_SUITE_PARTS}" "${PORTOLAN_KERNEL_SUITE_COMMON}"
                        ${ARGN})
  foreach(name IN LISTS names)
    set(sources ${ARGN})
    list(FILTER sources INCLUDE REGEX "${_part_regex_${name}}|${PORTOLAN_KERNEL_SUITE_COMMON}")
    portolan_add_test_image(kernel_tests_${name} CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                            DEFINES ${PORTOLAN_KERNEL_SUITE_DEFINES_${name}} SOURCES ${sources})
    add_test(NAME kernel.${PORTOLAN_BOARD}.${name}
             COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:kernel_tests_${name}>)
    set_tests_properties(kernel.${PORTOLAN_BOARD}.${name} PROPERTIES TIMEOUT 300)
  endforeach()
endfunction()
