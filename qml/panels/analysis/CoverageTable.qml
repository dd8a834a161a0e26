// The coverage table with a clickable header: a click sorts by that column, a second click
// reverses. The 合计 row stays last.
import QtQuick
import QtQuick.Controls
import CoopMap

Column {
    id: root
    required property var model
    property int sortColumn: -1
    property bool ascending: true
    readonly property var shown: [1, 2, 3, 4, 7, 8]   // 名称 村数 覆盖村数 覆盖率 未覆盖人口 达标
    // Shares of the width: a county's name and a city's uncovered population (seven digits)
    // need more than a yes/no or a village count.
    readonly property var shares: [1.5, 0.8, 0.9, 1.0, 1.4, 0.6]
    readonly property real shareSum: shares.reduce((a, b) => a + b, 0)
    function cellWidth(column) {
        const i = shown.indexOf(column)
        return i < 0 ? 0 : width * shares[i] / shareSum
    }

    Row {
        Repeater {
            model: root.shown
            delegate: Label {
                required property int modelData
                width: root.cellWidth(modelData)
                // Two lines: a narrow dock cannot fit 未覆盖人口 on one.
                height: Theme.rowHeight * 2
                wrapMode: Text.WrapAnywhere
                maximumLineCount: 2
                rightPadding: 2
                text: root.model.header(modelData) + (root.sortColumn === modelData ? (root.ascending ? " ▲" : " ▼") : "")
                font.bold: true
                font.pixelSize: Theme.smallFontSize
                verticalAlignment: Text.AlignVCenter
                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        root.ascending = root.sortColumn === parent.modelData ? !root.ascending : true
                        root.sortColumn = parent.modelData
                        root.model.sortBy(parent.modelData, root.ascending)
                    }
                }
            }
        }
    }

    TableView {
        width: root.width
        height: root.height - Theme.rowHeight * 2
        clip: true
        model: root.model
        columnWidthProvider: column => root.cellWidth(column)
        onWidthChanged: forceLayout()
        delegate: Label {
            required property string display
            required property bool isTotal
            text: display
            font.pixelSize: Theme.smallFontSize
            font.bold: isTotal
            height: Theme.rowHeight
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
        }
    }
}
