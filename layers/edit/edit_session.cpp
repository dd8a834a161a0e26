#include "edit/edit_session.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <limits>

#include "edit/file_save.h"
#include "edit/pg_store.h"
#include "io/gdal_writer.h"

namespace coopmap::edit {

namespace {

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string problems_text(const std::vector<Problem>& problems)
{
    std::string out;
    for (const auto& p : problems)
        out += (out.empty() ? "" : "；") + std::string("字段“") + p.column + "”：" + p.message;
    return out;
}

}  // namespace

Result<EditSession> EditSession::open(const io::SourceSpec& source, FieldMap fields)
{
    EditSession s;
    s.source_ = source;
    s.fields_ = std::move(fields);
    s.postgis_ = pg::is_postgis(source.uri);
    const std::string declared = upper(source.declared_crs);
    if (declared == "GCJ02" || declared == "GCJ-02" || declared == "BD09" || declared == "BD-09")
        return Error{source.uri,
                     source.title.empty() ? source.layer : source.title,
                     {},
                     "该图层按高德/百度坐标（" + source.declared_crs +
                         "）读入，保存会改写原坐标：请先用 coopmap-cli convert 转为 WGS84 或 CGCS2000 后再编辑"};
    if (!s.postgis_) {
        // A save killed last time is finished (or undone) before the file is read.
        if (auto ok = recover_interrupted_save(source.uri); !ok) return ok.error();
    }
    auto loaded = io::read_layer(source);
    if (!loaded) return loaded.error();
    if (!loaded->skipped.empty())
        return Error{source.uri, loaded->layer.name, loaded->skipped.front().feature,
                     "有 " + std::to_string(loaded->skipped.size()) + " 个要素无法读取（" +
                         loaded->skipped.front().message + "），保存会丢掉它们，所以不能编辑：请先在原数据中修复"};
    s.layer_ = std::move(loaded->layer);
    s.source_layer_ = source.layer;
    if (s.source_layer_.empty()) {
        auto names = io::layer_names(source.uri);
        if (!names) return names.error();
        if (!names->empty()) s.source_layer_ = names->front();
    }
    if (s.postgis_) {
        if (auto ok = pg::attach_ids(s.layer_, source.uri, s.source_layer_, s.ids_, s.versions_); !ok)
            return ok.error();
        for (std::size_t f = 0; f < s.layer_.size(); ++f) s.base_.emplace(s.ids_[f], s.snapshot(f));
    } else {
        for (std::size_t f = 0; f < s.layer_.size(); ++f) s.ids_.push_back(static_cast<std::int64_t>(f) + 1);
        s.versions_.assign(s.layer_.size(), 0);
    }
    s.signature_ = s.current_signature();
    return s;
}

std::optional<std::size_t> EditSession::find(std::int64_t id) const
{
    for (std::size_t f = 0; f < ids_.size(); ++f)
        if (ids_[f] == id) return f;
    return std::nullopt;
}

FeatureData EditSession::snapshot(std::size_t f) const
{
    FeatureData d = feature_data(layer_, f);
    d.id = ids_[f];
    d.version = versions_[f];
    return d;
}

Error EditSession::where(std::size_t f, std::string message) const
{
    return Error{source_.uri, layer_.name, f < layer_.size() ? feature_label(f) : std::string(), std::move(message)};
}

std::string EditSession::feature_label(std::size_t f) const { return feature_label(snapshot(f)); }

std::string EditSession::feature_label(const FeatureData& d) const
{
    const auto it = fields_.find("name");
    const std::string column = it == fields_.end() ? "name" : it->second;
    std::string name;
    for (std::size_t c = 0; c < layer_.columns.size() && c < d.values.size(); ++c)
        if (layer_.columns[c].name == column && !std::holds_alternative<std::monostate>(d.values[c]))
            name = value_text(d.values[c]);
    const std::string id = d.id < 0 ? "新要素" : "要素 " + std::to_string(d.id);
    return name.empty() ? id : id + "（" + name + "）";
}

void EditSession::apply(std::size_t f, const std::optional<FeatureData>& from, const std::optional<FeatureData>& to)
{
    if (from) {
        erase_feature(layer_, f);
        ids_.erase(ids_.begin() + static_cast<std::ptrdiff_t>(f));
        versions_.erase(versions_.begin() + static_cast<std::ptrdiff_t>(f));
    }
    if (to) {
        insert_feature(layer_, f, *to);
        ids_.insert(ids_.begin() + static_cast<std::ptrdiff_t>(f), to->id);
        versions_.insert(versions_.begin() + static_cast<std::ptrdiff_t>(f), to->version);
    }
    // The index follows the geometry; rebuilt whole (Boost R-tree packing) rather than patched.
    layer_.build_index();
}

void EditSession::record(Change c)
{
    begin_journal();
    c.serial = next_serial_++;
    apply(c.feature, c.before, c.after);
    undo_.push_back(std::move(c));
    redo_.clear();
    log(JournalOp::record, undo_.back());
}

Result<std::size_t> EditSession::add_point(double lon, double lat, const std::vector<Value>& values)
{
    if (layer_.kind != GeometryKind::point) return where(layer_.size(), "这个图层是线或面图层，只能在点图层上添加网点");
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90))
        return where(layer_.size(), "位置不在经纬度范围内，请在地图上重新选点");
    if (values.size() != layer_.columns.size()) return where(layer_.size(), "属性个数与图层字段数不符（程序错误）");
    if (auto problems = validate(layer_, fields_, values); !problems.empty())
        return where(layer_.size(), problems_text(problems));
    FeatureData d;
    d.id = next_new_id_--;
    d.x = {lon};
    d.y = {lat};
    d.ring_sizes = {1};
    d.part_rings = {1};
    d.values = values;
    for (std::size_t c = 0; c < values.size(); ++c) {
        Column probe;
        probe.type = layer_.columns[c].type;
        probe.push_null();
        if (!set_column_value(probe, 0, values[c]))
            return where(layer_.size(), "字段“" + layer_.columns[c].name + "”的值类型不对：" + value_text(values[c]));
        d.values[c] = column_value(probe, 0);  // as the column stores it (e.g. integer widened to real)
    }
    const std::size_t f = layer_.size();
    // Labelled before it is recorded: the journal keeps the label the change is recorded with.
    record(Change{f, std::nullopt, d, 0, "添加 " + feature_label(d)});
    return f;
}

