// The one doctest main shared by every unit-test file (native and wasm builds).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
