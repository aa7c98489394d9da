// The platform seam in the browser (platform.hpp), through EM_JS.
// The DOM calls back into C++ through the EMSCRIPTEN_KEEPALIVE functions at the end;
// their input is queued and taken by the app at the start of a frame, so nothing
// changes the plan in the middle of drawing.
#ifdef __EMSCRIPTEN__
#include <algorithm>
#include <cstdlib>
#include <deque>

#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include "platform.hpp"

namespace {

struct BrowserState {
    std::deque<platform::OpenedFile> opened;
    std::string last_pasted;
    std::deque<std::string> pasted;
    bool drag_active = false;
    std::deque<platform::StoreEvent> store_events;
};
BrowserState& State() {
    static BrowserState state;   // one per page; the DOM callbacks have no other way in
    return state;
}

std::string TakeMallocString(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}

}  // namespace

// ---- JavaScript side ----------------------------------------------------------

EM_JS(void, rp_js_init, (), {
    function passFile(file) {
        if (!file) return;
        file.text().then(function(t) { return Module.rpZonesFor(t).then(function() { return t; }); }).then(function(text) {   // its zone files first (web/rotaplan-zones.js)
            var n1 = lengthBytesUTF8(file.name) + 1, p1 = _malloc(n1);
            stringToUTF8(file.name, p1, n1);
            var n2 = lengthBytesUTF8(text) + 1, p2 = _malloc(n2);
            stringToUTF8(text, p2, n2);
            _rp_platform_file_opened(p1, p2, n2 - 1);  // the length: a NUL byte must not end the text
            _free(p1);
            _free(p2);
            if (Module.rpWake) Module.rpWake(1);   // the page sleeps between inputs (src/app/redraw.hpp)
        }, function(err) {
            console.warn('rotaplan: cannot read ' + file.name + ': ' + err);
        });
    }
    Module.rpPassFile = passFile;
    Module.rpOpenPicker = function() {
        var input = document.getElementById("rp-file-input");
        if (!input) {
            input = document.createElement("input");
            input.type = "file";
            input.id = "rp-file-input";
            input.accept = ".json,application/json";
            input.style.display = "none";
            input.addEventListener("change", function() {
                if (input.files.length > 0) passFile(input.files[0]);
                input.value = "";
            });
            document.body.appendChild(input);
        }
        input.click();
    };
    var depth = 0;
    function hasFiles(e) {
        return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0;
    }
    window.addEventListener('dragenter', function(e) {
        if (!hasFiles(e)) return;
        e.preventDefault(); depth++; _rp_platform_drag(1);
    });
    window.addEventListener('dragover', function(e) {
        if (!hasFiles(e)) return;
        e.preventDefault(); e.dataTransfer.dropEffect = 'copy';
    });
    window.addEventListener('dragleave', function(e) {
        if (!hasFiles(e)) return;
        depth = Math.max(0, depth - 1); if (depth === 0) _rp_platform_drag(0);
    });
    window.addEventListener('drop', function(e) {
        if (!hasFiles(e)) return;
        e.preventDefault(); depth = 0; _rp_platform_drag(0);
        if (e.dataTransfer.files.length > 0) passFile(e.dataTransfer.files[0]);
    });
    // SDL prevents the default of every Ctrl/Cmd key, which would stop the browser
    // from firing "paste": let Ctrl/Cmd+V through to the browser, untouched by SDL.
    // Ctrl/Cmd+O opens the picker inside the key event itself: the browser shows a file
    // picker only while handling a user's input, not a frame later.
    window.addEventListener('keydown', function(e) {
        if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
        if (e.key === 'v' || e.key === 'V') {
            e.stopImmediatePropagation();
        } else if ((e.key === 'o' || e.key === 'O') && !e.shiftKey) {
            e.preventDefault();
            e.stopImmediatePropagation();
            Module.rpOpenPicker();
        }
    }, true);
    document.addEventListener('paste', function(e) {
        var text = (e.clipboardData || window.clipboardData).getData('text');
        if (!text) return;
        e.preventDefault();
        var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
        stringToUTF8(text, p, n);
        _rp_platform_pasted(p);
        _free(p);
    });
});