Status EditSession::move_point(std::size_t f, double lon, double lat, const std::map<std::string, Value>& also)
{
    if (f >= layer_.size()) return where(f, "要素不存在（程序错误）");
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90))
        return where(f, "位置不在经纬度范围内，请在地图上重新选点");
    FeatureData before = snapshot(f);
    FeatureData after = before;
    // A multipoint moves as a whole, by the offset of its first point.
    const double dx = lon - before.x.front(), dy = lat - before.y.front();
    for (auto& v : after.x) v += dx;
    for (auto& v : after.y) v += dy;
    after.x.front() = lon;
    after.y.front() = lat;
    if (auto ok = assign(f, after, also); !ok) return ok;
    record(Change{f, std::move(before), std::move(after), 0, "移动 " + feature_label(f)});
    return Done{};
}

Result<Done> EditSession::assign(std::size_t f, FeatureData& after, const std::map<std::string, Value>& values) const
{
    for (const auto& [column, value] : values) {
        std::size_t c = 0;
        while (c < layer_.columns.size() && layer_.columns[c].name != column) ++c;
        if (c == layer_.columns.size()) return where(f, "图层中没有字段“" + column + "”");
        Column probe;
        probe.type = layer_.columns[c].type;
        probe.push_null();
        if (!set_column_value(probe, 0, value))
            return where(f, "字段“" + column + "”需要" + (probe.type == FieldType::integer ? "整数" : "数字") + "，“" +
                                value_text(value) + "”不是");
        after.values[c] = column_value(probe, 0);
        if (auto problems = validate_column(layer_, fields_, after.values, c); !problems.empty())
            return where(f, problems_text(problems));
    }
    return Done{};
}

Status EditSession::set_attributes(std::size_t f, const std::map<std::string, Value>& values)
{
    if (f >= layer_.size()) return where(f, "要素不存在（程序错误）");
    FeatureData before = snapshot(f);
    FeatureData after = before;
    if (auto ok = assign(f, after, values); !ok) return ok;
    if (after == before) return Done{};
    const std::string what = values.size() == 1 ? values.begin()->first : std::string("属性");
    record(Change{f, std::move(before), std::move(after), 0, "修改 " + feature_label(f) + " 的 " + what});
    return Done{};
}

Status EditSession::delete_feature(std::size_t f)
{
    if (f >= layer_.size()) return where(f, "要素不存在（程序错误）");
    record(Change{f, snapshot(f), std::nullopt, 0, "删除 " + feature_label(f)});
    return Done{};
}

