# Runs a command and checks its exit code and output; optionally configures
# and builds a project first (an out-of-tree example, as a user would).
#   cmake -DEXPECT_CODE=<n> -DEXPECT=<regex>[@@<regex>...]
#         [-DBUILD_SRC=<dir> -DBUILD_DIR=<dir> -DBUILD_ARGS=<a>[@@<b>...]]
#         -P expect_run.cmake -- <command...>
# Fails unless the command exits with EXPECT_CODE and its output (stdout
# and stderr) matches every regular expression.
set(cmd "")
set(after_dashes OFF)
foreach(i RANGE 1 ${CMAKE_ARGC})
  if(i LESS CMAKE_ARGC)
    if(after_dashes)
      list(APPEND cmd "${CMAKE_ARGV${i}}")
    elseif("${CMAKE_ARGV${i}}" STREQUAL "--")
      set(after_dashes ON)
    endif()
  endif()
endforeach()
if(NOT cmd)
  message(FATAL_ERROR "expect_run: no command after --")
endif()

if(BUILD_SRC)
  string(REPLACE "@@" ";" build_args "${BUILD_ARGS}")
  file(REMOVE_RECURSE ${BUILD_DIR})
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${BUILD_SRC} -B ${BUILD_DIR} -G Ninja ${build_args}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "configure failed:\n${log}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "build failed:\n${log}")
  endif()
endif()

execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(NOT "${rc}" STREQUAL "${EXPECT_CODE}")
  message(FATAL_ERROR "expected exit code ${EXPECT_CODE}, got ${rc}")
endif()
string(REPLACE "@@" ";" patterns "${EXPECT}")
foreach(p IN LISTS patterns)
  if(NOT out MATCHES "${p}")
    message(FATAL_ERROR "output does not match: ${p}")
  endif()
endforeach()
