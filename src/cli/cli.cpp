#include "cli/cli.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/model/plan_io.hpp"

namespace rp::cli {

// [SECTION] arguments

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

// [SECTION] reading

namespace {

std::string g_input;  // the input being read or worked on, for error lines ("" before any)
bool g_stdout_reported = false;  // a failed write to standard output was already reported

std::string exactSize(std::uint64_t bytes) {
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

[[noreturn]] void tooLarge(const std::string& name, std::optional<std::uint64_t> size) {
    const std::string limit = "50 MiB (" + exactSize(kMaxPlanBytes) + ")";
    if (size)
        throw UsageError{name + ": the file is " + exactSize(*size) + "; Rotaplan reads files up to " + limit};
    throw UsageError{name + ": more than " + limit + " to read; Rotaplan reads files up to " + limit};
}

std::string errnoText(int err) { return std::strerror(err); }

}  // namespace

std::string inputName(const std::string& path) { return path == "-" ? std::string("<stdin>") : path; }

const std::string& currentInput() { return g_input; }

std::string readFileOrStdin(const std::string& path) {
    const std::string name = inputName(path);
    g_input = name;
    int fd = 0;
    if (path != "-") {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw UsageError{name + ": cannot open the file (" + errnoText(errno) + ")"};
    }
    struct Closer {
        int fd;
        ~Closer() {
            if (fd > 0) ::close(fd);
        }
    } closer{fd};
    std::string text;
    struct stat st {};
    if (::fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) throw UsageError{name + ": is a folder, not a file"};
        if (S_ISREG(st.st_mode)) {
            if (static_cast<std::uint64_t>(st.st_size) > kMaxPlanBytes)
                tooLarge(name, static_cast<std::uint64_t>(st.st_size));
            text.reserve(static_cast<std::size_t>(st.st_size));
        }
    }
    // Read to the end, but never more than the limit and one byte: standard input, a pipe
    // or a file that grows is cut off there, not read whole first.
    std::vector<char> buf(1 << 16);
    for (;;) {
        const std::size_t want = std::min(buf.size(), kMaxPlanBytes + 1 - text.size());
        const ssize_t n = ::read(fd, buf.data(), want);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EISDIR) throw UsageError{name + ": is a folder, not a file"};
            throw UsageError{name + ": cannot read the file (" + errnoText(errno) + ")"};
        }
        if (n == 0) break;
        text.append(buf.data(), static_cast<std::size_t>(n));
        if (text.size() > kMaxPlanBytes) tooLarge(name, std::nullopt);
    }
    return text;
}

Plan loadPlanArg(const std::string& path) {
    std::string text = readFileOrStdin(path);
    LoadResult r = readPlan(text);
    if (!r.ok()) throw UsageError{inputName(path) + ": " + r.error->str()};
    return std::move(*r.plan);
}

// [SECTION] writing

namespace {

// Writes all of it; false with errno set on the first failure.
bool writeAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, std::min<std::size_t>(size, 1u << 30));
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) {
            errno = EIO;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

[[noreturn]] void cannotWrite(const std::string& path, int err, bool existed, const std::string& detail = {}) {
    throw UsageError{path + ": cannot write the file (" + (detail.empty() ? "" : detail + ": ") + errnoText(err) +
                     "); " + (existed ? path + " was left as it was" : std::string("nothing was written"))};
}

// A device or a pipe (-o /dev/stdout, a FIFO): written in place, every write checked.
void writeInPlace(const std::string& path, const std::string& text) {
    auto fail = [&](int err) {
        throw UsageError{path + ": cannot write (" + errnoText(err) + "); the output is incomplete"};
    };
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail(errno);
    if (!writeAll(fd, text.data(), text.size())) {
        const int err = errno;
        ::close(fd);
        fail(err);
    }
    if (::close(fd) != 0) fail(errno);
}

// A regular file: the text goes to a temporary file beside it, is flushed to the disk and
// closed, and only then renamed over the target. On any failure the temporary file is
// removed and the target is as it was.
void writeReplacing(const std::string& path, const std::string& text) {
    std::string target = path;
    struct stat st {};
    bool exists = ::lstat(path.c_str(), &st) == 0;
    if (exists && S_ISLNK(st.st_mode)) {  // write the file the link names, keep the link
        if (char* real = ::realpath(path.c_str(), nullptr)) {
            target = real;
            std::free(real);
            exists = ::stat(target.c_str(), &st) == 0;
        } else {
            exists = false;
        }
    }
    if (exists && S_ISDIR(st.st_mode)) throw UsageError{path + ": is a folder; give a file name to write"};
    if (exists && !S_ISREG(st.st_mode)) return writeInPlace(path, text);

    const std::size_t slash = target.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string(".") : slash == 0 ? std::string("/") : target.substr(0, slash);
    const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
    std::string temp = (slash == std::string::npos ? std::string() : target.substr(0, slash + 1)) + "." + base + ".rotaplan-XXXXXX";
    std::vector<char> name(temp.begin(), temp.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) cannotWrite(path, errno, exists, "cannot create a temporary file in " + dir);
    temp = name.data();
    auto fail = [&](int err) {
        ::close(fd);
        ::unlink(temp.c_str());
        cannotWrite(path, err, exists);
    };
    if (exists) {
        (void)::fchown(fd, st.st_uid, st.st_gid);  // only root may; the mode below matters more
        if (::fchmod(fd, st.st_mode & 07777) != 0) fail(errno);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        if (::fchmod(fd, 0666 & ~mask) != 0) fail(errno);
    }
    if (!writeAll(fd, text.data(), text.size())) fail(errno);
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) fail(errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        cannotWrite(path, err, exists);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        cannotWrite(path, err, exists);
    }
}

}  // namespace

void writeOutput(const std::optional<std::string>& out_path, const std::string& text) {
    if (!out_path || *out_path == "-") {
        errno = 0;
        const std::size_t n = std::fwrite(text.data(), 1, text.size(), stdout);
        if (n != text.size() || std::fflush(stdout) != 0) {
            const int err = errno ? errno : EIO;
            g_stdout_reported = true;
            throw UsageError{"standard output: cannot write (" + errnoText(err) + ")"};
        }
        return;
    }
    if (out_path->empty()) throw UsageError{"-o needs a file name"};
    writeReplacing(*out_path, text);
}

bool closeStdout(std::string* error) {
    errno = 0;
    bool ok = std::fflush(stdout) == 0 && !std::ferror(stdout);
    int err = errno;
    if (std::fclose(stdout) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (g_stdout_reported) return true;  // said once already
    if (!ok && error) *error = "standard output: cannot write (" + errnoText(err ? err : EIO) + ")";
    return ok;
}

}  // namespace rp::cli
