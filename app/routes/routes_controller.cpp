#include "routes_controller.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <algorithm>
#include <cmath>

#include "analysis/routing/route_edit.h"
#include "analysis/routing/routes.h"

namespace coopmap::app {

namespace routing = analysis::routing;

RoutesController::RoutesController(QObject* parent) : QObject(parent)
{
    connect(&job_, &JobRunner::runningChanged, this, &RoutesController::runningChanged);
    connect(&job_, &JobRunner::progressChanged, this, &RoutesController::progressChanged);
}

RoutesController::~RoutesController() = default;

void RoutesController::setProject(ProjectController* p)
{
    if (p == project_) return;
    if (project_) disconnect(project_, nullptr, this, nullptr);
    project_ = p;
    if (project_) connect(project_, &ProjectController::projectChanged, this, &RoutesController::takeDefaults);
    takeDefaults();
    emit projectChanged();
}

// A new project: its stop roles, no routes of the old one. The same project saved or with a
// layer added keeps its routes.
void RoutesController::takeDefaults()
{
    const QString path = project_ ? project_->path() : QString();
    const bool same = !path.isEmpty() && path == path_;
    path_ = path;
    if (same) {
        emit projectDefaultsChanged();
        return;
    }
    stopRoles_.clear();
    if (project_)
        for (const auto& [key, stop] : project_->project().routing.stops) stopRoles_ << QString::fromStdString(key);
    job_.discard();
    result_.reset();
    history_.clear();
    palette_ = {};
    unserved_at_run_.clear();
    selected_ = -1;
    message_.clear();
    refresh();
    emit parametersChanged();
    emit projectDefaultsChanged();
}

QString RoutesController::defaultsText() const
{
    if (!project_) return {};
    const auto& r = project_->project().routing;
    QStringList cap;
    for (std::size_t u = 0; u < r.fleet.capacity.size() && u < r.units.size(); ++u)
        cap << QStringLiteral("%1 %2").arg(r.fleet.capacity[u]).arg(QString::fromStdString(r.units[u]));
    return tr("项目默认：每个配送中心 %1 辆车，载重 %2，班次 %3，%4 元/公里，每车 %5 元")
        .arg(r.fleet.vehicles)
        .arg(cap.join(QStringLiteral("、")), QString::fromStdString(r.fleet.shift))
        .arg(r.fleet.cost_per_km)
        .arg(r.fleet.cost_per_vehicle);
}

QVariantList RoutesController::stopRoleChoices() const
{
    QVariantList out;
    for (Role role : {Role::township_supermarket, Role::village_service_station, Role::village_cooperative,
                      Role::grassroots_cooperative, Role::agri_service_center, Role::village})
        out << QVariantMap{{QStringLiteral("key"), QString::fromLatin1(role_key(role).data())},
                           {QStringLiteral("name"), QString::fromUtf8(role_name_zh(role).data())}};
    return out;
}

routing::RouteRequest RoutesController::request() const
{
    routing::RouteRequest q;
    for (const QString& key : stopRoles_)
        if (const auto role = role_from_key(key.toStdString())) q.stop_roles.push_back(*role);
    if (vehicles_ > 0) q.vehicles = static_cast<std::uint32_t>(vehicles_);
    if (capacity_ > 0) q.capacity = std::vector<double>{capacity_};
    if (!shift_.isEmpty()) q.shift = parse_clock_range(shift_.toStdString());
    if (seconds_ > 0) q.seconds = seconds_;
    if (iterations_ > 0) q.iterations = static_cast<std::uint64_t>(iterations_);
    return q;
}

void RoutesController::run()
{
    if (running()) return;
    const auto fail = [&](const QString& text) {
        job_.setErrorText(text);
        emit finished(false);
    };
    if (!project_ || project_->layers()->entries().empty()) return fail(tr("请先打开项目"));
    for (const QString& key : stopRoles_)
        if (!role_from_key(key.toStdString())) return fail(tr("未知的配送点类型：%1").arg(key));
    if (stopRoles_.isEmpty()) return fail(tr("请至少选择一种配送点"));
    if (!shift_.isEmpty() && !parse_clock_range(shift_.toStdString()))
        return fail(tr("班次“%1”应写成 08:00-17:00").arg(shift_));
    const auto snap = project_->snapshot();
    job_.start(
        tr("已取消路线规划"),
        [project = snap.project, layers = snap.layers, q = request(), roads = roads_](const Feedback& feedback) {
            return routing::run_routes(*project, *layers, q, feedback, roads.get());
        },
        [this](Result<routing::RouteResult> result) {
            if (!result) {
                emit finished(false);
                return;
            }
            done(std::move(*result));
        });
}

void RoutesController::cancel() { job_.cancel(); }

void RoutesController::done(routing::RouteResult result)
{
    result_ = std::move(result);
    history_.clear();
    palette_ = {};
    unserved_at_run_.clear();
    for (const auto& u : result_->unserved) unserved_at_run_.push_back(u.stop);
    message_.clear();
    selected_ = result_->routes.empty() ? -1 : 0;
    refresh();
    emit selectedRouteChanged();
    emit finished(true);
}

void RoutesController::refresh()
{
    if (!result_) {
        routes_.clear();
        stops_.clear();
        unserved_.clear();
        overlay_.clear();
        emit changed();
        return;
    }
    if (selected_ >= static_cast<int>(result_->routes.size())) selected_ = static_cast<int>(result_->routes.size()) - 1;
    // Colours given once per vehicle of this run, so that an edit re-colours no route.
    std::vector<RoutePalette::Route> keys;
    for (const auto& r : result_->routes) keys.push_back({result_->depots[r.depot].site.id, r.vehicle});
    palette_.assign(keys);
    routes_.reset(*result_, palette_);
    stops_.showRoute(*result_, selected_);
    unserved_.showUnserved(*result_);
    // The map draws what the GeoPackage holds: the same two layers coopmap-cli routes --out writes.
    auto drawing =
        route_drawing(routing::route_line_layer(*result_), routing::route_stop_layer(*result_), palette_);
    drawing->selected = selected_;
    overlay_.setDrawing(std::move(drawing));
    emit changed();
}

void RoutesController::setSelectedRoute(int route)
{
    if (route == selected_) return;
    selected_ = route;
    if (result_) stops_.showRoute(*result_, selected_);
    overlay_.setSelected(route);
    emit selectedRouteChanged();
}

bool RoutesController::edit(const std::function<Status(routing::RouteResult&)>& step)
{
    if (!result_) {
        message_ = tr("请先规划路线");
        emit changed();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    routing::RouteResult before = *result_;
    if (auto s = step(*result_); !s) {
        // route_edit leaves the plan as it was on a refusal.
        message_ = QString::fromStdString(s.error().message);
        emit changed();
        return false;
    }
    history_.push_back(std::move(before));
    message_.clear();
    refresh();
    last_step_ms_ = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    emit changed();
    return true;
}

bool RoutesController::moveStop(int stop, int route, int position)
{
    if (stop < 0 || route < 0) {
        message_ = tr("请选择配送点和目标路线");
        emit changed();
        return false;
    }
    return edit([&](routing::RouteResult& r) {
        return routing::move_stop(r, static_cast<std::uint32_t>(stop), static_cast<std::size_t>(route),
                                  position < 0 ? std::nullopt : std::optional<std::size_t>(position));
    });
}

bool RoutesController::moveStopToNewVehicle(int stop, int depot)
{
    if (stop < 0 || depot < 0) return false;
    return edit([&](routing::RouteResult& r) {
        return routing::move_stop_to_new_vehicle(r, static_cast<std::uint32_t>(stop),
                                                 static_cast<std::uint32_t>(depot));
    });
}

int RoutesController::addVehicle(int depot)
{
    if (depot < 0) return -1;
    int added = -1;
    edit([&](routing::RouteResult& r) -> Status {
        auto at = routing::add_vehicle(r, static_cast<std::uint32_t>(depot));
        if (!at) return at.error();
        added = static_cast<int>(*at);
        return Done{};
    });
    return added;
}

bool RoutesController::removeVehicle(int route)
{
    if (route < 0) return false;
    return edit([&](routing::RouteResult& r) { return routing::remove_vehicle(r, static_cast<std::size_t>(route)); });
}

bool RoutesController::undo()
{
    if (history_.empty()) return false;
    result_ = std::move(history_.back());
    history_.pop_back();
    message_.clear();
    refresh();
    return true;
}

int RoutesController::depotOfRoute(int route) const
{
    if (!result_ || route < 0 || static_cast<std::size_t>(route) >= result_->routes.size()) return -1;
    return static_cast<int>(result_->routes[std::size_t(route)].depot);
}

int RoutesController::routeOfStop(int stop) const
{
    if (!result_ || stop < 0) return -1;
    const auto place = routing::find_stop(*result_, static_cast<std::uint32_t>(stop));
    return place ? static_cast<int>(place->route) : -1;
}

int RoutesController::servedStops() const
{
    int n = 0;
    if (result_)
        for (const auto& r : result_->routes) n += static_cast<int>(r.visits.size());
    return n;
}

QStringList RoutesController::depotNames() const
{
    QStringList out;
    if (result_)
        for (const auto& d : result_->depots) out << QString::fromStdString(d.site.name);
    return out;
}

QString RoutesController::savingText() const
{
    if (!result_) return {};
    return tr("共同配送节省 %1 公里 / %2 元")
        .arg(QString::number(result_->saving_km(), 'f', 1), QString::number(result_->saving_cost(), 'f', 0));
}

QString RoutesController::notesText() const
{
    if (!result_) return {};
    QStringList notes;
    if (!result_->has_roads)
        notes << tr("项目没有道路图层：行程按直线距离 × %1 估算").arg(result_->detour_factor, 0, 'f', 2);
    else if (!result_->estimated_pairs.empty())
        notes << tr("%1 段行程（共 %2 段）按直线距离 × %3 估算")
                     .arg(result_->estimated_pairs.size())
                     .arg(result_->pairs)
                     .arg(result_->detour_factor, 0, 'f', 2);
    if (result_->time_limited) notes << tr("搜索在时限内未完成全部迭代");
    // The township-by-township figures are the solver's, of the stops it served.
    const auto added = std::count_if(unserved_at_run_.begin(), unserved_at_run_.end(), [&](std::uint32_t s) {
        return routing::find_stop(*result_, s).has_value();
    });
    if (added > 0) notes << tr("%1 个未服务的点已手工加入路线，未计入各乡镇单独配送的对比").arg(added);
    return notes.join(QStringLiteral("；"));
}

QVariantMap RoutesController::freshTotals() const
{
    if (!result_ || !result_->plan) return {};
    std::size_t vehicles = 0;
    double km = 0, hours = 0, cost = 0;
    for (const auto& route : result_->routes) {
        if (route.visits.empty()) continue;
        std::vector<std::uint32_t> order;
        for (const auto& v : route.visits) order.push_back(v.stop);
        auto fresh = routing::evaluate_route(result_->plan->problem, route.depot, order);
        if (!fresh) return {{QStringLiteral("error"), QString::fromStdString(fresh.error().message)}};
        ++vehicles;
        km += fresh->distance_km;
        hours += (fresh->end - fresh->start) / 60;
        cost += fresh->cost;
    }
    return {{QStringLiteral("vehicles"), static_cast<int>(vehicles)},
            {QStringLiteral("km"), km},
            {QStringLiteral("hours"), hours},
            {QStringLiteral("cost"), cost}};
}

bool RoutesController::exportRoutes(const QString& path)
{
    if (!result_) {
        message_ = tr("请先规划路线，再导出");
        emit changed();
        return false;
    }
    // Vehicles added by hand and left empty drive nothing: no sheet, no line.
    routing::RouteResult out = *result_;
    std::erase_if(out.routes, [](const routing::VehicleRoute& r) { return r.visits.empty(); });
    const std::string file = path.toStdString();
    const Status s = QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0
                         ? routing::write_route_sheet(out, file)
                         : routing::write_routes_gpkg(out, file);
    message_ = s ? QString() : QString::fromStdString(s.error().text());
    emit changed();
    return s.ok();
}

}  // namespace coopmap::app
