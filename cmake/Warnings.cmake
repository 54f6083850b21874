# Warnings for the project's own code only (third-party sources get none of these).
add_library(linli_warnings INTERFACE)
target_compile_options(linli_warnings INTERFACE
  -Wall -Wextra -Werror        # every common warning, and none may stay
  -Wshadow                     # a local hiding another name is a common source of bugs
  -Wnon-virtual-dtor           # interfaces are deleted through base pointers
  -Wold-style-cast             # casts must say what they do
  -Wimplicit-fallthrough       # switch cases must not fall through by accident
)
