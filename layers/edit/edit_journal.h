// The journal of an edit session (issue 17): every change not yet saved goes, as it is made,
// into a small SQLite file beside the project, one transaction per change, so a window killed
// at any moment leaves on disk every edit up to the last one and nothing half-written. The
// next start reads it back (read_journal) and EditSession::restore replays it onto the layer
// as read again — refused whole when the journal is damaged or the layer changed meanwhile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/feature_data.h"
#include "model/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace coopmap::edit {

// The file format; a journal written by a newer format is refused, not guessed at.
inline constexpr int kJournalFormat = 1;

struct JournalHeader {
    std::string layer_key;  // the project's id of the edited layer
    std::string source;  // the layer's source URI and layer name, for messages
    std::string layer;
    // The source as it was when the first of these edits was made (EditSession::signature()):
    // a layer changed since then is not the one the edits apply to.
    std::string signature;
    // The session's counters when the journal began, so replayed changes keep their serials and
    // "unsaved" means the same after a restore.
    std::uint64_t saved_serial = 0;
    std::uint64_t next_serial = 1;
    std::int64_t next_new_id = -1;
    std::int64_t started = 0;  // seconds since 1970
};

// What a journal entry did to the session's undo history. base_undo/base_redo are the history
// as it stood when the journal began (the layer was as saved then): kept for undo, not replayed.
enum class JournalOp : std::int64_t { record = 1, undo = 2, redo = 3, base_undo = 4, base_redo = 5 };

// One change as the session keeps it for undo: whole features before and after, at an index.
struct JournalEntry {
    JournalOp op = JournalOp::record;
    std::size_t feature = 0;
    std::optional<FeatureData> before;  // none: the change adds the feature
    std::optional<FeatureData> after;  // none: it deletes it
    std::uint64_t serial = 0;
    std::string label;
    std::int64_t written = 0;  // seconds since 1970
};

struct JournalContents {
    std::string path;
    JournalHeader header;
    std::vector<JournalEntry> entries;
};

// Writes one journal. Move-only: it owns the open database.
class JournalWriter {
public:
    // Makes the journal afresh with its header and the history it starts from (base_undo and
    // base_redo entries), written beside and renamed into place, so the file at `path` is
    // either the old one or the whole new one.
    static Result<JournalWriter> create(const std::string& path, const JournalHeader& header,
                                        const std::vector<JournalEntry>& base = {});
    // Goes on writing a journal that was just restored from.
    static Result<JournalWriter> reopen(const std::string& path);

    JournalWriter(JournalWriter&& o) noexcept;
    JournalWriter& operator=(JournalWriter&& o) noexcept;
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;
    ~JournalWriter();

    // One committed transaction: on disk (fsync) when it returns.
    Status append(const JournalEntry& entry);
    const std::string& path() const { return path_; }

private:
    JournalWriter() = default;
    void close();
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
    std::string path_;
};

// The journal at `path`. Error (naming the file): not a CoopMap journal, damaged, written by a
// newer CoopMap, or an entry that cannot be read back whole.
Result<JournalContents> read_journal(const std::string& path);

// Removes the journal and SQLite's own rollback file beside it, if any.
void remove_journal(const std::string& path);

// A feature as bytes and back (exact: doubles bit for bit); false when the bytes are not one.
std::string feature_bytes(const FeatureData& d);
bool feature_from_bytes(std::string_view bytes, FeatureData& out);

// The files a layer source is made of as they are now: name, size and modification time of
// each (a Shapefile's .shp/.shx/.dbf/.prj/.cpg, a GeoPackage and its -wal); "" when the source
// is not a file on disk.
std::string file_signature(const std::string& uri);

}  // namespace coopmap::edit
