#include "imgui.h"

#include "layout.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

void DrawLoadView(App& app) {
    if (BeginPanel(app, Panel::Load, "Load", &app.windows.load)) {
        TextMuted("Coming soon");
    }
    ImGui::End();
}

}  // namespace app
