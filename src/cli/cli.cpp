#include "cli/cli.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/model/plan_io.hpp"

namespace rp::cli {

Args::Args(std::string command, std::vector<std::string> argv)
    : command_(std::move(command)), argv_(std::move(argv)), used_(argv_.size(), false) {}

bool Args::wantsHelp() const {
    for (const auto& a : argv_)
        if (a == "--help" || a == "-h") return true;
    return false;
}

std::optional<std::string> Args::value(const std::string& name) {
    std::optional<std::string> found;
    for (std::size_t i = 0; i < argv_.size(); ++i) {
        if (used_[i]) continue;
        const std::string& a = argv_[i];
        if (a == name) {
            if (i + 1 >= argv_.size()) throw UsageError{name + " needs a value"};
            used_[i] = used_[i + 1] = true;
            found = argv_[i + 1];
            ++i;
        } else if (a.rfind(name + "=", 0) == 0) {
            used_[i] = true;
            found = a.substr(name.size() + 1);
        }
    }
    return found;
}

std::vector<std::string> Args::values(const std::string& name) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < argv_.size(); ++i) {
        if (used_[i]) continue;
        const std::string& a = argv_[i];
        if (a == name) {
            if (i + 1 >= argv_.size()) throw UsageError{name + " needs a value"};
            used_[i] = used_[i + 1] = true;
            out.push_back(argv_[i + 1]);
            ++i;
        } else if (a.rfind(name + "=", 0) == 0) {
            used_[i] = true;
            out.push_back(a.substr(name.size() + 1));
        }
    }
    return out;
}

bool Args::flag(const std::string& name) {
    bool found = false;
    for (std::size_t i = 0; i < argv_.size(); ++i)
        if (!used_[i] && argv_[i] == name) used_[i] = found = true;
    return found;
}

std::vector<std::string> Args::positionals(std::size_t min, std::size_t max, const char* usage) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < argv_.size(); ++i) {
        if (used_[i]) continue;
        const std::string& a = argv_[i];
        if (a.size() > 1 && a[0] == '-') throw UsageError{"unknown option " + a + " (usage: " + usage + ")"};
        out.push_back(a);
    }
    if (out.size() < min || out.size() > max)
        throw UsageError{std::string("wrong number of arguments (usage: ") + usage + ")"};
    return out;
}

std::string readFileOrStdin(const std::string& path) {
    std::string text;
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        text = ss.str();
    } else {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw UsageError{path + ": cannot open the file"};
        in.seekg(0, std::ios::end);
        auto size = in.tellg();
        if (size < 0) throw UsageError{path + ": cannot read the file"};
        if (static_cast<std::size_t>(size) > kMaxPlanBytes)
            throw UsageError{path + ": the file is " + std::to_string(static_cast<long long>(size) / (1024 * 1024)) +
                             " MB; plans up to 50 MB are read"};
        in.seekg(0);
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), size);
        if (!in) throw UsageError{path + ": cannot read the file"};
    }
    return text;
}

Plan loadPlanArg(const std::string& path) {
    std::string text = readFileOrStdin(path);
    LoadResult r = readPlan(text);
    if (!r.ok()) throw UsageError{(path == "-" ? std::string("<stdin>") : path) + ": " + r.error->str()};
    return std::move(*r.plan);
}

void writeOutput(const std::optional<std::string>& out_path, const std::string& text) {
    if (!out_path || *out_path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
        return;
    }
    std::ofstream out(*out_path, std::ios::binary);
    if (!out) throw UsageError{*out_path + ": cannot write the file"};
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) throw UsageError{*out_path + ": cannot write the file"};
}

}  // namespace rp::cli
