// A tab of the window's dock: a short title, so that the five tabs read in full at the dock's
// width (Theme.panelWidth) and narrower; the panel's full name on hover and for screen readers.
import QtQuick
import QtQuick.Controls

TabButton {
    id: tab
    // "覆盖分析" for the title "覆盖".
    required property string fullName
    leftPadding: Theme.spacing / 2
    rightPadding: Theme.spacing / 2
    ToolTip.visible: tab.hovered
    ToolTip.delay: 400
    ToolTip.text: tab.fullName
    Accessible.name: tab.fullName
    // The attached tooltip, for tests: an attached property cannot be read from outside the tab.
    readonly property string toolTipText: ToolTip.text
    readonly property ToolTip sharedToolTip: ToolTip.toolTip
}