Status EditSession::set_attribute(std::size_t f, const std::string& column, const Value& value)
{
    return set_attributes(f, {{column, value}});
}

bool EditSession::undo()
{
    if (undo_.empty()) return false;
    begin_journal();
    Change c = std::move(undo_.back());
    undo_.pop_back();
    apply(c.feature, c.after, c.before);
    redo_.push_back(std::move(c));
    log(JournalOp::undo, redo_.back());
    return true;
}

bool EditSession::redo()
{
    if (redo_.empty()) return false;
    begin_journal();
    Change c = std::move(redo_.back());
    redo_.pop_back();
    apply(c.feature, c.before, c.after);
    undo_.push_back(std::move(c));
    log(JournalOp::redo, undo_.back());
    return true;
}

bool EditSession::dirty() const
{
    // A save whose outcome is unknown leaves the database maybe ahead of this state: save again.
    return unanswered_ || (undo_.empty() ? 0 : undo_.back().serial) != saved_serial_;
}

Result<SaveOutcome> EditSession::save()
{
    auto out = postgis_ ? save_postgis() : save_file();
    if (out && out->saved() && (out->earlier_sequence == 0 || !dirty())) {
        // An earlier save found written set saved_serial_ to what it had sent.
        if (out->earlier_sequence == 0) saved_serial_ = undo_.empty() ? 0 : undo_.back().serial;
        // What the journal held is in the source now; the next change starts a new one against
        // the source as this save left it. (An earlier save found written with edits made since
        // keeps its journal: a restore of it is then refused as stale, never applied twice.)
        signature_ = current_signature();
        drop_journal();
    }
    return out;
}

Result<SaveOutcome> EditSession::save_file()
{
    std::string crs = layer_.source_crs.empty() ? std::string("EPSG:4326") : layer_.source_crs;
    io::WriteSpec spec{source_.uri, source_layer_, crs};
    // A CSV/GeoJSON/Shapefile names its one layer after the file; GeoPackage needs the name.
    const std::string ext = upper(std::filesystem::path(source_.uri).extension().string());
    if (ext != ".GPKG") spec.layer.clear();
    Layer out = layer_;
    out.name = source_layer_.empty() ? layer_.name : source_layer_;
    if (auto written = save_layer_file(out, spec); !written) {
        Error e = written.error();
        e.message += "；编辑内容仍保留，可以稍后再保存";
        return e;
    }
    SaveOutcome outcome;
    outcome.updated = layer_.size();
    return outcome;
}

Result<SaveOutcome> EditSession::save_postgis()
{
    if (unanswered_) {
        auto earlier = pg::settle_save(source_.uri, source_layer_, unanswered_->token);
        if (!earlier) {
            Error e = earlier.error();
            e.message += "；上次保存是否已写入仍未确定，您的编辑仍保留";
            return e;
        }
        if (earlier->written) {
            // It is in: taken as saved over the base it was sent over, with the versions the
            // save gave its rows.
            std::map<std::int64_t, std::int64_t> versions;
            for (const auto& d : unanswered_->sent) {
                if (d.id < 0) {
                    if (auto it = earlier->new_ids.find(d.id); it != earlier->new_ids.end()) versions[it->second] = 1;
                } else if (auto b = unanswered_->base.find(d.id);
                           b == unanswered_->base.end() || !b->second.same_content(d)) {
                    versions[d.id] = d.version + 1;
                }
            }
            after_save(unanswered_->sent, earlier->new_ids, versions);
            saved_serial_ = unanswered_->serial;
            unanswered_.reset();
            // One commit per save: edits made since stay unsaved (dirty()) for the next one.
            SaveOutcome out;
            out.earlier_sequence = earlier->sequence;
            out.earlier_new_ids = earlier->new_ids;
            return out;
        }
        // Not written: it is void now and can never commit; its edits go out with this save.
        unanswered_.reset();
    }
    if (!differs_from_base()) return SaveOutcome{};
    std::vector<FeatureData> current;
    current.reserve(layer_.size());
    for (std::size_t f = 0; f < layer_.size(); ++f) current.push_back(snapshot(f));
    std::map<std::int64_t, std::int64_t> new_ids, new_versions;
    const std::string token = pg::new_save_token();
    bool unanswered = false;
    auto out =
        pg::write_changes(layer_, source_.uri, source_layer_, base_, current, token, new_ids, new_versions, unanswered);
    if (!out) {
        if (unanswered)
            unanswered_ = Unanswered{token, base_, std::move(current), undo_.empty() ? 0 : undo_.back().serial};
        Error e = out.error();
        if (e.layer.empty()) e.layer = layer_.name;
        return e;
    }
    if (out->saved()) after_save(current, new_ids, new_versions);
    return out;
}

