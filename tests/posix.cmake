# Simulator-only checks.

# The same suite, run twice, must produce byte-identical schedules.
add_test(NAME kernel.deterministic-trace
         COMMAND ${CMAKE_COMMAND} -DIMAGE=$<TARGET_FILE:kernel_tests>
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/trace
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/compare_traces.cmake)
set_tests_properties(kernel.deterministic-trace PROPERTIES TIMEOUT 600)

# A higher configMAX_PRIORITIES exercises the two-level ready bitmap.
portolan_add_test_image(kernel_tests_prio300 CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        DEFINES configMAX_PRIORITIES=300 SOURCES ${KERNEL_TEST_SOURCES})
add_test(NAME kernel.posix.prio300 COMMAND kernel_tests_prio300)
set_tests_properties(kernel.posix.prio300 PROPERTIES TIMEOUT 300)

# The tick count wraps early in the suite: delays, timeouts and periodic
# wakes must all survive the overflow.
portolan_add_test_image(kernel_tests_tickwrap CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        DEFINES configINITIAL_TICK_COUNT=0xFFFFFF00U SOURCES ${KERNEL_TEST_SOURCES})
add_test(NAME kernel.posix.tickwrap COMMAND kernel_tests_tickwrap)
set_tests_properties(kernel.posix.tickwrap PROPERTIES TIMEOUT 300)

# The kernel-services configuration matrix: the services suite under each
# variant (tests/config/variants/<name>/FreeRTOSConfig.h); tests needing a
# feature a variant lacks are compiled out.
set(SERVICES_MAIN ${CMAKE_CURRENT_SOURCE_DIR}/kernel/main.c)
set(VARIANTS ${CMAKE_CURRENT_SOURCE_DIR}/config/variants)
function(portolan_services_variant name)
  cmake_parse_arguments(ARG "" "CONFIG_DIR;HEAP;MAIN" "DEFINES" ${ARGN})
  if(NOT ARG_CONFIG_DIR)
    set(ARG_CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config)
  endif()
  if(NOT ARG_MAIN)
    set(ARG_MAIN ${SERVICES_MAIN})
  endif()
  set(heap_arg)
  if(DEFINED ARG_HEAP)
    set(heap_arg HEAP ${ARG_HEAP})
  endif()
  portolan_add_test_image(services_${name} CONFIG_DIR ${ARG_CONFIG_DIR} ${heap_arg}
                          DEFINES ${ARG_DEFINES} SOURCES ${ARG_MAIN} ${SERVICES_TEST_SOURCES})
  add_test(NAME services.posix.${name} COMMAND services_${name})
  set_tests_properties(services.posix.${name} PROPERTIES TIMEOUT 120)
endfunction()

portolan_services_variant(static CONFIG_DIR ${VARIANTS}/static HEAP 0)
portolan_services_variant(minimal CONFIG_DIR ${VARIANTS}/minimal)
portolan_services_variant(heap1 CONFIG_DIR ${VARIANTS}/heap1 HEAP 1 DEFINES PTEST_CHECK_LEAKS=0)
portolan_services_variant(heap2 HEAP 2)
portolan_services_variant(heap3 HEAP 3)
portolan_services_variant(heap5 HEAP 5 MAIN ${VARIANTS}/heap5/main.c)
# Timers, timeouts and statistics across the wrap of the tick count.
portolan_services_variant(tickwrap DEFINES configINITIAL_TICK_COUNT=0xFFFFFF00U)
# Tickless sleeps may jump the tick count by almost its whole range.
portolan_services_variant(tickless CONFIG_DIR ${VARIANTS}/tickless
                          DEFINES PTEST_TIMEOUT_TICKS=0xffffffffU)

# The out-of-tree example application, built as a user would build it.
add_test(NAME example.hello
         COMMAND ${CMAKE_COMMAND} -DSRC=${PORTOLAN_ROOT}/examples/hello
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/example-hello -DPORTOLAN_DIR=${PORTOLAN_ROOT}
                 -DEXE=hello -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/run_example.cmake)
set_tests_properties(example.hello PROPERTIES TIMEOUT 300)

# The kernel-services example: timers, event groups, stream and message
# buffers and heap accounting, checked by the application itself.
add_test(NAME example.services
         COMMAND ${CMAKE_COMMAND} -DSRC=${PORTOLAN_ROOT}/examples/services
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/example-services -DPORTOLAN_DIR=${PORTOLAN_ROOT}
                 -DEXE=app -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/run_example.cmake)
set_tests_properties(example.services PROPERTIES TIMEOUT 300)

# The simulator must run cleanly under valgrind as well as ASan/UBSan.
find_program(VALGRIND valgrind)
if(VALGRIND AND NOT PORTOLAN_SANITIZE)
  add_test(NAME kernel.posix.valgrind
           COMMAND ${VALGRIND} -q --error-exitcode=99 --max-stackframe=8388608
                   $<TARGET_FILE:kernel_tests>)
  set_tests_properties(kernel.posix.valgrind PROPERTIES TIMEOUT 600)
endif()

# Real-time mode: a CPU-bound task is preempted by the host-clock tick.
add_executable(realtime_preemption ${CMAKE_CURRENT_SOURCE_DIR}/sim/realtime_preemption.c)
target_link_libraries(realtime_preemption PRIVATE kernel_tests_runtime)
target_compile_options(realtime_preemption PRIVATE ${PORTOLAN_WARNINGS})
add_test(NAME sim.realtime-preemption COMMAND realtime_preemption)
set_tests_properties(sim.realtime-preemption PROPERTIES TIMEOUT 60
                     ENVIRONMENT PORTOLAN_SIM_TIME=real)
