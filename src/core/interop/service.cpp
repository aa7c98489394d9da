// serviceCall: the vendor exchange answering framed requests (service.hpp). This is the
// side that links the interop code: the page's interop module and the native stand-in.
#include <exception>
#include <string>

#include "core/interop/service.hpp"
#include "core/model/plan_io.hpp"

namespace rp::interop {
namespace {

std::string failure(const std::string& message, bool thrown = false) {
    return packFields({"error", message, thrown ? "1" : "0"});
}

bool flag(const std::string& s) { return s == "1"; }

std::optional<int> number(const std::string& s) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::string exportCall(const std::vector<std::string>& f) {
    if (f.size() != 5) return failure("interop request: export takes 4 fields");
    auto vendor = parseVendor(f[1]);
    if (!vendor || *vendor == Vendor::Ics) return failure("unknown export format \"" + f[1] + "\"");
    LoadResult read = readPlan(f[2]);
    if (!read.ok()) return failure("the plan: " + read.error->str());
    UserMap users;
    if (flag(f[3])) {
        auto r = readUserMap(f[4]);
        if (auto* e = std::get_if<InputError>(&r)) return failure(e->str());
        users = std::get<UserMap>(std::move(r));
    }
    ExportResult out = exportVendor(*read.plan, *vendor, users);
    return packFields({"ok", out.text, lossesToJson(out.losses).dump()});
}

std::string importCall(const std::vector<std::string>& f) {
    if (f.size() != 16) return failure("interop request: import takes 15 fields");
    auto vendor = parseVendor(f[1]);
    if (!vendor) return failure("unknown import format \"" + f[1] + "\"");
    ImportOptions options;
    if (flag(f[2])) options.timezone = f[3];
    if (flag(f[4])) {
        auto weekday = number(f[5]), minute = number(f[6]);
        if (!weekday || !minute) return failure("interop request: bad handoff");
        options.handoff_weekday = *weekday;
        options.handoff_minute = *minute;
    }
    std::optional<RoleFile> files[3];
    for (int r = 0; r < 3; ++r)
        if (flag(f[7 + 3 * r])) files[r] = RoleFile{f[8 + 3 * r], f[9 + 3 * r]};
    if (!files[0]) return failure("the primary schedule's file is required");
    auto r = importTimelines(*vendor, *files[0], files[1], files[2], options);
    if (auto* e = std::get_if<ImportFailure>(&r)) return failure(e->str());
    const ImportResult& imported = std::get<ImportResult>(r);
    return packFields({"ok", writePlan(imported.plan), lossesToJson(imported.losses).dump()});
}

std::string usersCall(const std::vector<std::string>& f) {
    if (f.size() != 2) return failure("interop request: users takes 1 field");
    auto r = readUserMap(f[1]);
    if (auto* e = std::get_if<InputError>(&r)) return failure(e->str());
    const UserMap& map = std::get<UserMap>(r);
    return packFields({"ok", std::to_string(map.users.size() + map.by_key.size())});
}

}  // namespace

std::string serviceCall(std::string_view request) {
    try {
        auto fields = unpackFields(request);
        if (!fields || fields->empty()) return failure("interop request: not a list of fields");
        const std::string& op = (*fields)[0];
        if (op == "export") return exportCall(*fields);
        if (op == "import") return importCall(*fields);
        if (op == "users") return usersCall(*fields);
        return failure("interop request: unknown operation \"" + op + "\"");
    } catch (const std::exception& e) {
        return failure(e.what(), true);
    } catch (...) {
        return failure("unexpected error", true);
    }
}

}  // namespace rp::interop
