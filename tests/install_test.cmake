# Installs the build tree into a scratch prefix, then builds examples/basic against it twice:
# with find_package(kyoso CONFIG) and with pkg-config. Run by ctest (see tests/CMakeLists.txt).
# Inputs: BUILD_DIR, SOURCE_DIR, WORK_DIR, CXX.
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/examples/basic" -B "${WORK_DIR}/cmake-build"
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX})
run(${CMAKE_COMMAND} --build "${WORK_DIR}/cmake-build")
run("${WORK_DIR}/cmake-build/basic")
if(NOT last_output MATCHES "COI-NEXT" OR NOT last_output MATCHES "serves")
  message(FATAL_ERROR "example built with find_package printed:\n${last_output}")
endif()

set(ENV{PKG_CONFIG_PATH} "${prefix}/lib/pkgconfig")
execute_process(COMMAND pkg-config --cflags --libs kyoso OUTPUT_VARIABLE flags
                RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know kyoso")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CXX} "${SOURCE_DIR}/examples/basic/main.cpp" -o "${WORK_DIR}/basic-pc" ${flags})
run("${WORK_DIR}/basic-pc")
if(NOT last_output MATCHES "COI-NEXT")
  message(FATAL_ERROR "example built with pkg-config printed:\n${last_output}")
endif()
message(STATUS "installed kyoso works with find_package and pkg-config")
