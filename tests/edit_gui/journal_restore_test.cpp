// Issue 17, "a killed window loses no edit", end to end: the real coopmap window, on a project
// the test makes, is driven through its edit panel (journal_edit_driver.qml, given to the
// program by COOPMAP_TEST_DRIVER), killed with SIGKILL, and started again
// (journal_restore_driver.qml): the restore offer must appear with its two buttons, and after
// 恢复未保存的编辑 the layer must be what it was before the kill — every attribute, every
// coordinate, the undo history step by step — and saving it must write exactly that. A layer
// changed since, or a damaged journal, is one message and nothing applied.
#include <gtest/gtest.h>
#include <signal.h>

#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "edit/edit_session.h"
#include "edit_fixture.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"

namespace coopmap::edit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kProjectJson = R"({"version": 1, "name": "编辑恢复测试", "layers": [
  {"id": "sites", "title": "村级供销社", "source": "sites.gpkg", "layer": "sites", "role": "village_cooperative",
   "fields": {"name": "name", "code": "code", "opening_year": "year", "capacity": "capacity", "operator": "经营者"}}]})";

// The program with a driver, its output read line by line as it comes.
class Window {
public:
    Window(const std::string& project, const char* driver)
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COOPMAP_TEST_DRIVER"), QStringLiteral(COOPMAP_DRIVERS "/") + QString(driver));
        p_.setProcessEnvironment(env);
        p_.setProcessChannelMode(QProcess::MergedChannels);
        p_.start(QStringLiteral(COOPMAP_GUI), {QString::fromStdString(project)});
        started_ = p_.waitForStarted(10000);
    }
    ~Window()
    {
        if (p_.state() != QProcess::NotRunning) {
            p_.kill();
            p_.waitForFinished(10000);
        }
    }
    bool started() const { return started_; }
    qint64 pid() const { return p_.processId(); }
    QProcess& process() { return p_; }
    const std::string& output() const { return out_; }

    // What the driver said under `what`, once it says it; null if it said "failed" first, the
    // program ended or the time ran out (see output()).
    json wait_for(const std::string& what, int ms = 90000)
    {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        for (;;) {
            while (p_.canReadLine()) {
                const std::string line = p_.readLine().toStdString();
                out_ += line;
                const auto at = line.find("DRIVER ");
                if (at == std::string::npos) continue;
                const std::string rest = line.substr(at + 7);
                const auto space = rest.find(' ');
                const std::string word = rest.substr(0, space);
                if (word == "failed") return nullptr;
                if (word == what) return json::parse(rest.substr(space + 1));
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
            if (left.count() <= 0 || p_.state() == QProcess::NotRunning) {
                out_ += p_.readAll().toStdString();
                return nullptr;
            }
            p_.waitForReadyRead(static_cast<int>(std::min<long long>(left.count(), 500)));
        }
    }

private:
    QProcess p_;
    bool started_ = false;
    std::string out_;
};

class JournalRestore : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "needs an X server: run under xvfb-run (./dev test does)";
        ASSERT_TRUE(io::write_layer(testing::sample_sites(), {gpkg(), "sites", "EPSG:4326"}));
        std::ofstream(project()) << kProjectJson;
    }
    std::string gpkg() const { return (dir.path / "sites.gpkg").string(); }
    std::string project() const { return (dir.path / "恢复测试.coopmap").string(); }
    std::string journal() const { return project() + ".journal"; }
    io::SourceSpec spec(const std::string& file) const
    {
        return {file, "sites", {}, {}, Role::village_cooperative, "村级供销社"};
    }

    // The first run: edits made through the window, then SIGKILL. The state it reported.
    json edit_and_kill()
    {
        Window w(project(), "journal_edit_driver.qml");
        EXPECT_TRUE(w.started());
        json state = w.wait_for("edits-done");
        EXPECT_FALSE(state.is_null()) << w.output();
        if (state.is_null()) return state;
        EXPECT_TRUE(fs::exists(journal())) << "journaled as the edits were made";
        EXPECT_EQ(::kill(static_cast<pid_t>(w.pid()), SIGKILL), 0);
        EXPECT_TRUE(w.process().waitForFinished(10000));
        EXPECT_EQ(w.process().exitStatus(), QProcess::CrashExit);
        EXPECT_TRUE(fs::exists(journal())) << "a kill leaves the journal";
        return state;
    }

    // The same edits as journal_edit_driver.qml, made by the engine on a copy: what the layer
    // must be after the restore. The window's addSite names a new site "新" + the role's name.
    Layer expected_layer()
    {
        const std::string copy = (dir.path / "expected.gpkg").string();
        EXPECT_TRUE(io::write_layer(testing::sample_sites(), {copy, "sites", "EPSG:4326"}));
        auto s = EditSession::open(spec(copy));
        EXPECT_TRUE(s);
        EXPECT_TRUE(s->set_attributes(1, {{"name", std::string("李家湾综合服务社（已改名）")}}));
        EXPECT_TRUE(s->move_point(0, 112.123456789012345, 32.0987654321));
        EXPECT_TRUE(s->add_point(112.4, 32.2, {std::string("新村级供销社"), {}, {}, {}, {}}));
        EXPECT_TRUE(s->set_attributes(3, {{"name", std::string("新建𠀀供销社")},
                                          {"code", std::string("GX-009")},
                                          {"year", std::int64_t{2025}},
                                          {"capacity", 33.125}}));
        EXPECT_TRUE(s->delete_feature(2));
        EXPECT_TRUE(s->set_attributes(0, {{"year", std::int64_t{1999}}}));
        EXPECT_TRUE(s->undo());
        EXPECT_TRUE(s->set_attributes(2, {{"经营者", std::string("新\"经营者\"")}}));
        EXPECT_TRUE(s->undo());
        EXPECT_TRUE(s->redo());
        return s->layer();
    }

    testing::TempDir dir;
};

