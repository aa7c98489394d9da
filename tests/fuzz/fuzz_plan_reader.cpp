// libFuzzer target: readPlan on arbitrary bytes (scripts/fuzz runs it).
// Beyond "no crash, no sanitizer report", it checks the reader's promises:
//  - exactly one of plan / error; an error is one line of valid text with a place,
//  - a plan read and written reads again, and written twice is byte-identical,
//  - the text helpers never accept what they cannot print back.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_plan_reader: %s\n%s\n", what, detail.c_str());
    std::abort();
}

void checkHelpers(std::string_view text) {
    const std::string s(text.substr(0, 40));
    if (auto d = rp::parseDate(s); d && rp::formatDate(*d) != s) fail("parseDate/formatDate disagree", s);
    if (auto m = rp::parseHm(s); m && rp::formatHm(*m) != s) fail("parseHm/formatHm disagree", s);
    static const date::time_zone* ny = rp::findZone("America/New_York");
    if (auto t = rp::parseDateTime(ny, s)) {
        (void)rp::formatRfc3339(ny, *t);
        (void)rp::formatIcsUtc(*t);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkHelpers(text);

    const rp::LoadResult r = rp::readPlan(text);
    if (r.ok() == r.error.has_value()) fail("plan and error both set or both empty", std::string(text));
    if (!r.ok()) {
        const std::string msg = r.error->str();
        if (r.error->message.empty()) fail("empty error message", msg);
        if (msg.find('\n') != std::string::npos) fail("error message spans lines", msg);
        if (r.error->line < 0 || r.error->column < 0 || (r.error->line == 0) != (r.error->column == 0))
            fail("bad line/column", msg);
        // The message must survive being put in JSON (the CLI's --json and the JS API do).
        try {
            (void)rp::Json(msg).dump();
        } catch (const std::exception& e) {
            fail("error message is not valid UTF-8", e.what());
        }
        return 0;
    }
    const std::string once = rp::writePlan(*r.plan);
    const rp::LoadResult again = rp::readPlan(once);
    if (!again.ok()) fail("written plan does not read back", again.error->str() + "\n" + once);
    const std::string twice = rp::writePlan(*again.plan);
    if (once != twice) fail("written twice, not byte-identical", once + "\n----\n" + twice);
    // Times of a loaded plan are computable.
    for (const rp::Week& w : r.plan->weeks) (void)rp::handoffInstant(*r.plan, w.start);
    return 0;
}
