// The menus: project files (new, open, save, recent), adding data, settings.
import QtQuick
import QtQuick.Controls
import CoopMap.Backend

MenuBar {
    id: root
    required property ProjectController controller
    // 新建项目 and 添加数据 open the same dialog (NewProjectDialog) on an office's files.
    signal newProjectRequested()
    signal openRequested()
    // A recent project chosen: the window asks about unsaved edits before opening it.
    signal openPathRequested(string path)
    signal saveAsRequested()
    signal addDataRequested()
    signal settingsRequested()
    signal presentRequested()

    Menu {
        title: qsTr("文件")
        Action { text: qsTr("新建项目…"); shortcut: StandardKey.New; onTriggered: root.newProjectRequested() }
        Action { text: qsTr("打开项目…"); shortcut: StandardKey.Open; onTriggered: root.openRequested() }
        Action { text: qsTr("保存项目"); shortcut: StandardKey.Save; onTriggered: root.controller.save() }
        Action { text: qsTr("项目另存为…"); onTriggered: root.saveAsRequested() }
        Menu {
            id: recent
            title: qsTr("最近的项目")
            Instantiator {
                model: root.controller.recentProjects
                delegate: MenuItem {
                    required property string modelData
                    text: modelData
                    onTriggered: root.openPathRequested(modelData)
                }
                onObjectAdded: (index, object) => recent.insertItem(index, object)
                onObjectRemoved: (index, object) => recent.removeItem(object)
            }
        }
        MenuSeparator {}
        Action { text: qsTr("添加数据…"); onTriggered: root.addDataRequested() }
        MenuSeparator {}
        Action { text: qsTr("退出"); shortcut: StandardKey.Quit; onTriggered: Qt.quit() }
    }
    Menu {
        title: qsTr("视图")
        // F5 as in slide software; Esc leaves (PresentationMode's keys).
        Action { text: qsTr("演示模式"); shortcut: "F5"; onTriggered: root.presentRequested() }
    }
    Menu {
        title: qsTr("设置")
        Action { text: qsTr("语言…"); onTriggered: root.settingsRequested() }
    }
}
