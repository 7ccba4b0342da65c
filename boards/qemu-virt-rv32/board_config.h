/*
 * board_config.h - qemu-virt-rv32 settings for Portolan's own test images.
 * Applications keep their own FreeRTOSConfig.h, which must define the two
 * CLINT settings below.
 */
#ifndef BOARD_CONFIG_H
#define BOARD_CONFIG_H

#define BOARD_STACK_WORDS 512
#define configMINIMAL_STACK_SIZE BOARD_STACK_WORDS
#define configTOTAL_HEAP_SIZE ((size_t)(1024U * 1024U))

/* One instruction per 32 ns under tools/qemu-run (-icount shift=5). */
#define configCPU_CLOCK_HZ 31250000UL
#define configCLINT_BASE_ADDRESS 0x02000000UL
#define configMTIME_HZ 10000000UL

#endif /* BOARD_CONFIG_H */
