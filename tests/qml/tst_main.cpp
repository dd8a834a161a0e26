// Qt Quick Test runner with the project's own QML modules linked in statically.
#include <QObject>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(CoopMap_BackendPlugin)
Q_IMPORT_QML_PLUGIN(CoopMapPlugin)

// Each run gets its own temporary folder (StandardPaths.TempLocation in the tests), removed
// with whatever the tests wrote into it: QML itself cannot delete files.
class Setup : public QObject {
    Q_OBJECT
public:
    Setup() { qputenv("TMPDIR", dir_.path().toLocal8Bit()); }

private:
    QTemporaryDir dir_;
};

QUICK_TEST_MAIN_WITH_SETUP(coopmap, Setup)

#include "tst_main.moc"