EM_JS(void, rp_js_open_picker, (), { Module.rpOpenPicker(); });

// A picker for files other than plans (the review's incident log): its own input element,
// and the purpose passed back with the file.
EM_JS(void, rp_js_open_picker_for, (const char* accept_c, const char* purpose_c), {
    var accept = UTF8ToString(accept_c), purpose = UTF8ToString(purpose_c);
    var id = "rp-file-input-" + purpose;
    var input = document.getElementById(id);
    if (!input) {
        input = document.createElement("input");
        input.type = "file";
        input.id = id;
        input.style.display = "none";
        input.addEventListener("change", function() {
            var file = input.files.length > 0 ? input.files[0] : null;
            input.value = "";
            if (!file) return;
            file.text().then(function(text) {
                var n1 = lengthBytesUTF8(file.name) + 1, p1 = _malloc(n1);
                stringToUTF8(file.name, p1, n1);
                var n2 = lengthBytesUTF8(text) + 1, p2 = _malloc(n2);
                stringToUTF8(text, p2, n2);
                var n3 = lengthBytesUTF8(input.dataset.purpose) + 1, p3 = _malloc(n3);
                stringToUTF8(input.dataset.purpose, p3, n3);
                _rp_platform_file_opened_for(p1, p2, p3);
                _free(p1); _free(p2); _free(p3);
            }, function(err) { console.warn('rotaplan: cannot read ' + file.name + ': ' + err); });
        });
        document.body.appendChild(input);
    }
    input.accept = accept;
    input.dataset.purpose = purpose;
    input.click();
});

EM_JS(void, rp_js_download, (const char* name, const char* mime, const char* data, int size), {
    var bytes = HEAPU8.slice(data, data + size);
    var blob = new Blob([bytes], { type: UTF8ToString(mime) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(url); a.remove(); }, 1000);
});

EM_JS(char*, rp_js_storage_get, (const char* key), {
    try {
        var v = window.localStorage.getItem(UTF8ToString(key));
        if (v === null) return 0;
        var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
        stringToUTF8(v, p, n);
        return p;
    } catch (e) { return 0; }
});

EM_JS(int, rp_js_storage_set, (const char* key, const char* value), {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); return 1; }
    catch (e) { console.warn('rotaplan: localStorage: ' + e); return 0; }
});

