// kyoso: MEXT's support package for research universities as a typed, queryable graph.
#pragma once

#include "kyoso/compare.hpp"
#include "kyoso/error.hpp"
#include "kyoso/io.hpp"
#include "kyoso/limits.hpp"
#include "kyoso/model.hpp"
#include "kyoso/query.hpp"
#include "kyoso/report.hpp"
#include "kyoso/scenario.hpp"
#include "kyoso/simulate.hpp"
#include "kyoso/synth.hpp"
#include "kyoso/version.hpp"
#include "kyoso/vocabulary.hpp"
