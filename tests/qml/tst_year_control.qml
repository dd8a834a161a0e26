// The year control on the sample: turned on and moved, the map's layer model (what the layer items
// draw) holds the sites standing at the end of the chosen year and the KPI card of the sites says
// the change against the year before, both equal to the engine's network_growth for those years
// (YearController.standingAt, a different engine function from network_as_of that the map uses).
import QtCore
import QtPositioning
import QtQuick
import QtTest
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 1400
    height: 900

    ProjectController { id: controller }
    YearController { id: years; project: controller }
    KpiController { id: kpi; project: controller; years: years }
    NetworkMap { id: networkMap; anchors.fill: parent; controller: controller }
    YearControl { id: control; years: years; x: 10; y: 10 }
    KpiCards { id: cards; kpi: kpi; x: 10; y: 80 }
    PresentationMode { id: present; controller: controller; years: years; flightDuration: 100 }
    SignalSpy { id: finished; target: controller; signalName: "finished" }

    TestCase {
        name: "YearControl"
        when: windowShown

        // DESIGN.md's facility roles: the sites a year shows or hides.
        readonly property var facilityRoles: ["village_cooperative", "village_service_station",
            "grassroots_cooperative", "township_supermarket", "distribution_center", "agri_service_center"]

        // The facility sites in the model the map's layer items read.
        function sitesOnMap() {
            const model = networkMap.layerItems.model
            let n = 0
            for (let i = 0; i < model.count; ++i)
                if (facilityRoles.indexOf(model.roleKey(i)) >= 0) n += model.get(i).featureCount
            return n
        }

        // Identify at every facility site of the whole layers (`counts`, taken with the year control
        // off): how many different sites it finds, and how many of those lie elsewhere than the
        // click (a feature number not of the entry's own layer).
        function identifySites(counts) {
            const found = {}
            let elsewhere = 0
            for (const id in counts)
                for (let f = 0; f < counts[id]; ++f) {
                    const c = controller.featureCoordinate(id, f)
                    const hit = controller.identify(c, QtPositioning.coordinate(c.latitude, c.longitude + 0.0001))
                    if (!(hit.layerId in counts)) continue
                    const at = controller.featureCoordinate(hit.layerId, hit.feature)
                    if (Math.abs(at.latitude - c.latitude) > 0.0002 || Math.abs(at.longitude - c.longitude) > 0.0002)
                        ++elsewhere
                    found[hit.layerId + "/" + hit.feature] = true
                }
            return {sites: Object.keys(found).length, elsewhere: elsewhere}
        }

        function settle() {
            tryCompare(years, "running", false, 60000)
            tryCompare(kpi, "running", false, 60000)
        }

        function changeText(card) { return findChild(card, "kpiChange").text }

        function test_1_year_control_moves_map_and_cards() {
            finished.clear()
            controller.open(controller.samplePath())
            finished.wait(60000)
            compare(finished.signalArguments[0][0], true, controller.errorText)
            settle()
            verify(years.lastYear > years.firstYear, "the sample's records span years")
            compare(years.year, years.latestYear, "the control starts at the latest year of records")
            const all = sitesOnMap()
            verify(all > 0)
            const model = networkMap.layerItems.model
            const counts = {}
            for (let i = 0; i < model.count; ++i)
                if (facilityRoles.indexOf(model.roleKey(i)) >= 0) counts[model.get(i).layerId] = model.get(i).featureCount
            const everySite = identifySites(counts)
            compare(everySite.elsewhere, 0)

            // On: the latest year.
            mouseClick(findChild(control, "yearOn"))
            compare(years.active, true)
            tryCompare(years, "shownYear", years.latestYear, 60000)
            settle()
            const y0 = years.year
            compare(sitesOnMap(), years.standingAt(y0))
            compare(years.sitesShown, years.standingAt(y0))
            compare(years.sitesNew, years.builtAt(y0))

            // Two years back with the keys a user presses on the slider.
            const slider = findChild(control, "yearSlider")
            slider.forceActiveFocus()
            keyClick(Qt.Key_Left)
            keyClick(Qt.Key_Left)
            const y = y0 - 2
            compare(years.year, y)
            tryCompare(years, "shownYear", y, 60000)
            settle()
            const standing = years.standingAt(y)
            compare(sitesOnMap(), standing)
            verify(standing < years.standingAt(y0), "the network grew between " + y + " and " + y0)
            // Identify finds the sites as drawn: none built after y, each by its own feature number.
            const standingSites = identifySites(counts)
            compare(standingSites.elsewhere, 0)
            verify(standingSites.sites <= standing, standingSites.sites + " sites identified, " + standing + " standing")
            verify(standingSites.sites < everySite.sites)
            verify(years.standingAt(y - 1) >= 0)

            // The cards are the year's, the sites' card with its change against the year before.
            tryCompare(kpi, "year", y, 60000)
            settle()
            const card = findChild(cards, "kpi_sites")
            verify(card !== null)
            compare(card.value, String(standing))
            if (fixtures.shotsDir()) grabImage(root).save(fixtures.shotsDir() + "/year_control.png")
            const delta = standing - years.standingAt(y - 1)
            verify(delta !== 0, "sites were built in " + y)
            compare(changeText(card), "比上年 " + (delta > 0 ? "+" : "−") + Math.abs(delta) + " 个")
            // The sample's service records begin in 2023 (coopmap-cli services --by year): against a
            // year without records the services card claims no change.
            const services = findChild(cards, "kpi_services")
            verify(services !== null)
            compare(y, 2023)
            compare(changeText(services), "上年无服务记录，不作比较")

            // The year's charts, drawn by the report's painter: the growth of each kind of site ends in y.
            verify(years.chartTitles.length > 0)
            mouseClick(findChild(control, "yearCharts"))
            const chartItem = findChild(control, "yearChart")
            verify(chartItem !== null)
            tryCompare(chartItem, "visible", true)
            let growth = -1
            for (let i = 0; i < years.chartTitles.length; ++i)
                if (years.chartTitles[i].indexOf("年末数量") >= 0 && growth < 0) growth = i
            verify(growth >= 0, years.chartTitles.join("|"))
            verify(years.chartTitles[growth].indexOf("–" + y + " 年") >= 0, years.chartTitles[growth])
            findChild(control, "chartChoice").currentIndex = growth
            waitForRendering(chartItem)
            // The chart lies in the overlay: grab the window and read the chart's part of it.
            const picture = grabImage(root)
            const at = chartItem.mapToItem(root, 0, 0)
            // Bars are drawn: across the plot's lower part some pixels are not the chart's white.
            let inked = 0
            for (let px = 0; px < chartItem.width; px += 4)
                if (!Qt.colorEqual(picture.pixel(Math.round(at.x + px), Math.round(at.y + chartItem.height * 0.8)),
                                   "white")) ++inked
            verify(inked > 5, "bars in the chart")
            if (fixtures.shotsDir()) picture.save(fixtures.shotsDir() + "/year_chart.png")
            const popup = findChild(control, "yearChartsPopup")
            popup.close()
            tryCompare(popup, "visible", false)
            slider.forceActiveFocus()

            // One year on with the ▶ of the control's own key: the map and the card follow.
            keyClick(Qt.Key_Right)
            tryCompare(years, "shownYear", y + 1, 60000)
            tryCompare(kpi, "year", y + 1, 60000)
            settle()
            compare(sitesOnMap(), years.standingAt(y + 1))
            const delta1 = years.standingAt(y + 1) - standing
            compare(changeText(findChild(cards, "kpi_sites")),
                    "比上年 " + (delta1 > 0 ? "+" : delta1 < 0 ? "−" : "") + (delta1 === 0 ? "持平" : Math.abs(delta1) + " 个"))

            // Off: every site again, and the cards without a year.
            mouseClick(findChild(control, "yearOn"))
            tryCompare(years, "shownYear", 0, 60000)
            compare(sitesOnMap(), all)
            tryCompare(kpi, "year", 0, 60000)
            settle()
            compare(changeText(findChild(cards, "kpi_sites")), "")
        }

        // The presentation shows the window's year: its map draws the same layer list, its year
        // control drives the same controller, and its cards are for that year.
        function test_2_presentation_follows_the_year() {
            years.active = true
            years.year = years.latestYear - 1
            const y = years.year
            tryCompare(years, "shownYear", y, 60000)
            settle()
            verify(present.start())
            const loader = findChild(present.contentItem, "presentationYear")
            verify(loader !== null && loader.item !== null)
            compare(findChild(loader.item, "yearText").text, y + " 年末")
            tryCompare(present.kpi, "year", y, 60000)
            tryCompare(present.kpi, "running", false, 60000)
            const model = present.networkMap.layerItems.model
            let n = 0
            for (let i = 0; i < model.count; ++i)
                if (facilityRoles.indexOf(model.roleKey(i)) >= 0) n += model.get(i).featureCount
            compare(n, years.standingAt(y))
            const card = findChild(present.contentItem, "kpi_sites")
            verify(card !== null)
            compare(card.value, String(years.standingAt(y)))
            const delta = years.standingAt(y) - years.standingAt(y - 1)
            compare(changeText(card), "比上年 " + (delta > 0 ? "+" : "−") + Math.abs(delta) + " 个")
            present.leave()
            years.active = false
            tryCompare(years, "shownYear", 0, 60000)
        }

        // The window's 年度报告: the year report of the open layers, written off the UI thread.
        function test_3_year_report_from_the_window() {
            const path = controller.localPath(StandardPaths.writableLocation(StandardPaths.TempLocation)) +
                         "/year_" + years.year + ".pdf"
            years.writeReport(path)
            verify(years.reportRunning)
            tryCompare(years, "reportRunning", false, 60000)
            verify(years.reportText.indexOf(years.year + " 年度工作情况 ") === 0, years.reportText)
            verify(years.reportText.indexOf("→ " + path) > 0, years.reportText)
        }
    }
}
