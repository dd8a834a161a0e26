// coopmap [PROJECT] [--render FILE.png]: the map window, or the same window saved to a PNG.
#include <QCommandLineParser>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>

#include "i18n/language.h"
#include "project/project_controller.h"
#include "render/window_snapshot.h"

Q_IMPORT_QML_PLUGIN(CoopMap_BackendPlugin)
Q_IMPORT_QML_PLUGIN(CoopMapPlugin)

int main(int argc, char** argv)
{
    coopmap::app::ProjectController::limitHeapGrowth();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("CoopMap"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("供销服务网络一张图"));
    QGuiApplication::setOrganizationName(QStringLiteral("CoopMap"));
    QGuiApplication::setApplicationVersion(QStringLiteral(COOPMAP_VERSION));
    // Matches the installed org.coopmap.CoopMap.desktop, so the desktop groups the window under it.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.coopmap.CoopMap"));
    QGuiApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.coopmap.CoopMap")));
    // Chinese names need a CJK font whatever the system's default is (fonts-noto-cjk).
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(14);
    QGuiApplication::setFont(font);
    coopmap::app::Language::install();

    QCommandLineParser args;
    args.setApplicationDescription(QStringLiteral("供销服务网络一张图 (CoopMap)"));
    args.addHelpOption();
    args.addVersionOption();
    args.addPositionalArgument(QStringLiteral("project"), QStringLiteral("项目文件 *.coopmap（默认：襄阳示例）"));
    const QCommandLineOption render({QStringLiteral("render")}, QStringLiteral("不显示窗口，把地图保存为 PNG 后退出"),
                                    QStringLiteral("png"));
    const QCommandLineOption size({QStringLiteral("size")}, QStringLiteral("窗口大小，如 1600x1000"),
                                  QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption hide({QStringLiteral("hide")}, QStringLiteral("隐藏这些图层（图层 id，逗号分隔）"),
                                  QStringLiteral("ids"));
    const QCommandLineOption view({QStringLiteral("view")}, QStringLiteral("地图中心与级别，如 111.6,32.2,10"),
                                  QStringLiteral("lon,lat,zoom"));
    const QCommandLineOption noLabels({QStringLiteral("no-labels")}, QStringLiteral("不画名称注记"));
    args.addOption(noLabels);
    args.addOption(render);
    args.addOption(size);
    args.addOption(hide);
    args.addOption(view);
    args.process(app);

    const QString project = args.positionalArguments().value(0, coopmap::app::ProjectController::samplePath());
    auto* controller = new coopmap::app::ProjectController(&app);

    QQmlApplicationEngine engine;
    // A saved picture is the map, not the window's passing notices (render prints them on stderr).
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(controller)},
                                 {QStringLiteral("snapshot"), args.isSet(render)}});
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(2); },
        Qt::QueuedConnection);
    engine.loadFromModule("CoopMap", "Main");
    auto* window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!window) return 2;

    if (args.isSet(render)) {
        const QStringList wh = args.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2) window->resize(wh[0].toInt(), wh[1].toInt());
        auto* snapshot = new coopmap::app::WindowSnapshot(window, controller, args.value(render), &app);
        snapshot->setLabels(!args.isSet(noLabels));
        snapshot->setHidden(args.value(hide).split(QLatin1Char(','), Qt::SkipEmptyParts));
        const QStringList v = args.value(view).split(QLatin1Char(','));
        if (v.size() == 3) snapshot->setView(v[0].toDouble(), v[1].toDouble(), v[2].toDouble());
        QObject::connect(snapshot, &coopmap::app::WindowSnapshot::done, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
    }
    // Test hook, off unless set: a QML file given the window, to drive the real program from a
    // test (tests/edit_gui/journal_restore_test.cpp kills it mid-edit). Made before the project
    // opens so it sees the project's signals.
    if (const QString driver = qEnvironmentVariable("COOPMAP_TEST_DRIVER"); !driver.isEmpty()) {
        QQmlComponent component(&engine, QUrl::fromLocalFile(driver));
        QObject* made =
            component.createWithInitialProperties({{QStringLiteral("window"), QVariant::fromValue(window)}});
        if (!made) {
            std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
            return 2;
        }
        made->setParent(window);
    }
    window->show();
    controller->open(project);
    return app.exec();
}
