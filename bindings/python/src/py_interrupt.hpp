// Long calls that Ctrl-C can stop. Python runs its signal handlers only between bytecodes of
// the main thread, so a call that runs in C++ for minutes would hold KeyboardInterrupt back
// until it ends. interruptible() runs the call on a thread of its own, without the GIL, while
// the calling thread waits and looks for a signal now and then; on one it asks the call to
// stop (kyoso::InterruptScope: the library looks at the flag in its long loops), waits for it,
// and raises the signal's exception (KeyboardInterrupt).
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <future>
#include <kyoso/limits.hpp>
#include <thread>
#include <utility>

namespace kyoso::python {

namespace py = pybind11;

template <class Work>
auto interruptible(Work work) -> decltype(work()) {
  using Result = decltype(work());
  std::atomic<bool> stop{false};
  std::packaged_task<Result()> task([&] {
    InterruptScope scope(stop);
    return work();
  });
  std::future<Result> done = task.get_future();
  std::thread worker(std::move(task));
  for (;;) {
    bool ready;
    {
      py::gil_scoped_release unlocked;
      ready = done.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready;
    }
    if (ready) break;
    if (PyErr_CheckSignals() != 0) {
      stop = true;
      {
        py::gil_scoped_release unlocked;
        worker.join();
      }
      throw py::error_already_set();  // the handler's exception; the call's is dropped
    }
  }
  worker.join();
  return done.get();
}

}  // namespace kyoso::python
