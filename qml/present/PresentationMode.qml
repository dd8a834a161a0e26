// Presentation mode: the whole window (full screen, menus and panels covered) shows the
// map with title, legend, scale bar, north arrow, date, data source and the KPI cards, and
// plays the project's bookmarks as slides: → / PageDown / Space next, ← / PageUp back,
// Home / End first / last, Esc leaves. The camera flies smoothly between slides.
import QtQuick
import QtQuick.Controls
import QtPositioning
import CoopMap
import CoopMap.Backend

Popup {
    id: root
    required property ProjectController controller
    // The window's year control (null: the whole network, no year control on the slides).
    property YearController years: null
    property alias player: player
    property alias kpi: kpi
    property alias networkMap: networkMap
    // The window's 专题图 (ThematicController), shown on the slides' map too; null: none.
    property var thematic: null
    // True while the camera is flying to a slide.
    readonly property bool flying: flight.running
    property int flightDuration: 1400
    property string dateText: Qt.formatDate(new Date(), "yyyy年M月d日")
    property int previousVisibility: Window.Windowed
    // The routes panel's routes (RouteOverlay), drawn on the slides too; null: none.
    property var routes: null

    parent: Overlay.overlay
    x: 0; y: 0
    width: parent ? parent.width : 0; height: parent ? parent.height : 0
    padding: 0; modal: true; dim: false
    focus: true; closePolicy: Popup.NoAutoClose

    // Enters the presentation at the first slide; false (and player.errorText) without bookmarks.
    function start() {
        const w = window()
        previousVisibility = w ? w.visibility : Window.Windowed
        open()
        if (w) w.showFullScreen()
        networkMap.map.center = root.controller.center
        networkMap.map.zoomLevel = root.controller.zoom
        return player.begin()
    }
    function leave() { close() }
    // The window the overlay (and so this popup) is in.
    function window() { return root.parent ? root.parent.Window.window : null }

    onOpened: keys.forceActiveFocus()
    onClosed: {
        flight.stop()
        player.end()
        const w = window()
        if (w && w.visibility === Window.FullScreen) w.visibility = previousVisibility
    }

    BookmarkPlayer {
        id: player
        project: root.controller
        onCurrentChanged: {
            if (current < 0) return
            flight.stop()
            toCenter.to = center
            toZoom.to = zoom
            flight.start()
        }
    }
    KpiController { id: kpi; project: root.controller; years: root.years }

    ParallelAnimation {
        id: flight
        CoordinateAnimation {
            id: toCenter
            target: networkMap.map
            property: "center"
            duration: root.flightDuration
            easing.type: Easing.InOutCubic
        }
        NumberAnimation {
            id: toZoom
            target: networkMap.map
            property: "zoomLevel"
            duration: root.flightDuration
            easing.type: Easing.InOutCubic
        }
    }

    contentItem: Item {
        id: keys
        objectName: "presentationKeys"
        focus: true
        Keys.onPressed: (event) => {
            switch (event.key) {
            case Qt.Key_Right: case Qt.Key_PageDown: case Qt.Key_Space: case Qt.Key_Down:
                player.next(); break
            case Qt.Key_Left: case Qt.Key_PageUp: case Qt.Key_Up:
                player.previous(); break
            case Qt.Key_Home: player.go(0); break
            case Qt.Key_End: player.go(player.count - 1); break
            case Qt.Key_Escape: root.leave(); break
            default: return
            }
            event.accepted = true
        }

        // Between the title and the footer, so that neither covers the map's legend, scale
        // bar or north arrow.
        NetworkMap {
            id: networkMap
            objectName: "presentationMap"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: titleBar.bottom
            anchors.bottom: footer.top
            controller: root.controller
            routes: root.routes
            thematic: root.thematic
        }

        Rectangle {
            id: titleBar
            anchors.left: parent.left
            anchors.right: parent.right
            height: titleText.implicitHeight + Theme.spacing * 3
            color: Theme.overlayBackground
            Text {
                id: titleText
                anchors.centerIn: parent
                text: root.controller.name
                font.pixelSize: Theme.fontSize * 2.2
                font.bold: true
                color: Theme.text
            }
            Text {
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacing * 2
                anchors.verticalCenter: parent.verticalCenter
                text: player.count > 0 && player.current >= 0 ? (player.current + 1) + " / " + player.count : ""
                font.pixelSize: Theme.fontSize
                color: Theme.mutedText
            }
        }

        KpiCards {
            id: cards
            objectName: "kpiCardsRow"
            x: Theme.spacing * 2
            anchors.top: titleBar.bottom
            anchors.topMargin: Theme.spacing * 2
            kpi: root.kpi
        }

        Loader {
            objectName: "presentationYear"
            active: root.years !== null
            x: Theme.spacing * 2; anchors.top: cards.bottom; anchors.topMargin: Theme.spacing
            sourceComponent: YearControl { years: root.years }
        }

        SlideCaption {
            objectName: "slideCaption"
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: footer.top
            anchors.bottomMargin: Theme.spacing * 2
            name: player.name
            caption: player.caption
        }

        Rectangle {
            id: footer
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: footerText.implicitHeight + Theme.spacing
            color: Theme.overlayBackground
            Text {
                id: footerText
                anchors.centerIn: parent
                text: qsTr("制图日期：%1　　%2　　← → 翻页，Esc 退出").arg(root.dateText).arg(kpi.sourceText)
                font.pixelSize: Theme.smallFontSize
                color: Theme.mutedText
            }
        }

        ErrorNotice {
            anchors.top: titleBar.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            text: player.errorText || kpi.errorText
        }
    }
}
