# Warnings are errors, for every target of the project (not for system headers).
add_compile_options(-Wall -Wextra -Wpedantic -Werror -Wshadow -Wnon-virtual-dtor
                    -Wcast-align -Woverloaded-virtual)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # PEGTL, Boost and libstdc++ trip these in ways that are not our bugs (g++ 12 at -O2).
  # -Wnull-dereference is left out for the same reason: its reports come from
  # inlined libstdc++ code (streambuf, vector fill), never from ours.
  add_compile_options(-Wno-maybe-uninitialized)
endif()
if(CXV_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
