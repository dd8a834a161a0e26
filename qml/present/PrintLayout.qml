// A printed map page: title and caption, the project's NetworkMap (with its scale bar and
// north arrow) in a frame, a legend beside it, date and data-source line below. Sized in
// layout pixels (96 per inch); app/present/map_print.cpp draws it at the paper's DPI.
import QtQuick
import CoopMap
import CoopMap.Backend

Window {
    id: page
    required property ProjectController controller
    property int pageWidth: 1587
    property int pageHeight: 1123
    property string mapTitle
    property string caption
    property string dateText
    property string sourceText
    // A routes GeoPackage (coopmap-cli routes --out) drawn over the layers; "": none.
    property string routesFile
    // The map is shown once the program has put its camera where the page wants it: a map
    // shown earlier fetches basemap tiles for the project's own view, and Qt Location keeps
    // drawing those, enlarged, wherever the final view has no tile of its own (outside the
    // offline basemap's extent) — stale pieces around the city on the printed page.
    property bool mapShown: false
    // The 专题图 drawn on the map and listed first in the legend (ThematicController), or null.
    property var thematic: null

    // Proportions of the page: one unit is 1% of its short side, so A4 and A3 look alike.
    readonly property real unit: Math.min(pageWidth, pageHeight) / 100
    readonly property real margin: unit * 4
    readonly property real legendWidth: Math.max(pageWidth * 0.18, unit * 34)
    // On a portrait page a legend beside the map would leave the map a narrow strip with the
    // (wide) city small in its middle: the legend goes below the map there, in three columns.
    readonly property bool portrait: pageHeight > pageWidth
    readonly property real legendCell: portrait ? (pageWidth - 2 * margin) / 3 : legendWidth
    readonly property real symbolSize: unit * 2.6

    width: pageWidth
    height: pageHeight
    color: "white"
    title: page.mapTitle

    // Each shown legend row's symbol centre in window coordinates and its colour, for the
    // program that saves the picture to report where the legend put each layer.
    function legendMarks() {
        const marks = []
        for (let i = 0; i < printLegend.rows.count; ++i) {
            const row = printLegend.rows.itemAt(i)
            if (!row || !row.visible) continue
            const c = row.symbol.mapToItem(null, row.symbol.width / 2, row.symbol.height / 2)
            marks.push({ id: row.layerId, title: row.title, kind: row.kind, color: row.fillColor, x: c.x, y: c.y })
        }
        // The 专题图's classes: "theme:<class>" with the range as the legend prints it.
        for (let k = 0; printLegend.thematicLegend.visible && k < printLegend.thematicLegend.rows.count; ++k) {
            const r = printLegend.thematicLegend.rows.itemAt(k)
            if (!r) continue
            const s = r.swatch.mapToItem(null, r.swatch.width / 2, r.swatch.height / 2)
            marks.push({ id: "theme:" + k, title: r.label, kind: r.symbolSize > 0 ? "point" : "polygon",
                         color: r.color, x: s.x, y: s.y })
        }
        return marks
    }

    Text {
        id: heading
        x: page.margin
        y: page.margin
        width: page.pageWidth - 2 * page.margin
        text: page.mapTitle
        font.pixelSize: page.unit * 4
        font.bold: true
        color: Theme.text
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
    }
    Text {
        id: subheading
        anchors.top: heading.bottom
        anchors.topMargin: page.unit
        x: page.margin
        width: heading.width
        text: page.caption
        visible: text.length > 0
        font.pixelSize: page.unit * 1.8
        color: Theme.mutedText
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        maximumLineCount: 2
    }

    Rectangle {
        id: frame
        x: page.margin
        y: (subheading.visible ? subheading.y + subheading.height : heading.y + heading.height) + page.unit * 2
        width: page.portrait ? page.pageWidth - 2 * page.margin
                             : page.pageWidth - 3 * page.margin - page.legendWidth
        // Portrait: a fixed share for the legend below, so that the map's size (which its
        // camera is fitted to before the project's layers fill the legend) does not change.
        height: (page.pageHeight - y - page.margin - footer.height - page.unit * 2) * (page.portrait ? 0.75 : 1)
        color: "transparent"
        border.color: Theme.text
        border.width: 1
        z: 1
        // The frame's height settles after the legend below it is laid out; a layer picture
        // drawn for the first height must not show under the frame.
        clip: true
        NetworkMap {
            id: networkMap
            objectName: "networkMap"
            visible: page.mapShown
            anchors.fill: parent
            anchors.margins: 1
            z: -1
            controller: page.controller
            routes: page.routesFile !== "" ? printedRoutes : null
            RouteOverlay { id: printedRoutes; file: page.routesFile }
            thematic: page.thematic
            // The page has its own legend beside the frame.
            Component.onCompleted: networkMap.legend.visible = false
        }
    }

    PrintLegend {
        id: printLegend
        objectName: "printLegend"
        x: page.portrait ? frame.x : frame.x + frame.width + page.margin
        y: page.portrait ? frame.y + frame.height + page.unit * 2 : frame.y
        width: page.portrait ? frame.width : page.legendWidth
        room: footer.y - y - page.unit * 2
        controller: page.controller
        thematic: page.thematic
        unit: page.unit
        legendCell: page.legendCell
        symbolSize: page.symbolSize
        routeCount: page.routesFile !== "" ? printedRoutes.routeCount : 0
    }

    Item {
        id: footer
        x: page.margin
        y: page.pageHeight - page.margin - height
        width: page.pageWidth - 2 * page.margin
        height: Math.max(sourceLine.height, dateLine.height)
        // The source names every file the layers come from: it wraps in the room the date
        // leaves, so that it is neither cut short nor drawn under the date.
        Text {
            id: sourceLine
            width: parent.width - dateLine.width - page.unit * 3
            text: page.sourceText
            font.pixelSize: page.unit * 1.4
            color: Theme.mutedText
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        }
        Text {
            id: dateLine
            anchors.right: parent.right
            text: page.dateText + qsTr("    CoopMap 供销服务网络一张图")
            font.pixelSize: page.unit * 1.4
            color: Theme.mutedText
        }
    }
}
