// kyoso: MEXT's support package for research universities as a typed, queryable graph.
// kyoso/synth.hpp, the generator of synthetic models for benchmarks, is not included here:
// include it where it is used.
#pragma once

#include "kyoso/compare.hpp"
#include "kyoso/error.hpp"
#include "kyoso/find.hpp"
#include "kyoso/io.hpp"
#include "kyoso/limits.hpp"
#include "kyoso/model.hpp"
#include "kyoso/query.hpp"
#include "kyoso/report.hpp"
#include "kyoso/scenario.hpp"
#include "kyoso/simulate.hpp"
#include "kyoso/sweep.hpp"
#include "kyoso/university.hpp"
#include "kyoso/version.hpp"
#include "kyoso/vocabulary.hpp"
