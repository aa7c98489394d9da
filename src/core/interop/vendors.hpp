// Internal to src/core/interop: each vendor's two halves, one file per vendor: the
// exporter of a plan and the reader of that vendor's resolved timeline.
#pragma once
#include <string_view>

#include "core/interop/interop.hpp"
#include "core/interop/timeline.hpp"

namespace rp::interop::detail {

ExportResult exportPagerDuty(const Plan& plan, const UserMap& users);       // pagerduty.cpp
ExportResult exportOpsgenie(const Plan& plan, const UserMap& users);        // opsgenie.cpp
ExportResult exportGrafanaOnCall(const Plan& plan, const UserMap& users);   // grafana_oncall.cpp
ExportResult exportGoAlert(const Plan& plan, const UserMap& users);         // goalert.cpp

// Readers throw Failure (common.hpp) for input that is not the vendor's shape.
VendorTimeline readPagerDutyTimeline(const Json& doc);
VendorTimeline readOpsgenieTimeline(const Json& doc);
VendorTimeline readGrafanaOnCallTimeline(const Json& doc);
VendorTimeline readGoAlertTimeline(const Json& doc);
VendorTimeline readIcsTimeline(std::string_view text);                     // ics.cpp

// The document's losses, sorted, written under "losses"; the text the CLI prints.
ExportResult finishExport(Json doc, std::vector<Loss> losses);

}  // namespace rp::interop::detail
