# Selects the cross toolchain of PORTOLAN_BOARD before project(), unless the
# caller already chose one with CMAKE_TOOLCHAIN_FILE.
if(NOT CMAKE_TOOLCHAIN_FILE AND DEFINED PORTOLAN_BOARD)
  set(_portolan_tc ${CMAKE_CURRENT_LIST_DIR}/../boards/${PORTOLAN_BOARD}/toolchain.cmake)
  if(EXISTS ${_portolan_tc})
    set(CMAKE_TOOLCHAIN_FILE ${_portolan_tc})
  endif()
endif()
