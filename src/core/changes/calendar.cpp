// Calendar identity of resolved pieces (docs/changes.md "Calendars that update").
//
// [SECTION] piece keys and UIDs
// [SECTION] the stored state (published.ics)
// [SECTION] sequences and cancellations
// [SECTION] after a publish
#include "core/changes/calendar.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "core/changes/diff.hpp"
#include "core/changes/text.hpp"
#include "core/model/digits.hpp"
#include "core/model/time.hpp"

namespace rp {

// [SECTION] piece keys and UIDs

namespace {

int roleRank(Role r) { return r == Role::Primary ? 0 : r == Role::Secondary ? 1 : 2; }

}  // namespace

std::vector<std::string> calendarPieceKeys(const Plan& plan, const std::vector<Shift>& shifts) {
    const std::size_t n = shifts.size();
    std::vector<std::size_t> idx;
    idx.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (shifts[i].week >= 0 && static_cast<std::size_t>(shifts[i].week) < plan.weeks.size()) idx.push_back(i);
    auto weekOf = [&](std::size_t i) { return plan.weeks[static_cast<std::size_t>(shifts[i].week)].start; };
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
        const Date wa = weekOf(a), wb = weekOf(b);
        if (wa != wb) return wa < wb;
        if (shifts[a].role != shifts[b].role) return roleRank(shifts[a].role) < roleRank(shifts[b].role);
        if (shifts[a].start != shifts[b].start) return shifts[a].start < shifts[b].start;
        return shifts[a].week < shifts[b].week;
    });
    std::vector<std::string> keys(n);
    int number = 0;
    for (std::size_t k = 0; k < idx.size(); ++k) {
        const std::size_t i = idx[k];
        const bool same = k > 0 && weekOf(idx[k - 1]) == weekOf(i) && shifts[idx[k - 1]].role == shifts[i].role;
        number = same ? number + 1 : 1;
        // "<week start>/<role>/<n>" written into one buffer: one allocation per key.
        char buf[64];
        char* p = fixed::putDate(buf, date::year_month_day{weekOf(i)});
        *p++ = '/';
        for (const char* r = roleName(shifts[i].role); *r; ++r) *p++ = *r;
        *p++ = '/';
        p = fixed::put(p, number, 1);
        keys[i].assign(buf, static_cast<std::size_t>(p - buf));
    }
    return keys;
}

namespace {

// The team part of a UID: the team name's letters and digits in lower case, other runs
// as one '-', cut at 40 characters; "team" when nothing is left.
std::string uidSlug(const Plan& plan) {
    std::string slug;
    for (char c : plan.team_name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) slug += c;
        else if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
        else if (!slug.empty() && slug.back() != '-') slug += '-';
        if (slug.size() >= 40) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "team";
    return slug;
}

// "<key with '/' as '-'>.<slug>@rotaplan", built in place.
std::string uidOf(const std::string& key, const std::string& slug) {
    std::string uid(key.size() + 1 + slug.size() + 9, '.');
    char* p = &uid[0];
    for (char c : key) *p++ = c == '/' ? '-' : c;
    ++p;  // the '.'
    std::memcpy(p, slug.data(), slug.size());
    std::memcpy(p + slug.size(), "@rotaplan", 9);
    return uid;
}

}  // namespace

std::string calendarUid(const Plan& plan, const std::string& key) { return uidOf(key, uidSlug(plan)); }

// [SECTION] the stored state (published.ics)

