#include "reach_value.h"

#include "analysis/reach_default.h"
#include "project/project_controller.h"

namespace coopmap::app {

ReachValue ReachValue::of(const ProjectController* project, const QString& roleKey)
{
    ReachValue out;
    const auto role = role_from_key(roleKey.toStdString());
    if (!project || !role) return out;
    const auto snap = project->snapshot();
    const auto r = analysis::default_reach(*snap.project, *snap.layers, *role);
    if (!r) {
        out.error = QString::fromStdString(r.error().text());
        return out;
    }
    out.radiusKm = r->radius_m / 1000;
    out.minutes = r->minutes;
    out.text = QString::fromStdString(analysis::reach_text(*r));
    out.why = QString::fromStdString(r->why);
    return out;
}

}  // namespace coopmap::app
