# qualify's self-tests: fixture boards that pass, fail, hang, crash, exit,
# reboot, interleave, send garbage, or stay silent; every console type; the
# posix simulator end to end, on stdio, a pty and a "serial port"; and a
# board with a broken port that must not qualify.

add_executable(fixture-board tests/fixture_board.c)
target_compile_options(fixture-board PRIVATE ${TOOLS_WARNINGS})
add_executable(check-report tests/check_report.c)
target_link_libraries(check-report PRIVATE PkgConfig::CJSON)
target_compile_options(check-report PRIVATE ${TOOLS_WARNINGS})
add_executable(protocol-test tests/protocol_test.c protocol.c util.c)
target_link_libraries(protocol-test PRIVATE PkgConfig::CRYPTO)
target_compile_options(protocol-test PRIVATE ${TOOLS_WARNINGS})
add_test(NAME qualify.protocol COMMAND protocol-test)

set(_qroot ${CMAKE_CURRENT_SOURCE_DIR}/tests/root)
set(_qboards ${CMAKE_CURRENT_SOURCE_DIR}/tests/boards)
set(_qcases ${CMAKE_CURRENT_BINARY_DIR}/cases)

# qualify_case(<name> EXPECT <exit> [SCENARIO s] [BOARD_FILE f] [ROOT r]
#              [ARGS ...] [CHECKS ...] [ENV ...] [TIMEOUT s] [FIXTURES ...])
function(qualify_case name)
  cmake_parse_arguments(A "" "EXPECT;SCENARIO;BOARD_FILE;ROOT;TIMEOUT"
                        "ARGS;CHECKS;ENV;SETUP;REQUIRES" ${ARGN})
  if(NOT A_BOARD_FILE)
    set(A_BOARD_FILE ${_qboards}/fixture.json)
  endif()
  if(NOT A_ROOT)
    set(A_ROOT ${_qroot})
  endif()
  if(NOT A_TIMEOUT)
    set(A_TIMEOUT 60)
  endif()
  set(args --root ${A_ROOT} --board-file ${A_BOARD_FILE} ${A_ARGS})
  if(NOT "--build-dir" IN_LIST A_ARGS)
    list(APPEND args --build-dir ${_qcases}/${name}-build)
  endif()
  # Lists travel to the script joined with '|'.
  string(REPLACE ";" "|" args "${args}")
  string(REPLACE ";" "|" checks "${A_CHECKS}")
  add_test(NAME qualify.${name}
           COMMAND ${CMAKE_COMMAND} -DQUALIFY=$<TARGET_FILE:qualify>
                   -DCHECKER=$<TARGET_FILE:check-report>
                   -DXSD=${CMAKE_CURRENT_SOURCE_DIR}/tests/junit.xsd
                   -DREPORT=${_qcases}/${name} -DEXPECT=${A_EXPECT} "-DARGS=${args}"
                   "-DCHECKS=${checks}" -P ${CMAKE_CURRENT_SOURCE_DIR}/tests/run_case.cmake)
  set_tests_properties(qualify.${name} PROPERTIES TIMEOUT ${A_TIMEOUT}
                       ENVIRONMENT "FIXTURE_SCENARIO=${A_SCENARIO};${A_ENV}")
  if(A_SETUP)
    set_tests_properties(qualify.${name} PROPERTIES FIXTURES_SETUP "${A_SETUP}")
  endif()
  if(A_REQUIRES)
    set_tests_properties(qualify.${name} PROPERTIES FIXTURES_REQUIRED "${A_REQUIRES}")
  endif()
endfunction()

# ----- Fixture boards -------------------------------------------------------------
qualify_case(pass SCENARIO pass EXPECT 0 CHECKS
  "verdict=QUALIFIED" "tests=9" "boots=2" "anomalies=0" "group:Gamma=not run"
  "test:Integrity.Host.test_sources_match_tree=PASS" "test:Integrity.Host.image_version_matches_tree=PASS"
  "file:stdout.txt~Alpha.a2 ... PASS (" "file:stdout.txt~== Beta: 2 passed, 0 failed, 0 errors"
  "file:logs/Alpha.a1.log~TEST(Alpha, a1) PASS" "file:report.html~QUALIFIED"
  "file:report.html~not applicable")
qualify_case(fail SCENARIO fail EXPECT 1 CHECKS
  "verdict=NOT QUALIFIED" "test:Alpha.a2=FAIL:assertion" "where:Alpha.a2=fixture/alpha.c:42"
  "message:Alpha.a2~Expected 1 Was 2" "test:Alpha.a3=PASS" "group:Alpha=FAIL" "group:Beta=PASS"
  "boots=2" "file:stdout.txt~failing groups: Alpha (1 failed)" "file:stdout.txt~at fixture/alpha.c:42"
  "file:report.html~fixture/alpha.c:42")