void EditSession::after_save(const std::vector<FeatureData>& sent, const std::map<std::int64_t, std::int64_t>& new_ids,
                             const std::map<std::int64_t, std::int64_t>& new_versions)
{
    const auto patch = [&](FeatureData& d) {
        if (auto it = new_ids.find(d.id); it != new_ids.end()) d.id = it->second;
        if (auto it = new_versions.find(d.id); it != new_versions.end()) d.version = it->second;
    };
    for (std::size_t f = 0; f < layer_.size(); ++f) {
        if (auto it = new_ids.find(ids_[f]); it != new_ids.end()) ids_[f] = it->second;
        if (auto it = new_versions.find(ids_[f]); it != new_versions.end()) versions_[f] = it->second;
    }
    // Undo after a save must still address the same rows, now under their real ids/versions.
    for (auto* stack : {&undo_, &redo_})
        for (auto& c : *stack) {
            if (c.before) patch(*c.before);
            if (c.after) patch(*c.after);
        }
    base_.clear();
    for (FeatureData d : sent) {
        patch(d);
        base_.emplace(d.id, std::move(d));
    }
}

bool EditSession::differs_from_base() const
{
    std::size_t kept = 0;
    for (std::size_t f = 0; f < layer_.size(); ++f) {
        const auto it = base_.find(ids_[f]);
        if (it == base_.end() || !it->second.same_content(snapshot(f))) return true;
        ++kept;
    }
    return kept != base_.size();
}

void EditSession::resolve(const Conflict& c, bool keep_theirs)
{
    // Settling replaces rows by the database's and drops or rewrites history, which the journal
    // cannot replay onto the table as read: stop journaling until the next save.
    if (!journal_path_.empty() && !journal_off_) {
        drop_journal();
        journal_off_ = true;
        journal_problem_ =
            Error{journal_path_,
                  layer_.name,
                  {},
                  "处理冲突后，未保存的修改不再记入编辑日志：请尽快保存，窗口意外关闭时这些修改将无法恢复"};
    }
    const auto at = find(c.id);
    if (keep_theirs) {
        if (c.theirs_deleted) {
            if (at) apply(*at, snapshot(*at), std::nullopt);
            base_.erase(c.id);
        } else {
            FeatureData theirs = c.theirs;
            theirs.id = c.id;
            const std::size_t f = at ? *at : layer_.size();
            apply(f, at ? std::optional<FeatureData>(snapshot(f)) : std::nullopt, theirs);
            base_[c.id] = snapshot(f);  // as the layer holds it, so an unchanged feature compares equal
        }
        undo_.clear();
        redo_.clear();
        // No change carries this serial: dirty() stays true while other edits are unsaved.
        saved_serial_ = differs_from_base() ? std::numeric_limits<std::uint64_t>::max() : 0;
        return;
    }
    // Overwrite: the check compares with the version read, so take the database's as read.
    std::int64_t id = c.id, version = c.theirs.version;
    if (c.theirs_deleted) {
        id = next_new_id_--;  // saved again as a new row
        version = 0;
        if (at) ids_[*at] = id;
        base_.erase(c.id);
    } else if (auto b = base_.find(c.id); b != base_.end()) {
        b->second.version = version;
    }
    if (at) versions_[*at] = version;
    for (auto* stack : {&undo_, &redo_})
        for (auto& change : *stack)
            for (auto* d : {&change.before, &change.after})
                if (*d && (*d)->id == c.id) {
                    (*d)->id = id;
                    (*d)->version = version;
                }
}

