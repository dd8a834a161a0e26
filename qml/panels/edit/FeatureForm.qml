// The attributes of the selected site, one row per column: the role's fields first (名称、编号、
// 类型、开业年份、经营主体、容量…, from layers/edit's role field list), a problem beside a field
// as it is typed, and 应用 only while every field is valid. One 应用 is one undo step.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: form
    objectName: "featureForm"
    property EditController controller: null
    // No field has a problem.
    readonly property bool valid: {
        for (let i = 0; i < rows.count; ++i) {
            const row = rows.itemAt(i)
            if (row && row.problem !== "") return false
        }
        return true
    }
    readonly property bool changed: {
        for (let i = 0; i < rows.count; ++i) {
            const row = rows.itemAt(i)
            if (row && row.changed) return true
        }
        return false
    }
    spacing: Theme.spacing / 2

    // The field of a column (for tests and for focusing after an error).
    function field(column) {
        for (let i = 0; i < rows.count; ++i) {
            const row = rows.itemAt(i)
            if (row && row.column === column) return row.editor
        }
        return null
    }
    function apply() {
        const values = {}
        for (let i = 0; i < rows.count; ++i) {
            const row = rows.itemAt(i)
            if (row && row.changed) values[row.column] = row.editor.text
        }
        return controller.setAttributes(controller.selected, values)
    }

    Label {
        text: qsTr("网点属性")
        font.bold: true
    }

    Repeater {
        id: rows
        model: form.controller ? form.controller.form : []
        delegate: ColumnLayout {
            required property var modelData
            readonly property string column: modelData.column
            readonly property alias editor: editor
            readonly property bool changed: editor.text !== modelData.value
            readonly property string problem: form.controller.check(form.controller.selected, modelData.column,
                                                                     editor.text)
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: modelData.label
                    Layout.preferredWidth: Theme.panelWidth / 3
                    elide: Text.ElideRight
                }
                TextField {
                    id: editor
                    objectName: "field_" + modelData.column
                    Layout.fillWidth: true
                    text: modelData.value
                    inputMethodHints: modelData.type === "text" ? Qt.ImhNone : Qt.ImhFormattedNumbersOnly
                    placeholderText: qsTr("空")
                    onAccepted: if (form.valid && form.changed) form.apply()
                }
            }
            Label {
                objectName: "problem_" + modelData.column
                visible: text !== ""
                text: parent.problem
                color: Theme.errorText
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallFontSize
                Layout.fillWidth: true
            }
        }
    }

    Button {
        objectName: "applyButton"
        text: qsTr("应用")
        enabled: form.valid && form.changed && !form.controller.saving
        onClicked: form.apply()
    }
}
