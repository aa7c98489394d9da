#include "imgui.h"

#include "layout.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

void DrawCalendarView(App& app) {
    if (BeginPanel(app, Panel::Calendar, "Calendar", &app.windows.calendar)) {
        TextMuted("Coming soon");
    }
    ImGui::End();
}

}  // namespace app