std::string EditSession::conflict_message(const Conflict& c) const
{
    std::string name;
    const auto it = fields_.find("name");
    const std::string name_col = it == fields_.end() ? "name" : it->second;
    for (std::size_t i = 0; i < layer_.columns.size(); ++i)
        if (layer_.columns[i].name == name_col && i < c.ours.values.size()) name = value_text(c.ours.values[i]);
    std::string out = "要素 " + std::to_string(c.id) + (name.empty() ? "" : "（" + name + "）") +
                      " 在您编辑期间已被他人修改，未保存任何内容。";
    if (c.theirs_deleted)
        return out + "数据库中该要素已被删除；您的版本：" + (c.ours_deleted ? "删除" : "保留并修改") +
               "。请重新打开图层后再决定是否重新添加";
    out += c.ours_deleted ? "您的版本：删除；" : "";
    std::string diffs;
    for (std::size_t i = 0; i < layer_.columns.size() && i < c.theirs.values.size(); ++i) {
        const std::string theirs = value_text(c.theirs.values[i]);
        const std::string ours =
            c.ours_deleted || i >= c.ours.values.size() ? std::string() : value_text(c.ours.values[i]);
        if (c.ours_deleted || theirs != ours)
            diffs += "；" + layer_.columns[i].name + "：数据库中为“" + theirs + "”" +
                     (c.ours_deleted ? "" : "，您的为“" + ours + "”");
    }
    if (!c.ours_deleted && (c.theirs.x != c.ours.x || c.theirs.y != c.ours.y) && !c.theirs.x.empty() &&
        !c.ours.x.empty()) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "；位置：数据库中为 %.6f, %.6f，您的为 %.6f, %.6f", c.theirs.x.front(),
                      c.theirs.y.front(), c.ours.x.front(), c.ours.y.front());
        diffs += buf;
    }
    return out + "数据库版本 " + std::to_string(c.theirs.version) + "，您读取时为版本 " +
           std::to_string(c.ours.version) + diffs + "。请重新打开图层，核对后再修改";
}

std::string EditSession::current_signature() const
{
    // FNV-1a (64 bit): a change detector over what the source holds, not a secret.
    const auto fnv = [](std::uint64_t h, std::string_view bytes) {
        for (const unsigned char ch : bytes) h = (h ^ ch) * 1099511628211ULL;
        return h;
    };
    std::uint64_t h = 14695981039346656037ULL;
    char hex[17];
    if (postgis_) {
        // Every save of a row raises its coopmap_version, whoever makes it.
        for (const auto& [id, d] : base_) {
            h = fnv(h, std::string_view(reinterpret_cast<const char*>(&id), sizeof id));
            h = fnv(h, std::string_view(reinterpret_cast<const char*>(&d.version), sizeof d.version));
        }
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
        return "pg:" + std::to_string(base_.size()) + ":" + hex;
    }
    if (auto files = file_signature(source_.uri); !files.empty()) return "file:" + files;
    // Not a file on disk (inside a .zip, a URL): what was read, feature by feature.
    for (std::size_t f = 0; f < layer_.size(); ++f) h = fnv(h, feature_bytes(snapshot(f)));
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return "content:" + std::to_string(layer_.size()) + ":" + hex;
}

void EditSession::journal_to(std::string path, std::string layer_key)
{
    close_journal();
    journal_path_ = std::move(path);
    journal_key_ = std::move(layer_key);
    journal_off_ = false;
}

std::optional<Error> EditSession::take_journal_problem()
{
    auto p = std::move(journal_problem_);
    journal_problem_.reset();
    return p;
}

void EditSession::close_journal() { journal_.reset(); }

void EditSession::drop_journal()
{
    close_journal();
    if (!journal_path_.empty()) remove_journal(journal_path_);
    journal_off_ = false;
}

void EditSession::begin_journal()
{
    if (journal_path_.empty() || journal_off_ || journal_) return;
    // No journal means nothing unsaved, so the source holds the layer as it is now and the
    // journal starts from it, carrying the history so far for undo.
    JournalHeader h{journal_key_,  source_.uri,  layer_.name,  signature_,
                    saved_serial_, next_serial_, next_new_id_, static_cast<std::int64_t>(std::time(nullptr))};
    std::vector<JournalEntry> base;
    const auto add = [&](JournalOp op, const Change& c) {
        base.push_back(JournalEntry{op, c.feature, c.before, c.after, c.serial, c.label, h.started});
    };
    for (const auto& c : undo_) add(JournalOp::base_undo, c);
    for (const auto& c : redo_) add(JournalOp::base_redo, c);
    auto w = JournalWriter::create(journal_path_, h, base);
    if (!w) {
        // A journal missing this change would restore a wrong state: none until the next save.
        journal_off_ = true;
        journal_problem_ = w.error();
        journal_problem_->layer = layer_.name;
        return;
    }
    journal_ = std::make_unique<JournalWriter>(std::move(w).value());
}