qualify_case(hang SCENARIO hang EXPECT 1 CHECKS
  "test:Alpha.a2=ERROR:hang" "evidence:Alpha.a2~doing a2 work" "test:Alpha.a3=PASS"
  "test:Beta.b2=PASS" "boots=3" "file:logs/Alpha.a2.log~no result within"
  "file:stdout.txt~failing groups: Alpha (1 error)")
qualify_case(crash SCENARIO crash EXPECT 1 CHECKS
  "test:Alpha.a2=ERROR:crash" "evidence:Alpha.a2~pc=0x00001234" "evidence:Alpha.a2~PORTOLAN-FAULT-END"
  "message:Alpha.a2~fault dump" "test:Alpha.a3=PASS" "boots=3"
  "file:report.html~pc=0x00001234")
qualify_case(exit SCENARIO exit EXPECT 1 CHECKS
  "test:Alpha.a2=ERROR:crash" "message:Alpha.a2~signal 11" "test:Alpha.a3=PASS" "boots=3")
qualify_case(watchdog SCENARIO watchdog EXPECT 1 CHECKS
  "test:Alpha.a2=FAIL:timeout" "test:Alpha.a3=PASS" "test:Beta.b1=PASS" "boots=3" "anomalies>=1")
qualify_case(reboot SCENARIO reboot EXPECT 1 CHECKS
  "test:Alpha.a2=ERROR:reboot" "test:Alpha.a3=PASS" "boots=3" "message:Alpha.a2~restarted")
qualify_case(interleave SCENARIO interleave EXPECT 0 CHECKS
  "verdict=QUALIFIED" "test:Alpha.a3=PASS" "anomalies>=6"
  "file:logs/Alpha.a1.log~[garbage] [log] TEST(Alpha, a1) PASS is what we hope for"
  "file:logs/Alpha.a2.log~[log] between tests, a partial line: finished")
qualify_case(garbage SCENARIO garbage EXPECT 1 CHECKS
  "test:Alpha.a2=ERROR:protocol" "evidence:Alpha.a2~PA\\x01\\xffSS" "test:Alpha.a3=PASS"
  "anomalies>=2" "file:report.json~\\\\xff\\\\xfe\\\\x00\\\\x13 boot noise")
qualify_case(silent SCENARIO silent EXPECT 4 ARGS --timeout-multiplier 0.4 CHECKS
  "verdict=NOT QUALIFIED" "tests=0" "file:report.html~did not boot"
  "file:report.json~no complete test list" "file:report.html~the board printed nothing")
qualify_case(group-time-limit SCENARIO slow EXPECT 1 CHECKS
  "test:Beta.b1=PASS" "test:Beta.b2=ERROR:group-timeout" "message:Beta.b2~time limit of 1 s")
qualify_case(stale-image SCENARIO pass EXPECT 1 ENV FIXTURE_REPORT_HASH=0123456789abcdef CHECKS
  "group:Integrity=FAIL" "test:Integrity.Host.test_sources_match_tree=FAIL:host-check"
  "message:Integrity.Host.test_sources_match_tree~not the image just built" "group:Alpha=PASS")
qualify_case(build-failure SCENARIO pass EXPECT 3 ENV FIXTURE_BUILD_FAIL=1 CHECKS
  "verdict=NOT QUALIFIED" "file:logs/build.log~error: expected" "file:report.html~the build failed")
qualify_case(partial-group SCENARIO pass EXPECT 6 ARGS --group Alpha CHECKS
  "verdict=PARTIAL RUN PASSED" "tests=3" "group:Beta=not run")
qualify_case(partial-test SCENARIO pass EXPECT 6 ARGS --test Alpha.a3 CHECKS
  "tests=1" "test:Alpha.a3=PASS")
# A runner in parts: each image listed and run on its own; a crash in one
# resumes in that image, the other still runs.
qualify_case(parts SCENARIO pass EXPECT 0 BOARD_FILE ${_qboards}/fixture-parts.json
  ENV FIXTURE_PARTS=1 CHECKS "verdict=QUALIFIED" "tests=9" "boots=4" "anomalies=0"
  "test:Alpha.a3=PASS" "test:Beta.b2=PASS" "test:Integrity.Host.test_sources_match_tree=PASS"
  "file:stdout.txt~Listing the tests of image 2 of 2")
qualify_case(parts-crash SCENARIO crash EXPECT 1 BOARD_FILE ${_qboards}/fixture-parts.json
  ENV FIXTURE_PARTS=1 CHECKS "test:Alpha.a2=ERROR:crash" "test:Alpha.a3=PASS" "test:Beta.b1=PASS"
  "test:Beta.b2=PASS" "boots=5")
