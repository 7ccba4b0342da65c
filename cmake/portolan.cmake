# Build helpers shared by the kernel, the boards and the test images.

set(PORTOLAN_HEAP 4 CACHE STRING "Heap scheme for portolan::kernel (1 to 5; 0: no heap)")
option(PORTOLAN_SANITIZE "Build with AddressSanitizer and UBSan (simulator only)" OFF)

set(PORTOLAN_WARNINGS -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
    -Wmissing-prototypes -Wno-missing-field-initializers)

set(PORTOLAN_KERNEL_SOURCES
    ${PORTOLAN_ROOT}/kernel/list.c
    ${PORTOLAN_ROOT}/kernel/sched.c
    ${PORTOLAN_ROOT}/kernel/task.c
    ${PORTOLAN_ROOT}/kernel/notify.c
    ${PORTOLAN_ROOT}/kernel/queue.c
    ${PORTOLAN_ROOT}/kernel/mutex.c)
foreach(_optional timer event_group stream_buffer task_stats)
  if(EXISTS ${PORTOLAN_ROOT}/kernel/${_optional}.c)
    list(APPEND PORTOLAN_KERNEL_SOURCES ${PORTOLAN_ROOT}/kernel/${_optional}.c)
  endif()
endforeach()

if(PORTOLAN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# portolan_heap_sources(<out-var> <scheme>): the sources of heap scheme 1 to 5,
# or none for 0 (static allocation only: nothing may call pvPortMalloc).
function(portolan_heap_sources out scheme)
  if(NOT scheme MATCHES "^[0-5]$")
    message(FATAL_ERROR "PORTOLAN_HEAP must be 0 (no heap) or 1 to 5, not '${scheme}'")
  endif()
  set(sources "")
  if(NOT scheme EQUAL 0)
    list(APPEND sources ${PORTOLAN_ROOT}/kernel/heap_common.c
         ${PORTOLAN_ROOT}/kernel/heap_${scheme}.c)
  endif()
  if(scheme EQUAL 4 OR scheme EQUAL 5)
    list(APPEND sources ${PORTOLAN_ROOT}/kernel/heap_freelist.c)
  endif()
  set(${out} ${sources} PARENT_SCOPE)
endfunction()

# portolan_add_runtime(<prefix> CONFIG <interface target> [HEAP <n>] [DEFINES ...])
# Creates <prefix>_kernel (kernel + port + heap), <prefix>_board (board
# support) and <prefix>_runtime (both, with the board's link options).
function(portolan_add_runtime prefix)
  cmake_parse_arguments(ARG "" "CONFIG;HEAP" "DEFINES" ${ARGN})
  if(NOT DEFINED ARG_HEAP OR ARG_HEAP STREQUAL "")
    set(ARG_HEAP ${PORTOLAN_HEAP})
  endif()
  portolan_heap_sources(heap_sources ${ARG_HEAP})
  set(port_dir ${PORTOLAN_ROOT}/portable/${PORTOLAN_ARCH})
  file(GLOB port_sources ${port_dir}/*.c ${port_dir}/*.S)

  add_library(${prefix}_kernel STATIC ${PORTOLAN_KERNEL_SOURCES} ${heap_sources} ${port_sources})
  target_include_directories(${prefix}_kernel PUBLIC ${PORTOLAN_ROOT}/include ${port_dir}
                             PRIVATE ${PORTOLAN_ROOT}/kernel/include)
  target_link_libraries(${prefix}_kernel PUBLIC ${ARG_CONFIG})
  target_compile_definitions(${prefix}_kernel PUBLIC ${ARG_DEFINES}
                             PORTOLAN_HEAP_SCHEME=${ARG_HEAP})
  target_compile_options(${prefix}_kernel PRIVATE ${PORTOLAN_WARNINGS})

  add_library(${prefix}_board OBJECT ${PORTOLAN_BOARD_SOURCES})
  target_include_directories(${prefix}_board PUBLIC ${PORTOLAN_ROOT}/boards/include
                             ${PORTOLAN_BOARD_INCLUDES})
  target_link_libraries(${prefix}_board PUBLIC ${prefix}_kernel)
  target_compile_options(${prefix}_board PRIVATE ${PORTOLAN_WARNINGS})

  add_library(${prefix}_runtime INTERFACE)
  target_link_libraries(${prefix}_runtime INTERFACE ${prefix}_board
                        $<TARGET_OBJECTS:${prefix}_board> ${prefix}_kernel)
  target_link_options(${prefix}_runtime INTERFACE ${PORTOLAN_BOARD_LINK_OPTIONS})
endfunction()
