// Saving in the browser (docs/page.md "Saving in the browser"): the newest plan and a short
// list of earlier saves in IndexedDB (web/rotaplan-store.js through platform::Store*), shared
// safely between tabs; restored with its undo history on the next visit.
//
// [SECTION] helpers: times, entries
// [SECTION] start-up: the newest save, the old localStorage plan, or the sample
// [SECTION] each frame: the store's events, then save when the plan changed
// [SECTION] the status bar, the conflict dialog, "Restore an earlier save"
// [SECTION] test hook
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <fstream>
#include <sstream>

#include <date/tz.h>

#include "imgui.h"

#include "actions.hpp"
#include "app_state.hpp"
#include "core/model/plan_io.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE
#endif

namespace app {
namespace {

constexpr const char* kSamplePath = "/assets/sample-plan.json";
// The undo history stored with each save: its newest steps, up to this many bytes.
constexpr std::size_t kStoredUndoBytes = 8u << 20;

// ---- [SECTION] helpers ------------------------------------------------------------------

double NowMs() { return platform::NowSeconds() * 1000.0; }

// "14:32" today, "Tue 01 Dec 14:32" on another day, in the viewer's zone.
std::string LocalTime(const App& app, double ms) {
    using namespace std::chrono;
    if (ms <= 0) return "—";
    const date::sys_seconds t{seconds{static_cast<long long>(ms / 1000)}};
    const date::sys_seconds now = floor<seconds>(system_clock::now());
    try {
        date::local_seconds local, today;
        if (app.viewer.zone) {
            local = app.viewer.zone->to_local(t);
            today = app.viewer.zone->to_local(now);
        } else {
            local = date::local_seconds{t.time_since_epoch()};
            today = date::local_seconds{now.time_since_epoch()};
        }
        if (date::floor<date::days>(local) == date::floor<date::days>(today)) return date::format("%H:%M", local);
        return date::format("%a %d %b %H:%M", local);
    } catch (const std::exception&) {
        return date::format("%Y-%m-%d %H:%M UTC", t);
    }
}

std::string SizeText(double bytes) {
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%.0f B", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024);
    else std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024 * 1024));
    return buf;
}

SaveEntry ReadEntry(const rp::Json& j) {
    SaveEntry e;
    if (!j.is_object()) return e;
    if (j.contains("seq") && j["seq"].is_number()) e.seq = j["seq"].get<long long>();
    if (j.contains("time") && j["time"].is_number()) e.time_ms = j["time"].get<double>();
    if (j.contains("desc") && j["desc"].is_string()) e.description = j["desc"].get<std::string>();
    if (j.contains("tab") && j["tab"].is_string()) e.tab = j["tab"].get<std::string>();
    if (j.contains("kind") && j["kind"].is_string()) e.kind = j["kind"].get<std::string>();
    if (j.contains("size") && j["size"].is_number()) e.size = j["size"].get<double>();
    return e;
}

std::vector<SaveEntry> ReadIndex(const rp::Json& j) {
    std::vector<SaveEntry> out;
    if (!j.is_array()) return out;
    for (const rp::Json& e : j) out.push_back(ReadEntry(e));
    std::sort(out.begin(), out.end(), [](const SaveEntry& a, const SaveEntry& b) { return a.seq < b.seq; });
    return out;
}

std::string Quoted(const std::string& s) { return "\u201c" + (s.empty() ? std::string("changes") : s) + "\u201d"; }

bool Untouched(const App& app) {
    return app.storage.sample && app.doc.TextVersion() == app.storage.sample_text;
}

// The plan is stored as it is (nothing changed since the last save, no save running).
bool InSync(const App& app) {
    const StorageState& st = app.storage;
    if (Untouched(app)) return true;
    return !st.in_flight && st.failure.empty() && !app.doc.HasLiveEdit() && st.saved_text == app.doc.TextVersion();
}

// ---- [SECTION] start-up ------------------------------------------------------------------

