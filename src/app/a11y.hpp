// Keyboard reach and the accessible mirror. A canvas is invisible to screen readers,
// so the page keeps a DOM copy of what matters beside it (web/rotaplan-a11y.js draws
// it): the rotation as a table, the violations as a list, and a live region that
// announces each change ("Set primary of 2026-12-07 to Eve Tanaka. 2 errors").
// The copy is rebuilt only when the plan's revision moves, never per frame.
// Keys: focus starts in the rotation grid; F6 / Shift+F6 move between panels and open
// windows; Escape closes the focused floating window.
#pragma once
#include <string>

namespace app {

struct App;

// Call after ImGui::NewFrame(), before the views draw (main.cpp).
void HandlePanelKeys(App& app);
// Call after the views drew (main.cpp): refreshes the DOM mirror when the plan changed.
void UpdateMirror(App& app);
// Says `text` through the live region (the next mirror update sends it).
void Announce(const std::string& text);

}  // namespace app
