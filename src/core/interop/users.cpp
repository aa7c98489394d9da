// `--users FILE` (interop.md "Common model"): a flat map {"alice": "PABC123"}, or one of
// the vendors' user-list responses, matched on the plan person's e-mail.
#include "core/interop/users.hpp"

#include "core/interop/common.hpp"

namespace rp::interop {

namespace {

using detail::Node;

// One user object of a list: its id and whatever identifies it by mail.
UserMap::User readUser(const Node& n) {
    if (!n.isObject()) n.failHere("expected a user object with \"id\" and \"email\", found " + detail::describe(n.json()));
    UserMap::User u;
    const Node id = n.at("id", "the vendor's user id");
    if (id.json().is_number_integer()) u.id = std::to_string(id.json().get<long long>());
    else u.id = id.string("the vendor's user id (a string)");
    u.email = n.optString("email").value_or("");
    u.username = n.optString("username").value_or("");
    if (u.email.empty() && u.username.empty())
        n.failHere("the user has neither \"email\" nor \"username\" to match a person's e-mail with");
    return u;
}

std::vector<UserMap::User> readList(const Node& list) {
    std::vector<UserMap::User> out;
    for (const Node& item : list.items("a list of users")) out.push_back(readUser(item));
    return out;
}

}  // namespace

std::variant<UserMap, InputError> readUserMap(std::string_view text) {
    try {
        const Json doc = detail::parseJson(text);
        const Node root(doc, "");
        UserMap map;
        map.given = true;
        if (!root.isObject())
            root.failHere("expected an object: {\"alice\": \"PABC123\", ...} or a vendor's user list, found " +
                          detail::describe(doc));
        if (auto users = root.get("users"); users && users->isArray()) {          // PagerDuty
            map.users = readList(*users);
        } else if (auto results = root.get("results"); results && results->isArray()) {  // Grafana OnCall
            map.users = readList(*results);
        } else if (auto data = root.get("data"); data && (data->isArray() || data->isObject())) {
            if (data->isArray()) {                                                 // Opsgenie
                map.users = readList(*data);
            } else {                                                               // GoAlert
                const Node nodes = data->at("users", "{\"users\": {\"nodes\": [...]}} (GoAlert)")
                                       .at("nodes", "a list of users (GoAlert)");
                map.users = readList(nodes);
            }
        } else {
            for (auto it = doc.begin(); it != doc.end(); ++it) {
                const Node v(it.value(), detail::pointerToken(it.key()));
                if (!it.value().is_string() || it.value().get<std::string>().empty())
                    v.failHere("expected the vendor user id of \"" + it.key() + "\" as a string, found " +
                               detail::describe(it.value()));
                map.by_key.emplace_back(it.key(), it.value().get<std::string>());
            }
        }
        return map;
    } catch (const detail::Failure& f) {
        return detail::toInputError(text, f);
    }
}

// [SECTION] resolver

UserResolver::UserResolver(const Plan& plan, const UserMap& map, Vendor vendor)
    : plan_(plan), map_(map), vendor_(vendor) {}

std::optional<std::string> UserResolver::lookUp(const std::string& person) const {
    for (const auto& [key, id] : map_.by_key)
        if (key == person) return id;
    const Person* p = plan_.findPerson(person);
    if (!p || !p->email || p->email->empty()) return std::nullopt;
    const std::string email = detail::lower(*p->email);
    for (const auto& [key, id] : map_.by_key)
        if (detail::lower(key) == email) return id;
    for (const auto& u : map_.users)
        if (detail::lower(u.email) == email || detail::lower(u.username) == email) return u.id;
    return std::nullopt;
}

void UserResolver::unmapped(const std::string& person) {
    for (const auto& seen : reported_)
        if (seen == person) return;
    reported_.push_back(person);
    const Person* p = plan_.findPerson(person);
    const std::string who = detail::personLabel(plan_, person);
    std::string detail;
    if (!map_.given) {
        detail = who + " has no " + std::string(vendorTitle(vendor_)) + " user id, so the export uses \"" + person +
                 "\": give the vendor's user list (--users; in the page, Choose a user list), or replace it by hand.";
    } else if (!p || !p->email || p->email->empty()) {
        detail = who + " has no e-mail to match and is not a key of --users: the export uses \"" + person +
                 "\"; add the person to the map or replace it by hand.";
    } else {
        detail = who + " matches no user of --users by e-mail (" + *p->email + "): the export uses \"" +
                 person + "\"; add the user or replace it by hand.";
    }
    losses_.push_back({"unmapped-person", std::nullopt, std::nullopt, person, detail});
}

std::string UserResolver::id(const std::string& person) {
    if (auto it = ids_.find(person); it != ids_.end()) return it->second;
    std::string id = person;
    if (auto found = lookUp(person)) id = *found;
    else unmapped(person);
    ids_.emplace(person, id);
    return id;
}

Json UserResolver::opsgenieUser(const std::string& person) {
    if (auto it = recipients_.find(person); it != recipients_.end()) return it->second;
    Json recipient;
    const Person* p = plan_.findPerson(person);
    if (auto found = lookUp(person)) {
        recipient = Json{{"type", "user"}, {"id", *found}};
    } else if (p && p->email && !p->email->empty()) {
        recipient = Json{{"type", "user"}, {"username", *p->email}};
    } else {
        unmapped(person);
        recipient = Json{{"type", "user"}, {"username", person}};
    }
    recipients_.emplace(person, recipient);
    return recipient;
}

}  // namespace rp::interop
