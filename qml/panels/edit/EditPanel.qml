// The 编辑 tab: which layer is edited, the map tool (选择/添加/移动/删除), 撤销/重做
// (Ctrl+Z / Ctrl+Y), 保存, the selected site's form, and the dialogs for a PostGIS conflict, for
// unsaved edits and for restoring those a killed window left. The map part is EditOverlay, given this panel's `controller`.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: panel
    objectName: "editPanel"
    required property ProjectController project
    property alias controller: editing
    property alias unsavedDialog: unsaved
    property alias restoreDialog: restore
    property alias conflictDialog: conflict
    property alias form: form
    spacing: Theme.spacing

    EditController {
        id: editing
        project: panel.project
        onConflictsChanged: if (conflicts.length > 0) conflict.open()
    }

    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("编辑图层") }
        ComboBox {
            id: layerBox
            objectName: "layerBox"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            model: editing.editableLayers
            textRole: "title"
            valueRole: "id"
            displayText: editing.active ? currentText : qsTr("请选择要编辑的图层")
            currentIndex: -1
            onActivated: {
                const chosen = currentValue
                // Back to the layer being edited until the unsaved edits are settled.
                currentIndex = indexOfValue(editing.layerId)
                unsaved.ask(function() {
                    if (editing.edit(chosen)) layerBox.currentIndex = layerBox.indexOfValue(chosen)
                })
            }
        }
    }

    ButtonGroup { id: tools }
    RowLayout {
        Layout.fillWidth: true
        enabled: editing.active
        Repeater {
            model: [ { key: "select", name: qsTr("选择") }, { key: "add", name: qsTr("添加") },
                     { key: "move", name: qsTr("移动") }, { key: "delete", name: qsTr("删除") } ]
            delegate: Button {
                required property var modelData
                objectName: "tool_" + modelData.key
                // The buttons share the dock's width instead of running past its edge.
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: modelData.name
                checkable: true
                checked: editing.tool === modelData.key
                ButtonGroup.group: tools
                onClicked: editing.tool = modelData.key
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        enabled: editing.active
        Button {
            objectName: "undoButton"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: qsTr("撤销")
            enabled: editing.canUndo && !editing.saving
            onClicked: editing.undo()
            ToolTip.visible: hovered && editing.undoText !== ""
            ToolTip.text: qsTr("撤销：%1").arg(editing.undoText)
        }
        Button {
            objectName: "redoButton"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: qsTr("重做")
            enabled: editing.canRedo && !editing.saving
            onClicked: editing.redo()
            ToolTip.visible: hovered && editing.redoText !== ""
            ToolTip.text: qsTr("重做：%1").arg(editing.redoText)
        }
        Button {
            objectName: "panelSaveButton"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: editing.saving ? qsTr("正在保存…") : qsTr("保存")
            enabled: editing.dirty && !editing.saving && form.valid
            onClicked: editing.save()
        }
    }

    Shortcut {
        sequences: [StandardKey.Undo, "Ctrl+Z"]
        enabled: editing.canUndo && !editing.saving
        onActivated: editing.undo()
    }
    Shortcut {
        sequences: [StandardKey.Redo, "Ctrl+Y"]
        enabled: editing.canRedo && !editing.saving
        onActivated: editing.redo()
    }

    Label {
        objectName: "statusLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text !== ""
        text: editing.errorText !== "" ? editing.errorText : editing.message
        color: editing.errorText !== "" ? Theme.errorText : Theme.mutedText
    }
    Label {
        Layout.fillWidth: true
        visible: editing.active
        text: editing.dirty ? qsTr("%1 个网点，有未保存的修改").arg(editing.featureCount)
                            : qsTr("%1 个网点").arg(editing.featureCount)
        color: Theme.mutedText
    }

    FeatureForm {
        id: form
        Layout.fillWidth: true
        controller: editing
        visible: editing.active && editing.selected >= 0
    }

    Item { Layout.fillHeight: true }

    ConflictDialog { id: conflict; controller: editing }
    UnsavedDialog { id: unsaved; controller: editing }
    RestoreDialog { id: restore; controller: editing }
}
