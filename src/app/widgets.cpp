#include "widgets.hpp"

#include <algorithm>
#include <cctype>
#include <cstdarg>
#include <unordered_map>

#include "imgui_internal.h"   // the current window, for Tag()
#include "imgui_stdlib.h"

#include "theme.hpp"

namespace app {

// [SECTION] test hook rectangles -------------------------------------------------------

namespace {
struct TagRegistry {
    std::unordered_map<std::string, ItemBox> current, last;
};
TagRegistry& Tags() {
    static TagRegistry registry;   // one per page, read by the JS test hook between frames
    return registry;
}

bool ContainsNoCase(const std::string& haystack, const std::string& needle) {
    if (needle.empty()) return true;
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return std::tolower((unsigned char)a) == std::tolower((unsigned char)b); });
    return it != haystack.end();
}
}  // namespace

void Tag(const std::string& label) {
    TagRect(label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    auto it = Tags().current.find(label);
    if (it != Tags().current.end()) {
        it->second.id = ImGui::GetItemID();
        it->second.window = ImGui::GetCurrentWindowRead();
    }
}

void TagRect(const std::string& label, ImVec2 min, ImVec2 max) {
    // Clip to the current window so a scrolled-away item is not reported as clickable.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
    ImVec2 a(std::max(min.x, cmin.x), std::max(min.y, cmin.y));
    ImVec2 b(std::min(max.x, cmax.x), std::min(max.y, cmax.y));
    if (b.x <= a.x || b.y <= a.y) return;
    Tags().current[label] = {a, b};
}

void EndFrameTags() {
    auto& t = Tags();
    t.last.swap(t.current);
    t.current.clear();
}

std::optional<ItemBox> LastFrameRect(const std::string& label) {
    auto& t = Tags();
    auto it = t.last.find(label);
    if (it == t.last.end()) return std::nullopt;
    return it->second;
}

// [SECTION] live edits ------------------------------------------------------------------

void TrackLiveEdit(App& app, bool changed, const std::string& description) {
    if (changed) app.doc.LiveChanged();
    if (ImGui::IsItemDeactivated()) app.doc.LiveCommit(description);
}

bool InputOptional(App& app, const char* label, std::optional<std::string>& value,
                   const std::string& description, const char* hint) {
    std::string text = value.value_or("");
    bool changed = hint ? ImGui::InputTextWithHint(label, hint, &text) : ImGui::InputText(label, &text);
    if (changed) {
        if (text.empty()) value.reset(); else value = text;
    }
    TrackLiveEdit(app, changed, description);
    return changed;
}

namespace {
// Text buffers of date/time fields while they are being edited (keyed by ImGui id).
std::unordered_map<ImGuiID, std::string>& FieldBuffers() {
    static std::unordered_map<ImGuiID, std::string> buffers;
    return buffers;
}

template <class Parse, class Format, class Apply>
bool ParsedField(App& app, const char* label, const std::string& shown, const char* hint,
                 Parse parse, Format format, Apply apply, const std::string& description) {
    ImGuiID id = ImGui::GetID(label);
    auto& buffers = FieldBuffers();
    auto it = buffers.find(id);
    std::string& buffer = it != buffers.end() ? it->second : (buffers[id] = shown);
    bool valid = static_cast<bool>(parse(buffer));
    if (!valid) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
    bool edited = ImGui::InputTextWithHint(label, hint, &buffer);
    if (!valid) ImGui::PopStyleColor();
    bool changed = false;
    if (edited) {
        if (auto v = parse(buffer)) {
            if (format(*v) != shown) {
                apply(*v);
                changed = true;
            }
        }
    }
    if (ImGui::IsItemHovered() && !valid) ImGui::SetTooltip("Expected %s", hint);
    TrackLiveEdit(app, changed, description);
    if (!ImGui::IsItemActive()) buffers.erase(id);   // shows the plan's value again
    return changed;
}
}  // namespace

bool InputDate(App& app, const char* label, rp::Date& value, const std::string& description) {
    return ParsedField(
        app, label, rp::formatDate(value), "YYYY-MM-DD", [](const std::string& s) { return rp::parseDate(s); },
        [](rp::Date d) { return rp::formatDate(d); }, [&](rp::Date d) { value = d; }, description);
}

bool InputTime(App& app, const char* label, int& minute_of_day, const std::string& description) {
    return ParsedField(
        app, label, rp::formatHm(minute_of_day), "HH:MM", [](const std::string& s) { return rp::parseHm(s); },
        [](int m) { return rp::formatHm(m); }, [&](int m) { minute_of_day = m; }, description);
}

// [SECTION] pickers ---------------------------------------------------------------------

bool PersonCombo(const App& app, const char* label, const std::optional<std::string>& current,
                 std::optional<std::string>* out, bool allow_none, float width, ImGuiComboFlags flags,
                 const char* action, bool* action_chosen) {
    const rp::Plan& plan = app.doc.plan();
    std::string preview = current ? plan.nameOf(*current) : std::string("—");
    if (width != 0.0f) ImGui::SetNextItemWidth(width);
    bool chosen = false;
    if (ImGui::BeginCombo(label, preview.c_str(), ImGuiComboFlags_HeightLarge | flags)) {
        if (action && action_chosen) {
            if (ImGui::Selectable(action)) *action_chosen = true;
            Tag("pick:action");
            ImGui::Separator();
        }
        if (allow_none) {
            if (ImGui::Selectable("— nobody —", !current)) {
                *out = std::nullopt;
                chosen = true;
            }
            Tag("pick:none");
        }
        for (const rp::Person& p : plan.people) {
            bool selected = current && *current == p.id;
            std::string item = p.name + "  (" + p.id + ")";
            if (p.trainee) item += "  · trainee";
            if (!p.on_call) item += "  · not on call";
            if (ImGui::Selectable(item.c_str(), selected)) {
                *out = p.id;
                chosen = true;
            }
            Tag("pick:" + p.id);
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    return chosen;
}

bool ZoneCombo(App& app, const char* label, const std::string& current, std::string* out, bool allow_default) {
    bool chosen = false;
    const char* preview = current.empty() ? "(team zone)" : current.c_str();
    if (ImGui::BeginCombo(label, preview, ImGuiComboFlags_HeightLarge)) {
        if (ImGui::IsWindowAppearing()) {
            app.team.zone_filter.clear();
            ImGui::SetKeyboardFocusHere();
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##zonefilter", "Search zones (e.g. berlin, new_york)", &app.team.zone_filter);
        if (allow_default && ImGui::Selectable("(team zone)", current.empty())) {
            *out = "";
            chosen = true;
        }
        std::vector<int> matches;
        for (int i = 0; i < (int)app.zone_names.size(); ++i)
            if (ContainsNoCase(app.zone_names[i], app.team.zone_filter)) matches.push_back(i);
        ImGui::BeginChild("##zones", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 14));
        ImGuiListClipper clipper;
        clipper.Begin((int)matches.size());
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const std::string& name = app.zone_names[matches[row]];
                if (ImGui::Selectable(name.c_str(), name == current)) {
                    *out = name;
                    chosen = true;
                    ImGui::CloseCurrentPopup();
                }
            }
        }
        ImGui::EndChild();
        ImGui::EndCombo();
    }
    return chosen;
}

// [SECTION] text ---------------------------------------------------------------------------

void HelpMarker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void TextMuted(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().muted_text));
    ImGui::TextV(fmt, args);
    ImGui::PopStyleColor();
    va_end(args);
}

void Heading(const char* text) {
    ImGui::PushFont(GetFonts().heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

}  // namespace app