qualify_case(unknown-group SCENARIO pass EXPECT 2 ARGS --group Nope)
qualify_case(feature-missing SCENARIO pass EXPECT 2 ARGS --group Gamma)
qualify_case(bad-descriptor EXPECT 2 BOARD_FILE ${_qboards}/bad.json)
qualify_case(list-tests SCENARIO pass EXPECT 0 ARGS --list-tests)
qualify_case(console-selection SCENARIO fail EXPECT 1 BOARD_FILE ${_qboards}/fixture-console.json
  CHECKS "test:Alpha.a2=FAIL:assertion" "test:Beta.b2=PASS" "file:console.log~PORTOLAN-FILTER")
qualify_case(pty-console SCENARIO crash EXPECT 1 BOARD_FILE ${_qboards}/fixture-pty.json CHECKS
  "test:Alpha.a2=ERROR:crash" "test:Alpha.a3=PASS" "file:console.log~char device redirected to /dev/pts/")
qualify_case(serial-console SCENARIO hang EXPECT 1 BOARD_FILE ${_qboards}/fixture-serial.json
  ARGS --port ${_qcases}/serial-console/tty CHECKS
  "test:Alpha.a2=ERROR:hang" "test:Alpha.a3=PASS" "test:Beta.b2=PASS" "boots=3"
  "file:console.log~resetting the board")

# ----- The posix simulator, end to end --------------------------------------------------
set(_posix_build ${CMAKE_CURRENT_BINARY_DIR}/posix-image)
qualify_case(posix EXPECT 0 ROOT ${PORTOLAN_ROOT} BOARD_FILE ${PORTOLAN_ROOT}/boards/posix/board.json
  ARGS --build-dir ${_posix_build} TIMEOUT 900 SETUP posix_image CHECKS
  "verdict=QUALIFIED" "group:Integrity=PASS" "group:Port=PASS" "group:Kernel=PASS"
  "group:MemoryLeak=PASS" "test:Integrity.Host.test_sources_match_tree=PASS")
qualify_case(posix-pty EXPECT 6 ROOT ${PORTOLAN_ROOT} BOARD_FILE ${_qboards}/posix-pty.json
  ARGS --build-dir ${_posix_build} --no-build --group Integrity,Port REQUIRES posix_image CHECKS
  "group:Port=PASS" "group:Integrity=PASS" "file:console.log~PORTOLAN-FILTER halt starts suite=Integrity,Port")
qualify_case(posix-serial EXPECT 6 ROOT ${PORTOLAN_ROOT} BOARD_FILE ${_qboards}/posix-serial.json
  ARGS --build-dir ${_posix_build} --no-build --group Integrity,Port
  --port ${_qcases}/posix-serial/tty REQUIRES posix_image CHECKS
  "group:Port=PASS" "group:Integrity=PASS")
qualify_case(posix-broken-critical EXPECT 1 ROOT ${PORTOLAN_ROOT}
  BOARD_FILE ${_qboards}/posix-broken-critical.json TIMEOUT 900
  ARGS --build-dir ${CMAKE_CURRENT_BINARY_DIR}/posix-broken-image CHECKS
  "verdict=NOT QUALIFIED" "group:Port=FAIL" "group:Integrity=PASS"
  "test:Port.PortContract.critical_section_masks_the_tick=FAIL:assertion"
  "message:Port.PortContract.critical_section_masks_the_tick~not masked"
  "file:stdout.txt~failing groups: Port")

# ----- The tick against the host clock (real-time boards) ----------------------------------
qualify_case(tick-check SCENARIO pass EXPECT 0 BOARD_FILE ${_qboards}/fixture-tick.json CHECKS
  "test:Port.Host.tick_matches_host_clock=PASS" "test:Port.tick=PASS"
  "file:logs/Port.Host.tick_matches_host_clock.log~configTICK_RATE_HZ 1000")
qualify_case(tick-check-slow SCENARIO pass EXPECT 1 BOARD_FILE ${_qboards}/fixture-tick.json
  ENV FIXTURE_TICK_COUNT=500 CHECKS
  "test:Port.Host.tick_matches_host_clock=FAIL:host-check"
  "message:Port.Host.tick_matches_host_clock~configCPU_CLOCK_HZ" "file:stdout.txt~failing groups: Port")
qualify_case(posix-fault-injection EXPECT 1 ROOT ${PORTOLAN_ROOT}
  BOARD_FILE ${_qboards}/posix-fault-injection.json TIMEOUT 900
  ARGS --build-dir ${CMAKE_CURRENT_BINARY_DIR}/posix-fault-image CHECKS
  "test:Kernel.fault_injection_crashes_the_board=ERROR:crash"
  "evidence:Kernel.fault_injection_crashes_the_board~PORTOLAN-FAULT signal"
  "evidence:Kernel.fault_injection_crashes_the_board~about to execute a trapping instruction"
  "group:Port=PASS" "group:MemoryLeak=PASS" "boots=3" "file:stdout.txt~failing groups: Kernel (1 error)")

