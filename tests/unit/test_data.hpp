// Reading the test data files (tests/data, named relative to it) in unit tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "core/model/plan_io.hpp"

// The whole file tests/data/REL; the test fails when it cannot be opened.
inline std::string readTestData(const std::string& rel) {
    std::ifstream in(std::string(RP_TEST_DATA) + "/" + rel, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot open " << rel);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The plan in tests/data/REL; the test fails (with the reader's message) when it is refused.
inline rp::Plan loadTestPlan(const std::string& rel) {
    rp::LoadResult lr = rp::readPlan(readTestData(rel));
    REQUIRE_MESSAGE(lr.ok(), (lr.error ? lr.error->str() : ""));
    return *lr.plan;
}
