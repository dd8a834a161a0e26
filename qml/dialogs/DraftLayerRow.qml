// One layer of a new project as the engine guessed it (NewProjectController's DraftLayerModel):
// its file and size on the left; on the right what it is, its coordinates (and, for lon/lat
// with no CRS, whose: GPS, Amap or Baidu), its encoding, its field mapping and every guess.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Frame {
    id: row
    required property NewProjectController controller
    required property var roles
    required property int index
    required property string file
    required property string title
    required property string roleKey
    required property string level
    required property string kind
    required property string crs
    required property string crsText
    required property bool askOffset
    required property string offset
    required property string encoding
    required property string foundEncoding
    required property string fields
    required property var fieldList
    required property var columns
    required property var notes
    required property int featureCount
    required property bool ready
    required property string readError

    padding: Theme.spacing
    background: Rectangle {
        color: row.ready ? Theme.panelBackground : Theme.errorBackground
        border.color: Theme.border
        radius: 4
    }

    RowLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Theme.spacing * 2

        DraftSource {
            Layout.preferredWidth: Theme.popupWidth
            Layout.maximumWidth: Theme.popupWidth
            Layout.alignment: Qt.AlignTop
            file: row.file
            kind: row.kind
            featureCount: row.featureCount
            title: row.title
            readError: row.readError
            onTitleEdited: (title) => row.controller.setTitle(row.index, title)
        }

        GridLayout {
            Layout.fillWidth: true
            columns: 4
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing / 2

            Label { text: qsTr("类型") }
            ComboBox {
                objectName: "roleBox"
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.popupWidth
                model: row.roles
                textRole: "name"
                valueRole: "key"
                // count: read so the index is found again once the model is there.
                currentIndex: count > 0 ? indexOfValue(row.roleKey) : -1
                displayText: currentIndex < 0 ? qsTr("请选择类型…") : currentText
                onActivated: row.controller.setRole(row.index, currentValue)
            }
            Label { text: qsTr("级别"); visible: levelBox.visible }
            ComboBox {
                id: levelBox
                objectName: "levelBox"
                visible: row.roleKey === "admin_boundary"
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.popupWidth
                model: row.controller.levelChoices
                textRole: "name"
                valueRole: "key"
                currentIndex: count > 0 ? indexOfValue(row.level) : -1
                onActivated: row.controller.setLevel(row.index, currentValue)
            }
            Item {
                visible: !levelBox.visible
                Layout.columnSpan: 2
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.popupWidth
            }

            Label { text: qsTr("坐标") }
            TextField {
                objectName: "crsField"
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.popupWidth
                text: row.crs
                placeholderText: qsTr("数据自带，或填 EPSG:…")
                ToolTip.visible: hovered
                ToolTip.text: row.crsText
                onEditingFinished: if (text !== row.crs) row.controller.setCrs(row.index, text)
            }
            Label { text: qsTr("坐标来源"); visible: row.askOffset }
            ComboBox {
                objectName: "offsetBox"
                visible: row.askOffset
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.popupWidth
                model: row.controller.offsetChoices
                textRole: "name"
                valueRole: "key"
                currentIndex: count > 0 ? indexOfValue(row.offset) : -1
                displayText: currentIndex < 0 ? qsTr("请选择：在哪个地图上取的点？") : currentText
                onActivated: row.controller.setOffset(row.index, currentValue)
            }
            Label {
                visible: !row.askOffset
                Layout.columnSpan: 2
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.popupWidth
                text: row.crsText
                color: Theme.mutedText
                elide: Text.ElideRight
                font.pixelSize: Theme.smallFontSize
            }

            Label { text: qsTr("编码") }
            ComboBox {
                objectName: "encodingBox"
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.popupWidth
                model: row.controller.encodingChoices
                textRole: "name"
                valueRole: "key"
                currentIndex: count > 0 ? Math.max(0, indexOfValue(row.encoding)) : -1
                // 自动识别 says what was found.
                displayText: currentIndex === 0 && row.foundEncoding ? qsTr("自动（%1）").arg(row.foundEncoding) : currentText
                onActivated: row.controller.setEncoding(row.index, currentValue)
            }
            Label { text: qsTr("字段") }
            RowLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.popupWidth
                Label {
                    objectName: "fieldsText"
                    Layout.fillWidth: true
                    text: row.fields
                    elide: Text.ElideRight
                    ToolTip.visible: fieldsHover.hovered && truncated
                    ToolTip.text: row.fields
                    HoverHandler { id: fieldsHover }
                }
                Button {
                    objectName: "fieldsButton"
                    text: mapping.visible ? qsTr("收起") : qsTr("修改…")
                    flat: true
                    onClicked: mapping.visible = !mapping.visible
                }
            }

            FieldMapping {
                id: mapping
                objectName: "fieldMapping"
                visible: false
                Layout.columnSpan: 4
                Layout.fillWidth: true
                fieldList: row.fieldList
                columnNames: row.columns
                onFieldChosen: (key, column) => row.controller.setField(row.index, key, column)
            }

            GuessNotes {
                objectName: "notes"
                Layout.columnSpan: 4
                Layout.fillWidth: true
                notes: row.notes
            }
        }
    }
}
