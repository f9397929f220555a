# Install rules: headers, library, CLI, a CMake package (find_package(kyoso CONFIG)) and a
# pkg-config file.
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/kyoso
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/kyoso/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kyoso)
install(TARGETS kyoso EXPORT kyosoTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET kyoso_cli)
  install(TARGETS kyoso_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/kyoso)
install(EXPORT kyosoTargets NAMESPACE kyoso:: DESTINATION ${config_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/kyosoConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kyosoConfig.cmake INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kyosoConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kyosoConfig.cmake
              ${PROJECT_BINARY_DIR}/kyosoConfigVersion.cmake
        DESTINATION ${config_dir})

file(RELATIVE_PATH pc_to_prefix "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" pc_to_prefix "${pc_to_prefix}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/kyoso.pc.in ${PROJECT_BINARY_DIR}/kyoso.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/kyoso.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
