// Which sites count as existing service for the plan: one check box per facility role, ticked
// as the controller counts them (the tier's own until the user changes it, e.g. 村级供销社 and
// 村级综合服务社 together for the village tier).
import QtQuick
import QtQuick.Controls
import CoopMap
import CoopMap.Backend

Flow {
    id: roles
    required property PlanningController controller
    spacing: Theme.spacing / 2

    Repeater {
        model: roles.controller.facilityRoles
        // FacilityRoleModel's rows: key (village_cooperative…) and name (村级供销社…).
        CheckBox {
            id: box
            required property string key
            required property string name
            objectName: "existing_" + key
            text: name
            font.pixelSize: Theme.smallFontSize
            checked: roles.controller.existingRoles.indexOf(key) >= 0
            onToggled: {
                const keys = roles.controller.existingRoles.filter(k => k !== box.key)
                if (checked) keys.push(box.key)
                roles.controller.existingRoles = keys
            }
        }
    }
}