std::optional<std::string> ReadFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void OpenSample(App& app) {
    std::optional<std::string> sample = ReadFile(kSamplePath);
    if (!sample) {
        ShowError(app, "Sample plan missing", std::string("Cannot read ") + kSamplePath);
        return;
    }
    rp::LoadResult r = rp::readPlan(*sample);
    if (!r.ok()) {
        ShowError(app, "Cannot open the sample plan", r.error ? r.error->str() : "unknown error");
        return;
    }
    app.doc.Reset(std::move(*r.plan));
    app.doc.saved_revision = app.doc.revision();
    app.file_name = "sample-plan.json";
    app.storage.sample = true;
    app.storage.sample_text = app.doc.TextVersion();
}

}  // namespace

void RestoreStartPlan(App& app) {
    StorageState& st = app.storage;
    platform::StoreStartup startup = platform::StoreTakeStartup();
    rp::Json meta = rp::Json::parse(startup.meta_json, nullptr, false);
    if (meta.is_discarded() || !meta.is_object()) meta = rp::Json::object();
    st.available = meta.value("available", false);
    st.unavailable_reason = meta.contains("error") && meta["error"].is_string() ? meta["error"].get<std::string>() : "";
    st.tab = meta.contains("tab") && meta["tab"].is_string() ? meta["tab"].get<std::string>() : "";
    st.index = ReadIndex(meta.contains("index") ? meta["index"] : rp::Json());
    const bool has_head = meta.contains("head") && meta["head"].is_object();
    const SaveEntry head = has_head ? ReadEntry(meta["head"]) : SaveEntry();
    const rp::Json unsaved = meta.contains("unsaved") ? meta["unsaved"] : rp::Json();

    if (has_head) {
        st.base_seq = head.seq;   // saves go over it, even when it cannot be read
        std::string why = "it is missing";
        if (startup.plan) {
            rp::LoadResult r = rp::readPlan(*startup.plan);
            if (r.ok()) {
                app.doc.Reset(std::move(*r.plan));
                if (startup.undo) app.doc.RestoreHistory(*startup.undo);
                app.doc.saved_revision = app.doc.revision();
                st.saved_text = app.doc.TextVersion();
                st.saved_at_ms = head.time_ms;
                // A later change that could not be saved (storage full): say that this is
                // not the newest plan, and keep saying it until a save succeeds.
                if (unsaved.is_object() && unsaved.value("time", 0.0) > head.time_ms) {
                    const std::string desc = unsaved.value("desc", std::string());
                    st.failure = "changes after " + LocalTime(app, head.time_ms) + " were not saved (the last: " +
                                 Quoted(desc) + " at " + LocalTime(app, unsaved.value("time", 0.0)) + ")";
                    st.failure_quota = unsaved.value("error", std::string()) == "QuotaExceededError";
                    st.failure_restored = true;
                    ShowNotice(app, "Restored the save of " + LocalTime(app, head.time_ms) + ", not your latest changes", 0);
                } else {
                    ShowNotice(app, "Restored your plan saved in this browser at " + LocalTime(app, head.time_ms), 0);
                }
                return;
            }
            why = r.error ? r.error->str() : std::string("unreadable");
        }
        OpenSample(app);
        ShowNotice(app, "The newest save in this browser could not be read (" + why +
                            "); opened the sample plan. Earlier saves: File \u25b8 Restore an earlier save\u2026",
                   0);
        return;
    }
    // A plan kept by an older version of the page (localStorage): opened, then stored anew.
    if (auto legacy = platform::StoreTakeLegacy()) {
        rp::LoadResult r = rp::readPlan(*legacy);
        if (r.ok()) {
            app.doc.Reset(std::move(*r.plan));
            app.doc.saved_revision = app.doc.revision();
            st.legacy = true;
            st.saved_text = 0;   // not in the new store yet
            ShowNotice(app, "Restored your plan from this browser", 0);
            return;
        }
        OpenSample(app);
        ShowNotice(app, "The plan saved in this browser could not be read; opened the sample plan instead", 12);
        return;
    }
    OpenSample(app);
}

// ---- [SECTION] each frame ------------------------------------------------------------------

