#include "imgui.h"

#include "actions.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

void DrawExportsWindow(App& app) {
    if (ImGui::Begin("Export", &app.windows.exports, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        TextMuted("Coming soon");
    }
    ImGui::End();
}

}  // namespace app
