// The vendor exchange as requests and answers in bytes (docs/page.md "Page size"). The
// page keeps the interop code out of its first download: it runs in a module of its own
// (src/interop_module), fetched the first time a vendor format is used, and the page talks
// to it through this framing. serviceCall() (service.cpp) answers a request with the
// functions of interop.hpp; the *Via() functions (service_client.cpp) build the request,
// hand it to a transport and read the answer, so they link none of the interop code
// themselves. Natively (and in tests) the transport is serviceCall itself.
//
// Framing: a list of netstrings ("5:hello,"), the first the operation or the outcome:
//   export  vendor plan has-users users            -> ok text losses-json
//   import  vendor has-timezone timezone has-handoff weekday minute
//           (has-file name text) x 3 (primary, secondary, shadow)
//                                                  -> ok plan-text losses-json
//   users   text                                   -> ok count
//   any failure                                    -> error message thrown("0"|"1")
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/interop/interop.hpp"

namespace rp::interop {

std::string packFields(const std::vector<std::string_view>& fields);
// nullopt when the bytes are not a whole list of netstrings.
std::optional<std::vector<std::string>> unpackFields(std::string_view bytes);

// Answers one request (never throws).
std::string serviceCall(std::string_view request);

// The answer's bytes, or nullopt with `error` set when the transport itself failed (the
// module could not be fetched).
struct TransportReply {
    std::optional<std::string> bytes;
    std::string error;
};
using Transport = std::function<TransportReply(const std::string& request)>;

// A failure: the message, and whether it came from an exception (an unexpected error
// rather than a problem with the input).
struct ServiceError {
    std::string message;
    bool thrown = false;
};

std::variant<ExportResult, ServiceError> exportVendorVia(const Transport& transport, const Plan& plan, Vendor vendor,
                                                         const std::optional<std::string>& users_text);
std::variant<ImportResult, ServiceError> importTimelinesVia(const Transport& transport, Vendor vendor,
                                                            const RoleFile& primary,
                                                            const std::optional<RoleFile>& secondary,
                                                            const std::optional<RoleFile>& shadow,
                                                            const ImportOptions& options);
// A --users file checked: the number of entries it maps, or the problem ("/0/email: ...").
std::variant<std::size_t, ServiceError> checkUsersVia(const Transport& transport, const std::string& text);

// The inverse of lossesToJson.
std::vector<Loss> lossesFromJson(const Json& losses);

}  // namespace rp::interop
