#include "i18n/language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>
#include <QTranslator>

#include "install/install_layout.h"

namespace coopmap::app {

namespace {
const QString kKey = QStringLiteral("language");

QTranslator& translator()
{
    static QTranslator t;
    return t;
}

// Chinese is the source language: every string is written in it, so any locale but English
// shows the source, the C locale of a bare system or a build root included (the users read
// Chinese); an English locale gets coopmap_en.
QString resolve(const QString& chosen)
{
    if (!chosen.isEmpty()) return chosen;
    return QLocale::system().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("zh_CN");
}

void load(const QString& language)
{
    QCoreApplication::removeTranslator(&translator());
    const QString name = QStringLiteral("coopmap_") + language;
    // Built into the program (qt_add_translations), else next to it when installed.
    if (translator().load(name, QStringLiteral(":/i18n")) ||
        translator().load(name, InstallLayout::current().translationsDir()))
        QCoreApplication::installTranslator(&translator());
}
}  // namespace

Language::Language(QObject* parent) : QObject(parent) {}

QString Language::current() const { return InstallLayout::userSettings()->value(kKey).toString(); }

QString Language::effective() const { return resolve(current()); }

void Language::setCurrent(const QString& language)
{
    if (language == current()) return;
    InstallLayout::userSettings()->setValue(kKey, language);
    load(resolve(language));
    if (QQmlEngine* engine = qmlEngine(this)) engine->retranslate();
    emit currentChanged();
}

void Language::install() { load(resolve(InstallLayout::userSettings()->value(kKey).toString())); }

}  // namespace coopmap::app
