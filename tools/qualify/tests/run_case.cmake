# Runs qualify on a board, then checks its exit status, the JUnit report
# (against junit.xsd, and its counts against its elements) and the facts
# given in CHECKS (see check_report.c).
#   -DQUALIFY= -DCHECKER= -DXSD= -DREPORT= -DEXPECT= -DARGS=a|b -DCHECKS=c|d
string(REPLACE "|" ";" ARGS "${ARGS}")
string(REPLACE "|" ";" CHECKS "${CHECKS}")
file(REMOVE_RECURSE ${REPORT})
execute_process(COMMAND ${QUALIFY} ${ARGS} --report-dir ${REPORT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(WRITE ${REPORT}/stdout.txt "${out}")
message("${out}${err}")
if(NOT rc EQUAL EXPECT)
  message(FATAL_ERROR "qualify exited with ${rc}, expected ${EXPECT}")
endif()
if(NOT EXISTS ${REPORT}/report.xml)
  if(NOT CHECKS STREQUAL "")
    message(FATAL_ERROR "no report.xml")
  endif()
  return()
endif()
execute_process(COMMAND xmllint --noout --schema ${XSD} ${REPORT}/report.xml
                RESULT_VARIABLE xrc ERROR_VARIABLE xerr)
if(NOT xrc EQUAL 0)
  message(FATAL_ERROR "report.xml does not match the JUnit schema:\n${xerr}")
endif()
foreach(pair "tests;testcase" "failures;failure" "errors;error" "skipped;skipped")
  list(GET pair 0 attr)
  list(GET pair 1 element)
  execute_process(COMMAND xmllint --xpath "string(/testsuites/@${attr})" ${REPORT}/report.xml
                  OUTPUT_VARIABLE declared)
  execute_process(COMMAND xmllint --xpath "count(//testcase/${element}|//testsuite/${element})"
                          ${REPORT}/report.xml OUTPUT_VARIABLE counted)
  if(attr STREQUAL "tests")
    execute_process(COMMAND xmllint --xpath "count(//testcase)" ${REPORT}/report.xml
                    OUTPUT_VARIABLE counted)
  endif()
  if(NOT declared EQUAL counted)
    message(FATAL_ERROR "report.xml declares ${attr}=${declared} but has ${counted} ${element}")
  endif()
endforeach()
execute_process(COMMAND ${CHECKER} ${REPORT} ${CHECKS} RESULT_VARIABLE crc)
if(NOT crc EQUAL 0)
  message(FATAL_ERROR "report checks failed")
endif()
