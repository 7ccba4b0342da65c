# Cross toolchain of qemu-virt-rv32: Debian's riscv64-unknown-elf-gcc for
# RV32IMAC / ilp32. The toolchain has no C library: images are freestanding
# and the board's libc/ directory stands in for the few headers and
# functions the kernel and the test framework use (string.h, setjmp.h);
# libgcc supplies 64-bit division.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)
set(CMAKE_C_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_CXX_COMPILER riscv64-unknown-elf-g++)
set(CMAKE_ASM_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_AR riscv64-unknown-elf-ar)
set(CMAKE_RANLIB riscv64-unknown-elf-ranlib)
set(CMAKE_OBJCOPY riscv64-unknown-elf-objcopy)
set(CMAKE_SIZE riscv64-unknown-elf-size)
# The compiler checks cannot link without the board's start-up code.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# -misa-spec=2.2 keeps the CSR instructions in the base ISA (plain rv32imac
# with the newer spec rejects them) and selects the rv32imac multilib.
set(PORTOLAN_CPU_FLAGS "-march=rv32imac -mabi=ilp32 -misa-spec=2.2 -mcmodel=medany")
set(_flags "${PORTOLAN_CPU_FLAGS} -ffreestanding -ffunction-sections")
set(_flags "${_flags} -isystem ${CMAKE_CURRENT_LIST_DIR}/libc/include")
set(CMAKE_C_FLAGS_INIT "${_flags}")
set(CMAKE_CXX_FLAGS_INIT "${_flags}")
set(CMAKE_ASM_FLAGS_INIT "${_flags}")
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "${PORTOLAN_CPU_FLAGS} -nostdlib -nostartfiles -Wl,--gc-sections -Wl,--no-warn-rwx-segments")
set(CMAKE_C_STANDARD_LIBRARIES_INIT "-lgcc")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
