// The page's interop module (docs/page.md "Page size"): the vendor exports and imports of
// src/core/interop in a WebAssembly module of their own, which web/rotaplan-interop.js
// fetches the first time the page needs a vendor format. One entry point: a framed
// request in, a framed answer out (core/interop/service.hpp).
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/interop/service.hpp"

extern "C" {

// The answer to `len` bytes of request at `data`: malloc'd (the caller frees it), its
// length in *out_len.
__attribute__((used, visibility("default"))) char* rp_interop_call(const char* data, std::size_t len,
                                                                   std::size_t* out_len) {
    const std::string answer = rp::interop::serviceCall(std::string_view(data, len));
    char* out = static_cast<char*>(std::malloc(answer.size() + 1));
    if (!out) return nullptr;
    std::memcpy(out, answer.data(), answer.size());
    out[answer.size()] = '\0';
    *out_len = answer.size();
    return out;
}

}  // extern "C"
