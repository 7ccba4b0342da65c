# Fails unless the minimal kernel's text, as tools/size reports it from a
# linker map, is at most MAX bytes.
#   cmake -DMAX=<bytes> -DMAP=<image.map> -DSIZE=<tools/size> -P footprint_max.cmake
execute_process(COMMAND ${SIZE} ${MAP} minimal RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "minimal kernel text=([0-9]+) ")
  message(FATAL_ERROR "tools/size failed on ${MAP}")
endif()
if(CMAKE_MATCH_1 GREATER MAX)
  message(FATAL_ERROR "the minimal kernel takes ${CMAKE_MATCH_1} bytes of text, more than ${MAX}")
endif()
