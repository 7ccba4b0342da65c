# The kernel suite split into several images, for boards whose RAM cannot
# hold every test's static data at once (the 16 KB micro:bit). board.cmake
# sets
#   PORTOLAN_KERNEL_SUITE_PARTS   <name>=<regex> ...: a part takes the test
#                                 files whose path matches its regex
#   PORTOLAN_KERNEL_SUITE_COMMON  <regex>: support files every part links
#   PORTOLAN_KERNEL_SUITE_DEFINES_<name>  optional compile definitions of a
#                                 part (a larger heap for the heap tests)
# Every file must be common or in exactly one part: no test is dropped.
# Each part is an image kernel_tests_<name> and a ctest kernel.<board>.<name>.

function(portolan_add_kernel_suite_parts)
  set(sources ${ARGN})
  set(parts "")
  foreach(file IN LISTS sources)
    set(homes "")
    foreach(spec IN LISTS PORTOLAN_KERNEL_SUITE_PARTS)
      string(REGEX MATCH "^([^=]+)=(.*)$" _ "${spec}")
      set(name ${CMAKE_MATCH_1})
      set(regex "${CMAKE_MATCH_2}")
      if(file MATCHES "${regex}")
        list(APPEND homes ${name})
      endif()
    endforeach()
    list(LENGTH homes n)
    if(file MATCHES "${PORTOLAN_KERNEL_SUITE_COMMON}")
      if(n GREATER 0)
        message(FATAL_ERROR "${file} is common and in part(s) ${homes}")
      endif()
    elseif(NOT n EQUAL 1)
      message(FATAL_ERROR "${file} is in ${n} parts of PORTOLAN_KERNEL_SUITE_PARTS (${homes}), "
                          "not exactly one")
    else()
      list(APPEND _part_${homes} ${file})
    endif()
  endforeach()
  set(common ${sources})
  list(FILTER common INCLUDE REGEX "${PORTOLAN_KERNEL_SUITE_COMMON}")
  foreach(spec IN LISTS PORTOLAN_KERNEL_SUITE_PARTS)
    string(REGEX MATCH "^([^=]+)=" _ "${spec}")
    set(name ${CMAKE_MATCH_1})
    if(NOT _part_${name})
      continue() # matches no file in this tree (yet)
    endif()
    portolan_add_test_image(kernel_tests_${name} CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                            DEFINES ${PORTOLAN_KERNEL_SUITE_DEFINES_${name}}
                            SOURCES ${common} ${_part_${name}})
    add_test(NAME kernel.${PORTOLAN_BOARD}.${name}
             COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:kernel_tests_${name}>)
    set_tests_properties(kernel.${PORTOLAN_BOARD}.${name} PROPERTIES TIMEOUT 300)
  endforeach()
endfunction()