namespace {

struct StoredCancel {
    std::string key, person;
    Instant start, end;
    int sequence = 0;
};

struct Stored {
    std::unordered_map<std::string, int> sequence;
    std::vector<StoredCancel> cancelled;
};

// Lenient: entries that are not what Rotaplan writes are skipped (the member is
// Rotaplan's own bookkeeping; a hand-edited one must not stop an export).
Stored readStored(const Plan& plan) {
    Stored s;
    if (!plan.published) return s;
    const Json& extra = plan.published->extra;
    if (!extra.is_object() || !extra.contains("ics") || !extra["ics"].is_object()) return s;
    const Json& ics = extra["ics"];
    if (ics.contains("sequence") && ics["sequence"].is_object())
        for (auto it = ics["sequence"].begin(); it != ics["sequence"].end(); ++it)
            if (it.value().is_number_integer() && it.value().get<long long>() >= 0 &&
                it.value().get<long long>() < 1000000000)
                s.sequence[it.key()] = static_cast<int>(it.value().get<long long>());
    const auto* zone = changes_text::teamZone(plan);
    if (ics.contains("cancelled") && ics["cancelled"].is_array())
        for (const Json& c : ics["cancelled"]) {
            if (!c.is_object()) continue;
            auto str = [&](const char* k) -> std::optional<std::string> {
                if (c.contains(k) && c[k].is_string()) return c[k].get<std::string>();
                return std::nullopt;
            };
            const auto key = str("piece"), person = str("person"), start = str("start"), end = str("end");
            if (!key || !person || !start || !end) continue;
            const auto a = parseDateTime(zone, *start), b = parseDateTime(zone, *end);
            if (!a || !b) continue;
            StoredCancel sc{*key, *person, *a, *b, 0};
            if (c.contains("sequence") && c["sequence"].is_number_integer() && c["sequence"].get<long long>() >= 0 &&
                c["sequence"].get<long long>() < 1000000000)
                sc.sequence = static_cast<int>(c["sequence"].get<long long>());
            s.cancelled.push_back(std::move(sc));
        }
    return s;
}

// The week start and role of a key "2026-11-30/primary/1".
bool parseKey(const std::string& key, Date& week, Role& role) {
    if (key.size() < 12 || key[10] != '/') return false;
    const auto d = parseDate(key.substr(0, 10));
    if (!d) return false;
    const auto slash = key.find('/', 11);
    if (slash == std::string::npos) return false;
    const std::string r = key.substr(11, slash - 11);
    if (r == "primary") role = Role::Primary;
    else if (r == "secondary") role = Role::Secondary;
    else if (r == "shadow") role = Role::Shadow;
    else return false;
    week = *d;
    return true;
}

// [SECTION] sequences and cancellations

struct Piece {
    std::string person;
    Instant start, end;
    Role role = Role::Primary;
    Date week;
};

// Everything the sequence rules need: the current pieces by key, the published ones by
// key, the stored state.
struct Compared {
    std::vector<std::string> keys;                     // current, same order as the shifts
    std::unordered_map<std::string, std::size_t> now;  // key -> shift index
    std::map<std::string, Piece> published;            // key -> piece as published
    Stored stored;

    int storedSeq(const std::string& key) const {
        auto it = stored.sequence.find(key);
        return it == stored.sequence.end() ? 0 : it->second;
    }
    // The sequence a current piece carries.
    int sequenceOf(const std::string& key, const Shift& s) const {
        auto p = published.find(key);
        if (p != published.end()) {
            const bool same = p->second.person == s.person && p->second.start == s.start && p->second.end == s.end;
            return same ? storedSeq(key) : storedSeq(key) + 1;
        }
        auto q = stored.sequence.find(key);
        return q == stored.sequence.end() ? 0 : q->second + 1;
    }
};

Compared compare(const Plan& plan, const std::vector<Shift>& shifts) {
    Compared c;
    c.keys = calendarPieceKeys(plan, shifts);
    if (!plan.published) return c;  // `now` is only asked about published pieces
    for (std::size_t i = 0; i < shifts.size(); ++i)
        if (!c.keys[i].empty()) c.now.emplace(c.keys[i], i);
    const Plan snap = snapshotPlan(plan);
    const auto snap_shifts = resolveShifts(snap);
    const auto snap_keys = calendarPieceKeys(snap, snap_shifts);
    for (std::size_t i = 0; i < snap_shifts.size(); ++i) {
        if (snap_keys[i].empty()) continue;
        const Shift& s = snap_shifts[i];
        c.published.emplace(snap_keys[i],
                            Piece{s.person, s.start, s.end, s.role, snap.weeks[static_cast<std::size_t>(s.week)].start});
    }
    c.stored = readStored(plan);
    return c;
}

}  // namespace

