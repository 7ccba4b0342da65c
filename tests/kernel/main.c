/*
 * main.c - entry of the kernel test image: run every registered test.
 */
#include "FreeRTOS.h"
#include "board.h"
#include "ptest.h"

int main(void)
{
    board_init();
    ptest_main();
}
