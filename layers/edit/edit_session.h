// An edit session over one layer: add, move and delete sites, change attributes, undo/redo
// to the exact earlier state, and save back to where the layer came from without losing
// anything — GeoPackage in one transaction, GeoJSON/CSV written beside and renamed
// (io::write_layer), Shapefile staged and committed by a journal (edit/file_save.h), PostGIS
// row by row in one transaction with an optimistic version check.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/edit_journal.h"
#include "edit/feature_data.h"
#include "edit/validation.h"
#include "io/gdal_reader.h"
#include "model/error.h"
#include "model/layer.h"

namespace coopmap::edit {

// The column a PostGIS table carries for the optimistic check: every save of a row raises it
// by one, and a save is refused when the row's number is no longer the one this session read.
inline constexpr const char* kVersionColumn = "coopmap_version";

// A feature changed both here and, since this session read it, by someone else.
struct Conflict {
    std::int64_t id = 0;
    FeatureData ours;  // what this session would save (version: the one it read)
    FeatureData theirs;  // what the database holds now (version: its current one)
    bool ours_deleted = false;  // this session deletes it
    bool theirs_deleted = false;  // someone else deleted it
};

// The table beside a PostGIS layer where every save leaves a token in its own transaction, so
// that a save whose COMMIT got no answer (the connection dropped) is found written or not by the
// next save, and never written twice.
inline constexpr const char* kSavesTable = "coopmap_saves";

struct SaveOutcome {
    std::vector<Conflict> conflicts;  // not empty: nothing was written, the edits are kept
    std::size_t inserted = 0, updated = 0, deleted = 0;
    // PostGIS: this save's place in the server's order of saves (coopmap_saves.seq; of two saves
    // touching one row the later commit has the larger number); 0 when nothing was written.
    std::int64_t sequence = 0;
    std::map<std::int64_t, std::int64_t> new_ids;  // temporary id of an added feature -> its FID
    // The save before this one sent its COMMIT and lost the connection before the answer; this
    // save found it written and wrote nothing else (see EditSession::save): its sequence and
    // ids. 0: there was none, or it was not written and its edits went out with this save.
    std::int64_t earlier_sequence = 0;
    std::map<std::int64_t, std::int64_t> earlier_new_ids;
    bool saved() const { return conflicts.empty(); }
};

class EditSession {
public:
    // Reads the layer. A PostGIS table (PG:…) needs the coopmap_version column that
    // `coopmap-cli import` creates; `fields` maps role fields to columns for validation.
    static Result<EditSession> open(const io::SourceSpec& source, FieldMap fields = {});

    const Layer& layer() const { return layer_; }
    const io::SourceSpec& source() const { return source_; }
    const FieldMap& fields() const { return fields_; }
    // The source's FID of feature f (PostGIS), negative for a feature added and not yet saved.
    std::int64_t feature_id(std::size_t f) const { return ids_[f]; }
    std::int64_t feature_version(std::size_t f) const { return versions_[f]; }
    std::optional<std::size_t> find(std::int64_t id) const;

    // Each edit is checked first (validate()); a refused edit changes nothing. Values are one
    // per column in the layer's order.
    Result<std::size_t> add_point(double lon, double lat, const std::vector<Value>& values);
    // `also`: columns set in the same step (codes filled from the village snapped to), so
    // one undo takes back the move and what came with it.
    Status move_point(std::size_t f, double lon, double lat, const std::map<std::string, Value>& also = {});
    Status delete_feature(std::size_t f);
    Status set_attribute(std::size_t f, const std::string& column, const Value& value);
    // Several columns at once (a form's 应用), one undo step; a refused value changes nothing.
    Status set_attributes(std::size_t f, const std::map<std::string, Value>& values);

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // What undo/redo would do, e.g. "移动 王家村", for menus; "" if nothing.
    std::string undo_label() const { return undo_.empty() ? std::string() : undo_.back().label; }
    std::string redo_label() const { return redo_.empty() ? std::string() : redo_.back().label; }
    bool undo();
    bool redo();
    // Changed since opened or last saved (an undo back to the saved state clears it).
    bool dirty() const;

