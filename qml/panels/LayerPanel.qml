// Layers with their symbol, name and feature count: the check box shows or hides one, the
// arrows change the drawing order, the slider its opacity, the symbol opens its style;
// an analysis result is marked 结果 and has a ✕ that takes it off the map.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ListView {
    id: list
    objectName: "layerList"
    clip: true
    // Top of the list = drawn on top, as in every GIS; the model is in drawing order.
    verticalLayoutDirection: ListView.BottomToTop
    // Bottom-to-top lists start at the bottom edge; a short list is lifted to the top.
    bottomMargin: Math.max(0, height - contentHeight)
    spacing: 2

    StyleDialog { id: styleDialog }

    delegate: ColumnLayout {
        id: row
        required property int index
        required property string title
        required property string kind
        required property int featureCount
        required property bool layerVisible
        required property color fillColor
        required property color outlineColor
        required property real pointSize
        required property real lineWidth
        required property real layerOpacity
        required property bool isResult

        width: ListView.view.width
        spacing: 0
        RowLayout {
            spacing: Theme.spacing / 2
            CheckBox {
                objectName: "visibleBox"
                checked: row.layerVisible
                onToggled: list.model.setVisible(row.index, checked)
            }
            LayerSymbol {
                implicitWidth: Theme.legendSymbol
                implicitHeight: Theme.legendSymbol
                kind: row.kind
                color: row.fillColor
                outline: row.outlineColor
                pointSize: row.pointSize
                lineWidth: row.lineWidth
                TapHandler { onTapped: styleDialog.edit(list.model, row.index) }
            }
            Label {
                id: titleLabel
                Layout.fillWidth: true
                text: row.title
                elide: Text.ElideRight
                font.pixelSize: Theme.fontSize
                // A long title cut short is shown whole on hover.
                HoverHandler { id: titleHover }
                ToolTip.visible: titleHover.hovered && titleLabel.truncated
                ToolTip.text: row.title
            }
            Label {
                // Analysis results are marked: drawn like layers, never saved with the project.
                visible: row.isResult
                text: qsTr("结果")
                color: Theme.resultMark
                font.pixelSize: Theme.smallFontSize
                font.bold: true
            }
            Label {
                text: row.featureCount
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
            }
            ToolButton {
                objectName: "removeResult"
                visible: row.isResult
                text: "✕"
                implicitWidth: Theme.rowHeight
                ToolTip.text: qsTr("从地图上移除这个分析结果")
                ToolTip.visible: hovered
                onClicked: list.model.removeResult(row.index)
            }
            ToolButton {
                text: "▲"
                implicitWidth: Theme.rowHeight
                ToolTip.text: qsTr("上移")
                ToolTip.visible: hovered
                onClicked: list.model.moveUp(row.index)
            }
            ToolButton {
                text: "▼"
                implicitWidth: Theme.rowHeight
                ToolTip.text: qsTr("下移")
                ToolTip.visible: hovered
                onClicked: list.model.moveDown(row.index)
            }
        }
        Slider {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.rowHeight
            implicitHeight: Theme.rowHeight * 0.7
            from: 0.1
            to: 1
            value: row.layerOpacity
            onMoved: list.model.setOpacity(row.index, value)
            ToolTip.text: qsTr("不透明度 %1%").arg(Math.round(value * 100))
            ToolTip.visible: pressed
        }
    }
}
