# Turns a data file into a C++ source that defines it as a byte array, so the library needs
# no file at run time. Usage: cmake -DINPUT=… -DOUTPUT=… -DSYMBOL=… -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "((('\\\\x..',)){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed.cmake; do not edit.\n"
  "#include <cstddef>\n"
  "#include <string_view>\n"
  "namespace kyoso::detail {\n"
  "static const char ${SYMBOL}_bytes[] = {\n${bytes}'\\0'};\n"
  "extern const std::string_view ${SYMBOL}{${SYMBOL}_bytes, ${size}};\n"
  "}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
