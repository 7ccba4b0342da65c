# Configures, builds and runs an out-of-tree example application for an
# emulated board, the way a user would, and fails unless it exits 0 with the
# expected output.
#   -DSRC=<example dir> -DWORK=<scratch dir> -DPORTOLAN_DIR=<tree>
#   -DBOARD=<board> -DEXE=<name> -DEXPECT=<regex>[@@<regex>...]
#   -P run_qemu_example.cmake -- <run wrapper...>
set(wrapper "")
set(after_dashes OFF)
foreach(i RANGE 1 ${CMAKE_ARGC})
  if(i LESS CMAKE_ARGC)
    if(after_dashes)
      list(APPEND wrapper "${CMAKE_ARGV${i}}")
    elseif("${CMAKE_ARGV${i}}" STREQUAL "--")
      set(after_dashes ON)
    endif()
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SRC} -B ${WORK} -G Ninja
                        -DPORTOLAN_DIR=${PORTOLAN_DIR} -DPORTOLAN_BOARD=${BOARD}
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configure failed:\n${log}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "build failed:\n${log}")
endif()
execute_process(COMMAND ${wrapper} ${WORK}/${EXE} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the example exited with ${rc}")
endif()
string(REPLACE "@@" ";" patterns "${EXPECT}")
foreach(p IN LISTS patterns)
  if(NOT out MATCHES "${p}")
    message(FATAL_ERROR "output does not match: ${p}")
  endif()
endforeach()
