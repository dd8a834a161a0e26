// The 专题图 panel: which figure (村覆盖率, 未覆盖人口, 托管面积, 服务面积, 新建网点), by township or
// county, natural breaks / quantiles / fixed breaks, how many classes, optionally a year; 制图
// draws it on the map and lists its classes in the legend. The map comes from ThematicController,
// which runs the engine's run_thematic, as `coopmap-cli render --theme` does.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: panel
    objectName: "thematicPanel"
    required property ProjectController project
    property alias controller: thematic
    spacing: Theme.spacing

    ThematicController {
        id: thematic
        project: panel.project
    }

    Label { text: qsTr("专题指标"); font.pixelSize: Theme.smallFontSize; color: Theme.mutedText }
    ComboBox {
        id: figureBox
        objectName: "thematicFigure"
        Layout.fillWidth: true
        model: thematic.figureNames
        currentIndex: thematic.figureKeys.indexOf(thematic.figure)
        onActivated: thematic.figure = thematic.figureKeys[currentIndex]
    }

    GridLayout {
        columns: 2
        columnSpacing: Theme.spacing
        Label { text: qsTr("统计单元") }
        ComboBox {
            objectName: "thematicLevel"
            Layout.fillWidth: true
            model: [ { key: "township", name: qsTr("乡镇（街道）") }, { key: "county", name: qsTr("县（市、区）") } ]
            textRole: "name"
            valueRole: "key"
            currentIndex: thematic.level === "county" ? 1 : 0
            onActivated: thematic.level = currentValue
        }
        Label { text: qsTr("分级方法") }
        ComboBox {
            id: methodBox
            objectName: "thematicMethod"
            Layout.fillWidth: true
            model: [ { key: "natural", name: qsTr("自然断点") }, { key: "quantile", name: qsTr("分位数") },
                     { key: "fixed", name: qsTr("固定界值") } ]
            textRole: "name"
            valueRole: "key"
            currentIndex: ["natural", "quantile", "fixed"].indexOf(thematic.method)
            onActivated: thematic.method = currentValue
        }
        Label { text: qsTr("分级数"); visible: methodBox.currentValue !== "fixed" }
        SpinBox {
            objectName: "thematicClasses"
            visible: methodBox.currentValue !== "fixed"
            from: 1
            to: 9
            value: thematic.classes
            onValueModified: thematic.classes = value
        }
        Label { text: qsTr("界值"); visible: methodBox.currentValue === "fixed" }
        TextField {
            objectName: "thematicBreaks"
            visible: methodBox.currentValue === "fixed"
            Layout.fillWidth: true
            placeholderText: qsTr("如 60,80,90")
            onTextEdited: thematic.breaks = text
        }
        CheckBox {
            id: byYear
            objectName: "thematicByYear"
            text: qsTr("年份")
            checked: thematic.year > 0
            onToggled: thematic.year = checked ? yearBox.value : 0
        }
        SpinBox {
            id: yearBox
            objectName: "thematicYear"
            enabled: byYear.checked
            from: 1949
            to: 2100
            value: thematic.year > 0 ? thematic.year : new Date().getFullYear() - 1
            editable: true
            // A year is written without a thousands separator.
            textFromValue: (v) => String(v)
            valueFromText: (t) => Number(t)
            onValueModified: if (byYear.checked) thematic.year = value
        }
    }
    CheckBox {
        objectName: "thematicSymbols"
        visible: thematic.isCount
        checked: thematic.symbols
        text: qsTr("分级符号（圆的大小表示级别）")
        onToggled: thematic.symbols = checked
    }

    RowLayout {
        Button {
            objectName: "thematicRun"
            text: qsTr("制图")
            enabled: !thematic.running
            onClicked: thematic.run()
        }
        Button {
            objectName: "thematicClear"
            text: qsTr("清除")
            enabled: thematic.shown && !thematic.running
            onClicked: thematic.clear()
        }
        Button {
            text: qsTr("取消")
            visible: thematic.running
            onClicked: thematic.cancel()
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: thematic.running
            value: thematic.progress
        }
    }

    Label {
        objectName: "thematicMessage"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        // The map's own title heads its legend below; here only what to do, or what went wrong.
        visible: text !== ""
        text: thematic.errorText !== "" ? thematic.errorText
              : thematic.shown ? ""
              : qsTr("选择指标和分级方法，点击“制图”，地图按级别设色，图例列出各级范围")
        color: thematic.errorText !== "" ? Theme.errorText : Theme.mutedText
        font.pixelSize: Theme.fontSize
    }
    Label {
        objectName: "thematicProblems"
        Layout.fillWidth: true
        visible: thematic.shown && thematic.problemsText !== ""
        wrapMode: Text.Wrap
        text: qsTr("注意：%1").arg(thematic.problemsText)
        color: Theme.mutedText
        font.pixelSize: Theme.smallFontSize
    }
    ThematicLegend {
        Layout.fillWidth: true
        thematic: panel.controller
    }
}
