/*
 * main.c - the qualification runner image: runs the selected tests of the
 * groups compiled in (see qualification/groups.json).
 */
#include "FreeRTOS.h"
#include "board.h"
#include "ptest.h"

int main(void)
{
    board_init();
    ptest_main();
}
