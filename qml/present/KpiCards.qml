// The headline figures as a row of cards (sites, villages covered, population covered,
// trusteeship, targets met); the figures come from KpiController, none are computed here.
import QtQuick
import CoopMap
import CoopMap.Backend

Row {
    id: root
    required property KpiController kpi
    property real cardWidth: 230
    spacing: Theme.spacing * 2

    Repeater {
        id: cards
        objectName: "kpiCards"
        model: root.kpi.cards
        delegate: Rectangle {
            required property var modelData
            objectName: "kpi_" + modelData.key
            width: root.cardWidth
            height: column.implicitHeight + 2 * Theme.spacing * 1.5
            radius: 6
            color: Theme.overlayBackground
            border.color: modelData.met === 1 ? "#2e7d32" : modelData.met === 0 ? "#c62828" : Theme.border
            border.width: modelData.met === -1 ? 1 : 2
            Column {
                id: column
                x: Theme.spacing * 1.5
                y: Theme.spacing * 1.5
                width: parent.width - 2 * x
                spacing: 2
                Text {
                    text: modelData.title
                    font.pixelSize: Theme.fontSize
                    color: Theme.mutedText
                }
                Text {
                    text: modelData.value + (modelData.unit ? " " + modelData.unit : "")
                    font.pixelSize: Theme.fontSize * 2
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    width: parent.width
                    text: modelData.detail
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
            }
        }
    }
}
