// The platform seam outside the browser (platform.hpp): a stand-in that keeps
// storage in memory, writes downloads to the working directory and reads the zone
// from $TZ. It lets the app code build natively; the page itself uses browser.cpp.
#ifndef __EMSCRIPTEN__
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>

#include "platform.hpp"

namespace platform {
namespace {
std::map<std::string, std::string>& Storage() {
    static std::map<std::string, std::string> storage;   // in-memory localStorage
    return storage;
}
std::string& LastPasted() {
    static std::string text;
    return text;
}
}  // namespace

void Init() {}
void OpenFilePicker() {}
void OpenFilePickerFor(const std::string&, const std::string&) {}
std::optional<OpenedFile> TakeOpenedFile() { return std::nullopt; }
bool IsFileDragActive() { return false; }
void DownloadText(const std::string& filename, const std::string&, const std::string& text) {
    std::ofstream(filename, std::ios::binary) << text;
}
std::optional<std::string> StorageGet(const std::string& key) {
    auto it = Storage().find(key);
    if (it == Storage().end()) return std::nullopt;
    return it->second;
}
bool StorageSet(const std::string& key, const std::string& value) {
    Storage()[key] = value;
    return true;
}
void StorageRemove(const std::string& key) { Storage().erase(key); }
void ClipboardSet(const std::string& text) { LastPasted() = text; }
const std::string& ClipboardLastPasted() { return LastPasted(); }
std::optional<std::string> TakePastedText() { return std::nullopt; }
std::string ViewerTimeZone() {
    const char* tz = std::getenv("TZ");
    return tz ? tz : "";
}
float DevicePixelRatio() { return 1.0f; }
double NowSeconds() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

void Mark(const char*) {}

double NowMilliseconds() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace platform
#endif  // !__EMSCRIPTEN__
