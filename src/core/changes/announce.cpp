// The announcement (changes.md "rotaplan announce"; docs/changes.md "Announcements").
//
// [SECTION] text helpers (Slack and Markdown escaping, alignment)
// [SECTION] the announcement
#include "core/changes/announce.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/changes/diff.hpp"
#include "core/changes/lookup.hpp"
#include "core/changes/publish.hpp"
#include "core/changes/text.hpp"
#include "core/exports/exports.hpp"
#include "core/model/shifts.hpp"
#include "core/model/time.hpp"

namespace rp {

using namespace changes_text;

// [SECTION] text helpers (Slack and Markdown escaping, alignment)

namespace {

const char* kArrow = "\xE2\x86\x92";   // →
const char* kDash = "\xE2\x80\x94";    // —

// Slack mrkdwn: &, < and > are control characters; line breaks would end a bullet.
// Spoofing characters are defused first (exports.hpp withoutSpoofing).
std::string slackText(const std::string& raw) {
    const std::string s = withoutSpoofing(raw);
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '\r': break;
            case '\n': out += ' '; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
                out += c;
        }
    }
    return out;
}

// Inside a code block: no backticks (they would end it), no line breaks, no spoofing
// characters.
std::string codeText(const std::string& raw) {
    const std::string s = withoutSpoofing(raw);
    std::string out;
    for (char c : s) {
        if (c == '`') out += '\'';
        else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    return out;
}

// Markdown inline text (exports.hpp markdownText): spoofing characters defused, markup
// characters escaped ('#' too: a name must not start a heading), line breaks as spaces.
std::string mdText(const std::string& s) { return markdownText(s, true); }

// Width in characters (UTF-8 code points).
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string pad(std::string s, std::size_t w) {
    const std::size_t n = width(s);
    if (n < w) s.append(w - n, ' ');
    return s;
}

bool isSlackMemberId(const std::string& s) {
    if (s.size() < 3 || (s[0] != 'U' && s[0] != 'W')) return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

}  // namespace

std::string slackMention(const Person& p) {
    if (p.slack && !p.slack->empty()) {
        std::string s = *p.slack;
        if (s[0] == '@') s.erase(0, 1);
        if (s.size() > 2 && s[0] == '<' && s[1] == '@' && s.back() == '>') s = s.substr(2, s.size() - 3);
        if (isSlackMemberId(s)) return "<@" + s + ">";
        if (!s.empty()) return "@" + slackText(s);
    }
    return slackText(p.name);
}

// [SECTION] the announcement

namespace {

struct Writer {
    const Plan& plan;
    AnnounceFormat format;
    const date::time_zone* zone;
    std::string out;

    bool slack() const { return format == AnnounceFormat::Slack; }
    std::string text(const std::string& s) const { return slack() ? slackText(s) : mdText(s); }
    std::string name(const std::optional<std::string>& id) const {
        if (!id) return kDash;
        return text(plan.nameOf(*id));
    }
    // A person as the one who must know: a mention in Slack, the name in Markdown.
    std::string who(const std::string& id) const {
        const Person* p = plan.findPerson(id);
        if (!slack()) return mdText(p ? p->name : id);
        return p ? slackMention(*p) : slackText(id);
    }
    void heading(const std::string& title) {
        out += slack() ? "*" + text(title) + "*\n" : "## " + text(title) + "\n\n";
    }
    void bullet(const std::string& line) { out += (slack() ? "\xE2\x80\xA2 " : "- ") + line + "\n"; }
};

// The instant "now" for an announcement written on `today`: the handoff time of that day.
Instant referenceInstant(const Plan& plan, Date today) { return handoffInstant(plan, today); }

std::string changeLine(Writer& w, const DutyChange& c, bool inside, int notice_days) {
    auto who = [&](const std::optional<std::string>& id) { return id ? w.name(id) : std::string("nobody"); };
    std::string s = "Week of " + formatDate(c.week) + ", " + (c.role == Duty::Escalation ? "escalation contact" : dutyName(c.role)) +
                    ": " + who(c.from) + " " + kArrow + " " + who(c.to);
    if (!c.whole_week) s += " (" + localText(w.zone, c.start) + " to " + localText(w.zone, c.end) + ")";
    if (inside) s += " " + std::string(w.slack() ? "_inside the " : "*inside the ") + std::to_string(notice_days) +
                     "-day notice window" + (w.slack() ? "_" : "*");
    std::vector<std::string> people;
    if (c.from) people.push_back(w.who(*c.from));
    if (c.to && (!c.from || *c.to != *c.from)) people.push_back(w.who(*c.to));
    if (!people.empty()) {
        s += " " + std::string(kDash) + " ";
        if (!w.slack()) s += "notify ";
        for (std::size_t k = 0; k < people.size(); ++k) s += (k ? (w.slack() ? " " : ", ") : "") + people[k];
    }
    return s;
}

}  // namespace

std::string announceText(const Plan& plan, const AnnounceOptions& options) {
    Writer w{plan, options.format, teamZone(plan), {}};
    const bool slack = w.slack();
    const std::string title = plan.team_name + " on-call rotation";
    if (slack) w.out += "*" + slackText(title) + "*\n";
    else w.out += "# " + mdText(title) + "\n\n";
    {
        std::string meta = plan.published ? "Published " + formatDate(plan.published->at) + ". " : std::string();
        std::string day = weekdayName(plan.policy.handoff_weekday);
        day[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(day[0])));
        meta += "Times in ";
        // A zone name (letters, digits, / _ + -) needs no escaping, and an underscore inside
        // a word is no emphasis in Markdown.
        bool plain_zone = true;
        for (char c : plan.team_timezone)
            plain_zone = plain_zone && (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '+' || c == '-');
        w.out += w.text(meta) + (plain_zone ? plan.team_timezone : w.text(plan.team_timezone)) +
                 w.text("; handoff " + day + " " + formatHm(plan.policy.handoff_minute) + ".") + "\n\n";
    }

    // The next N weeks from the reference instant on.
    const Instant ref = referenceInstant(plan, options.today);
    const auto spans = weekSpans(plan);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < plan.weeks.size(); ++i)
        if (spans[i].end > ref && spans[i].start < spans[i].end) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return plan.weeks[a].start < plan.weeks[b].start; });
    if (order.size() > static_cast<std::size_t>(std::max(0, options.weeks)))
        order.resize(static_cast<std::size_t>(std::max(0, options.weeks)));
    w.heading(order.size() == 1 ? "Next week" : "Next " + std::to_string(order.size()) + " weeks");
    auto escalationOf = [&](const Week& wk) { return wk.escalation ? wk.escalation : plan.contacts.engineering_lead; };
    if (order.empty()) {
        w.out += w.text("No weeks from " + formatDate(options.today) + " on in the plan.") + "\n\n";
    } else if (slack) {
        std::vector<std::array<std::string, 4>> rows{{"Week of", "Primary", "Secondary", "Escalation"}};
        auto nm = [&](const std::optional<std::string>& id) { return id ? codeText(plan.nameOf(*id)) : std::string("-"); };
        for (std::size_t i : order) {
            const Week& wk = plan.weeks[i];
            rows.push_back({formatDate(wk.start), nm(wk.primary), nm(wk.secondary), nm(escalationOf(wk))});
        }
        std::array<std::size_t, 4> widths{};
        for (const auto& r : rows)
            for (std::size_t k = 0; k < 4; ++k) widths[k] = std::max(widths[k], width(r[k]));
        w.out += "```\n";
        for (const auto& r : rows) {
            std::string line;
            for (std::size_t k = 0; k < 4; ++k) line += k + 1 < 4 ? pad(r[k], widths[k] + 2) : r[k];
            while (!line.empty() && line.back() == ' ') line.pop_back();
            w.out += line + "\n";
        }
        w.out += "```\n";
    } else {
        w.out += "| Week of | Primary | Secondary | Escalation |\n| --- | --- | --- | --- |\n";
        for (std::size_t i : order) {
            const Week& wk = plan.weeks[i];
            w.out += "| " + formatDate(wk.start) + " | " + w.name(wk.primary) + " | " + w.name(wk.secondary) + " | " +
                     w.name(escalationOf(wk)) + " |\n";
        }
        w.out += "\n";
    }
    // Overrides inside the weeks shown.
    if (!order.empty()) {
        std::vector<std::string> lines;
        for (const Override& o : plan.overrides) {
            bool inside = false;
            for (std::size_t i : order) inside = inside || (o.from.at < spans[i].end && spans[i].start < o.to.at);
            if (!inside) continue;
            std::string line = localText(w.zone, o.from.at) + " to " + localText(w.zone, o.to.at) + ": " +
                               w.name(o.person) + " is " + roleName(o.role);
            if (o.reason && !o.reason->empty()) line += " (" + w.text(*o.reason) + ")";
            lines.push_back(line);
        }
        if (!lines.empty()) {
            w.out += slack ? "Overrides:\n" : "Overrides:\n\n";
            for (const auto& l : lines) w.bullet(l);
            if (!slack) w.out += "\n";
        }
        if (slack) {
            // Mentions do not work inside a code block: everyone in the table, once.
            std::vector<std::string> ids;
            auto note = [&](const std::optional<std::string>& id) {
                if (id && std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
            };
            for (std::size_t i : order) {
                note(plan.weeks[i].primary);
                note(plan.weeks[i].secondary);
                note(escalationOf(plan.weeks[i]));
            }
            if (!ids.empty()) {
                std::string line = "On call in these weeks:";
                for (const auto& id : ids) {
                    const Person* p = plan.findPerson(id);
                    const std::string mention = w.who(id);
                    line += " " + mention;
                    if (p && mention != slackText(p->name)) line += " (" + slackText(p->name) + ")";
                    line += id == ids.back() ? "" : ",";
                }
                w.out += line + "\n";
            }
        }
        if (slack) w.out += "\n";
    }

    // Changes: live ones (the plan against its snapshot), else the ones the last publish made.
    const NoticeWindow window = noticeWindow(plan, options.today);
    if (!plan.published) {
        w.heading("Changes");
        w.out += w.text("This is the first announcement: nothing was published before.") + "\n\n";
    } else {
        const auto live = diffPublished(plan, options.today);
        const auto stored = lastPublishedChanges(plan);
        const bool use_live = live && !live->changes.empty();
        const Date since = use_live || !stored ? plan.published->at : stored->since;
        w.heading("Changes since " + formatDate(since));
        const std::vector<DutyChange>& list = use_live ? live->changes : stored ? stored->changes : live->changes;
        if (list.empty()) {
            w.out += w.text("No changes.") + "\n";
        } else {
            for (const DutyChange& c : list) {
                const bool inside = use_live ? c.inside_notice : window.intersects(c.start, c.end);
                w.bullet(changeLine(w, c, inside, window.days));
            }
        }
        w.out += "\n";
    }

    // Contacts, as the procedure's Contact Information section.
    w.heading("Contacts");
    const OnCall now = whoIsOnCall(plan, ref);
    auto contact = [&](const char* label, const std::optional<std::string>& id) {
        std::string line = std::string(slack ? "*" : "**") + label + (slack ? ":* " : ":** ");
        if (!id) {
            w.bullet(line + kDash);
            return;
        }
        const Person* p = plan.findPerson(*id);
        std::string who = slack ? w.who(*id) : w.text(plan.nameOf(*id));
        if (slack && p && who != slackText(p->name)) who += " " + slackText(p->name);
        line += who;
        if (p && p->phone && !p->phone->empty()) line += ", " + w.text(*p->phone);
        if (p && p->email && !p->email->empty()) line += ", " + w.text(*p->email);
        w.bullet(line);
    };
    contact("Primary on-call", now.primary ? std::optional<std::string>(now.primary->person) : std::nullopt);
    contact("Secondary on-call", now.secondary ? std::optional<std::string>(now.secondary->person) : std::nullopt);
    contact("Engineering lead", plan.contacts.engineering_lead);
    contact("CTO", plan.contacts.cto);
    return w.out;
}

}  // namespace rp
