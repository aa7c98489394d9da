// Internal to src/core/interop: turns plan people into vendor user references through
// `--users`, and reports each person it cannot map once (`unmapped-person`).
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/interop/interop.hpp"

namespace rp::interop {

class UserResolver {
public:
    UserResolver(const Plan& plan, const UserMap& map, Vendor vendor);
    // The vendor user id of a plan person; the plan id itself (and a loss) when unmapped.
    std::string id(const std::string& person);
    // An Opsgenie recipient: {"type": "user", "id"} when mapped, else the person's e-mail
    // as "username" (Opsgenie accepts it directly), else the plan id (and a loss).
    Json opsgenieUser(const std::string& person);
    const std::vector<Loss>& losses() const { return losses_; }

private:
    std::optional<std::string> lookUp(const std::string& person) const;
    void unmapped(const std::string& person);

    const Plan& plan_;
    const UserMap& map_;
    Vendor vendor_;
    std::vector<std::string> reported_;
    std::vector<Loss> losses_;
    std::unordered_map<std::string, std::string> ids_;   // person -> id, once looked up
    std::unordered_map<std::string, Json> recipients_;   // person -> Opsgenie recipient
};

}  // namespace rp::interop
