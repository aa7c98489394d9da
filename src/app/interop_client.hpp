// The page's way to the vendor formats: the interop module (core/interop/service.hpp)
// through platform::InteropCall. Its code is not in the page's own wasm (docs/page.md
// "Page size"); the first call loads it unless PrefetchInterop already has.
#pragma once
#include "core/interop/service.hpp"

namespace app {

const rp::interop::Transport& InteropTransport();

}  // namespace app
