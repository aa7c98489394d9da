// The announcement a lead posts after publishing (changes.md "rotaplan announce"): the
// next N weeks, the changes since the last publish and who must know, the contacts.
// Slack mrkdwn (mentions, *bold*, aligned lines in a code block) or Markdown.
#pragma once
#include <string>

#include "core/model/plan.hpp"

namespace rp {

enum class AnnounceFormat { Slack, Markdown };

struct AnnounceOptions {
    Date today;
    int weeks = 4;
    AnnounceFormat format = AnnounceFormat::Slack;
};

std::string announceText(const Plan& plan, const AnnounceOptions& options);

// How a person is named in Slack: <@U024BE7LH> for a member id, @handle for a handle,
// else the name.
std::string slackMention(const Person& p);

}  // namespace rp
