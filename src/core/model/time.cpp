// Time in the team's zone (rules.md "Time"): zone look-up, local wall-clock time to
// instants (skipped times -> the transition instant, repeated times -> the earlier
// instant), offsets and the RFC 3339 / iCalendar text forms.
//
// Speed: the rotation code asks for thousands of handoffs. Zones are looked up once
// per name (the pointer date/tz returns is stable), and the last period of constant
// offset of each zone is remembered per thread, so most conversions do no search.
#include "core/model/time.hpp"

#include "core/model/digits.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <unordered_map>
#include <vector>

#include <date/tz.h>

namespace rp {

namespace {

using std::chrono::seconds;

// [SECTION] zone look-up cache

struct ZoneCache {
    std::mutex mutex;
    std::unordered_map<std::string, const date::time_zone*> by_name;
    std::size_t misses = 0;
};

ZoneCache& zoneCache() {
    static ZoneCache cache;
    return cache;
}

// [SECTION] legacy links

// Where date/tz reads the zone files (USE_OS_TZDB), natively and in the page alike.
constexpr const char* kZoneDir = "/usr/share/zoneinfo";

// Link name -> target zone, from the "L TARGET NAME" lines of tzdata.zi (the page packages
// just those lines under the same name). The links are resolved here, the same way on
// every platform, instead of through whatever symbolic links a system's folder holds.
const std::unordered_map<std::string, std::string>& zoneLinks() {
    static const std::unordered_map<std::string, std::string> links = [] {
        std::unordered_map<std::string, std::string> out;
        std::ifstream in(std::string(kZoneDir) + "/tzdata.zi");
        std::string line;
        while (std::getline(in, line)) {
            if (line.size() < 5 || line[0] != 'L' || line[1] != ' ') continue;
            const std::size_t sp = line.find(' ', 2);
            if (sp == std::string::npos) continue;
            std::string target = line.substr(2, sp - 2), name = line.substr(sp + 1);
            while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
            if (!target.empty() && !name.empty()) out.emplace(std::move(name), std::move(target));
        }
        return out;
    }();
    return links;
}

// Names no plan may use: they are not IANA zones, or mean a different zone on every
// machine ("localtime" is the machine's own setting).
bool isRefusedZoneName(std::string_view name) {
    if (name.empty() || name.size() > 200) return true;
    // Debian's zoneinfo also holds "posix/..." copies and "right/..." zones that count leap
    // seconds; neither is an IANA name, and "right/" ones would shift every time.
    if (name.substr(0, 6) == "posix/" || name.substr(0, 6) == "right/") return true;
    if (name == "localtime" || name == "posixrules" || name == "Factory") return true;
    if (name.front() == '/' || name.find("..") != std::string_view::npos) return true;
    return false;
}

const date::time_zone* locateUncached(const std::string& name) {
    try {
        const date::time_zone* z = date::locate_zone(name);
        // date/tz reads the zone file lazily; do it now so a broken file is a miss here
        // and not an exception in the middle of a computation.
        (void)z->get_info(date::sys_seconds{});
        return z;
    } catch (...) {
        return nullptr;
    }
}

// [SECTION] per-thread memory of the last constant-offset period of a zone

struct Period {
    const date::time_zone* zone = nullptr;
    Instant begin{}, end{};
    seconds offset{0};
};

constexpr int kPeriodSlots = 4;
thread_local Period t_periods[kPeriodSlots];
thread_local int t_next_slot = 0;

const Period* findPeriod(const date::time_zone* zone, Instant t) {
    for (const Period& p : t_periods)
        if (p.zone == zone && p.begin <= t && t < p.end) return &p;
    return nullptr;
}

void rememberPeriod(const date::time_zone* zone, const date::sys_info& info) {
    Period& p = t_periods[t_next_slot];
    t_next_slot = (t_next_slot + 1) % kPeriodSlots;
    p.zone = zone;
    p.begin = info.begin;
    p.end = info.end;
    p.offset = info.offset;
}

// Offsets never differ by a day or more, so a candidate instant at least this far inside a
// constant-offset period has exactly one reading as local time.
constexpr seconds kSafety{26 * 3600};

// [SECTION] text helpers

int digits(std::string_view s, std::size_t at, std::size_t n) { return fixed::readDigits(s, at, n); }

}  // namespace

// [SECTION] public functions

const date::time_zone* findZone(std::string_view name) {
    if (isRefusedZoneName(name)) return nullptr;
    thread_local std::string t_last_name;
    thread_local const date::time_zone* t_last_zone = nullptr;
    if (t_last_zone && name == t_last_name) return t_last_zone;

    ZoneCache& cache = zoneCache();
    std::string key(name);
    const date::time_zone* zone = nullptr;
    {
        std::lock_guard<std::mutex> lock(cache.mutex);
        auto it = cache.by_name.find(key);
        if (it != cache.by_name.end()) {
            zone = it->second;
        } else {
            // plan-format.md: "EST" means the US Eastern zone with its daylight-saving
            // rules, not the tz database's fixed UTC-05:00 zone of that name.
            if (key == "EST") {
                zone = locateUncached("America/New_York");
            } else {
                const auto& links = zoneLinks();
                auto link = links.find(key);
                zone = locateUncached(link != links.end() ? link->second : key);
            }
            if (!zone && key == "UTC") zone = locateUncached("Etc/UTC");
            // Misses are remembered too, but only a bounded number of them (a fuzzer or a
            // hostile file could ask for millions of distinct bad names).
            if (zone || cache.misses < 1024) {
                if (!zone) ++cache.misses;
                cache.by_name.emplace(key, zone);
            }
        }
    }
    if (zone) {
        t_last_name = std::move(key);
        t_last_zone = zone;
    }
    return zone;
}

const std::vector<std::string>& zoneNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        const auto& links = zoneLinks();
        try {
            for (const auto& z : date::get_tzdb().zones) {
                const std::string name(z.name());
                if (!links.count(name) && !isRefusedZoneName(name)) out.push_back(name);
            }
        } catch (const std::exception&) {
        }
        const std::size_t zones = out.size();
        std::sort(out.begin(), out.end());
        for (const auto& [name, target] : links)
            if (!isRefusedZoneName(name) && std::binary_search(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(zones), target))
                out.push_back(name);
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return names;
}

