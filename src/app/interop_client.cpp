// InteropTransport: platform::InteropCall as a service.hpp transport.
#include "interop_client.hpp"

#include "platform/platform.hpp"

namespace app {

const rp::interop::Transport& InteropTransport() {
    static const rp::interop::Transport transport = [](const std::string& request) {
        rp::interop::TransportReply reply;
        std::string error;
        reply.bytes = platform::InteropCall(request, &error);
        if (!reply.bytes) reply.error = "The vendor formats could not be loaded (" + error + "). Check the connection and try again.";
        return reply;
    };
    return transport;
}

}  // namespace app
