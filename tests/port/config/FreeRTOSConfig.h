/*
 * FreeRTOSConfig.h - the port test images: the kernel test configuration
 * plus stack overflow checking, static allocation (tests own the stacks
 * they overflow) and, with PORT_TESTS_TICKLESS, tickless idle. The tickless
 * image checks stacks with method 1, the others with method 2.
 */
#ifndef PORT_TESTS_CONFIG_H
#define PORT_TESTS_CONFIG_H

#include "../../config/FreeRTOSConfig.h"

#undef configCHECK_FOR_STACK_OVERFLOW
#if defined(PORT_TESTS_TICKLESS) && PORT_TESTS_TICKLESS
#define configCHECK_FOR_STACK_OVERFLOW 1
#else
#define configCHECK_FOR_STACK_OVERFLOW 2
#endif /* PORT_TESTS_TICKLESS */
#undef configSUPPORT_STATIC_ALLOCATION
#define configSUPPORT_STATIC_ALLOCATION 1
#define configKERNEL_PROVIDED_STATIC_MEMORY 1

#if defined(PORT_TESTS_TICKLESS) && PORT_TESTS_TICKLESS
#define configUSE_TICKLESS_IDLE 1
/* Lets the tests see each sleep and how long it was meant to be. */
void port_tests_before_sleep(unsigned long expected_ticks);
#define configPRE_SLEEP_PROCESSING(x) port_tests_before_sleep((unsigned long)(x))
#endif /* PORT_TESTS_TICKLESS */

#endif /* PORT_TESTS_CONFIG_H */