Instant localToInstant(const date::time_zone* zone, date::local_seconds local) {
    const Instant as_utc{local.time_since_epoch()};
    if (!zone) return as_utc;  // no zone: read as UTC
    // Fast path: the period remembered for this zone holds the candidate well inside it.
    for (const Period& p : t_periods) {
        if (p.zone != zone) continue;
        const Instant candidate = as_utc - p.offset;
        if (p.begin + kSafety <= candidate && candidate + kSafety < p.end) return candidate;
    }
    const date::local_info info = zone->get_info(local);
    switch (info.result) {
        case date::local_info::unique:
            rememberPeriod(zone, info.first);
            return as_utc - info.first.offset;
        case date::local_info::ambiguous:  // first is the earlier period: the earlier instant
            return as_utc - info.first.offset;
        case date::local_info::nonexistent:  // the first instant after the gap
        default:
            return info.second.begin;
    }
}

Instant localToInstant(const date::time_zone* zone, Date day, int minute_of_day) {
    return localToInstant(zone, date::local_seconds{day.time_since_epoch()} +
                                    std::chrono::minutes{minute_of_day});
}

Instant handoffInstant(const Plan& plan, Date day) {
    return localToInstant(findZone(plan.team_timezone), day, plan.policy.handoff_minute);
}

int offsetSeconds(const date::time_zone* zone, Instant t) {
    if (!zone) return 0;
    if (const Period* p = findPeriod(zone, t)) return static_cast<int>(p->offset.count());
    const date::sys_info info = zone->get_info(t);
    rememberPeriod(zone, info);
    return static_cast<int>(info.offset.count());
}

LocalReading localReading(const date::time_zone* zone, Instant t) {
    if (!zone) return {date::local_seconds{t.time_since_epoch()}, true};
    const date::local_seconds local{t.time_since_epoch() + seconds{offsetSeconds(zone, t)}};
    // Well inside a constant-offset period no other instant has the same reading.
    if (const Period* p = findPeriod(zone, t); p && p->begin + kSafety <= t && t + kSafety < p->end)
        return {local, true};
    return {local, zone->get_info(local).result != date::local_info::ambiguous};
}

std::string formatRfc3339(const date::time_zone* zone, Instant t) {
    char buf[kRfc3339Max];
    return std::string(buf, formatRfc3339To(buf, zone, t));
}

