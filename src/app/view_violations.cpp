#include "imgui.h"

#include "layout.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

void DrawViolationsView(App& app) {
    if (BeginPanel(app, Panel::Violations, "Violations", &app.windows.violations)) {
        TextMuted("Coming soon");
    }
    ImGui::End();
}

}  // namespace app
