// 文件 → 新建项目 and 添加数据: the files and folders an office sent, every layer found in
// them with its guessed role, coordinates, encoding and fields, each editable; 预览 shows them
// on the map before anything is written; 保存项目 writes the project (the same engine path as
// `coopmap-cli new`) and opens it, 添加到项目 adds the layers to the open one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Dialog {
    id: root
    required property ProjectController project
    property alias controller: draft
    // 添加数据: the layers join the open project instead of making a new one.
    property bool adding: false
    // Runs go() once whatever the open project has unsaved may be dropped (the window asks).
    property var beforeOpen: (go) => go()
    // The preview is on the map and the dialog put away: the map should show this region.
    signal previewShown(var region)

    function startNew(paths) { begin(false, paths) }
    function startAdding(paths) { begin(true, paths) }
    function begin(add, paths) {
        preview.close()
        draft.clear()
        adding = add
        fileFields.reset()
        open()
        if (paths && paths.length > 0) draft.addPaths(paths)
    }
    function commit() {
        if (adding) {
            done(draft.addToProject())
            return
        }
        beforeOpen(() => done(draft.save(fileFields.path, fileFields.replaceConfirmed)))
    }
    // Closes on success; on failure the dialog comes back (from the preview) to show why.
    function done(ok) {
        if (ok) {
            finish()
        } else if (!visible) {
            preview.close()
            open()
        }
    }
    function finish() {
        preview.close()
        close()
        draft.clear()
    }
    function discard() {
        preview.close()
        draft.clear()
    }

    title: adding ? qsTr("添加数据") : qsTr("新建项目")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - Theme.spacing * 4 : Theme.popupWidth * 4, Theme.popupWidth * 4)
    height: parent ? parent.height - Theme.spacing * 6 : Theme.popupWidth * 3
    closePolicy: Popup.CloseOnEscape
    onRejected: discard()

    NewProjectController {
        id: draft
        project: root.project
        onPreviewed: (ok) => {
            if (!ok) return
            root.close()
            preview.open()
            root.previewShown(draft.previewRegion)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        SourcePicker {
            Layout.fillWidth: true
            controller: draft
        }
        RowLayout {
            visible: draft.busy
            Layout.fillWidth: true
            Label { text: qsTr("正在读取数据…") }
            // draft_project says nothing of how far it is.
            ProgressBar {
                Layout.fillWidth: true
                indeterminate: true
            }
            Button {
                text: qsTr("取消读取")
                onClicked: draft.cancel()
            }
        }
        ListView {
            id: list
            objectName: "draftList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: draft.layers
            ScrollBar.vertical: ScrollBar { id: scroll }
            delegate: DraftLayerRow {
                width: list.width - scroll.width
                controller: draft
                roles: root.project.roles
            }
        }
        Label {
            objectName: "tablesText"
            visible: draft.tables.length > 0
            Layout.fillWidth: true
            text: draft.tables.join("\n")
            color: Theme.mutedText
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFontSize
        }
        Label {
            objectName: "pendingText"
            visible: draft.pending.length > 0 && !draft.busy
            Layout.fillWidth: true
            text: qsTr("还需回答：") + draft.pending.join("；")
            color: Theme.errorText
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "errorText"
            visible: draft.errorText.length > 0
            Layout.fillWidth: true
            text: draft.errorText
            color: Theme.errorText
            wrapMode: Text.Wrap
        }
        ProjectFileFields {
            id: fileFields
            visible: !root.adding
            Layout.fillWidth: true
            controller: draft
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "previewButton"
            text: qsTr("预览")
            enabled: draft.layers.count > 0 && !draft.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: draft.preview()
        }
        Button {
            objectName: "saveButton"
            text: root.adding ? qsTr("添加到项目") : qsTr("保存项目")
            enabled: draft.ready
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: root.commit()
        }
        Button {
            objectName: "cancelButton"
            text: qsTr("取消")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    PreviewBar {
        id: preview
        objectName: "previewBar"
        parent: Overlay.overlay
        layerCount: draft.layers.count
        commitText: root.adding ? qsTr("添加到项目") : qsTr("保存项目")
        onBackRequested: {
            close()
            root.open()
        }
        onCommitRequested: root.commit()
        onDiscardRequested: root.discard()
    }
}