void EditSession::log(JournalOp op, const Change& c)
{
    if (journal_path_.empty()) return;
    if (!dirty()) {
        // Back at the saved state (undone): there is nothing to restore.
        drop_journal();
        return;
    }
    if (journal_off_ || !journal_) return;
    const JournalEntry e{
        op, c.feature, c.before, c.after, c.serial, c.label, static_cast<std::int64_t>(std::time(nullptr))};
    if (auto ok = journal_->append(e); !ok) {
        // A journal with a gap would replay into a wrong state: dropped, none until the next save.
        drop_journal();
        journal_off_ = true;
        journal_problem_ = ok.error();
        journal_problem_->layer = layer_.name;
    }
}

Status EditSession::check_journal(const JournalContents& j) const
{
    const auto refuse = [&](std::string why) { return Error{j.path, layer_.name, {}, std::move(why)}; };
    if (j.header.layer_key != journal_key_)
        return refuse("编辑日志记录的是图层“" + j.header.layer_key + "”的修改，不是这个图层的，未恢复");
    if (j.header.signature != signature_)
        return refuse("图层数据在这些修改之后已被改动（已另行保存、被其他程序或他人修改），日志中的修改与现在的"
                      "数据对不上，为免新旧混杂，未恢复");
    // A dry run: every entry must fit the layer as it will be when its turn comes.
    std::size_t size = layer_.size();
    const auto fits = [&](const FeatureData& d) {
        std::size_t coords = 0, rings = 0;
        for (const auto n : d.ring_sizes) coords += n;
        for (const auto n : d.part_rings) rings += n;
        if (d.values.size() != layer_.columns.size() || d.x.size() != d.y.size() || coords != d.x.size() ||
            rings != d.ring_sizes.size() || d.part_rings.empty())
            return false;
        for (std::size_t c = 0; c < d.values.size(); ++c) {
            Column probe;
            probe.type = layer_.columns[c].type;
            probe.push_null();
            if (!set_column_value(probe, 0, d.values[c])) return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < j.entries.size(); ++i) {
        const auto& e = j.entries[i];
        const auto bad = [&] {
            return refuse("编辑日志第 " + std::to_string(i + 1) + " 条修改与图层现在的数据对不上，未恢复");
        };
        if ((e.before && !fits(*e.before)) || (e.after && !fits(*e.after))) return bad();
        if (e.op == JournalOp::base_undo || e.op == JournalOp::base_redo) continue;
        const auto& from = e.op == JournalOp::undo ? e.after : e.before;
        const auto& to = e.op == JournalOp::undo ? e.before : e.after;
        if (from) {
            if (e.feature >= size) return bad();
            --size;
        }
        if (to) {
            if (e.feature > size) return bad();
            ++size;
        }
    }
    return Done{};
}

Status EditSession::restore(const JournalContents& j)
{
    if (auto ok = check_journal(j); !ok) return ok;
    close_journal();
    undo_.clear();
    redo_.clear();
    for (const auto& e : j.entries) {
        Change c{e.feature, e.before, e.after, e.serial, e.label};
        switch (e.op) {
        case JournalOp::base_undo: undo_.push_back(std::move(c)); break;
        case JournalOp::base_redo: redo_.push_back(std::move(c)); break;
        case JournalOp::record:
            apply(c.feature, c.before, c.after);
            undo_.push_back(std::move(c));
            redo_.clear();
            break;
        case JournalOp::undo:
            if (!undo_.empty() && undo_.back().serial == c.serial) undo_.pop_back();
            apply(c.feature, c.after, c.before);
            redo_.push_back(std::move(c));
            break;
        case JournalOp::redo:
            if (!redo_.empty() && redo_.back().serial == c.serial) redo_.pop_back();
            apply(c.feature, c.before, c.after);
            undo_.push_back(std::move(c));
            break;
        }
        next_serial_ = std::max(next_serial_, e.serial + 1);
        for (const auto* d : {&e.before, &e.after})
            if (*d && (*d)->id < 0) next_new_id_ = std::min(next_new_id_, (*d)->id - 1);
    }
    saved_serial_ = j.header.saved_serial;
    next_serial_ = std::max(next_serial_, j.header.next_serial);
    next_new_id_ = std::min(next_new_id_, j.header.next_new_id);
    if (journal_path_.empty()) journal_path_ = j.path;
    journal_off_ = false;
    if (!dirty()) {
        drop_journal();
        return Done{};
    }
    // The journal goes on from where it stopped: what it holds is what this session now is.
    auto w = JournalWriter::reopen(journal_path_);
    if (!w) {
        journal_off_ = true;
        journal_problem_ = w.error();
        journal_problem_->layer = layer_.name;
    } else {
        journal_ = std::make_unique<JournalWriter>(std::move(w).value());
    }
    return Done{};
}

}  // namespace coopmap::edit
