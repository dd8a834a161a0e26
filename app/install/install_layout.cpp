#include "install/install_layout.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace coopmap::app {

namespace {
const QString kSample = QStringLiteral("geodata/xiangyang.coopmap");
// Organisation and application name as main() sets them; fixed here so that the file is
// the same whether or not the caller has set them (the CLI and tests do not).
const QString kSettingsOrganization = QStringLiteral("CoopMap");
const QString kSettingsApplication = QStringLiteral("CoopMap");
}  // namespace

InstallLayout::InstallLayout(const QString& binDir)
{
    // bin/../share/coopmap, as GNUInstallDirs lays it out under any prefix (/usr, /opt/coopmap, a DESTDIR).
    const QString share = QDir::cleanPath(binDir + QStringLiteral("/../share/coopmap"));
    installed_ = QFileInfo::exists(share + QLatin1Char('/') + kSample);
    if (installed_) {
        dataDir_ = share;
        translationsDir_ = share + QStringLiteral("/translations");
    } else {
        dataDir_ = QStringLiteral(COOPMAP_SOURCE_DIR);
        translationsDir_ = QStringLiteral(COOPMAP_BINARY_DIR "/translations");
    }
}

InstallLayout InstallLayout::current() { return InstallLayout(QCoreApplication::applicationDirPath()); }

QString InstallLayout::samplePath() const { return dataDir_ + QLatin1Char('/') + kSample; }

std::unique_ptr<QSettings> InstallLayout::userSettings()
{
    // NativeFormat on Linux is an INI file under QStandardPaths::GenericConfigLocation,
    // which honours XDG_CONFIG_HOME.
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, kSettingsOrganization,
                                       kSettingsApplication);
}

}  // namespace coopmap::app
