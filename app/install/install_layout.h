// Where an installed CoopMap finds its bundled files, and where a user's settings live.
// Installed (FHS): <prefix>/bin/coopmap and <prefix>/share/coopmap/{geodata,translations};
// in a build tree the same files come from the source and build directories instead.
#pragma once

#include <QSettings>
#include <QString>
#include <memory>

namespace coopmap::app {

class InstallLayout {
public:
    // The layout as seen from the directory holding the running program.
    explicit InstallLayout(const QString& binDir);
    // The layout of this program (QCoreApplication::applicationDirPath()).
    static InstallLayout current();

    // True when <binDir>/../share/coopmap holds the sample, i.e. this is an installed copy.
    bool installed() const { return installed_; }
    // share/coopmap when installed, else the source tree.
    QString dataDir() const { return dataDir_; }
    // The bundled Xiangyang project, opened when coopmap starts without a project.
    QString samplePath() const;
    // Compiled translations (*.qm): share/coopmap/translations when installed, else
    // <build>/translations.
    QString translationsDir() const { return translationsDir_; }

    // The user's settings: an INI file in the XDG config directory
    // ($XDG_CONFIG_HOME/CoopMap/CoopMap.conf, by default ~/.config/CoopMap/CoopMap.conf),
    // the same file QML's Settings {} uses when the application names are set as in main().
    static std::unique_ptr<QSettings> userSettings();

private:
    bool installed_ = false;
    QString dataDir_;
    QString translationsDir_;
};

}  // namespace coopmap::app
