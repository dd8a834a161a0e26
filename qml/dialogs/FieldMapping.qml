// Which column of the source holds each field of the layer's role (名称, 人口, 面积（亩）…):
// one choice per field among the source's columns, or none.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap

GridLayout {
    id: root
    // [{key, label, column}] as DraftLayerModel gives it.
    property var fieldList: []
    property var columnNames: []
    signal fieldChosen(string key, string column)

    columns: 4
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing / 2

    Repeater {
        model: root.fieldList
        delegate: RowLayout {
            id: field
            required property var modelData
            Layout.columnSpan: 2
            Layout.fillWidth: true
            Label {
                Layout.preferredWidth: Theme.popupWidth / 3
                text: field.modelData.label
                elide: Text.ElideRight
            }
            ComboBox {
                objectName: "field_" + field.modelData.key
                Layout.fillWidth: true
                model: [qsTr("（不对应）")].concat(root.columnNames)
                currentIndex: root.columnNames.indexOf(field.modelData.column) + 1
                onActivated: (i) => root.fieldChosen(field.modelData.key, i > 0 ? root.columnNames[i - 1] : "")
            }
        }
    }
}