namespace {

void SendSave(App& app, long long base, long long pin) {
    StorageState& st = app.storage;
    rp::Json meta = {{"base", base},
                     {"desc", app.doc.CommittedDescription().empty() ? std::string("Changes") : app.doc.CommittedDescription()},
                     {"time", NowMs()},
                     {"kind", "auto"}};
    if (pin) meta["pin"] = pin;
    if (st.legacy) meta["legacy"] = true;
    std::string undo = app.doc.SerializeHistory(kStoredUndoBytes);
    platform::StoreSave(meta.dump(-1, ' ', false, rp::Json::error_handler_t::replace), app.doc.CommittedText(), undo);
    st.in_flight = true;
    st.in_flight_text = app.doc.TextVersion();
    st.in_flight_revision = app.doc.CommittedRevision();
}

// Keeps this tab's version as a copy in the list of saves (when it gives way to another tab's).
void SaveCopy(App& app, const std::string& description) {
    if (!app.doc.CommittedReadable() || Untouched(app)) return;
    rp::Json meta = {{"base", 0}, {"desc", description}, {"time", NowMs()}, {"kind", "copy"}};
    platform::StoreSave(meta.dump(-1, ' ', false, rp::Json::error_handler_t::replace), app.doc.CommittedText(), "");
}

void OpenConflict(App& app, const SaveEntry& theirs) {
    StorageState& st = app.storage;
    st.theirs = theirs;
    if (!st.conflict) st.conflict_open = true;
    st.conflict = true;
}

void Load(App& app, long long seq, const char* purpose) {
    app.storage.loading_seq = seq;
    app.storage.loading_purpose = purpose;
    platform::StoreLoad(seq, purpose);
}

void OnLoaded(App& app, const rp::Json& ev, const std::string& bytes) {
    StorageState& st = app.storage;
    const std::string purpose = ev.value("purpose", std::string());
    const long long seq = ev.value("seq", 0LL);
    st.loading_seq = 0;
    if (ev.contains("index")) st.index = ReadIndex(ev["index"]);
    const SaveEntry entry = ev.contains("entry") ? ReadEntry(ev["entry"]) : SaveEntry();
    if (purpose == "follow" && !InSync(app)) {   // changed meanwhile: ask instead
        OpenConflict(app, st.theirs);
        return;
    }
    rp::LoadResult r = rp::readPlan(bytes);
    if (!r.ok()) {
        ShowError(app, "Cannot open that save", (r.error ? r.error->str() : std::string("unreadable")) +
                                                    "\n\nThe open plan was not changed.");
        return;
    }
    const std::string when = LocalTime(app, entry.time_ms);
    if (purpose == "restore") {
        app.doc.Replace("Restore the save of " + when + " (" + entry.description + ")", std::move(*r.plan));
        app.rotation = RotationViewState();
        st.sample = false;
        ShowNotice(app, "Restored the save of " + when + "; Ctrl+Z goes back");
        return;
    }
    // "follow" (this tab had no changes of its own) or "theirs" (Reload theirs).
    app.doc.Replace(purpose == "follow" ? "Load the plan another tab saved" : "Reload the plan another tab saved",
                    std::move(*r.plan));
    app.rotation = RotationViewState();
    st.base_seq = seq;
    st.saved_text = app.doc.TextVersion();
    app.doc.saved_revision = app.doc.revision();
    st.saved_at_ms = entry.time_ms;
    st.sample = false;
    st.conflict = false;
    st.failure.clear();
    if (purpose == "follow")
        ShowNotice(app, "Another tab saved " + Quoted(entry.description) + " at " + when + "; this tab now shows it", 10);
    else
        ShowNotice(app, "Reloaded the plan another tab saved at " + when +
                            "; this tab's version is kept in File \u25b8 Restore an earlier save\u2026",
                   0);
}

void HandleEvent(App& app, const platform::StoreEvent& e) {
    StorageState& st = app.storage;
    rp::Json ev = rp::Json::parse(e.json, nullptr, false);
    if (ev.is_discarded() || !ev.is_object()) return;
    const std::string type = ev.value("type", std::string());
    const std::string kind = ev.value("kind", std::string("auto"));
    if (type == "saved") {
        if (ev.contains("index")) st.index = ReadIndex(ev["index"]);
        if (kind != "auto") return;
        st.in_flight = false;
        st.base_seq = ev.value("seq", 0LL);
        st.saved_text = st.in_flight_text;
        app.doc.saved_revision = st.in_flight_revision;
        st.saved_at_ms = ev.value("time", NowMs());
        st.failure.clear();
        st.failure_quota = false;
        st.failure_restored = false;
        st.legacy = false;
        st.sample = false;
    } else if (type == "conflict") {
        st.in_flight = false;
        OpenConflict(app, ReadEntry(ev.contains("head") ? ev["head"] : rp::Json()));
    } else if (type == "failed") {
        if (kind != "auto") {
            ShowNotice(app, "Could not keep a copy in this browser: " + ev.value("error", std::string()), 12);
            return;
        }
        st.in_flight = false;
        st.failure = ev.value("error", std::string("the save failed"));
        st.failure_quota = ev.value("quota", false);
        st.failure_restored = false;
        st.failed_text = st.in_flight_text;
    } else if (type == "external") {
        const SaveEntry head = ReadEntry(ev.contains("head") ? ev["head"] : rp::Json());
        if (head.seq <= st.base_seq || head.tab == st.tab) return;
        st.theirs = head;
        if (st.in_flight) return;   // this tab's save will meet it (a conflict) or has replaced it
        if (InSync(app) && !st.conflict) Load(app, head.seq, "follow");
        else OpenConflict(app, head);
    } else if (type == "loaded") {
        OnLoaded(app, ev, e.bytes);
    } else if (type == "load-failed") {
        st.loading_seq = 0;
        ShowError(app, "Cannot read that save", ev.value("error", std::string()) + "\n\nThe open plan was not changed.");
    } else if (type == "index") {
        if (ev.contains("index")) st.index = ReadIndex(ev["index"]);
    }
}

}  // namespace

