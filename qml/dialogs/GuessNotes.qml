// Every guess the engine made for a layer, one line each, in two columns so a row stays short.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap

GridLayout {
    id: root
    property var notes: []

    visible: notes.length > 0
    columns: 2
    columnSpacing: Theme.spacing * 2
    rowSpacing: 0
    Repeater {
        model: root.notes
        delegate: Label {
            required property string modelData
            Layout.fillWidth: true
            Layout.preferredWidth: 1  // both columns the same width
            text: modelData
            color: Theme.mutedText
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFontSize
        }
    }
}
