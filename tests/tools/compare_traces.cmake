# Runs IMAGE twice with a schedule trace and fails unless the traces and the
# console output are byte-identical.
file(MAKE_DIRECTORY ${WORK})
foreach(run 1 2)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PORTOLAN_SIM_TRACE=${WORK}/trace${run}.txt
                          ${IMAGE}
                  OUTPUT_FILE ${WORK}/out${run}.txt RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "run ${run} failed (${rc}); see ${WORK}/out${run}.txt")
  endif()
endforeach()
file(SIZE ${WORK}/trace1.txt size)
if(size LESS 100)
  message(FATAL_ERROR "trace is implausibly short (${size} bytes)")
endif()
foreach(kind trace out)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/${kind}1.txt
                          ${WORK}/${kind}2.txt RESULT_VARIABLE diff)
  if(NOT diff EQUAL 0)
    message(FATAL_ERROR "${kind} differs between runs: ${WORK}/${kind}1.txt vs ${kind}2.txt")
  endif()
endforeach()
message(STATUS "identical: ${size} bytes of trace")
