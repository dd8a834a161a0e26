#include "thematic_controller.h"

#include <QGeoCoordinate>
#include <QVariantMap>
#include <limits>

namespace coopmap::app {

namespace {
constexpr analysis::ThematicFigure kFigures[] = {
    analysis::ThematicFigure::coverage_rate,      analysis::ThematicFigure::uncovered_population,
    analysis::ThematicFigure::trusteeship_wan_mu, analysis::ThematicFigure::service_wan_mu_times,
    analysis::ThematicFigure::sites_built,
};

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
}  // namespace

ThematicController::ThematicController(QObject* parent) : QObject(parent)
{
    connect(&job_, &JobRunner::runningChanged, this, &ThematicController::runningChanged);
    connect(&job_, &JobRunner::progressChanged, this, &ThematicController::progressChanged);
    startFrom(analysis::ThematicRequest{});
}

void ThematicController::startFrom(const analysis::ThematicRequest& defaults)
{
    figure_ = qs(analysis::thematic_figure_key(defaults.figure));
    level_ = qs(analysis::thematic_level_key(defaults.level));
    method_ = qs(analysis::break_method_key(defaults.method));
    classes_ = static_cast<int>(defaults.classes);
    QStringList breaks;
    for (double b : defaults.breaks) breaks << QString::number(b, 'g', 15);
    breaks_ = breaks.join(QLatin1Char(','));
    year_ = defaults.year;
    role_ = defaults.role;
    // Counts are drawn as symbols unless the project says otherwise (as the engine decides).
    symbols_ = defaults.symbols.value_or(true);
    emit parametersChanged();
}

ThematicController::~ThematicController() = default;

void ThematicController::setProject(ProjectController* p)
{
    if (p == project_) return;
    if (project_) disconnect(project_, nullptr, this, nullptr);
    project_ = p;
    // Another project's polygons are not this map's, and the panel starts from its defaults.
    if (project_) {
        connect(project_, &ProjectController::finished, this, [this](bool ok) {
            if (!ok) return;
            clear();
            startFrom(analysis::thematic_defaults(project_->project()));
        });
        if (!project_->layers()->entries().empty()) startFrom(analysis::thematic_defaults(project_->project()));
    }
    emit projectChanged();
}

QStringList ThematicController::figureKeys() const
{
    QStringList out;
    for (auto f : kFigures) out << qs(analysis::thematic_figure_key(f));
    return out;
}

QStringList ThematicController::figureNames() const
{
    QStringList out;
    for (auto f : kFigures)
        out << tr("%1（%2）").arg(qs(analysis::thematic_figure_name(f)), qs(analysis::thematic_figure_unit(f)));
    return out;
}

bool ThematicController::isCount() const
{
    const auto f = analysis::thematic_figure_from(figure_.toStdString());
    return f && analysis::thematic_is_count(*f);
}

QString ThematicController::problemsText() const
{
    if (!map_) return {};
    QStringList lines;
    for (const auto& e : map_->problems) lines << QString::fromStdString(e.text());
    return lines.join(QLatin1Char('\n'));
}

Result<analysis::ThematicRequest> ThematicController::request() const
{
    const auto bad = [](const QString& text) {
        return Error{.file = {}, .layer = {}, .feature = {}, .message = text.toStdString()};
    };
    analysis::ThematicRequest q;
    const auto figure = analysis::thematic_figure_from(figure_.toStdString());
    if (!figure) return bad(tr("未知的专题指标：%1").arg(figure_));
    q.figure = *figure;
    const auto level = analysis::thematic_level_from(level_.toStdString());
    if (!level) return bad(tr("未知的统计单元：%1（应为 township 或 county）").arg(level_));
    q.level = *level;
    const auto method = analysis::break_method_from(method_.toStdString());
    if (!method) return bad(tr("未知的分级方法：%1").arg(method_));
    q.method = *method;
    q.classes = static_cast<std::size_t>(std::max(classes_, 0));
    if (q.method == analysis::BreakMethod::fixed && !breaks_.trimmed().isEmpty()) {
        const auto b = analysis::parse_breaks(breaks_.trimmed().toStdString());
        if (!b) return bad(tr("固定分级的界值应为逗号分隔的数，例如 60,80,90：%1").arg(breaks_));
        q.breaks = *b;
    }
    q.year = year_;
    q.role = role_;
    q.symbols = symbols_;
    return q;
}

QVariantList ThematicController::units() const
{
    QVariantList out;
    if (!map_) return out;
    for (const auto& u : map_->units) {
        const std::string color = u.value ? map_->colors[u.cls] : std::string(analysis::ThematicMap::kNoValueColor);
        out << QVariantMap{
            {QStringLiteral("code"), QString::fromStdString(u.code)},
            {QStringLiteral("name"), QString::fromStdString(u.name)},
            {QStringLiteral("coordinate"), QVariant::fromValue(QGeoCoordinate(u.anchor_lat, u.anchor_lon))},
            {QStringLiteral("value"), u.value ? *u.value : std::numeric_limits<double>::quiet_NaN()},
            {QStringLiteral("color"), QColor(QString::fromStdString(color))}};
    }
    return out;
}

void ThematicController::fail(const QString& text)
{
    job_.setErrorText(text);
    emit finished(false);
}

void ThematicController::run()
{
    if (running()) return;
    if (!project_ || project_->layers()->entries().empty()) return fail(tr("请先打开项目"));
    auto q = request();
    if (!q) return fail(QString::fromStdString(q.error().message));
    const auto snap = project_->snapshot();
    job_.start(
        tr("分析已取消"),
        [project = snap.project, layers = snap.layers, q = *q](const Feedback& feedback) {
            return analysis::run_thematic(*project, *layers, q, feedback);
        },
        [this](Result<analysis::ThematicMap> map) {
            if (!map) {
                emit finished(false);
                return;
            }
            setMap(std::move(*map));
            emit finished(true);
        });
}

void ThematicController::setMap(analysis::ThematicMap map)
{
    map_ = std::make_shared<const analysis::ThematicMap>(std::move(map));
    legend_.reset(map_.get());
    emit mapChanged();
}

void ThematicController::clear()
{
    if (!map_) return;
    map_.reset();
    legend_.reset(nullptr);
    emit mapChanged();
}

}  // namespace coopmap::app
