// The declaration in include/CFuzzerDriver.h is all: libFuzzer defines the function.
#include "CFuzzerDriver.h"
