// State of the interop windows (docs/interop.md "In the page"): the File > Import...
// dialog (view_import.cpp) and the vendor formats of the Export window
// (view_exports.cpp). Included from app_state.hpp; App holds one InteropState as
// `app.interop`.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/interop/interop.hpp"

namespace app {

struct App;

// A vendor file chosen for one role of the import.
struct ImportFile {
    std::string name, text;
};

struct ImportDialogState {
    bool show = false;
    int vendor = 0;                          // index into the dialog's vendor list
    std::optional<ImportFile> files[3];      // primary, secondary, shadow
    std::string timezone;                    // "" = the schedule's (else UTC)
    bool handoff_given = false;              // false = detected from the primary timeline
    int handoff_weekday = 1;
    int handoff_minute = 9 * 60;
    // The preview: the import of the files as they are, redone when they change.
    bool dirty = true;
    std::optional<rp::interop::ImportResult> result;
    std::string error;                       // "primary.json: /pointer (line, column): ..."
};

// --users for the vendor exports: a user list or map the lead picked.
struct ExportUsersState {
    std::string name;                        // "" = none
    std::optional<std::string> text;         // the file, checked by the interop module
    std::size_t count = 0;                   // the users (or keys) it maps
    std::string error;
};

// The Export window's preview split into lines, so it draws only the visible ones and
// scrolls long lines sideways instead of cutting them off (view_exports.cpp).
struct ExportPreviewLines {
    bool dirty = true;                       // set when the preview text changes
    std::vector<std::size_t> starts;         // offset of each line in the preview
    float width = -1;                        // widest line at font_size (-1 = to measure)
    float font_size = 0;
};

struct InteropState {
    ImportDialogState import;
    ExportUsersState users;
    std::vector<rp::interop::Loss> export_losses;   // of the Export window's vendor preview
    std::string export_error;                       // the interop module could not be loaded
    ExportPreviewLines preview_lines;
};

void OpenImport(App& app);          // view_import.cpp
void DrawImportWindow(App& app);    // view_import.cpp
// A file picked for the Import dialog or the Export window's user list (purpose
// "import:primary", "export:users"...), or dropped while the Import dialog is open:
// taken (true) or left for opening as a plan (false).
bool TakeInteropFile(App& app, const std::string& name, const std::string& text, const std::string& purpose);
// The Import dialog's preview for the test hook: {ok, error, losses, summary}.
rp::Json ImportPreviewJson(const App& app);

}  // namespace app
