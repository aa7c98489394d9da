// The loss report (interop.md "Common model") and the vendor names.
#include <algorithm>
#include <map>

#include "core/interop/interop.hpp"

namespace rp::interop {

// [SECTION] vendors

namespace {

struct VendorNames {
    Vendor vendor;
    const char* name;
    const char* title;
};

const VendorNames kVendors[] = {
    {Vendor::PagerDuty, "pagerduty", "PagerDuty"},
    {Vendor::Opsgenie, "opsgenie", "Opsgenie"},
    {Vendor::GrafanaOnCall, "grafana-oncall", "Grafana OnCall"},
    {Vendor::GoAlert, "goalert", "GoAlert"},
    {Vendor::Ics, "ics", "iCalendar"},
};

// Kinds in the order the summary lists them; others after, alphabetically.
const char* const kKindOrder[] = {"unmapped-person", "rounded-time", "unsupported", "hole", "outside-span"};

int kindRank(const std::string& kind) {
    for (int i = 0; i < 5; ++i)
        if (kind == kKindOrder[i]) return i;
    return 5;
}

int roleRank(const std::optional<Role>& r) { return r ? static_cast<int>(*r) + 1 : 0; }

}  // namespace

std::optional<Vendor> parseVendor(std::string_view name) {
    for (const auto& v : kVendors)
        if (name == v.name) return v.vendor;
    return std::nullopt;
}

const char* vendorName(Vendor v) {
    for (const auto& n : kVendors)
        if (n.vendor == v) return n.name;
    return "?";
}

const char* vendorTitle(Vendor v) {
    for (const auto& n : kVendors)
        if (n.vendor == v) return n.title;
    return "?";
}

// [SECTION] losses

void sortLosses(std::vector<Loss>& losses) {
    std::stable_sort(losses.begin(), losses.end(), [](const Loss& a, const Loss& b) {
        if (a.week.has_value() != b.week.has_value()) return !a.week.has_value();
        if (a.week && *a.week != *b.week) return *a.week < *b.week;
        if (roleRank(a.role) != roleRank(b.role)) return roleRank(a.role) < roleRank(b.role);
        if (kindRank(a.kind) != kindRank(b.kind)) return kindRank(a.kind) < kindRank(b.kind);
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.person != b.person) return a.person < b.person;
        return a.detail < b.detail;
    });
}

Json lossesToJson(const std::vector<Loss>& losses) {
    Json out = Json::array();
    for (const Loss& l : losses) {
        Json o = Json::object();
        o["kind"] = l.kind;
        o["role"] = l.role ? Json(roleName(*l.role)) : Json(nullptr);
        o["week"] = l.week ? Json(formatDate(*l.week)) : Json(nullptr);
        o["person"] = l.person ? Json(*l.person) : Json(nullptr);
        o["detail"] = l.detail;
        out.push_back(std::move(o));
    }
    return out;
}

std::vector<std::string> lossSummary(const std::vector<Loss>& losses) {
    std::map<std::pair<int, std::string>, std::pair<int, const Loss*>> by_kind;
    for (const Loss& l : losses) {
        auto& slot = by_kind[{kindRank(l.kind), l.kind}];
        if (slot.first++ == 0) slot.second = &l;
    }
    std::vector<std::string> out;
    for (const auto& [key, value] : by_kind) {
        std::string line = key.second + ": " + std::to_string(value.first);
        line += value.first == 1 ? " (" : " (first: ";
        line += value.second->detail + ")";
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace rp::interop