CalendarState calendarState(const Plan& plan, const std::vector<Shift>& shifts,
                            const std::optional<std::string>& person) {
    CalendarState out;
    const Compared c = compare(plan, shifts);
    out.pieces.resize(shifts.size());
    const std::string slug = uidSlug(plan);
    for (std::size_t i = 0; i < shifts.size(); ++i) {
        if (c.keys[i].empty()) continue;
        out.pieces[i].uid = uidOf(c.keys[i], slug);
        out.pieces[i].sequence = plan.published ? c.sequenceOf(c.keys[i], shifts[i]) : 0;
    }
    if (!plan.published) return out;

    std::map<std::string, CalendarCancel> cancels;  // by key
    auto currentSeq = [&](const std::string& key, int otherwise) {
        auto it = c.now.find(key);
        return it == c.now.end() ? otherwise : c.sequenceOf(key, shifts[it->second]);
    };
    auto holderNow = [&](const std::string& key) -> const std::string* {
        auto it = c.now.find(key);
        return it == c.now.end() ? nullptr : &shifts[it->second].person;
    };
    auto put = [&](const std::string& key, const std::string& who, Role role, Date week, Instant a, Instant b, int seq) {
        auto it = cancels.find(key);
        if (it != cancels.end()) {
            it->second.sequence = std::max(it->second.sequence, seq);
            return;
        }
        cancels.emplace(key, CalendarCancel{calendarUid(plan, key), key, who, role, week, a, b, seq});
    };
    // Pieces published since the last publish that left this calendar.
    for (const auto& [key, p] : c.published) {
        const std::string* now = holderNow(key);
        const bool gone = person ? (p.person == *person && (!now || *now != *person)) : !now;
        if (gone) put(key, p.person, p.role, p.week, p.start, p.end, currentSeq(key, c.storedSeq(key) + 1));
    }
    // Pieces that left it at the last publish (kept until their week is over).
    for (const StoredCancel& sc : c.stored.cancelled) {
        Date week;
        Role role;
        if (!parseKey(sc.key, week, role)) continue;
        const std::string* now = holderNow(sc.key);
        const bool gone = person ? (sc.person == *person && (!now || *now != *person)) : !now;
        if (!gone) continue;
        if (!person && c.published.count(sc.key)) continue;  // published again, handled above
        put(sc.key, sc.person, role, week, sc.start, sc.end, std::max(sc.sequence, currentSeq(sc.key, sc.sequence)));
    }
    for (auto& kv : cancels) out.cancelled.push_back(std::move(kv.second));
    std::sort(out.cancelled.begin(), out.cancelled.end(), [](const CalendarCancel& a, const CalendarCancel& b) {
        if (a.start != b.start) return a.start < b.start;
        return a.uid < b.uid;
    });
    return out;
}

// [SECTION] after a publish

Json calendarStateAfterPublish(const Plan& plan, Date today) {
    const auto shifts = resolveShifts(plan);
    const Compared c = compare(plan, shifts);
    std::map<std::string, int> seq(c.stored.sequence.begin(), c.stored.sequence.end());
    for (std::size_t i = 0; i < shifts.size(); ++i)
        if (!c.keys[i].empty()) seq[c.keys[i]] = c.sequenceOf(c.keys[i], shifts[i]);
    for (const auto& kv : c.published)
        if (!c.now.count(kv.first)) seq[kv.first] = c.storedSeq(kv.first) + 1;

    struct Entry {
        std::string key, person;
        Instant start, end;
        int sequence;
    };
    std::map<std::pair<std::string, std::string>, Entry> cancelled;  // (key, person)
    auto holderNow = [&](const std::string& key) -> const std::string* {
        auto it = c.now.find(key);
        return it == c.now.end() ? nullptr : &shifts[it->second].person;
    };
    for (const auto& [key, p] : c.published) {
        const std::string* now = holderNow(key);
        if (now && *now == p.person) continue;
        cancelled[{key, p.person}] = Entry{key, p.person, p.start, p.end, seq[key]};
    }
    for (const StoredCancel& sc : c.stored.cancelled) {
        Date week;
        Role role;
        if (!parseKey(sc.key, week, role)) continue;
        if (week + date::days{7} < today) continue;  // over: nobody needs the cancellation now
        const std::string* now = holderNow(sc.key);
        if (now && *now == sc.person) continue;
        auto k = std::make_pair(sc.key, sc.person);
        if (cancelled.count(k)) continue;
        auto s = seq.find(sc.key);
        cancelled[k] = Entry{sc.key, sc.person, sc.start, sc.end, std::max(sc.sequence, s == seq.end() ? 0 : s->second)};
    }

    const auto* zone = changes_text::teamZone(plan);
    Json j = Json::object();
    Json sj = Json::object();
    for (const auto& kv : seq)
        if (kv.second > 0) sj[kv.first] = kv.second;
    j["sequence"] = std::move(sj);
    Json cj = Json::array();
    for (const auto& kv : cancelled) {
        const Entry& e = kv.second;
        Json o = Json::object();
        o["piece"] = e.key;
        o["person"] = e.person;
        o["start"] = formatRfc3339(zone, e.start);
        o["end"] = formatRfc3339(zone, e.end);
        o["sequence"] = e.sequence;
        cj.push_back(std::move(o));
    }
    j["cancelled"] = std::move(cj);
    return j;
}

}  // namespace rp
