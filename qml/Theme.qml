// Sizes and colours shared by every view; no literals scattered across files.
pragma Singleton
import QtQuick

QtObject {
    readonly property int panelWidth: 300
    readonly property int spacing: 8
    readonly property int indent: 18
    readonly property int rowHeight: 30
    readonly property int swatch: 14
    // Rows a list shows before it scrolls (the routes panel's route list).
    readonly property int visibleRows: 8
    readonly property int legendSymbol: 18
    readonly property int fontSize: 14
    readonly property int smallFontSize: 12
    readonly property int popupWidth: 280
    readonly property int pickRadius: 6
    readonly property int northArrowSize: 36
    readonly property int scaleBarWidth: 140
    readonly property int searchWidth: 320
    // The offline tiles' own colour outside the city (app/basemap/tile_renderer.cpp), so that
    // beyond the tiles the map looks the same as between them.
    readonly property color mapBackground: "#e3e6e8"
    readonly property color panelBackground: "#fafafa"
    readonly property color overlayBackground: "#f2ffffff"
    readonly property color border: "#d0d4d8"
    readonly property color text: "#202428"
    readonly property color mutedText: "#6a7078"
    readonly property color errorBackground: "#fdecea"
    readonly property color errorText: "#8a1c12"
    readonly property color resultMark: "#c2255c"
}
