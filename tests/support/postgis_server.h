// A real PostgreSQL + PostGIS server for tests: initdb in a fresh temporary directory, listening
// only on a Unix socket in that directory (no TCP port), `CREATE EXTENSION postgis` done. It is
// stopped and its directory removed in the destructor, and also at exit or on a fatal signal, so
// a failing or crashing test leaves no server behind.
#pragma once

#include <memory>
#include <string>

#include "model/error.h"

namespace coopmap::testing {

class PostgisServer {
public:
    // The server, or an Error saying what is missing (e.g. no initdb): tests skip on it only
    // where PostgreSQL is not installed, and fail on it in CI and under ./dev test
    // (COOPMAP_SKIP_UNLESS_REQUIRED, real_component.h). The binaries come from
    // /usr/lib/postgresql/<version>/bin, or only from $COOPMAP_PG_BIN when that is set.
    static Result<std::unique_ptr<PostgisServer>> start();
    ~PostgisServer();
    PostgisServer(const PostgisServer&) = delete;
    PostgisServer& operator=(const PostgisServer&) = delete;

    const std::string& directory() const { return dir_; }
    // libpq connection string: "host=<dir> port=5432 dbname=coopmap user=postgres".
    std::string conninfo() const;
    // The same for GDAL's PG driver: "PG:host=… dbname=coopmap user=postgres".
    std::string gdal_uri() const { return "PG:" + conninfo(); }

    // Ends every other connection to the database (pg_terminate_backend), as an office network
    // dropping would; how many were ended.
    Result<int> terminate_connections() const;
    // Stops the server as a crash would (pg_ctl -m immediate: no checkpoint, clients cut) and
    // starts it again on the same socket; it recovers from its WAL.
    Status restart() const;

    // Runs SQL (one or many statements, psql meta-commands such as \copy allowed) with psql,
    // stopping at the first error; returns what psql printed, unaligned and without headers.
    Result<std::string> sql(const std::string& statements) const;

private:
    PostgisServer() = default;
    void stop();
    std::string dir_;
    std::string bin_;
    bool as_postgres_ = false;  // running as root: the server runs as the postgres user
    bool running_ = false;
};

}  // namespace coopmap::testing
