# The POSIX simulator board: the kernel runs as a Linux process.
set(PORTOLAN_ARCH posix)
set(PORTOLAN_BOARD_SOURCES ${PORTOLAN_ROOT}/boards/posix/board.c)
set(PORTOLAN_BOARD_INCLUDES ${PORTOLAN_ROOT}/boards/posix)
set(PORTOLAN_BOARD_LINK_OPTIONS "")
# How ctest runs an image of this board (empty: run it directly).
set(PORTOLAN_RUN_WRAPPER "")
