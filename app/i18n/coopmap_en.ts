<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminTreePanel</name>
    <message>
        <location filename="../../qml/panels/AdminTreePanel.qml" line="47"/>
        <source>%1 个乡镇</source>
        <translation>%1 townships</translation>
    </message>
</context>
<context>
    <name>BasemapSwitcher</name>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="18"/>
        <source>底图</source>
        <translation>Basemap</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="45"/>
        <source>瓦片目录或 .mbtiles 文件的路径</source>
        <translation>Path of a tile folder or .mbtiles file</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="49"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="68"/>
        <source>密钥（如天地图 tk），只保存在本机</source>
        <translation>Key (e.g. Tianditu tk), kept on this computer only</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="91"/>
        <source>重新生成</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="96"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="23"/>
        <source>村级综合服务社</source>
        <translation>Village service stations</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="24"/>
        <source>村级供销社</source>
        <translation>Village cooperatives</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="25"/>
        <source>基层供销社</source>
        <translation>Grassroots cooperatives</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="26"/>
        <source>乡镇综合超市</source>
        <translation>Township supermarkets</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="27"/>
        <source>县域集采集配中心</source>
        <translation>County distribution centres</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="28"/>
        <source>为农服务中心</source>
        <translation>Agricultural service centres</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="46"/>
        <source>服务半径</source>
        <translation>Service radius</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="47"/>
        <source>行车时间</source>
        <translation>Driving time</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="52"/>
        <source>半径（公里）</source>
        <translation>Radius (km)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="62"/>
        <source>时间（分钟）</source>
        <translation>Time (minutes)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="71"/>
        <source>汇总到</source>
        <translation>Summarise by</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="75"/>
        <source>县（市、区）</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="75"/>
        <source>乡镇（街道）</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="85"/>
        <source>分析</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="94"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ErrorNotice</name>
    <message>
        <location filename="../../qml/panels/ErrorNotice.qml" line="34"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IdentifyPopup</name>
    <message>
        <location filename="../../qml/map/IdentifyPopup.qml" line="28"/>
        <source>（无名称）</source>
        <translation>(no name)</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="65"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="72"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="85"/>
        <source>不透明度 %1%</source>
        <translation>Opacity %1%</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../qml/map/Legend.qml" line="25"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="17"/>
        <source> — 供销服务网络一张图</source>
        <translation> — CoopMap service network</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="17"/>
        <source>供销服务网络一张图</source>
        <translation>CoopMap service network</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="43"/>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="44"/>
        <source>行政区</source>
        <translation>Admin units</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="45"/>
        <source>底图</source>
        <translation>Basemap</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="95"/>
        <source>覆盖分析</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="96"/>
        <source>选址规划</source>
        <translation>Site planning</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="116"/>
        <source>选址：在地图上点击放置网点，拖动移动</source>
        <translation>Siting: click the map to place a site, drag to move it</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="156"/>
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="157"/>
        <location filename="../../qml/Main.qml" line="164"/>
        <source>CoopMap 项目 (*.coopmap)</source>
        <translation>CoopMap projects (*.coopmap)</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="162"/>
        <source>项目另存为</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="169"/>
        <source>添加数据</source>
        <translation>Add data</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="170"/>
        <source>空间数据 (*.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx)</source>
        <translation>Spatial data (*.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="192"/>
        <source>正在加载图层…</source>
        <translation>Loading layers…</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="208"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <location filename="../../qml/MainMenu.qml" line="16"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="17"/>
        <source>打开项目…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="18"/>
        <source>保存项目</source>
        <translation>Save project</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="19"/>
        <source>项目另存为…</source>
        <translation>Save project as…</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="22"/>
        <source>最近的项目</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="35"/>
        <source>添加数据…</source>
        <translation>Add data…</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="37"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="40"/>
        <source>视图</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="42"/>
        <source>演示模式</source>
        <translation>Presentation mode</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="45"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="46"/>
        <source>语言…</source>
        <translation>Language…</translation>
    </message>
</context>
<context>
    <name>NorthArrow</name>
    <message>
        <location filename="../../qml/map/NorthArrow.qml" line="40"/>
        <source>北</source>
        <translation>N</translation>
    </message>
</context>
<context>
    <name>PlanningPanel</name>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="25"/>
        <source>目标</source>
        <translation>Objective</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="29"/>
        <source>最大覆盖（定数量）</source>
        <translation>Maximum coverage (fixed number)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="30"/>
        <source>集合覆盖（定覆盖率）</source>
        <translation>Set cover (target share)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="31"/>
        <source>p-中位（最短加权距离）</source>
        <translation>p-median (shortest weighted distance)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="36"/>
        <source>目标覆盖率（%）</source>
        <translation>Target coverage (%)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="36"/>
        <source>新网点数</source>
        <translation>New sites</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="46"/>
        <source>半径（公里）</source>
        <translation>Radius (km)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="53"/>
        <source>候选点</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="57"/>
        <source>所有村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="57"/>
        <source>未覆盖的村</source>
        <translation>Uncovered villages</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="62"/>
        <source>最小间距（公里）</source>
        <translation>Minimum spacing (km)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="67"/>
        <source>每乡镇最多</source>
        <translation>At most per township</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="77"/>
        <source>推荐选址</source>
        <translation>Suggest sites</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="82"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="87"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="113"/>
        <source>在地图上点击“选址”后放置网点，或点击“推荐选址”</source>
        <translation>Turn on “Siting” and place sites on the map, or click “Suggest sites”</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="114"/>
        <source>方案：新网点 %1 个，覆盖村 %2 / %3（%4%），覆盖人口 %5</source>
        <translation>Plan: %1 new sites, villages covered %2 / %3 (%4%), population covered %5</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <location filename="../../qml/present/PresentationMode.qml" line="179"/>
        <source>制图日期：%1&#x3000;&#x3000;数据来源：%2&#x3000;&#x3000;← → 翻页，Esc 退出</source>
        <translation>Map date: %1   Data: %2   ← → next/previous, Esc to leave</translation>
    </message>
</context>
<context>
    <name>PrintLayout</name>
    <message>
        <location filename="../../qml/present/PrintLayout.qml" line="99"/>
        <source>图  例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../qml/present/PrintLayout.qml" line="157"/>
        <source>    CoopMap 供销服务网络一张图</source>
        <translation>    CoopMap service network</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../qml/dialogs/RoleDialog.qml" line="18"/>
        <source>添加图层</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/RoleDialog.qml" line="26"/>
        <source>文件 %1 中是什么？</source>
        <translation>What does %1 hold?</translation>
    </message>
</context>
<context>
    <name>ScenarioTable</name>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="21"/>
        <source>方案名称</source>
        <translation>Scenario name</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="25"/>
        <source>保存方案</source>
        <translation>Save scenario</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="35"/>
        <source>方案</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="36"/>
        <source>新网点</source>
        <translation>New sites</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="37"/>
        <source>覆盖村</source>
        <translation>Villages covered</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="38"/>
        <source>覆盖人口</source>
        <translation>Population covered</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="63"/>
        <source>载入</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="64"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="65"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="74"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="74"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../qml/panels/SearchBox.qml" line="33"/>
        <source>搜索名称、编码或拼音首字母</source>
        <translation>Search names, codes or pinyin initials</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../qml/dialogs/SettingsDialog.qml" line="10"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SettingsDialog.qml" line="19"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SettingsDialog.qml" line="25"/>
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <location filename="../../qml/panels/StyleDialog.qml" line="23"/>
        <source>样式：%1</source>
        <translation>Style: %1</translation>
    </message>
    <message>
        <location filename="../../qml/panels/StyleDialog.qml" line="36"/>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../qml/panels/StyleDialog.qml" line="43"/>
        <source>大小 / 线宽（像素）</source>
        <translation>Size / line width (px)</translation>
    </message>
</context>
<context>
    <name>WhatIfSummary</name>
    <message>
        <location filename="../../qml/panels/planning/WhatIfSummary.qml" line="21"/>
        <source>新覆盖村 %1 个，人口 %2</source>
        <translation>%1 villages newly covered, population %2</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/WhatIfSummary.qml" line="31"/>
        <source>与 %1 个已有网点重叠：村 %2 个，人口 %3</source>
        <translation>Overlaps %1 existing sites: %2 villages, population %3</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/WhatIfSummary.qml" line="43"/>
        <source>%1：%2% → %3%（%4 / %5 个村）</source>
        <translation>%1: %2% → %3% (%4 / %5 villages)</translation>
    </message>
</context>
<context>
    <name>coopmap::app::BasemapController</name>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="98"/>
        <source>本地底图（离线）</source>
        <translation>Local basemap (offline)</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="98"/>
        <source>由项目中的行政区界、道路、水系绘制，无需网络</source>
        <translation>Drawn from the project&apos;s boundaries, roads and water; no network needed</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="100"/>
        <location filename="../basemap/basemap_controller.cpp" line="282"/>
        <source>导入的瓦片</source>
        <translation>Imported tiles</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="100"/>
        <source>瓦片目录（XYZ 或 TMS）或 MBTiles 文件</source>
        <translation>Tile folder (XYZ or TMS) or MBTiles file</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="102"/>
        <source>在线底图</source>
        <translation>Online basemap</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="102"/>
        <source>天地图、OpenStreetMap 等在线瓦片服务，需要网络</source>
        <translation>Tianditu, OpenStreetMap or another tile service; needs the network</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="214"/>
        <source>在线底图：%1</source>
        <translation>Online basemap: %1</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="219"/>
        <source>未知的底图类型“%1”：应为 offline、tiles 或 xyz</source>
        <translation>Unknown basemap kind &quot;%1&quot;: use offline, tiles or xyz</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="229"/>
        <source>请选择瓦片目录或 MBTiles 文件</source>
        <translation>Choose a tile folder or MBTiles file</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="238"/>
        <source>正在生成离线底图…</source>
        <translation>Making the offline basemap…</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="238"/>
        <source>正在导入瓦片…</source>
        <translation>Importing tiles…</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="282"/>
        <source>离线底图</source>
        <translation>Offline basemap</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="283"/>
        <source>%1：%2 张瓦片（已是最新）</source>
        <translation>%1: %2 tiles (up to date)</translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="284"/>
        <source>%1：已生成 %2 张瓦片</source>
        <translation>%1: %2 tiles made</translation>
    </message>
</context>
<context>
    <name>coopmap::app::BookmarkPlayer</name>
    <message>
        <location filename="../present/bookmark_player.cpp" line="71"/>
        <source>项目中没有书签：请先在地图上调好视图，用“添加书签”保存几个视图，再开始演示</source>
        <translation>The project has no bookmarks: set up views on the map, save them with &quot;Add bookmark&quot;, then present</translation>
    </message>
    <message>
        <location filename="../present/bookmark_player.cpp" line="119"/>
        <source>%1：书签“%2”中的图层 %3 不在项目中，已略过；请在项目文件中改正该书签的 layers</source>
        <translation>%1: layer %3 of bookmark &quot;%2&quot; is not in the project and was skipped; correct the bookmark&apos;s layers in the project file</translation>
    </message>
    <message>
        <location filename="../present/bookmark_player.cpp" line="127"/>
        <source>请先打开或保存项目，再添加书签</source>
        <translation>Open or save a project before adding bookmarks</translation>
    </message>
    <message>
        <location filename="../present/bookmark_player.cpp" line="131"/>
        <source>书签需要一个名称和有效的地图视图：请输入名称后重试</source>
        <translation>A bookmark needs a name and a valid map view: enter a name and try again</translation>
    </message>
</context>
<context>
    <name>coopmap::app::CoverageController</name>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="41"/>
        <source>请先打开项目</source>
        <translation>Open a project first</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="47"/>
        <source>未知的网点类型：%1</source>
        <translation>Unknown facility type: %1</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="104"/>
        <source>分析已取消</source>
        <translation>Analysis cancelled</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="114"/>
        <source>行车 %1 分钟</source>
        <translation>%1 min by road</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="114"/>
        <source>半径 %1 公里</source>
        <translation>%1 km radius</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="115"/>
        <source>%1（%2）：%3 个村中 %4 个覆盖（%5%），未覆盖人口 %6</source>
        <translation>%1 (%2): %4 of %3 villages covered (%5%), population not covered %6</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="141"/>
        <source>无法写入 %1：请检查目录和写权限</source>
        <translation>Cannot write %1: check the folder and its permissions</translation>
    </message>
</context>
<context>
    <name>coopmap::app::CoverageTableModel</name>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="50"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="50"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="67"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="68"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="69"/>
        <source>村数</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="70"/>
        <source>覆盖村数</source>
        <translation>Villages covered</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="71"/>
        <source>覆盖率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="72"/>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="73"/>
        <source>覆盖人口</source>
        <translation>Population covered</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="74"/>
        <source>未覆盖人口</source>
        <translation>Population not covered</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="75"/>
        <source>达标</source>
        <translation>Target met</translation>
    </message>
</context>
<context>
    <name>coopmap::app::MapCoordinates</name>
    <message>
        <location filename="../map/map_coordinates.cpp" line="68"/>
        <source>CGCS2000 3°带 中央经线 %1°E  X %2  Y %3</source>
        <translation>CGCS2000 3° zone CM %1°E  X %2  Y %3</translation>
    </message>
    <message>
        <location filename="../map/map_coordinates.cpp" line="88"/>
        <source>%1 千米</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../map/map_coordinates.cpp" line="88"/>
        <source>%1 米</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>coopmap::app::PlanningController</name>
    <message>
        <location filename="../planning/planning_controller.cpp" line="120"/>
        <location filename="../planning/planning_controller.cpp" line="417"/>
        <source>请先打开项目</source>
        <translation>Open a project first</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="124"/>
        <source>未知的网点类型：%1</source>
        <translation>Unknown facility type: %1</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="183"/>
        <source>新网点 %1</source>
        <translation>New site %1</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="369"/>
        <source>选址计算已取消</source>
        <translation>Site planning cancelled</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="383"/>
        <source>%1 个新网点，覆盖 %2%（%3）；%4，与上界差距 %5%</source>
        <translation>%1 new sites, coverage %2% (%3); %4, gap to the bound %5%</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="387"/>
        <source>已证明最优</source>
        <translation>proven optimal</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="387"/>
        <source>未证明最优</source>
        <translation>not proven optimal</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="421"/>
        <source>请给方案起一个名字</source>
        <translation>Give the scenario a name</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="494"/>
        <source>没有名为「%1」的方案：请先保存方案</source>
        <translation>There is no scenario named “%1”: save the scenario first</translation>
    </message>
</context>
<context>
    <name>coopmap::app::ProjectController</name>
    <message>
        <location filename="../project/project_controller.cpp" line="204"/>
        <source>还没有打开项目：请先打开一个项目文件</source>
        <translation>No project is open: open a project file first</translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="272"/>
        <source>无法添加 %1：请为它选择一个图层类型</source>
        <translation>Cannot add %1: choose a layer type for it</translation>
    </message>
</context>
</TS>
