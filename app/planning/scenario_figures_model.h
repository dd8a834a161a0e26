// The 方案 figures of one saved scenario for QML, as its PDF page and `plan --out` have them
// (analysis::planning::run_scenario): one row per proposed site with what it adds beyond the
// existing sites and the sites before it (新覆盖村数, 新覆盖人口), and as properties the coverage
// 现状 (the existing sites of its tier) and 建成后 (with its sites).
#pragma once

#include <QAbstractListModel>
#include <QGeoCoordinate>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace coopmap::app {

class ScenarioFiguresModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("由 PlanningController 提供")
    Q_PROPERTY(int count READ count NOTIFY figuresChanged)
    // The scenario these figures are of; "" none.
    Q_PROPERTY(QString name READ name NOTIFY figuresChanged)
    // false until the engine's figures for it are there (or when they could not be made).
    Q_PROPERTY(bool ready READ ready NOTIFY figuresChanged)
    // The reach used, and what counts as existing: "半径 3 公里", "村级供销社、村级综合服务社".
    Q_PROPERTY(QString reachText READ reachText NOTIFY figuresChanged)
    Q_PROPERTY(QString existingText READ existingText NOTIFY figuresChanged)
    Q_PROPERTY(int existingSites READ existingSites NOTIFY figuresChanged)
    Q_PROPERTY(int villages READ villages NOTIFY figuresChanged)
    Q_PROPERTY(int coveredBefore READ coveredBefore NOTIFY figuresChanged)
    Q_PROPERTY(int coveredAfter READ coveredAfter NOTIFY figuresChanged)
    // Covered villages as a share, 0..1.
    Q_PROPERTY(double shareBefore READ shareBefore NOTIFY figuresChanged)
    Q_PROPERTY(double shareAfter READ shareAfter NOTIFY figuresChanged)
    Q_PROPERTY(double population READ population NOTIFY figuresChanged)
    Q_PROPERTY(double populationBefore READ populationBefore NOTIFY figuresChanged)
    Q_PROPERTY(double populationAfter READ populationAfter NOTIFY figuresChanged)

public:
    enum Roles { NameRole = Qt::UserRole + 1, CoordinateRole, VillagesRole, PopulationRole };
    struct Site {
        QString name;
        double lon = 0, lat = 0;
        int villages = 0;  // 新覆盖村数
        double population = 0;  // 新覆盖人口
    };
    struct Figures {
        QString name;
        bool ready = false;
        QString reachText, existingText;
        int existingSites = 0, villages = 0, coveredBefore = 0, coveredAfter = 0;
        double population = 0, populationBefore = 0, populationAfter = 0;
        std::vector<Site> sites;
    };

    explicit ScenarioFiguresModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(Figures figures);
    const Figures& figures() const { return f_; }
    int count() const { return rowCount(); }
    QString name() const { return f_.name; }
    bool ready() const { return f_.ready; }
    QString reachText() const { return f_.reachText; }
    QString existingText() const { return f_.existingText; }
    int existingSites() const { return f_.existingSites; }
    int villages() const { return f_.villages; }
    int coveredBefore() const { return f_.coveredBefore; }
    int coveredAfter() const { return f_.coveredAfter; }
    double shareBefore() const { return f_.villages ? double(f_.coveredBefore) / f_.villages : 0; }
    double shareAfter() const { return f_.villages ? double(f_.coveredAfter) / f_.villages : 0; }
    double population() const { return f_.population; }
    double populationBefore() const { return f_.populationBefore; }
    double populationAfter() const { return f_.populationAfter; }

signals:
    void figuresChanged();

private:
    Figures f_;
};

}  // namespace coopmap::app
