// Search over names, codes and pinyin initials; choosing a result flies the map there.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: root
    required property ProjectController controller
    property alias text: field.text
    property alias results: search
    // Emitted with the chosen result: {name, detail, layerId, feature, coordinate, region}.
    signal chosen(var result)

    function choose(row) {
        const r = search.get(row)
        if (r.layerId === undefined) return
        root.chosen(r)
        list.visible = false
    }

    spacing: 0
    FeatureSearchModel {
        id: search
        project: root.controller
        query: field.text
    }
    TextField {
        id: field
        objectName: "searchField"
        Layout.fillWidth: true
        placeholderText: qsTr("搜索名称、编码或拼音首字母")
        font.pixelSize: Theme.fontSize
        onTextEdited: list.visible = true
        onAccepted: if (search.count > 0) root.choose(0)
    }
    ListView {
        id: list
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, Theme.rowHeight * 8)
        clip: true
        visible: false
        model: search
        delegate: ItemDelegate {
            required property int index
            required property string name
            required property string detail
            width: ListView.view.width
            height: Theme.rowHeight + 6
            contentItem: ColumnLayout {
                spacing: 0
                Label { text: name; font.pixelSize: Theme.fontSize; elide: Text.ElideRight; Layout.fillWidth: true }
                Label { text: detail; font.pixelSize: Theme.smallFontSize; color: Theme.mutedText; elide: Text.ElideRight; Layout.fillWidth: true }
            }
            onClicked: root.choose(index)
        }
    }
}