void StorageTick(App& app) {
    StorageState& st = app.storage;
    while (auto e = platform::TakeStoreEvent()) HandleEvent(app, *e);
    if (!st.available || st.in_flight || st.conflict || st.loading_seq) return;
    if (app.doc.HasLiveEdit() || ImGui::IsAnyItemActive()) return;   // the end of a drag or typing session
    const std::uint64_t text = app.doc.TextVersion();
    if (text == st.saved_text || Untouched(app)) return;
    if (!st.failure.empty() && text == st.failed_text) return;   // retried on the next change, or Retry
    if (!app.doc.CommittedReadable()) {
        st.blocked = true;   // a plan that would not read back is not stored: the last good one stays
        return;
    }
    st.blocked = false;
    SendSave(app, st.base_seq, 0);
}

// ---- [SECTION] the status bar, the conflict dialog, earlier saves ----------------------------

void DrawSaveStatus(App& app) {
    StorageState& st = app.storage;
    const Palette& pal = GetPalette();
    auto warn = [&](const std::string& text) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.error_text));
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopStyleColor();
        Tag("status:save");
    };
    auto muted = [&](const std::string& text) {
        TextMuted("%s", text.c_str());
        Tag("status:save");
    };
    if (!st.available) {
        warn("Not saved: this browser does not let the page keep data");
        ImGui::SetItemTooltip("%s\nDownload the plan (Ctrl+S) to keep it.", st.unavailable_reason.c_str());
    } else if (st.conflict) {
        warn("Not saved: another tab saved a newer plan");
        ImGui::SameLine();
        if (ImGui::SmallButton("Resolve\u2026")) st.conflict_open = true;
        Tag("status:resolve");
    } else if (!st.failure.empty()) {
        if (st.failure_restored)
            warn(std::string(st.failure_quota ? "Storage full: " : "Not saved: ") +
                 st.failure.substr(0, st.failure.find(" (the last")));
        else
            warn(st.failure_quota ? "Not saved: this browser's storage for the page is full" : "Not saved: " + st.failure);
        ImGui::SetItemTooltip("%s\nThe last save that worked stays in this browser. Download the plan (Ctrl+S) to keep "
                              "your changes.",
                              st.failure.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Download")) Run(app, ActionId::SavePlan);
        Tag("status:download");
        ImGui::SameLine();
        if (ImGui::SmallButton("Retry")) st.failed_text = 0;
        Tag("status:retry");
    } else if (st.blocked && !app.doc.CommittedReadable()) {
        warn("Not saved: " + app.doc.CommittedProblem());
        ImGui::SetItemTooltip("The plan as it is would not open again, so the last one that would stays saved.");
    } else if (Untouched(app)) {
        muted("Sample plan (not saved)");
        ImGui::SetItemTooltip("Your changes are saved in this browser as you make them.");
    } else if (st.in_flight || st.saved_text != app.doc.TextVersion() || app.doc.HasLiveEdit()) {
        muted(st.in_flight ? "Saving\u2026" : "Not saved yet");
    } else {
        muted("Saved in this browser at " + LocalTime(app, st.saved_at_ms));
        const int earlier = std::max(0, static_cast<int>(st.index.size()) - 1);
        ImGui::SetItemTooltip("Kept in this browser's storage on this computer, with %s (File \u25b8 Restore an "
                              "earlier save\u2026).\nNo file is written: Ctrl+S downloads the plan.",
                              Count(earlier, "earlier save", "earlier saves").c_str());
    }
}

