// Qt Quick Test runner with the project's own QML modules linked in statically.
#include <QObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include "office_fixtures.h"

Q_IMPORT_QML_PLUGIN(CoopMap_BackendPlugin)
Q_IMPORT_QML_PLUGIN(CoopMapPlugin)

// What QML cannot make itself, as the context property `fixtures`.
class Fixtures : public QObject {
    Q_OBJECT
public:
    // The files a county office hands over, made from the sample (tests/support/office_fixtures.h)
    // in `dir`: "" when done, else why not.
    Q_INVOKABLE QString makeOfficeFixtures(const QString& dir) const
    {
        const auto made = coopmap::testing::make_office_fixtures(dir.toStdString());
        return made ? QString() : QString::fromStdString(made.error().text());
    }
    // Where a test keeps its screenshots and what it made for them: $COOPMAP_TEST_SHOTS, or ""
    // (then nothing is kept).
    Q_INVOKABLE QString shotsDir() const { return qEnvironmentVariable("COOPMAP_TEST_SHOTS"); }
};

// Each run gets its own temporary folder (StandardPaths.TempLocation in the tests), removed
// with whatever the tests wrote into it: QML itself cannot delete files.
class Setup : public QObject {
    Q_OBJECT
public:
    Setup() { qputenv("TMPDIR", dir_.path().toLocal8Bit()); }

public slots:
    void qmlEngineAvailable(QQmlEngine* engine) { engine->rootContext()->setContextProperty("fixtures", &fixtures_); }

private:
    QTemporaryDir dir_;
    Fixtures fixtures_;
};

QUICK_TEST_MAIN_WITH_SETUP(coopmap, Setup)

#include "tst_main.moc"
