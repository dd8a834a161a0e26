// A slide's name and caption over the presentation's map, hidden when the slide has none.
// Its own file for the 200-line rule.
import QtQuick
import CoopMap

Rectangle {
    id: box
    property string name
    property string caption
    visible: caption.length > 0
    width: Math.min(parent.width * 0.7, captionText.implicitWidth + Theme.spacing * 4)
    height: captionText.height + Theme.spacing * 2
    radius: 6
    color: Theme.overlayBackground
    border.color: Theme.border
    Text {
        id: captionText
        anchors.centerIn: parent
        width: parent.width - Theme.spacing * 4
        text: "<b>" + box.name + "</b>　" + box.caption
        textFormat: Text.StyledText
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        font.pixelSize: Theme.fontSize * 1.4
        color: Theme.text
    }
}