void StorageMenuItems(App& app) {
    if (ImGui::MenuItem("Restore an earlier save\u2026", nullptr, false, app.storage.available)) {
        app.storage.show_history = true;
        platform::StoreList();
    }
    Tag("menu:Restore an earlier save");
}

namespace {

void ConflictDialog(App& app) {
    StorageState& st = app.storage;
    if (st.conflict_open) {
        ImGui::OpenPopup("##conflict");
        st.conflict_open = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##conflict", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
        return;
    Heading("Another tab saved this plan");
    Tag("modal:conflict");
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted(("At " + LocalTime(app, st.theirs.time_ms) + " another tab saved " +
                            Quoted(st.theirs.description) + ".")
                               .c_str());
    if (app.doc.HasLiveEdit())
        ImGui::TextUnformatted("This tab has a change being typed that is not saved.");
    else
        ImGui::TextUnformatted(
            ("This tab has changes that are not saved: " + Quoted(app.doc.CommittedDescription()) + ".").c_str());
    ImGui::Spacing();
    TextMuted("Whichever you choose, the other version is kept in File \u25b8 Restore an earlier save\u2026");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (!st.conflict) {   // resolved meanwhile (the other tab's plan was loaded)
        ImGui::CloseCurrentPopup();
    }
    // Typing in progress is this tab's change too: it becomes a step first.
    if (ImGui::Button("Reload theirs")) {
        app.doc.LiveCommit("Edit");
        SaveCopy(app, "This tab's version, before reloading another tab's (" + app.doc.CommittedDescription() + ")");
        Load(app, st.theirs.seq, "theirs");
        st.conflict = false;
        ImGui::CloseCurrentPopup();
    }
    Tag("conflict:reload-theirs");
    ImGui::SetItemTooltip("Open the plan the other tab saved; this tab's version is kept as a copy.");
    ImGui::SameLine();
    if (ImGui::Button("Keep mine")) {
        // Saved over theirs only if theirs is still the newest (else this dialog comes back);
        // theirs stays in the list as a copy.
        app.doc.LiveCommit("Edit");
        st.conflict = false;
        SendSave(app, st.theirs.seq, st.theirs.seq);
        ImGui::CloseCurrentPopup();
    }
    Tag("conflict:keep-mine");
    ImGui::SetItemTooltip("Save this tab's plan as the newest; the other tab's is kept as a copy.");
    ImGui::SameLine();
    if (ImGui::Button("Decide later") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    Tag("conflict:later");
    ImGui::EndPopup();
}

void HistoryWindow(App& app) {
    StorageState& st = app.storage;
    if (!st.show_history) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(420, 0), ImVec2(std::max(420.0f, vp->WorkSize.x - 40), vp->WorkSize.y - 80));
    if (!ImGui::Begin("Earlier saves", &st.show_history,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    {
        const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
        ImGui::PushClipRect(wp, ImVec2(wp.x + ws.x, wp.y + ws.y), false);
        TagRect("window:Earlier saves", wp, ImVec2(wp.x + ws.x, wp.y + ws.y));
        ImGui::PopClipRect();
    }
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34.0f);
    TextMuted("This browser keeps the newest saves of the plan (older ones thinned to one an hour), and a copy "
              "whenever two tabs disagreed. Restoring one is a change you can undo.");
    ImGui::PopTextWrapPos();
    if (st.index.empty()) {
        TextMuted("Nothing saved yet.");
    } else if (ImGui::BeginTable("##saves", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("Saved");
        ImGui::TableSetupColumn("Change");
        ImGui::TableSetupColumn("From");
        ImGui::TableSetupColumn("Size");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        int n = 0;
        for (auto it = st.index.rbegin(); it != st.index.rend(); ++it, ++n) {
            const SaveEntry& e = *it;
            ImGui::PushID(static_cast<int>(e.seq));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(LocalTime(app, e.time_ms).c_str());
            Tag("history:" + std::to_string(n));
            ImGui::TableSetColumnIndex(1);
            std::string what = e.description;
            if (what.size() > 60) what = what.substr(0, 57) + "...";
            ImGui::TextUnformatted(what.c_str());
            if (what != e.description) ImGui::SetItemTooltip("%s", e.description.c_str());
            if (e.kind == "copy") {
                ImGui::SameLine();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(GetPalette().warning_text), "kept copy");
            }
            ImGui::TableSetColumnIndex(2);
            TextMuted("%s", e.tab == st.tab ? "this tab" : "another tab");
            ImGui::TableSetColumnIndex(3);
            TextMuted("%s", SizeText(e.size).c_str());
            ImGui::TableSetColumnIndex(4);
            const bool current = e.seq == st.base_seq && InSync(app);
            ImGui::BeginDisabled(current || st.loading_seq != 0);
            if (ImGui::SmallButton(current ? "Open now" : "Restore")) Load(app, e.seq, "restore");
            ImGui::EndDisabled();
            Tag("history:restore:" + std::to_string(n));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (st.loading_seq) TextMuted("Reading the save\u2026");
    if (ImGui::Button("Close")) st.show_history = false;
    Tag("history:close");
    ImGui::End();
}

}  // namespace

void DrawStorageWindows(App& app) {
    ConflictDialog(app);
    HistoryWindow(app);
}

}  // namespace app

// ---- [SECTION] test hook ----------------------------------------------------------------------

extern "C" {

// {available, base_seq, in_flight, saved, sample, conflict, failure, blocked, saves,
//  undo_steps, redo_steps, history_bytes}: what the status bar is drawn from.
EMSCRIPTEN_KEEPALIVE const char* rp_test_storage_state() {
    static std::string out;
    app::App& a = app::TheApp();
    const app::StorageState& st = a.storage;
    rp::Json j = {{"available", st.available},
                  {"base_seq", st.base_seq},
                  {"in_flight", st.in_flight},
                  {"saved", st.saved_text == a.doc.TextVersion() && !a.doc.HasLiveEdit()},
                  {"sample", st.sample && a.doc.TextVersion() == st.sample_text},
                  {"conflict", st.conflict},
                  {"failure", st.failure},
                  {"blocked", st.blocked},
                  {"saves", st.index.size()},
                  {"undo_steps", a.doc.UndoSteps()},
                  {"redo_steps", a.doc.RedoSteps()},
                  {"history_bytes", a.doc.HistoryBytes()},
                  {"tab", st.tab}};
    rp::Json index = rp::Json::array();
    for (const app::SaveEntry& e : st.index) index.push_back({{"seq", e.seq}, {"kind", e.kind}, {"desc", e.description}});
    j["index"] = index;
    out = j.dump();
    return out.c_str();
}

// {used, total}: bytes of the wasm heap in use by malloc, and its whole size.
EMSCRIPTEN_KEEPALIVE const char* rp_test_heap() {
    static std::string out;
    out = rp::Json{{"used", platform::HeapUsedBytes()}, {"total", platform::HeapTotalBytes()}}.dump();
    return out.c_str();
}

// Queues the edit "Set the note of week N" as the views queue theirs (one undoable step,
// then checked and saved): the page bench edits a large plan many times with it.
EMSCRIPTEN_KEEPALIVE void rp_test_edit_note(int week, const char* text) {
    app::App& a = app::TheApp();
    const std::string note = text ? text : "";
    app::Edit(a, "Set the note of week " + std::to_string(week), [week, note](rp::Plan& p) {
        if (week >= 0 && week < static_cast<int>(p.weeks.size())) p.weeks[static_cast<std::size_t>(week)].note = note;
    });
}

}  // extern "C"