std::size_t formatRfc3339To(char* buf, const date::time_zone* zone, Instant t) {
    const int off = offsetSeconds(zone, t);
    const date::local_seconds local{t.time_since_epoch() + seconds{off}};
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const long long sod = (local - day).count();
    const int aoff = off < 0 ? -off : off;
    char* p = fixed::putDate(buf, ymd);
    *p++ = 'T';
    p = fixed::putClock(p, sod, true);
    *p++ = off < 0 ? '-' : '+';
    // An offset with seconds (local mean time, outside any plan's weeks: the reader
    // refuses such weeks) keeps them, so the text still names the instant.
    return static_cast<std::size_t>(fixed::putClock(p, aoff, aoff % 60 != 0) - buf);
}

bool wholeMinuteOffsets(const date::time_zone* zone, Instant from, Instant to, Offending* bad,
                        std::pair<Instant, Instant>* whole_span) {
    if (!zone) return true;
    date::sys_info info = zone->get_info(from);
    if (whole_span) whole_span->first = info.begin;
    for (int guard = 0; guard < 100000; ++guard) {
        if (info.offset.count() % 60 != 0) {
            if (bad) {
                bad->offset_seconds = static_cast<int>(info.offset.count());
                bad->whole_from.reset();
                date::sys_info next = info;
                for (int g = 0; g < 100000 && next.end < date::sys_seconds::max() - date::days{366}; ++g) {
                    next = zone->get_info(next.end);
                    if (next.offset.count() % 60 == 0) {
                        bad->whole_from = next.begin;
                        break;
                    }
                }
            }
            return false;
        }
        if (info.end >= to) {
            if (whole_span) whole_span->second = info.end;
            return true;
        }
        info = zone->get_info(info.end);
    }
    return true;
}

std::string formatOffset(int off) {
    const int a = off < 0 ? -off : off;
    char buf[24];
    buf[0] = off < 0 ? '-' : '+';
    return std::string(buf, fixed::putClock(buf + 1, a, a % 60 != 0));
}

Date dateIn(const date::time_zone* zone, Instant t) {
    const date::local_seconds local{t.time_since_epoch() + seconds{offsetSeconds(zone, t)}};
    return Date{date::floor<date::days>(local).time_since_epoch()};
}

std::string formatIcsUtc(Instant t) {
    char buf[48];
    return std::string(buf, fixed::putBasic(buf, date::local_seconds{t.time_since_epoch()}, true));
}

std::optional<Instant> parseDateTime(const date::time_zone* team_zone, std::string_view s) {
    // YYYY-MM-DDTHH:MM  [:SS]  [Z | +HH:MM | -HH:MM]
    if (s.size() < 16 || s[10] != 'T' || s[13] != ':') return std::nullopt;
    const std::optional<Date> day = parseDate(std::string(s.substr(0, 10)));
    const int hh = digits(s, 11, 2), mm = digits(s, 14, 2);
    if (!day || hh < 0 || mm < 0 || hh > 23 || mm > 59) return std::nullopt;
    std::size_t at = 16;
    int ss = 0;
    if (at < s.size() && s[at] == ':') {
        if (s.size() < at + 3) return std::nullopt;
        ss = digits(s, at + 1, 2);
        if (ss < 0 || ss > 59) return std::nullopt;
        at += 3;
    }
    const date::local_seconds local{day->time_since_epoch() + std::chrono::hours{hh} +
                                    std::chrono::minutes{mm} + seconds{ss}};
    if (at == s.size()) return localToInstant(team_zone, local);
    if (s[at] == 'Z' && at + 1 == s.size()) return Instant{local.time_since_epoch()};
    if ((s[at] == '+' || s[at] == '-') && s.size() == at + 6 && s[at + 3] == ':') {
        const int oh = digits(s, at + 1, 2), om = digits(s, at + 4, 2);
        if (oh < 0 || om < 0 || oh > 23 || om > 59) return std::nullopt;
        const seconds off{(oh * 60 + om) * 60 * (s[at] == '-' ? -1 : 1)};
        return Instant{local.time_since_epoch() - off};
    }
    return std::nullopt;
}

Instant dayStart(const date::time_zone* zone, Date d) {
    return localToInstant(zone, date::local_seconds{d.time_since_epoch()});
}

}  // namespace rp
