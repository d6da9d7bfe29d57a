# cxv_module(NAME DEPS dep...)
#
# Each folder of interpreter/ is one module: a static library `cxv_<NAME>` made of
# every .cpp in the folder except *_test.cpp. Globbing (with CONFIGURE_DEPENDS) lets
# a module grow a file without touching a shared CMakeLists, so work on one module
# never breaks the build of another.
function(cxv_module name)
  cmake_parse_arguments(M "" "" "DEPS;LIBS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  list(FILTER srcs EXCLUDE REGEX "_test\\.cpp$")
  if(srcs)
    add_library(cxv_${name} STATIC ${srcs})
    target_include_directories(cxv_${name} PUBLIC ${PROJECT_SOURCE_DIR}/interpreter
                                                  ${PROJECT_SOURCE_DIR}/include
                                                  ${PROJECT_SOURCE_DIR})
    set(vis PUBLIC)
  else()
    add_library(cxv_${name} INTERFACE)
    target_include_directories(cxv_${name} INTERFACE ${PROJECT_SOURCE_DIR}/interpreter
                                                     ${PROJECT_SOURCE_DIR}/include
                                                     ${PROJECT_SOURCE_DIR})
    set(vis INTERFACE)
  endif()
  foreach(d ${M_DEPS})
    target_link_libraries(cxv_${name} ${vis} cxv_${d})
  endforeach()
  if(M_LIBS)
    target_link_libraries(cxv_${name} ${vis} ${M_LIBS})
  endif()
endfunction()

# cxv_unit_tests(NAME LIBS lib...)
#
# One doctest executable per module: tests/unit/<NAME>/*.cpp plus the shared main.
function(cxv_unit_tests name)
  cmake_parse_arguments(T "" "" "LIBS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/unit/${name}/*.cpp)
  if(NOT srcs)
    return()
  endif()
  add_executable(unit_${name} ${srcs} ${CMAKE_CURRENT_SOURCE_DIR}/doctest_main.cpp)
  target_link_libraries(unit_${name} PRIVATE ${T_LIBS} doctest::doctest)
  target_compile_definitions(unit_${name} PRIVATE CXV_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME unit_${name} COMMAND unit_${name})
endfunction()
