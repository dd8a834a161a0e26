// Qt Quick Test runner with the project's own QML modules linked in statically.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(CoopMap_BackendPlugin)
Q_IMPORT_QML_PLUGIN(CoopMapPlugin)

QUICK_TEST_MAIN(coopmap)
