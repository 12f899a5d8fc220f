# Runs one golden case (optionally under -DWRAPPER, e.g. valgrind):
# claimcheck with the case's arguments in the case's
# folder, comparing stdout with expected.<format> and the exit code with
# expected.exit. Usage:
#   cmake -DCLI=... -DRULES=... -DCASE=dir -DFORMAT=text|json -P run_golden.cmake
file(READ "${CASE}/args" args)
string(STRIP "${args}" args)
separate_arguments(args UNIX_COMMAND "${args}")
set(expected_file "${CASE}/expected.${FORMAT}")
if(FORMAT STREQUAL "text")
  set(fmt_args --format text --color never)
else()
  set(fmt_args --format ${FORMAT})
endif()
# -DWRAPPER="valgrind --error-exitcode=99 ..." runs the command under a checker
separate_arguments(WRAPPER UNIX_COMMAND "${WRAPPER}")
execute_process(
  COMMAND ${WRAPPER} ${CLI} check --rules ${RULES} ${fmt_args} ${args}
  WORKING_DIRECTORY "${CASE}"
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(UPDATE)
  file(WRITE "${expected_file}" "${out}")
  file(WRITE "${CASE}/expected.exit" "${rc}\n")
  return()
endif()
if(NOT EXISTS "${expected_file}")
  message(FATAL_ERROR "missing ${expected_file} (run tools/update-golden)")
endif()
file(READ "${expected_file}" want)
file(READ "${CASE}/expected.exit" want_rc)
string(STRIP "${want_rc}" want_rc)
if(NOT out STREQUAL want)
  file(WRITE "${CASE}/actual.${FORMAT}" "${out}")
  execute_process(COMMAND diff -u "${expected_file}" "${CASE}/actual.${FORMAT}")
  file(REMOVE "${CASE}/actual.${FORMAT}")
  message(FATAL_ERROR "${CASE}: output differs from expected.${FORMAT}\n${err}")
endif()
if(NOT rc STREQUAL want_rc)
  message(FATAL_ERROR "${CASE}: exit code ${rc}, expected ${want_rc}\n${err}")
endif()
