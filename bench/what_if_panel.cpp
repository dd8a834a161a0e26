// The what-if while dragging, as far as the planning panel: the sample open, the panel
// (qml/panels/planning/PlanningPanel.qml) made with its PlanningController and 20 proposed
// sites; each step moves one site onto another village (PlanningController::moveSite, what
// the map's drag calls) and reads the figures the panel then shows (its labels' text and the
// township rows, rebuilt by their bindings before moveSite returns). Beside it in the same
// run, the way without the incremental what-if: recount(), the plan's coverage recomputed
// from every village. Run with QT_QPA_PLATFORM=offscreen (no window is shown).
#include <benchmark/benchmark.h>

#include "bench_status.h"

#include <QEventLoop>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <memory>

#include "planning/planning_controller.h"
#include "project/project_controller.h"

Q_IMPORT_QML_PLUGIN(CoopMap_BackendPlugin)
Q_IMPORT_QML_PLUGIN(CoopMapPlugin)

namespace {

using coopmap::app::PlanningController;
using coopmap::app::ProjectController;

struct Panel {
    ProjectController project;
    QQmlEngine engine;
    std::unique_ptr<QObject> root;
    PlanningController* planning = nullptr;
    QObject* newly = nullptr;  // the "新覆盖村 N 个，人口 P" label
    QObject* townships = nullptr;  // the township rows' Repeater
    int villages = 0;
    std::string error;
};

// Made once and never destroyed: its Qt objects must not outlive main()'s QGuiApplication.
Panel& panel()
{
    static Panel* p = [] {
        auto* out = new Panel;
        QEventLoop loop;
        bool opened = false;
        QObject::connect(&out->project, &ProjectController::finished, &loop, [&](bool ok) {
            opened = ok;
            loop.quit();
        });
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        out->project.open(QStringLiteral(COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap"));
        loop.exec();
        if (!opened) {
            out->error = "sample did not open: " + out->project.errorText().toStdString();
            return out;
        }
        QQmlComponent component(&out->engine);
        component.setData(R"(
            import QtQuick
            import CoopMap
            import CoopMap.Backend
            Item {
                required property ProjectController project
                property alias panel: panel
                width: 320
                height: 900
                PlanningPanel { id: panel; anchors.fill: parent; project: parent.project }
            })",
                          QUrl());
        out->root.reset(component.createWithInitialProperties({{"project", QVariant::fromValue(&out->project)}}));
        if (!out->root) {
            out->error = component.errorString().toStdString();
            return out;
        }
        auto* panelItem = out->root->property("panel").value<QObject*>();
        out->planning = panelItem->property("controller").value<PlanningController*>();
        out->newly = out->root->findChild<QObject*>(QStringLiteral("newlyCoveredLabel"));
        out->townships = out->root->findChild<QObject*>(QStringLiteral("townshipRows"));
        out->villages = out->project.layers()
                            ->get(out->project.layers()->indexOf(QStringLiteral("villages")))
                            .value(QStringLiteral("featureCount"))
                            .toInt();
        if (!out->planning || !out->newly || !out->townships || out->villages <= 0) {
            out->error = "planning panel incomplete";
            return out;
        }
        for (int k = 0; k < 20; ++k)
            out->planning->dropSite(out->project.featureCoordinate(QStringLiteral("villages"), k * out->villages / 20));
        return out;
    }();
    return *p;
}

// One drag step, panel included.
void BM_WhatIfDragPanel(benchmark::State& state)
{
    auto& p = panel();
    if (!p.error.empty()) {
        state.SkipWithError(p.error.c_str());
        return;
    }
    int k = 0, rows = 0;
    QString text;
    for (auto _ : state) {
        const int village = (k++ * 7919) % p.villages;
        p.planning->moveSite(0, p.project.featureCoordinate(QStringLiteral("villages"), village));
        text = p.newly->property("text").toString();
        rows = p.townships->property("count").toInt();
        benchmark::DoNotOptimize(text);
    }
    state.counters["villages"] = p.villages;
    state.counters["township_rows"] = rows;
}
BENCHMARK(BM_WhatIfDragPanel)->Unit(benchmark::kMillisecond);

// The peer: the same figures recounted from scratch for each position.
void BM_WhatIfRecount(benchmark::State& state)
{
    auto& p = panel();
    if (!p.error.empty()) {
        state.SkipWithError(p.error.c_str());
        return;
    }
    int k = 0;
    for (auto _ : state) {
        const int village = (k++ * 7919) % p.villages;
        auto figures = p.planning->recount(p.project.featureCoordinate(QStringLiteral("villages"), village));
        benchmark::DoNotOptimize(figures);
    }
}
BENCHMARK(BM_WhatIfRecount)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    return coopmap::bench::run_benchmarks(argc, argv);
}
