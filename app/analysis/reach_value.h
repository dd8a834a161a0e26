// The reach the engine takes for a role when a request gives none (analysis::default_reach on
// the open project), as a typed value for the panels: the coverage and the planning panel show
// it and prefill their fields with it.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace coopmap::app {

class ProjectController;

class ReachValue {
    Q_GADGET
    QML_VALUE_TYPE(reachValue)
    // Kilometres (0 when by road) and minutes by road (0 when by radius).
    Q_PROPERTY(double radiusKm MEMBER radiusKm)
    Q_PROPERTY(double minutes MEMBER minutes)
    // "半径 3 公里" / "行车 60 分钟", and why (项目文件 service_radii_m.…); "" when there is none.
    Q_PROPERTY(QString text MEMBER text)
    Q_PROPERTY(QString why MEMBER why)
    // Why the project gives the role no reach (one message naming the file); "" otherwise.
    Q_PROPERTY(QString error MEMBER error)

public:
    double radiusKm = 0;
    double minutes = 0;
    QString text, why, error;

    // Empty (no text, no error) without an open project or for an unknown role key.
    static ReachValue of(const ProjectController* project, const QString& roleKey);
};

}  // namespace coopmap::app
