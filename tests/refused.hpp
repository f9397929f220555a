// Expecting an error: the one check every bad-input test starts from.
#pragma once

#include <gtest/gtest.h>

#include <exception>

namespace kyoso {

// Runs `attempt`, which should throw an E, and returns that error for the test to inspect. A
// different exception, or none, fails the test.
template <class E, class F>
E refused_by(F&& attempt) {
  try {
    attempt();
  } catch (const E& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "wrong exception type: " << e.what();
    throw;
  }
  ADD_FAILURE() << "accepted bad input";
  return E("", {});
}

}  // namespace kyoso
