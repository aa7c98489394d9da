// State of saving in the browser (storage.cpp): which save this tab's plan follows, the
// save in flight, a failed save, another tab's newer save, the list of earlier saves.
// Included from app_state.hpp; App holds one StorageState as `app.storage`.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace app {

struct App;

// One kept save (web/rotaplan-store.js "index").
struct SaveEntry {
    long long seq = 0;
    double time_ms = 0;          // when it was saved (ms since the epoch)
    std::string description;     // the change it holds ("Set primary of 2026-12-07 to Carol Diaz")
    std::string tab;             // which tab saved it
    std::string kind;            // "auto" or "copy" (kept when two tabs disagreed)
    double size = 0;             // bytes of plan text
};

struct StorageState {
    bool available = false;              // the browser lets the page store data
    std::string unavailable_reason;
    std::string tab;                     // this tab's id in the store
    long long base_seq = 0;              // the save this tab's plan is, or follows (0: none)
    double saved_at_ms = 0;              // when that save was made
    std::uint64_t saved_text = 0;        // Document::TextVersion() of the plan stored last
    // The save in flight.
    bool in_flight = false;
    std::uint64_t in_flight_text = 0, in_flight_revision = 0;
    // The last save failed: the reason, kept on screen until a save succeeds.
    std::string failure;
    bool failure_quota = false;
    bool failure_restored = false;       // from the last visit: the plan restored is not the newest
    std::uint64_t failed_text = 0;       // not retried until the plan changes (or Retry)
    // The plan as it is would not read back: not stored.
    bool blocked = false;
    // The sample as shipped: not stored until it is changed.
    bool sample = false;
    std::uint64_t sample_text = 0;
    bool legacy = false;                 // the plan came from the old localStorage key: move it
    // Another tab saved a newer plan while this tab had changes of its own.
    bool conflict = false;
    bool conflict_open = false;          // open the dialog next frame
    SaveEntry theirs;
    // A kept save being read, and why ("follow", "theirs", "restore").
    long long loading_seq = 0;
    std::string loading_purpose;
    // The kept saves, oldest first (File > Restore an earlier save...).
    std::vector<SaveEntry> index;
    bool show_history = false;
};

// Restores the newest save (or the old localStorage plan, or the sample) at start-up.
void RestoreStartPlan(App& app);
// Each frame: takes the store's events (saves done, other tabs' saves, loaded saves) and
// saves the plan when it changed.
void StorageTick(App& app);
// The status bar's part: what is saved where (modals.cpp calls it).
void DrawSaveStatus(App& app);
// The conflict dialog and the "Restore an earlier save" window.
void DrawStorageWindows(App& app);
// File menu item.
void StorageMenuItems(App& app);

}  // namespace app
