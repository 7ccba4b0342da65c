# Configures, builds and runs an out-of-tree example application twice, the
# way a user would, and fails unless it exits 0 both times with identical
# output and an identical schedule trace.
#   -DSRC=<example dir> -DWORK=<scratch dir> -DPORTOLAN_DIR=<tree> -DEXE=<name>
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SRC} -B ${WORK}/build -G Ninja
                        -DPORTOLAN_DIR=${PORTOLAN_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configure failed:\n${log}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/build
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "build failed:\n${log}")
endif()
foreach(run 1 2)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PORTOLAN_SIM_TRACE=${WORK}/trace${run}.txt
                          ${WORK}/build/${EXE}
                  OUTPUT_FILE ${WORK}/out${run}.txt RESULT_VARIABLE rc)
  file(READ ${WORK}/out${run}.txt out)
  message("${out}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "run ${run} exited with ${rc}")
  endif()
endforeach()
foreach(kind out trace)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/${kind}1.txt
                          ${WORK}/${kind}2.txt RESULT_VARIABLE diff)
  if(NOT diff EQUAL 0)
    message(FATAL_ERROR "${kind} differs between two runs")
  endif()
endforeach()
