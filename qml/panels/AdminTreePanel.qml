// Counties and their townships; choosing one zooms the map to it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ListView {
    id: root
    required property ProjectController controller
    property alias tree: tree
    signal chosen(var coordinate, var region)

    clip: true
    model: AdminTreeModel {
        id: tree
        project: root.controller
    }
    delegate: ItemDelegate {
        id: row
        required property int index
        required property string name
        required property int depth
        required property bool expanded
        required property int childCount
        required property var coordinate
        required property var region
        width: ListView.view.width
        height: Theme.rowHeight
        leftPadding: Theme.spacing + row.depth * Theme.indent
        contentItem: RowLayout {
            spacing: Theme.spacing / 2
            ToolButton {
                visible: row.childCount > 0
                text: row.expanded ? "▾" : "▸"
                implicitWidth: Theme.rowHeight * 0.8
                onClicked: tree.toggle(row.index)
            }
            Label {
                Layout.fillWidth: true
                text: row.name
                font.pixelSize: Theme.fontSize
                elide: Text.ElideRight
            }
            Label {
                visible: row.childCount > 0
                text: qsTr("%1 个乡镇").arg(row.childCount)
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
            }
        }
        onClicked: root.chosen(row.coordinate, row.region)
    }
}
