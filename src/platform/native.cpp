// The platform seam outside the browser (platform.hpp): a stand-in that keeps
// storage in memory, writes downloads to the working directory and reads the zone
// from $TZ. It lets the app code build natively; the page itself uses browser.cpp.
#ifndef __EMSCRIPTEN__
#include <chrono>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <map>

#include "core/interop/service.hpp"
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

void PrefetchInterop() {}
// In-process: the same answers the page's interop module gives.
std::optional<std::string> InteropCall(const std::string& request, std::string*) {
    return rp::interop::serviceCall(request);
}
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
// The store: kept in memory, with the browser store's compare-and-set on the head.
namespace {
struct MemoryStore {
    long long head = 0;
    std::map<long long, std::string> plans;
    std::deque<StoreEvent> events;
};
MemoryStore& Store() {
    static MemoryStore store;
    return store;
}
long long NumberAfter(const std::string& json, const std::string& key) {
    std::size_t at = json.find("\"" + key + "\":");
    return at == std::string::npos ? 0 : std::atoll(json.c_str() + at + key.size() + 3);
}
}  // namespace
StoreStartup StoreTakeStartup() { return {R"({"available":true,"tab":"native","index":[]})", std::nullopt, std::nullopt}; }
void StoreSave(const std::string& meta_json, const std::string& plan, const std::string&) {
    MemoryStore& s = Store();
    const bool copy = meta_json.find("\"kind\":\"copy\"") != std::string::npos;
    const bool force = meta_json.find("\"force\":true") != std::string::npos;
    if (!copy && !force && NumberAfter(meta_json, "base") != s.head) {
        s.events.push_back({R"({"type":"conflict","head":{"seq":)" + std::to_string(s.head) + "}}", ""});
        return;
    }
    long long seq = (s.plans.empty() ? 0 : s.plans.rbegin()->first) + 1;
    s.plans[seq] = plan;
    if (!copy) s.head = seq;
    s.events.push_back({R"({"type":"saved","seq":)" + std::to_string(seq) + R"(,"kind":")" +
                            (copy ? "copy" : "auto") + R"(","index":[]})",
                        ""});
}
void StoreLoad(long long seq, const std::string& purpose) {
    MemoryStore& s = Store();
    auto it = s.plans.find(seq);
    if (it == s.plans.end())
        s.events.push_back({R"({"type":"load-failed","seq":)" + std::to_string(seq) + R"(,"purpose":")" + purpose +
                                R"(","error":"that save is no longer kept"})",
                            ""});
    else
        s.events.push_back({R"({"type":"loaded","seq":)" + std::to_string(seq) + R"(,"purpose":")" + purpose + R"("})",
                            it->second});
}
void StoreList() { Store().events.push_back({R"({"type":"index","index":[]})", ""}); }
std::optional<std::string> StoreTakeLegacy() { return std::nullopt; }
std::optional<StoreEvent> TakeStoreEvent() {
    auto& q = Store().events;
    if (q.empty()) return std::nullopt;
    StoreEvent e = std::move(q.front());
    q.pop_front();
    return e;
}
std::size_t HeapUsedBytes() { return 0; }
std::size_t HeapTotalBytes() { return 0; }

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
