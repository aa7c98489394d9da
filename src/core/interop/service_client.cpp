// The requesting side of service.hpp: builds requests, hands them to a transport and reads
// the answers. Links none of the interop code (the page's main module uses it).
#include <string>

#include "core/interop/service.hpp"
#include "core/model/plan_io.hpp"

namespace rp::interop {

// [SECTION] framing

std::string packFields(const std::vector<std::string_view>& fields) {
    std::size_t size = 0;
    for (auto f : fields) size += f.size() + 12;
    std::string out;
    out.reserve(size);
    for (auto f : fields) {
        out += std::to_string(f.size());
        out += ':';
        out.append(f.data(), f.size());
        out += ',';
    }
    return out;
}

std::optional<std::vector<std::string>> unpackFields(std::string_view bytes) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::size_t n = 0, digits = 0;
        while (i < bytes.size() && bytes[i] >= '0' && bytes[i] <= '9') {
            if (++digits > 12) return std::nullopt;
            n = n * 10 + static_cast<std::size_t>(bytes[i++] - '0');
        }
        if (digits == 0 || i >= bytes.size() || bytes[i] != ':') return std::nullopt;
        ++i;
        if (n > bytes.size() - i || n + 1 > bytes.size() - i || bytes[i + n] != ',') return std::nullopt;
        out.emplace_back(bytes.substr(i, n));
        i += n + 1;
    }
    return out;
}

// [SECTION] requests

namespace {

// The answer's fields after "ok" (exactly `n` of them), or the failure it reports.
std::variant<std::vector<std::string>, ServiceError> call(const Transport& transport, const std::string& request,
                                                          std::size_t n) {
    TransportReply reply = transport(request);
    if (!reply.bytes) return ServiceError{reply.error.empty() ? "the vendor formats could not be loaded" : reply.error, true};
    auto fields = unpackFields(*reply.bytes);
    if (fields && fields->size() == 3 && (*fields)[0] == "error") return ServiceError{(*fields)[1], (*fields)[2] == "1"};
    if (!fields || fields->size() != n + 1 || (*fields)[0] != "ok")
        return ServiceError{"the vendor formats module gave an answer that cannot be read", true};
    fields->erase(fields->begin());
    return std::move(*fields);
}

std::variant<std::vector<Loss>, ServiceError> losses(const std::string& text) {
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_array()) return ServiceError{"the vendor formats module gave a loss report that cannot be read", true};
    return lossesFromJson(j);
}

}  // namespace

std::variant<ExportResult, ServiceError> exportVendorVia(const Transport& transport, const Plan& plan, Vendor vendor,
                                                         const std::optional<std::string>& users_text) {
    const std::string plan_text = writePlan(plan);
    auto r = call(transport, packFields({"export", vendorName(vendor), plan_text, users_text ? "1" : "0",
                                         users_text ? std::string_view(*users_text) : std::string_view()}),
                  2);
    if (auto* e = std::get_if<ServiceError>(&r)) return *e;
    auto& f = std::get<std::vector<std::string>>(r);
    auto l = losses(f[1]);
    if (auto* e = std::get_if<ServiceError>(&l)) return *e;
    return ExportResult{std::move(f[0]), std::get<std::vector<Loss>>(std::move(l))};
}

std::variant<ImportResult, ServiceError> importTimelinesVia(const Transport& transport, Vendor vendor,
                                                            const RoleFile& primary,
                                                            const std::optional<RoleFile>& secondary,
                                                            const std::optional<RoleFile>& shadow,
                                                            const ImportOptions& options) {
    const bool handoff = options.handoff_weekday && options.handoff_minute;
    const std::string weekday = handoff ? std::to_string(*options.handoff_weekday) : "";
    const std::string minute = handoff ? std::to_string(*options.handoff_minute) : "";
    std::vector<std::string_view> fields = {"import", vendorName(vendor), options.timezone ? "1" : "0",
                                            options.timezone ? std::string_view(*options.timezone) : std::string_view(),
                                            handoff ? "1" : "0", weekday, minute};
    for (const RoleFile* f : {&primary, secondary ? &*secondary : nullptr, shadow ? &*shadow : nullptr}) {
        fields.push_back(f ? "1" : "0");
        fields.push_back(f ? std::string_view(f->name) : std::string_view());
        fields.push_back(f ? std::string_view(f->text) : std::string_view());
    }
    auto r = call(transport, packFields(fields), 2);
    if (auto* e = std::get_if<ServiceError>(&r)) return *e;
    auto& f = std::get<std::vector<std::string>>(r);
    LoadResult read = readPlan(f[0]);
    if (!read.ok()) return ServiceError{"the imported plan cannot be read back: " + read.error->str(), true};
    auto l = losses(f[1]);
    if (auto* e = std::get_if<ServiceError>(&l)) return *e;
    return ImportResult{std::move(*read.plan), std::get<std::vector<Loss>>(std::move(l))};
}

std::variant<std::size_t, ServiceError> checkUsersVia(const Transport& transport, const std::string& text) {
    auto r = call(transport, packFields({"users", text}), 1);
    if (auto* e = std::get_if<ServiceError>(&r)) return *e;
    const std::string& count = std::get<std::vector<std::string>>(r)[0];
    std::size_t n = 0;
    if (count.empty() || count.size() > 12) return ServiceError{"the vendor formats module gave an answer that cannot be read", true};
    for (char c : count) {
        if (c < '0' || c > '9') return ServiceError{"the vendor formats module gave an answer that cannot be read", true};
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

std::vector<Loss> lossesFromJson(const Json& losses) {
    std::vector<Loss> out;
    for (const Json& o : losses) {
        if (!o.is_object()) continue;
        Loss l;
        if (o.contains("kind") && o["kind"].is_string()) l.kind = o["kind"].get<std::string>();
        if (o.contains("role") && o["role"].is_string()) {
            const std::string role = o["role"].get<std::string>();
            for (Role r : {Role::Primary, Role::Secondary, Role::Shadow})
                if (role == roleName(r)) l.role = r;
        }
        if (o.contains("week") && o["week"].is_string()) l.week = parseDate(o["week"].get<std::string>());
        if (o.contains("person") && o["person"].is_string()) l.person = o["person"].get<std::string>();
        if (o.contains("detail") && o["detail"].is_string()) l.detail = o["detail"].get<std::string>();
        out.push_back(std::move(l));
    }
    return out;
}

}  // namespace rp::interop
