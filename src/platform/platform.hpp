// The platform seam: everything the page needs from the browser (file picking and
// dropping, downloads, storage, clipboard, the viewer's zone), behind plain functions.
// browser.cpp implements it with EM_JS; native.cpp is a stand-in so the app code
// also compiles (and can be unit-tested) outside the browser.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace platform {

// Installs DOM listeners (file drop, paste). Call once before the first frame.
void Init();

// ---- files ----
struct OpenedFile {
    std::string name;   // the file's name as the browser gives it
    std::string text;   // its contents (UTF-8)
    std::string purpose;  // "" for a plan; else what OpenFilePickerFor was asked for
};
// Opens the browser's file picker; the chosen file arrives later through TakeOpenedFile.
void OpenFilePicker();
// A picker for another kind of file (`accept` as the input element's, e.g. ".csv,.json");
// the file arrives through TakeOpenedFile with `purpose` set.
void OpenFilePickerFor(const std::string& accept, const std::string& purpose);
// A file the user picked or dropped onto the page since the last call, if any.
std::optional<OpenedFile> TakeOpenedFile();
// True while a file is being dragged over the page (for a drop hint).
bool IsFileDragActive();
// Offers text as a download named `filename`.
void DownloadText(const std::string& filename, const std::string& mime, const std::string& text);

// ---- storage (localStorage in the browser) ----
std::optional<std::string> StorageGet(const std::string& key);
bool StorageSet(const std::string& key, const std::string& value);   // false: quota or no storage
void StorageRemove(const std::string& key);

// ---- the plan store (IndexedDB through web/rotaplan-store.js in the browser) ----
// Meta data crosses as JSON text (the app reads it); plan and undo texts as bytes.
struct StoreStartup {
    std::string meta_json;               // {available, error, tab, head, index, unsaved, legacy}
    std::optional<std::string> plan;     // the newest save's plan text
    std::optional<std::string> undo;     // its undo history
};
// What the store read before the page started (once; later calls return empty values).
StoreStartup StoreTakeStartup();
// Saves asynchronously; the outcome arrives as an event. meta_json: {base, desc, time,
// kind: "auto"|"copy", force, pin, legacy}.
void StoreSave(const std::string& meta_json, const std::string& plan, const std::string& undo);
// Reads one kept save; arrives as a "loaded" (or "load-failed") event. `purpose` comes back.
void StoreLoad(long long seq, const std::string& purpose);
// The list of kept saves; arrives as an "index" event.
void StoreList();
// The plan text an older version of the page kept in localStorage, if any.
std::optional<std::string> StoreTakeLegacy();
struct StoreEvent {
    std::string json;                    // {type: saved|conflict|failed|external|loaded|load-failed, ...}
    std::string bytes;                   // "loaded": the plan text
};
std::optional<StoreEvent> TakeStoreEvent();

// Bytes of the wasm heap: in use by malloc, and the memory's whole size.
std::size_t HeapUsedBytes();
std::size_t HeapTotalBytes();

// ---- clipboard ----
void ClipboardSet(const std::string& text);
// The last text the user pasted into the page (DOM paste event).
const std::string& ClipboardLastPasted();
// Text pasted since the last call, to be typed into the focused field.
std::optional<std::string> TakePastedText();

// ---- the vendor formats module (web/rotaplan-interop.js in the browser) ----
// Starts fetching it in the background (the Import dialog or a vendor export is opened).
void PrefetchInterop();
// One framed request to it (core/interop/service.hpp): the answer, or nullopt with
// *error saying why the module could not be loaded. Loads it first if needed.
std::optional<std::string> InteropCall(const std::string& request, std::string* error);

// ---- environment ----
std::string ViewerTimeZone();    // IANA name the browser reports ("" when unknown)
float DevicePixelRatio();
double NowSeconds();             // wall clock, seconds since the epoch
double NowMilliseconds();        // a monotonic clock for measuring, in milliseconds
// Records a named moment on the browser's performance timeline (start-up figures).
void Mark(const char* name);

}  // namespace platform
