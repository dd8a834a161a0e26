// A relay between PostgreSQL clients and a test server (tests/support/postgis_server.h) that
// cuts a connection at the moment a real network can hurt most: a save's COMMIT sent and the
// server's answer lost, or the COMMIT itself lost. Clients connect to it as to the server
// (conninfo()); bytes pass through unchanged otherwise.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "model/error.h"

namespace coopmap::testing {

class SocketProxy {
public:
    // Listens on <directory>/.s.PGSQL.5432 (the directory is made) and relays every connection
    // to the server whose socket is in upstream_directory.
    static Result<std::unique_ptr<SocketProxy>> start(const std::string& directory,
                                                      const std::string& upstream_directory);
    ~SocketProxy();
    SocketProxy(const SocketProxy&) = delete;
    SocketProxy& operator=(const SocketProxy&) = delete;

    std::string conninfo() const { return "host=" + dir_ + " port=5432 dbname=coopmap user=postgres"; }
    std::string gdal_uri() const { return "PG:" + conninfo(); }

    enum class Cut {
        after_commit,  // COMMIT reaches the server, which commits; its answer never reaches the client
        before_commit,  // the connection drops as COMMIT is sent; the server never sees it
    };
    // The next `count` saves — a COMMIT after the INSERT of the save's token (edit/pg_store.cpp)
    // on the same connection — are cut so. Other statements pass.
    void cut_next_saves(Cut how, int count);
    int cuts_done() const { return done_.load(); }
    int cuts_pending() const { return pending_.load(); }

private:
    SocketProxy() = default;
    void loop();

    std::string dir_, upstream_;
    int listen_fd_ = -1;
    std::atomic<bool> stop_{false};
    std::atomic<int> pending_{0}, done_{0};
    std::atomic<Cut> how_{Cut::after_commit};
    std::thread thread_;
};

}  // namespace coopmap::testing
