#include "imgui.h"

#include "layout.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

void DrawPolicyView(App& app) {
    if (BeginPanel(app, Panel::Policy, "Policy", &app.windows.policy)) {
        TextMuted("Coming soon");
    }
    ImGui::End();
}

}  // namespace app
