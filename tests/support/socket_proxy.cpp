#include "socket_proxy.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <list>
#include <vector>

namespace coopmap::testing {

namespace {

// The statement that records a save's token (edit/pg_store.cpp, record_save); the COMMIT after
// it on the same connection is the save's own.
constexpr std::string_view kSaveMarker = "\"coopmap_saves\" (token, layer, written, new_ids)";
constexpr std::string_view kCommit = "COMMIT";

std::string socket_path(const std::string& dir) { return dir + "/.s.PGSQL.5432"; }

bool fill_address(sockaddr_un& a, const std::string& path)
{
    std::memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    if (path.size() >= sizeof a.sun_path) return false;
    std::memcpy(a.sun_path, path.c_str(), path.size() + 1);
    return true;
}

bool send_all(int fd, const char* data, std::size_t n)
{
    while (n > 0) {
        // MSG_NOSIGNAL: a peer gone is a closed connection here, not a SIGPIPE for the process.
        const ssize_t w = ::send(fd, data, n, MSG_NOSIGNAL);
        if (w <= 0) return false;
        data += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

struct Relay {
    int client = -1, server = -1;
    bool armed = false;  // the save's token went by: its COMMIT comes next
    bool swallow = false;  // COMMIT forwarded: the server's answer is to be lost
    std::string tail;  // the last bytes from the client, for a marker split across reads
    void close_both()
    {
        if (client >= 0) ::close(client);
        if (server >= 0) ::close(server);
        client = server = -1;
    }
};

}  // namespace

Result<std::unique_ptr<SocketProxy>> SocketProxy::start(const std::string& directory,
                                                        const std::string& upstream_directory)
{
    std::unique_ptr<SocketProxy> p(new SocketProxy);
    p->dir_ = directory;
    p->upstream_ = upstream_directory;
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    std::filesystem::remove(socket_path(directory), ec);
    sockaddr_un a{};
    if (!fill_address(a, socket_path(directory))) return Error{directory, "proxy", {}, "socket path too long"};
    // Close-on-exec everywhere: a child started later (an editor process) must not hold a copy of
    // a relayed connection, or closing it here would never reach the client.
    p->listen_fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (p->listen_fd_ < 0 || ::bind(p->listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::listen(p->listen_fd_, 64) != 0)
        return Error{directory, "proxy", {}, std::string("cannot listen: ") + std::strerror(errno)};
    p->thread_ = std::thread([raw = p.get()] { raw->loop(); });
    return p;
}

SocketProxy::~SocketProxy()
{
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (listen_fd_ >= 0) ::close(listen_fd_);
    std::error_code ec;
    std::filesystem::remove(socket_path(dir_), ec);
}

void SocketProxy::cut_next_saves(Cut how, int count)
{
    how_ = how;
    pending_ = count;
}

void SocketProxy::loop()
{
    std::list<Relay> relays;
    std::vector<char> buf(1 << 16);
    while (!stop_) {
        std::vector<pollfd> fds{{listen_fd_, POLLIN, 0}};
        std::vector<std::pair<Relay*, bool>> owner{{nullptr, false}};  // relay, from the client
        for (auto& r : relays) {
            fds.push_back({r.client, POLLIN, 0});
            owner.emplace_back(&r, true);
            fds.push_back({r.server, POLLIN, 0});
            owner.emplace_back(&r, false);
        }
        if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
        if (fds[0].revents & POLLIN) {
            const int c = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (c >= 0) {
                sockaddr_un a{};
                const int s = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
                // The server down (restarting): the client sees its connection refused as closed.
                if (s < 0 || !fill_address(a, socket_path(upstream_)) ||
                    ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
                    ::close(c);
                    if (s >= 0) ::close(s);
                } else {
                    Relay& r = relays.emplace_back();
                    r.client = c;
                    r.server = s;
                }
            }
        }
        for (std::size_t i = 1; i < fds.size(); ++i) {
            Relay& r = *owner[i].first;
            if (r.client < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const bool from_client = owner[i].second;
            const ssize_t n = ::recv(from_client ? r.client : r.server, buf.data(), buf.size(), 0);
            if (n <= 0) {
                r.close_both();
                continue;
            }
            const std::string_view chunk(buf.data(), static_cast<std::size_t>(n));
            if (!from_client) {
                if (r.swallow) {
                    // The server answered the COMMIT: it committed, and the client never hears so.
                    // (Counted before the close, so a client seeing the drop also sees the count.)
                    ++done_;
                    r.close_both();
                    continue;
                }
                if (!send_all(r.client, chunk.data(), chunk.size())) r.close_both();
                continue;
            }
            const std::string seen = r.tail + std::string(chunk);
            if (seen.find(kSaveMarker) != std::string::npos) r.armed = true;
            else if (r.armed && chunk.find(kCommit) != std::string_view::npos) {
                r.armed = false;
                int left = pending_.load();
                while (left > 0 && !pending_.compare_exchange_weak(left, left - 1)) {}
                if (left > 0) {
                    if (how_ == Cut::before_commit) {
                        ++done_;
                        r.close_both();
                        continue;
                    }
                    r.swallow = true;
                }
            }
            r.tail = seen.substr(seen.size() > kSaveMarker.size() ? seen.size() - kSaveMarker.size() : 0);
            if (!send_all(r.server, chunk.data(), chunk.size())) r.close_both();
        }
        relays.remove_if([](const Relay& r) { return r.client < 0; });
    }
    for (auto& r : relays) r.close_both();
}

}  // namespace coopmap::testing
