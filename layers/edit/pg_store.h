// PostGIS through GDAL's PG driver: making a table from a layer (coopmap-cli import) and
// writing a session's changes with the optimistic version check. Used by EditSession.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "edit/edit_session.h"

namespace coopmap::edit::pg {

bool is_postgis(const std::string& uri);

// SQL identifier in double quotes, embedded quotes doubled (PostgreSQL's quote_ident rule).
std::string quote_identifier(const std::string& name);

// Creates `table` from the layer (WGS84, EPSG:4326; FID column fid, geometry geom, the
// column names exactly as they are, plus coopmap_version = 1) inside one transaction.
// An existing table is an error unless `replace`.
Status create_table(const Layer& layer, const std::string& uri, const std::string& table, bool replace);

// The FIDs and versions of the table's rows in the order read_layer read them, checked
// value by value against `layer`; the version column is taken out of `layer`.
Status attach_ids(Layer& layer, const std::string& uri, const std::string& table, std::vector<std::int64_t>& ids,
                  std::vector<std::int64_t>& versions);

// A fresh token for one save: 128 random bits in hex.
std::string new_save_token();

// Writes inserts (id < 0), updates and deletes in one transaction; refuses all of it when any
// changed or deleted row's version in the database is no longer the one in `base`. The rows are
// locked in FID order (two saves never wait on each other in a cycle), and `token` is recorded in
// coopmap_saves in the same transaction, after them: outcome.sequence is its number there.
// new_ids: temporary id -> FID given by the database; new_versions: FID -> version now.
// unanswered: set when the connection dropped after COMMIT was sent, so the save may be in the
// database or not (settle_save finds out); on every other error nothing was written.
Result<SaveOutcome> write_changes(const Layer& layer, const std::string& uri, const std::string& table,
                                  const std::map<std::int64_t, FeatureData>& base,
                                  const std::vector<FeatureData>& current, const std::string& token,
                                  std::map<std::int64_t, std::int64_t>& new_ids,
                                  std::map<std::int64_t, std::int64_t>& new_versions, bool& unanswered);

struct EarlierSave {
    bool written = false;
    std::int64_t sequence = 0;
    std::map<std::int64_t, std::int64_t> new_ids;
};

// Whether the save with `token`, whose COMMIT went unanswered, is in the database. Not written:
// the token is recorded as void first, so that the transaction can never commit later (were it
// still open on the server, recording the same token waits for it to end).
Result<EarlierSave> settle_save(const std::string& uri, const std::string& table, const std::string& token);

}  // namespace coopmap::edit::pg