EM_JS(void, rp_js_storage_remove, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

// ---- the plan store (web/rotaplan-store.js) ----
EM_JS(void, rp_js_store_init, (), {
    var store = window.rotaplanStore;
    if (!store) return;
    store.onEvent = function(ev, bytes) {
        var b = 0, len = 0;
        if (bytes) {
            len = bytes.length;
            b = _malloc(len || 1);
            if (!b) {   // no room for the text in the page's memory
                ev = { type: 'load-failed', seq: ev.seq, purpose: ev.purpose,
                       error: 'not enough memory in the page to read that save' };
                len = 0;
            } else {
                HEAPU8.set(bytes, b);
            }
        }
        var json = JSON.stringify(ev);
        var n = lengthBytesUTF8(json) + 1, p = _malloc(n);
        stringToUTF8(json, p, n);
        _rp_platform_store_event(p, b, len);
        _free(p);
        if (b) _free(b);
    };
});

EM_JS(char*, rp_js_store_startup_meta, (), {
    var st = window.rotaplanStore ? window.rotaplanStore.startupResult : null;
    var m = st ? { available: st.available, error: st.error, tab: st.tab, head: st.head, index: st.index,
                   unsaved: st.unsaved, legacy: st.legacy }
               : { available: false, error: 'the storage script did not run', tab: "", index: [] };
    var json = JSON.stringify(m);
    var n = lengthBytesUTF8(json) + 1, p = _malloc(n);
    stringToUTF8(json, p, n);
    return p;
});

// which: 0 the plan, 1 the undo history. *len: the size, or -1 when there is none.
EM_JS(char*, rp_js_store_startup_bytes, (int which, int* len), {
    var st = window.rotaplanStore ? window.rotaplanStore.startupResult : null;
    var b = st ? (which ? st.undo : st.plan) : null;
    HEAP32[len >> 2] = -1;
    if (!b) return 0;
    var p = _malloc(b.length || 1);
    if (!p) return 0;
    HEAPU8.set(b, p);
    HEAP32[len >> 2] = b.length;
    if (which) st.undo = null; else st.plan = null;   // handed over once
    return p;
});

EM_JS(void, rp_js_store_save, (const char* meta, const char* plan, int plan_len, const char* undo, int undo_len), {
    var m = JSON.parse(UTF8ToString(meta));
    var p = HEAPU8.slice(plan, plan + plan_len);
    var u = undo_len > 0 ? HEAPU8.slice(undo, undo + undo_len) : null;
    if (window.rotaplanStore) window.rotaplanStore.save(m, p, u);
});

EM_JS(void, rp_js_store_load, (double seq, const char* purpose), {
    if (window.rotaplanStore) window.rotaplanStore.load(seq, UTF8ToString(purpose));
});

EM_JS(void, rp_js_store_list, (), {
    if (window.rotaplanStore) window.rotaplanStore.list();
});

EM_JS(char*, rp_js_store_legacy, (), {
    var v = window.rotaplanStore ? window.rotaplanStore.takeLegacy() : null;
    if (v === null || v === undefined) return 0;
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    if (!p) return 0;
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, rp_js_clipboard_set, (const char* text), {
    var s = UTF8ToString(text);
    function fallback() {
        var ta = document.createElement('textarea');
        ta.value = s; ta.style.position = 'fixed'; ta.style.opacity = '0';
        document.body.appendChild(ta); ta.select();
        try { document.execCommand('copy'); } catch (e) {}
        ta.remove();
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(s).catch(fallback);
    } else {
        fallback();
    }
});

EM_JS(char*, rp_js_viewer_zone, (), {
    // shell.js asks early, while the code downloads: the first Intl call is slow.
    var z = typeof Module.viewerZone === 'string' ? Module.viewerZone : "";
    if (!z) try { z = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) {}
    var n = lengthBytesUTF8(z) + 1, p = _malloc(n);
    stringToUTF8(z, p, n);
    return p;
});

EM_JS(double, rp_js_dpr, (), { return window.devicePixelRatio || 1; });
EM_JS(double, rp_js_now, (), { return Date.now() / 1000; });
EM_JS(void, rp_js_mark, (const char* name), {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark(UTF8ToString(name));
});

EM_JS(void, rp_js_interop_prefetch, (), { window.rotaplanInterop.prefetch(); });
// The answer in a malloc'd buffer (length in *out_len), or 0 with the reason in *error_out.
EM_JS(char*, rp_js_interop_call, (const char* data, int len, int* out_len, char** error_out), {
    var r = window.rotaplanInterop.call(HEAPU8.subarray(data, data + len));
    if (!r.bytes) {
        var n = lengthBytesUTF8(r.error) + 1, e = _malloc(n);
        stringToUTF8(r.error, e, n);
        HEAP32[error_out >> 2] = e;
        return 0;
    }
    var p = _malloc(r.bytes.length + 1);
    HEAPU8.set(r.bytes, p);
    HEAP32[out_len >> 2] = r.bytes.length;
    return p;
});

// ---- C++ side -------------------------------------------------------------------

namespace platform {

void Init() {
    rp_js_init();
    rp_js_store_init();
}

void PrefetchInterop() { rp_js_interop_prefetch(); }
std::optional<std::string> InteropCall(const std::string& request, std::string* error) {
    int len = 0;
    char* err = nullptr;
    char* p = rp_js_interop_call(request.data(), static_cast<int>(request.size()), &len, &err);
    if (!p) {
        if (error) *error = TakeMallocString(err);
        else std::free(err);
        return std::nullopt;
    }
    std::string out(p, static_cast<std::size_t>(len));
    std::free(p);
    return out;
}

void OpenFilePicker() { rp_js_open_picker(); }
void OpenFilePickerFor(const std::string& accept, const std::string& purpose) {
    rp_js_open_picker_for(accept.c_str(), purpose.c_str());
}

std::optional<OpenedFile> TakeOpenedFile() {
    auto& q = State().opened;
    if (q.empty()) return std::nullopt;
    OpenedFile f = std::move(q.front());
    q.pop_front();
    return f;
}

bool IsFileDragActive() { return State().drag_active; }

void DownloadText(const std::string& filename, const std::string& mime, const std::string& text) {
    rp_js_download(filename.c_str(), mime.c_str(), text.data(), static_cast<int>(text.size()));
}

std::optional<std::string> StorageGet(const std::string& key) {
    char* p = rp_js_storage_get(key.c_str());
    if (!p) return std::nullopt;
    return TakeMallocString(p);
}
bool StorageSet(const std::string& key, const std::string& value) {
    return rp_js_storage_set(key.c_str(), value.c_str()) != 0;
}
void StorageRemove(const std::string& key) { rp_js_storage_remove(key.c_str()); }

StoreStartup StoreTakeStartup() {
    StoreStartup out;
    out.meta_json = TakeMallocString(rp_js_store_startup_meta());
    for (int which = 0; which < 2; ++which) {
        int len = -1;
        char* p = rp_js_store_startup_bytes(which, &len);
        if (!p || len < 0) continue;
        std::string bytes(p, static_cast<std::size_t>(len));
        std::free(p);
        (which ? out.undo : out.plan) = std::move(bytes);
    }
    return out;
}
void StoreSave(const std::string& meta_json, const std::string& plan, const std::string& undo) {
    rp_js_store_save(meta_json.c_str(), plan.data(), static_cast<int>(plan.size()), undo.data(),
                     static_cast<int>(undo.size()));
}
void StoreLoad(long long seq, const std::string& purpose) {
    rp_js_store_load(static_cast<double>(seq), purpose.c_str());
}
void StoreList() { rp_js_store_list(); }
std::optional<std::string> StoreTakeLegacy() {
    char* p = rp_js_store_legacy();
    if (!p) return std::nullopt;
    return TakeMallocString(p);
}
std::optional<StoreEvent> TakeStoreEvent() {
    auto& q = State().store_events;
    if (q.empty()) return std::nullopt;
    StoreEvent e = std::move(q.front());
    q.pop_front();
    return e;
}
std::size_t HeapUsedBytes() { return static_cast<std::size_t>(mallinfo().uordblks); }
std::size_t HeapTotalBytes() { return emscripten_get_heap_size(); }

void ClipboardSet(const std::string& text) { rp_js_clipboard_set(text.c_str()); }
const std::string& ClipboardLastPasted() { return State().last_pasted; }
std::optional<std::string> TakePastedText() {
    auto& q = State().pasted;
    if (q.empty()) return std::nullopt;
    std::string s = std::move(q.front());
    q.pop_front();
    return s;
}

std::string ViewerTimeZone() { return TakeMallocString(rp_js_viewer_zone()); }
float DevicePixelRatio() { return static_cast<float>(rp_js_dpr()); }
double NowSeconds() { return rp_js_now(); }
double NowMilliseconds() { return emscripten_get_now(); }

void Mark(const char* name) { rp_js_mark(name); }

}  // namespace platform

extern "C" {
EMSCRIPTEN_KEEPALIVE void rp_platform_file_opened(const char* name, const char* text, int length) {
    State().opened.push_back({name ? name : "", text ? std::string(text, static_cast<std::size_t>(std::max(0, length))) : ""});
}
EMSCRIPTEN_KEEPALIVE void rp_platform_file_opened_for(const char* name, const char* text, const char* purpose) {
    State().opened.push_back({name ? name : "", text ? text : "", purpose ? purpose : ""});
}
EMSCRIPTEN_KEEPALIVE void rp_platform_pasted(const char* text) {
    State().last_pasted = text ? text : "";
    State().pasted.push_back(State().last_pasted);
}
EMSCRIPTEN_KEEPALIVE void rp_platform_drag(int active) { State().drag_active = active != 0; }
EMSCRIPTEN_KEEPALIVE void rp_platform_store_event(const char* json, const char* bytes, int len) {
    State().store_events.push_back({json ? json : "{}", bytes && len > 0 ? std::string(bytes, static_cast<std::size_t>(len))
                                                                          : std::string()});
}
}

#endif  // __EMSCRIPTEN__
