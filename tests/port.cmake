# Port tests (group Port): tests/port/*.c on every board, plus
# tests/port/<arch>/ for what only that architecture can check.
file(GLOB PORT_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/port/*.c
     ${CMAKE_CURRENT_SOURCE_DIR}/port/${PORTOLAN_ARCH}/*.c
     ${CMAKE_CURRENT_SOURCE_DIR}/port/${PORTOLAN_ARCH}/*.S)
list(SORT PORT_TEST_SOURCES)
list(APPEND PORT_TEST_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/kernel/main.c)

portolan_add_test_image(port_tests CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/port/config
                        SOURCES ${PORT_TEST_SOURCES})
add_test(NAME port.${PORTOLAN_BOARD} COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:port_tests>)
set_tests_properties(port.${PORTOLAN_BOARD} PROPERTIES TIMEOUT 300)

# The same tests with tickless idle.
portolan_add_test_image(port_tests_tickless CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/port/config
                        DEFINES PORT_TESTS_TICKLESS=1 SOURCES ${PORT_TEST_SOURCES})
add_test(NAME port.${PORTOLAN_BOARD}.tickless
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:port_tests_tickless>)
set_tests_properties(port.${PORTOLAN_BOARD}.tickless PROPERTIES TIMEOUT 300)