# ----- The emulated boards, once their port is in the tree and QEMU is installed ------------
find_program(QEMU_SYSTEM_ARM qemu-system-arm)
if(QEMU_SYSTEM_ARM AND EXISTS ${PORTOLAN_ROOT}/boards/qemu-mps2-an385/board.cmake)
  set(_an385_build ${CMAKE_CURRENT_BINARY_DIR}/qemu-mps2-an385-image)
  qualify_case(qemu-mps2-an385 EXPECT 0 ROOT ${PORTOLAN_ROOT}
    BOARD_FILE ${PORTOLAN_ROOT}/boards/qemu-mps2-an385/board.json
    ARGS --build-dir ${_an385_build} TIMEOUT 900 SETUP an385_image CHECKS
    "verdict=QUALIFIED" "group:Port=PASS" "group:Kernel=PASS" "group:MemoryLeak=PASS"
    "test:Integrity.Host.board_name_matches_descriptor=PASS")
  qualify_case(qemu-mps2-an385-pty EXPECT 6 ROOT ${PORTOLAN_ROOT}
    BOARD_FILE ${_qboards}/qemu-mps2-an385-pty.json REQUIRES an385_image
    ARGS --build-dir ${_an385_build} --no-build --group Integrity,Port CHECKS
    "group:Integrity=PASS" "group:Port=PASS" "file:console.log~char device redirected to /dev/pts/"
    "file:console.log~PORTOLAN-FILTER halt starts suite=Integrity,Port")
  qualify_case(qemu-mps2-an385-fault-injection EXPECT 1 ROOT ${PORTOLAN_ROOT}
    BOARD_FILE ${_qboards}/qemu-mps2-an385-fault-injection.json TIMEOUT 900
    ARGS --build-dir ${CMAKE_CURRENT_BINARY_DIR}/qemu-an385-fault-image --group Integrity,Kernel,MemoryLeak CHECKS
    "test:Kernel.fault_injection_crashes_the_board=ERROR:crash"
    "evidence:Kernel.fault_injection_crashes_the_board~PORTOLAN-FAULT"
    "evidence:Kernel.fault_injection_crashes_the_board~pc=0x" "boots=3" "group:MemoryLeak=PASS"
    "file:stdout.txt~failing groups: Kernel (1 error)")
endif()
if(QEMU_SYSTEM_ARM AND EXISTS ${PORTOLAN_ROOT}/boards/qemu-mps2-an386/board.cmake)
  qualify_case(qemu-mps2-an386 EXPECT 0 ROOT ${PORTOLAN_ROOT}
    BOARD_FILE ${PORTOLAN_ROOT}/boards/qemu-mps2-an386/board.json
    ARGS --build-dir ${CMAKE_CURRENT_BINARY_DIR}/qemu-mps2-an386-image TIMEOUT 900 CHECKS
    "verdict=QUALIFIED" "group:Port=PASS" "group:Kernel=PASS")
endif()

find_program(QEMU_SYSTEM_RISCV32 qemu-system-riscv32)
if(QEMU_SYSTEM_RISCV32 AND EXISTS ${PORTOLAN_ROOT}/boards/qemu-virt-rv32/board.cmake)
  qualify_case(qemu-virt-rv32 EXPECT 0 ROOT ${PORTOLAN_ROOT}
    BOARD_FILE ${PORTOLAN_ROOT}/boards/qemu-virt-rv32/board.json
    ARGS --build-dir ${CMAKE_CURRENT_BINARY_DIR}/qemu-virt-rv32-image TIMEOUT 900 CHECKS
    "verdict=QUALIFIED" "group:Port=PASS" "group:Kernel=PASS" "group:MemoryLeak=PASS"
    "test:Integrity.Host.board_name_matches_descriptor=PASS")
endif()

# ----- Support services -----------------------------------------------------------------------
qualify_case(service SCENARIO pass EXPECT 0 BOARD_FILE ${_qboards}/fixture-service.json CHECKS
  "verdict=QUALIFIED" "file:logs/service-echo.log~echo server listening")
qualify_case(service-not-ready SCENARIO pass EXPECT 5 BOARD_FILE ${_qboards}/fixture-service.json
  ENV FIXTURE_SERVICE_SAYS=crashed)
qualify_case(unknown-test SCENARIO pass EXPECT 2 ARGS --test Alpha.zz)
qualify_case(bench-summary SCENARIO pass EXPECT 0 ENV FIXTURE_BENCH=1 CHECKS
  "file:report.html~<th>switch_yield</th><td>42</td>" "file:report.html~switch under 50")