// The driver's sites against a layer: same count, every column's text, coordinates exactly.
void expect_sites(const json& sites, const Layer& layer, const std::string& when)
{
    ASSERT_EQ(sites.size(), layer.size()) << when;
    for (std::size_t f = 0; f < layer.size(); ++f) {
        const json& site = sites[f];
        EXPECT_EQ(site["lon"].get<double>(), layer.first_x(f)) << when << " site " << f;
        EXPECT_EQ(site["lat"].get<double>(), layer.first_y(f)) << when << " site " << f;
        ASSERT_EQ(site["attrs"].size(), layer.columns.size()) << when << " site " << f;
        for (const auto& c : layer.columns)
            EXPECT_EQ(site["attrs"][c.name].get<std::string>(), c.text(f)) << when << " site " << f << " " << c.name;
    }
}

TEST_F(JournalRestore, AKilledWindowOffersItsEditsBackAndRestoresThemExactly)
{
    const json before = edit_and_kill();
    ASSERT_FALSE(before.is_null());
    const Layer expected = expected_layer();
    expect_sites(before["sites"], expected, "before the kill");
    EXPECT_TRUE(before["dirty"].get<bool>());

    Window w(project(), "journal_restore_driver.qml");
    ASSERT_TRUE(w.started());
    const json offer = w.wait_for("offer");
    ASSERT_FALSE(offer.is_null()) << w.output();
    EXPECT_EQ(offer["title"], "恢复未保存的编辑");
    EXPECT_EQ(offer["restore"], "恢复未保存的编辑");
    EXPECT_EQ(offer["discard"], "放弃");
    // rename, move, add, its form, delete, year, undo, operator, undo, redo
    EXPECT_EQ(offer["edits"], 10);
    const std::string text = offer["text"];
    EXPECT_NE(text.find("“村级供销社”有 10 处修改尚未保存"), std::string::npos) << text;
    const json picture = w.wait_for("picture");
    ASSERT_TRUE(!picture.is_null() && picture.get<bool>()) << w.output();
    const QImage shot(QString::fromStdString(project() + ".restore.png"));
    EXPECT_GE(shot.width(), 800);
    fs::copy_file(project() + ".restore.png", fs::current_path() / "journal-restore-dialog.png",
                  fs::copy_options::overwrite_existing);

    const json restored = w.wait_for("restored");
    ASSERT_FALSE(restored.is_null()) << w.output();
    EXPECT_FALSE(restored["dialogOpen"].get<bool>());
    EXPECT_EQ(restored["errorText"], "");
    // Exactly the state before the kill, as the window showed it, and as the engine computes it.
    EXPECT_EQ(restored["sites"], before["sites"]);
    expect_sites(restored["sites"], expected, "restored");
    for (const char* k : {"canUndo", "canRedo", "undoText", "redoText", "dirty"})
        EXPECT_EQ(restored[k], before[k]) << k;
    EXPECT_EQ(restored["undoText"], "修改 新要素（新建𠀀供销社） 的 经营者");
    EXPECT_FALSE(restored["canRedo"].get<bool>());

    // The history: six steps back to the file as it was, and all six forward again.
    const json undone = w.wait_for("undone");
    ASSERT_FALSE(undone.is_null()) << w.output();
    EXPECT_EQ(undone["steps"], 6);
    expect_sites(undone["sites"], testing::sample_sites(), "all undone");
    EXPECT_FALSE(undone["dirty"].get<bool>());
    const json redone = w.wait_for("redone");
    ASSERT_FALSE(redone.is_null()) << w.output();
    EXPECT_EQ(redone["steps"], 6);
    EXPECT_EQ(redone["sites"], before["sites"]);

    const json saved = w.wait_for("saved");
    ASSERT_FALSE(saved.is_null()) << w.output();
    EXPECT_TRUE(saved["ok"].get<bool>()) << saved["errorText"];
    EXPECT_FALSE(saved["dirty"].get<bool>());
    ASSERT_TRUE(w.process().waitForFinished(20000));
    EXPECT_EQ(w.process().exitStatus(), QProcess::NormalExit);
    EXPECT_FALSE(fs::exists(journal())) << "a save removes the journal";

    // What the save wrote, read back as any program reads it: typed values and coordinates.
    auto file = io::read_layer(spec(gpkg()));
    ASSERT_TRUE(file) << file.error().text();
    const Layer& got = file->layer;
    ASSERT_EQ(got.size(), expected.size());
    for (const auto& c : expected.columns) {
        const Column* g = got.column(c.name);
        ASSERT_NE(g, nullptr) << c.name;
        for (std::size_t f = 0; f < expected.size(); ++f) {
            EXPECT_EQ(g->null[f], c.null[f]) << c.name << " " << f;
            EXPECT_EQ(g->text(f), c.text(f)) << c.name << " " << f;
            if (c.type == FieldType::real && !c.null[f]) {
                EXPECT_EQ(g->reals[f], c.reals[f]) << c.name << " " << f;
            }
            if (c.type == FieldType::integer && !c.null[f]) {
                EXPECT_EQ(g->integers[f], c.integers[f]) << c.name << " " << f;
            }
        }
    }
    for (std::size_t f = 0; f < expected.size(); ++f) {
        EXPECT_EQ(got.first_x(f), expected.first_x(f)) << f;
        EXPECT_EQ(got.first_y(f), expected.first_y(f)) << f;
    }
}

