// The interface language: the system locale by default, or the user's choice from
// settings (kept in the user's settings file); switching retranslates the open window.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace coopmap::app {

class Language : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // "" (follow the system), "zh_CN" or "en".
    Q_PROPERTY(QString current READ current WRITE setCurrent NOTIFY currentChanged)
    // The language in use after resolving "" to the system's.
    Q_PROPERTY(QString effective READ effective NOTIFY currentChanged)

public:
    explicit Language(QObject* parent = nullptr);

    QString current() const;
    void setCurrent(const QString& language);
    QString effective() const;

    // Installs the saved (or system) language's translation; call once before loading QML.
    static void install();

signals:
    void currentChanged();
};

}  // namespace coopmap::app