    // Writes the edits to the source. Error: nothing was written (the file is as it was, or
    // the database transaction was rolled back) and every edit is still here, e.g. when the
    // connection was lost. Conflicts: likewise nothing written; see conflict_message().
    // PostGIS, when the connection dropped after COMMIT was sent: the error says the outcome is
    // unknown, the edits stay (dirty() is true), and the next save first settles it by its
    // token. Found written: it is taken as saved, not sent again, and that save returns with
    // earlier_sequence set — one commit per save, so edits made since wait for the next save.
    // Not written: it can no longer commit, and its edits go out with the rest.
    Result<SaveOutcome> save();
    // A save's COMMIT went unanswered and no save has settled it yet.
    bool save_unsettled() const { return unanswered_.has_value(); }
    // Its token (its row in coopmap_saves once settled); "" when there is none.
    std::string unsettled_token() const { return unanswered_ ? unanswered_->token : std::string(); }

    // Settles one conflict of a refused save. keep_theirs: the feature becomes the database's
    // version (or goes, if it was deleted there) and the undo history is dropped, since undoing
    // would bring back what was replaced. Otherwise this session's version stays and the next
    // save overwrites the database's knowingly (a feature deleted there is added again).
    void resolve(const Conflict& c, bool keep_theirs);

    // One message for a conflict, both versions field by field, in Chinese.
    std::string conflict_message(const Conflict& c) const;

    // From now on every change not yet saved is journaled to `path` (edit_journal.h) under the
    // project's layer id: the file is made at the first change, removed by a save or when no
    // change is left unsaved (undone), kept when the session ends with unsaved changes.
    void journal_to(std::string path, std::string layer_key);
    // Why the last change could not be journaled (it was made all the same), once; or none.
    std::optional<Error> take_journal_problem();
    // Removes the journal: the unsaved changes are being dropped on purpose.
    void drop_journal();
    // Replays a journal read back after a kill onto this session as just opened, and goes on
    // journaling into it. Refused whole, with nothing changed, when it is another layer's, the
    // layer changed since its first edit (signature), or an entry does not fit.
    Status restore(const JournalContents& journal);
    // Checks what restore() checks, without changing anything.
    Status check_journal(const JournalContents& journal) const;
    // The source as it is read or last saved here: its files' sizes and times, or for PostGIS
    // every row's id and version (a change by anyone raises one).
    const std::string& signature() const { return signature_; }

private:
    struct Change {
        std::size_t feature = 0;  // index the change applies at
        std::optional<FeatureData> before;  // none: the change adds the feature
        std::optional<FeatureData> after;  // none: the change deletes it
        std::uint64_t serial = 0;
        std::string label;
    };

    FeatureData snapshot(std::size_t f) const;
    // Puts the values into `after` as the columns store them and checks them; "" or why not.
    Result<Done> assign(std::size_t f, FeatureData& after, const std::map<std::string, Value>& values) const;
    void apply(std::size_t f, const std::optional<FeatureData>& from, const std::optional<FeatureData>& to);
    void record(Change c);
    Error where(std::size_t f, std::string message) const;
    std::string feature_label(std::size_t f) const;
    std::string feature_label(const FeatureData& d) const;
    Result<SaveOutcome> save_file();
    Result<SaveOutcome> save_postgis();
    bool differs_from_base() const;
    // `sent` (what a save wrote over `base`) is now in the database: ids and versions follow,
    // and it becomes the base later saves compare with.
    void after_save(const std::vector<FeatureData>& sent, const std::map<std::int64_t, std::int64_t>& new_ids,
                    const std::map<std::int64_t, std::int64_t>& new_versions);
    std::string current_signature() const;
    void begin_journal();
    void log(JournalOp op, const Change& c);
    void close_journal();

    // A save whose COMMIT got no answer: what it sent, over which base, under which token.
    struct Unanswered {
        std::string token;
        std::map<std::int64_t, FeatureData> base;
        std::vector<FeatureData> sent;
        std::uint64_t serial = 0;  // the change on top of undo_ when it was sent
    };
    std::optional<Unanswered> unanswered_;

    io::SourceSpec source_;
    std::string source_layer_;  // the layer's name inside the source
    FieldMap fields_;
    bool postgis_ = false;
    Layer layer_;
    std::vector<std::int64_t> ids_, versions_;
    std::map<std::int64_t, FeatureData> base_;  // as read or last saved, by id
    std::vector<Change> undo_, redo_;
    std::uint64_t next_serial_ = 1;
    std::uint64_t saved_serial_ = 0;  // serial of the change on top of undo_ when last saved
    std::int64_t next_new_id_ = -1;
    std::string signature_;
    std::string journal_path_, journal_key_;
    std::unique_ptr<JournalWriter> journal_;
    std::optional<Error> journal_problem_;
    // After a conflict was settled the undo history no longer leads back to the saved layer,
    // so nothing more is journaled until the next save (the user is told).
    bool journal_off_ = false;
};

}  // namespace coopmap::edit