TEST_F(JournalRestore, ALayerChangedSinceTheKillIsOneMessageAndNotApplied)
{
    ASSERT_FALSE(edit_and_kill().is_null());
    // Another program saves the layer before the window starts again.
    {
        auto other = EditSession::open(spec(gpkg()));
        ASSERT_TRUE(other);
        ASSERT_TRUE(other->set_attributes(0, {{"code", std::string("GX-777")}}));
        ASSERT_TRUE(other->save());
    }
    auto before = io::read_layer(spec(gpkg()));
    ASSERT_TRUE(before);

    Window w(project(), "journal_restore_driver.qml");
    ASSERT_TRUE(w.started());
    const json problem = w.wait_for("problem");
    ASSERT_FALSE(problem.is_null()) << w.output();
    EXPECT_EQ(problem["title"], "编辑日志未能恢复");
    const std::string text = problem["text"];
    EXPECT_NE(text.find(journal()), std::string::npos) << text;
    EXPECT_NE(text.find("已被改动"), std::string::npos) << text;
    EXPECT_NE(text.find("未恢复"), std::string::npos) << text;
    EXPECT_NE(text.find(journal() + ".bad"), std::string::npos) << text;
    EXPECT_FALSE(problem["restoreShown"].get<bool>());
    EXPECT_FALSE(problem["editing"].get<bool>());
    const json dismissed = w.wait_for("dismissed");
    ASSERT_FALSE(dismissed.is_null()) << w.output();
    EXPECT_FALSE(dismissed["open"].get<bool>());
    ASSERT_TRUE(w.process().waitForFinished(20000));
    fs::copy_file(project() + ".problem.png", fs::current_path() / "journal-stale-message.png",
                  fs::copy_options::overwrite_existing);

    EXPECT_FALSE(fs::exists(journal()));
    EXPECT_TRUE(fs::exists(journal() + ".bad")) << "kept aside, not deleted";
    auto after = io::read_layer(spec(gpkg()));
    ASSERT_TRUE(after);
    EXPECT_TRUE(same_layer(before->layer, after->layer)) << "nothing applied";
    EXPECT_EQ(after->layer.column("code")->texts[0], "GX-777");
}

TEST_F(JournalRestore, ADamagedJournalIsOneMessageAndNotApplied)
{
    ASSERT_FALSE(edit_and_kill().is_null());
    fs::resize_file(journal(), fs::file_size(journal()) / 2);
    auto before = io::read_layer(spec(gpkg()));
    ASSERT_TRUE(before);

    Window w(project(), "journal_restore_driver.qml");
    ASSERT_TRUE(w.started());
    const json problem = w.wait_for("problem");
    ASSERT_FALSE(problem.is_null()) << w.output();
    const std::string text = problem["text"];
    EXPECT_NE(text.find("编辑日志已损坏"), std::string::npos) << text;
    EXPECT_NE(text.find(journal()), std::string::npos) << text;
    EXPECT_FALSE(problem["restoreShown"].get<bool>());
    ASSERT_FALSE(w.wait_for("dismissed").is_null()) << w.output();
    ASSERT_TRUE(w.process().waitForFinished(20000));
    EXPECT_TRUE(fs::exists(journal() + ".bad"));
    auto after = io::read_layer(spec(gpkg()));
    ASSERT_TRUE(after);
    EXPECT_TRUE(same_layer(before->layer, after->layer));
}

}  // namespace
}  // namespace coopmap::edit
