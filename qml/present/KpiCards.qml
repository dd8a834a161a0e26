// The headline figures as a row of cards (sites, villages covered, population covered,
// trusteeship, services, targets met), for the year control's year with the change against the
// year before (比上年); the figures come from KpiController, none are computed here.
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
            required property string key
            required property string title
            required property string value
            required property string unit
            required property string detail
            required property int met
            required property string change
            required property int trend
            objectName: "kpi_" + key
            width: root.cardWidth
            height: column.implicitHeight + 2 * Theme.spacing * 1.5
            radius: 6
            color: Theme.overlayBackground
            border.color: met === 1 ? "#2e7d32" : met === 0 ? "#c62828" : Theme.border
            border.width: met === -1 ? 1 : 2
            Column {
                id: column
                x: Theme.spacing * 1.5
                y: Theme.spacing * 1.5
                width: parent.width - 2 * x
                spacing: 2
                Text {
                    text: title
                    font.pixelSize: Theme.fontSize
                    color: Theme.mutedText
                }
                Text {
                    text: value + (unit ? " " + unit : "")
                    font.pixelSize: Theme.fontSize * 2
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    objectName: "kpiChange"
                    visible: change.length > 0
                    width: parent.width
                    text: change
                    font.pixelSize: Theme.smallFontSize
                    font.bold: trend !== 0
                    color: trend > 0 ? "#2e7d32" : trend < 0 ? "#c62828" : Theme.mutedText
                    wrapMode: Text.WordWrap
                }
                Text {
                    width: parent.width
                    text: detail
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
