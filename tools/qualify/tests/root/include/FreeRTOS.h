/* A fixture tree for qualify's self-tests: only the version matters. */
#define PORTOLAN_VERSION "9.9.9"
