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
        <location filename="../../qml/map/BasemapSwitcher.qml" line="59"/>
        <source>瓦片目录或 .mbtiles 文件的路径</source>
        <translation>Path of a tile folder or .mbtiles file</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="63"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="81"/>
        <source>瓦片地址，含 {z}、{x}、{y}，如 https://…/{z}/{x}/{y}.png</source>
        <translation>Tile address with {z}, {x}, {y}, e.g. https://…/{z}/{x}/{y}.png</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="89"/>
        <source>密钥（如天地图 tk），只保存在本机</source>
        <translation>Key (e.g. Tianditu tk), kept on this computer only</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="112"/>
        <source>重新生成</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="117"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="14"/>
        <source>保存冲突：他人已修改这些网点</source>
        <translation>Save conflict: someone else has changed these sites</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="24"/>
        <source>采用数据库中的版本</source>
        <translation>Use the database version</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="29"/>
        <source>用我的版本覆盖</source>
        <translation>Overwrite with my version</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="33"/>
        <source>稍后决定</source>
        <translation>Decide later</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="57"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="58"/>
        <source>您的版本</source>
        <translation>Your version</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="59"/>
        <source>数据库中的版本</source>
        <translation>Database version</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="24"/>
        <source>村级综合服务社</source>
        <translation>Village service stations</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="25"/>
        <source>村级供销社</source>
        <translation>Village cooperatives</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="26"/>
        <source>基层供销社</source>
        <translation>Grassroots cooperatives</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="27"/>
        <source>乡镇综合超市</source>
        <translation>Township supermarkets</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="28"/>
        <source>县域集采集配中心</source>
        <translation>County distribution centres</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="29"/>
        <source>为农服务中心</source>
        <translation>Agricultural service centres</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="58"/>
        <source>服务半径</source>
        <translation>Service radius</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="59"/>
        <source>行车时间</source>
        <translation>Driving time</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="64"/>
        <source>半径（公里）</source>
        <translation>Radius (km)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="74"/>
        <source>时间（分钟）</source>
        <translation>Time (minutes)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="83"/>
        <source>汇总到</source>
        <translation>Summarise by</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="87"/>
        <source>县（市、区）</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="87"/>
        <source>乡镇（街道）</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="97"/>
        <source>分析</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="106"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="124"/>
        <source>选择网点类型和服务半径（或行车时间），点击“分析”查看各县、乡镇的覆盖率和未覆盖的村</source>
        <translation>Choose a site type and a service radius (or driving time), then click “Analyse” to see coverage by county and township and the villages left uncovered</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="142"/>
        <source>导出结果…</source>
        <translation>Export results…</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="149"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="149"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="149"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>EditOverlay</name>
    <message>
        <location filename="../../qml/panels/edit/EditOverlay.qml" line="116"/>
        <source>吸附到 %1</source>
        <translation>Snap to %1</translation>
    </message>
</context>
<context>
    <name>EditPanel</name>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="28"/>
        <source>编辑图层</source>
        <translation>Edit layer</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="37"/>
        <source>请选择要编辑的图层</source>
        <translation>Choose a layer to edit</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="55"/>
        <source>选择</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="55"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="56"/>
        <source>移动</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="56"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="79"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="83"/>
        <source>撤销：%1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="89"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="93"/>
        <source>重做：%1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="99"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="99"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="127"/>
        <source>%1 个网点，有未保存的修改</source>
        <translation>%1 sites, with unsaved changes</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="128"/>
        <source>%1 个网点</source>
        <translation>%1 sites</translation>
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
    <name>FeatureForm</name>
    <message>
        <location filename="../../qml/panels/edit/FeatureForm.qml" line="49"/>
        <source>网点属性</source>
        <translation>Site attributes</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/FeatureForm.qml" line="78"/>
        <source>空</source>
        <translation>Empty</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/FeatureForm.qml" line="96"/>
        <source>应用</source>
        <translation>Apply</translation>
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
        <location filename="../../qml/panels/LayerPanel.qml" line="64"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="79"/>
        <source>从地图上移除这个分析结果</source>
        <translation>Remove this analysis result from the map</translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="86"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="93"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="106"/>
        <source>不透明度 %1%</source>
        <translation>Opacity %1%</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../qml/map/Legend.qml" line="46"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../qml/map/Legend.qml" line="73"/>
        <source>分析结果</source>
        <translation>Analysis results</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="29"/>
        <source> — 供销服务网络一张图</source>
        <translation> — CoopMap service network</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="29"/>
        <source>供销服务网络一张图</source>
        <translation>CoopMap service network</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="61"/>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="62"/>
        <source>行政区</source>
        <translation>Admin units</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="63"/>
        <source>底图</source>
        <translation>Basemap</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="114"/>
        <source>覆盖分析</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="115"/>
        <source>选址规划</source>
        <translation>Site planning</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="116"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="136"/>
        <source>选址：在地图上点击放置网点，拖动移动</source>
        <translation>Siting: click the map to place a site, drag to move it</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="185"/>
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="186"/>
        <location filename="../../qml/Main.qml" line="193"/>
        <source>CoopMap 项目 (*.coopmap)</source>
        <translation>CoopMap projects (*.coopmap)</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="191"/>
        <source>项目另存为</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="198"/>
        <source>添加数据</source>
        <translation>Add data</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="199"/>
        <source>空间数据 (*.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx)</source>
        <translation>Spatial data (*.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="221"/>
        <source>正在加载图层…</source>
        <translation>Loading layers…</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="237"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <location filename="../../qml/MainMenu.qml" line="18"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="19"/>
        <source>打开项目…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="20"/>
        <source>保存项目</source>
        <translation>Save project</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="21"/>
        <source>项目另存为…</source>
        <translation>Save project as…</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="24"/>
        <source>最近的项目</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="37"/>
        <source>添加数据…</source>
        <translation>Add data…</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="39"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="42"/>
        <source>视图</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="44"/>
        <source>演示模式</source>
        <translation>Presentation mode</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="47"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="48"/>
        <source>语言…</source>
        <translation>Language…</translation>
    </message>
</context>
<context>
    <name>NetworkCheckView</name>
    <message>
        <location filename="../../qml/panels/analysis/NetworkCheckView.qml" line="19"/>
        <source>三级网络检查</source>
        <translation>Three-tier network check</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/NetworkCheckView.qml" line="25"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/NetworkCheckView.qml" line="57"/>
        <source>%1 %2：%3</source>
        <translation>%1 %2: %3</translation>
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
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="30"/>
        <source>最大覆盖（定数量）</source>
        <translation>Maximum coverage (fixed number)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="31"/>
        <source>集合覆盖（定覆盖率）</source>
        <translation>Set cover (target share)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="32"/>
        <source>p-中位（最短加权距离或行车时间）</source>
        <translation>p-median (shortest weighted distance or driving time)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="37"/>
        <source>目标覆盖率（%）</source>
        <translation>Target coverage (%)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="37"/>
        <source>新网点数</source>
        <translation>New sites</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="47"/>
        <source>半径（公里）</source>
        <translation>Radius (km)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="54"/>
        <source>行车时间（分钟）</source>
        <translation>Driving time (minutes)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="61"/>
        <source>大于 0 时按道路行车时间推荐选址（含 p-中位），代替半径；0 为按半径</source>
        <translation>Above 0, sites are suggested by driving time on roads (p-median too) instead of the radius; 0 uses the radius</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="63"/>
        <source>候选点</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="68"/>
        <source>所有村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="68"/>
        <source>未覆盖的村</source>
        <translation>Uncovered villages</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="73"/>
        <source>最小间距（公里）</source>
        <translation>Minimum spacing (km)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="78"/>
        <source>每乡镇最多</source>
        <translation>At most per township</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="88"/>
        <source>推荐选址</source>
        <translation>Suggest sites</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="93"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="98"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="124"/>
        <source>在地图上点击“选址”后放置网点，或点击“推荐选址”</source>
        <translation>Turn on “Siting” and place sites on the map, or click “Suggest sites”</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="125"/>
        <source>方案：新网点 %1 个，覆盖村 %2 / %3（%4%），覆盖人口 %5</source>
        <translation>Plan: %1 new sites, villages covered %2 / %3 (%4%), population covered %5</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <location filename="../../qml/present/PresentationMode.qml" line="184"/>
        <source>制图日期：%1&#x3000;&#x3000;%2&#x3000;&#x3000;← → 翻页，Esc 退出</source>
        <translation>Map date: %1   %2   ← → next/previous, Esc to leave</translation>
    </message>
</context>
<context>
    <name>PrintLayout</name>
    <message>
        <location filename="../../qml/present/PrintLayout.qml" line="118"/>
        <source>图  例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../qml/present/PrintLayout.qml" line="210"/>
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
    <name>ScenarioDetail</name>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="27"/>
        <source>方案「%1」：按%2，现有网点 %3 个（%4）</source>
        <translation>Scenario “%1”: %2, %3 existing sites (%4)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="29"/>
        <source>方案「%1」：正在计算…</source>
        <translation>Scenario “%1”: computing…</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="37"/>
        <source>村覆盖率 现状 %1 → 建成后 %2；覆盖村数 %3 → %4 / %5</source>
        <translation>Villages covered now %1 → when built %2; covered villages %3 → %4 / %5</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="47"/>
        <source>覆盖人口 现状 %1 → 建成后 %2（共 %3）</source>
        <translation>Population covered now %1 → when built %2 (of %3)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="59"/>
        <source>网点</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="60"/>
        <source>新覆盖村数</source>
        <translation>New villages</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="61"/>
        <source>新覆盖人口</source>
        <translation>New population</translation>
    </message>
</context>
<context>
    <name>ScenarioTable</name>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="22"/>
        <source>方案名称</source>
        <translation>Scenario name</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="26"/>
        <source>保存方案</source>
        <translation>Save scenario</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="43"/>
        <source>方案</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="44"/>
        <source>新网点</source>
        <translation>New sites</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="45"/>
        <source>覆盖村</source>
        <translation>Villages covered</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="46"/>
        <source>覆盖人口</source>
        <translation>Population covered</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="47"/>
        <source>新增人口</source>
        <translation>Population newly covered</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="48"/>
        <source>投资（万元）</source>
        <translation>Cost (10,000 yuan)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="82"/>
        <source>载入</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="83"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="84"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="94"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="94"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="94"/>
        <source>PDF 一页 (*.pdf)</source>
        <translation>One-page PDF (*.pdf)</translation>
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
    <name>UnsavedDialog</name>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="20"/>
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="54"/>
        <source>“%1”有尚未保存的修改。要先保存吗？</source>
        <translation>“%1” has unsaved changes. Save them first?</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="61"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="68"/>
        <source>不保存</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="74"/>
        <source>取消</source>
        <translation>Cancel</translation>
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
        <location filename="../analysis/coverage_controller.cpp" line="47"/>
        <location filename="../analysis/coverage_controller.cpp" line="175"/>
        <source>请先打开项目</source>
        <translation>Open a project first</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="53"/>
        <source>未知的网点类型：%1</source>
        <translation>Unknown facility type: %1</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="129"/>
        <source>分析已取消</source>
        <translation>Analysis cancelled</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="140"/>
        <source>%1覆盖范围</source>
        <translation>%1 coverage area</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="144"/>
        <source>%1等时圈（%2 分钟）</source>
        <translation>%1 isochrones (%2 min)</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="149"/>
        <source>未覆盖的村（%1）</source>
        <translation>Uncovered villages (%1)</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="157"/>
        <source>请先运行覆盖分析，再导出</source>
        <translation>Run a coverage analysis before exporting</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="197"/>
        <source>%1 个县中 %2 个缺集采集配中心；%3 个乡镇中 %4 个缺超市、%5 个缺基层社；%6 个村中 %7 个无服务社（%8）</source>
        <translation>%2 of %1 counties lack a distribution centre; of %3 townships, %4 lack a supermarket and %5 a grassroots cooperative; %7 of %6 villages have no service station (%8)</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="214"/>
        <source>县</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="216"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="227"/>
        <source>行车 %1 分钟</source>
        <translation>%1 min by road</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="227"/>
        <source>半径 %1 公里</source>
        <translation>%1 km radius</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="228"/>
        <source>%1（%2）：%3 个村中 %4 个覆盖（%5%），未覆盖人口 %6</source>
        <translation>%1 (%2): %4 of %3 villages covered (%5%), population not covered %6</translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="254"/>
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
    <name>coopmap::app::EditController</name>
    <message>
        <location filename="../edit/edit_controller.cpp" line="188"/>
        <source>正在编辑“%1”：点选地图上的网点查看或修改，或用“添加”放置新网点</source>
        <translation>Editing “%1”: click a site on the map to view or change it, or place a new one with “Add”</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="396"/>
        <source>已在“%1”添加网点，乡镇和县代码取自该村</source>
        <translation>Site added in “%1”; township and county codes taken from the village</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="396"/>
        <source>已添加网点</source>
        <translation>Site added</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="410"/>
        <source>已移到“%1”</source>
        <translation>Moved to “%1”</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="410"/>
        <source>已移动网点</source>
        <translation>Site moved</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="424"/>
        <source>已删除网点</source>
        <translation>Site deleted</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="486"/>
        <source>图层中没有字段“%1”</source>
        <translation>The layer has no field “%1”</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="489"/>
        <source>请填写整数</source>
        <translation>Enter a whole number</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="489"/>
        <source>请填写数字</source>
        <translation>Enter a number</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="521"/>
        <source>已修改属性</source>
        <translation>Attributes changed</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="551"/>
        <source>没有需要保存的修改</source>
        <translation>No changes to save</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="557"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="594"/>
        <source>已保存到数据库：新增 %1 个，修改 %2 个，删除 %3 个</source>
        <translation>Saved to the database: %1 added, %2 changed, %3 deleted</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="599"/>
        <source>已保存到“%1”：%2 个网点</source>
        <translation>Saved to “%1”: %2 sites</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="626"/>
        <source>位置（经度, 纬度）</source>
        <translation>Location (longitude, latitude)</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="631"/>
        <source>要素 %1</source>
        <translation>Feature %1</translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="645"/>
        <source>已采用数据库中的版本；其余修改仍待保存</source>
        <translation>Database version used; your other changes are still unsaved</translation>
    </message>
</context>
<context>
    <name>coopmap::app::LayerListModel</name>
    <message>
        <location filename="../project/layer_list_model.cpp" line="69"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>coopmap::app::MapCoordinates</name>
    <message>
        <location filename="../map/map_coordinates.cpp" line="40"/>
        <source>CGCS2000 3°带 中央经线 %1°E  X %2  Y %3</source>
        <translation>CGCS2000 3° zone CM %1°E  X %2  Y %3</translation>
    </message>
    <message>
        <location filename="../map/map_coordinates.cpp" line="60"/>
        <source>%1 千米</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../map/map_coordinates.cpp" line="60"/>
        <source>%1 米</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>coopmap::app::PlanningController</name>
    <message>
        <location filename="../planning/planning_controller.cpp" line="126"/>
        <location filename="../planning/planning_controller.cpp" line="462"/>
        <source>请先打开项目</source>
        <translation>Open a project first</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="130"/>
        <source>未知的网点类型：%1</source>
        <translation>Unknown facility type: %1</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="189"/>
        <source>新网点 %1</source>
        <translation>New site %1</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="242"/>
        <source>建议新网点</source>
        <translation>Suggested new sites</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="239"/>
        <source>新覆盖的村</source>
        <translation>Newly covered villages</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="402"/>
        <source>选址计算已取消</source>
        <translation>Site planning cancelled</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="417"/>
        <source>HiGHS 精确求解</source>
        <translation>HiGHS exact solve</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="417"/>
        <source>贪心加交换启发式</source>
        <translation>greedy + swap heuristic</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="418"/>
        <source>%1 个新网点，覆盖人口 %2%（%3）；%4，与上界差距 %5%</source>
        <translation>%1 new sites, population covered %2% (%3); %4, gap to the bound %5%</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="422"/>
        <source>已证明最优</source>
        <translation>proven optimal</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="422"/>
        <source>未证明最优</source>
        <translation>not proven optimal</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="466"/>
        <source>请给方案起一个名字</source>
        <translation>Give the scenario a name</translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="559"/>
        <source>没有名为「%1」的方案：请先保存方案</source>
        <translation>There is no scenario named “%1”: save the scenario first</translation>
    </message>
</context>
<context>
    <name>coopmap::app::ProjectController</name>
    <message>
        <location filename="../project/project_controller.cpp" line="247"/>
        <source>无法显示分析结果“%1”：图层类型“%2”不存在，或没有给出 id 和颜色</source>
        <translation>Cannot show the analysis result &quot;%1&quot;: the layer type &quot;%2&quot; does not exist, or no id and colour were given</translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="279"/>
        <source>还没有打开项目：请先打开一个项目文件</source>
        <translation>No project is open: open a project file first</translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="358"/>
        <source>无法添加 %1：请为它选择一个图层类型</source>
        <translation>Cannot add %1: choose a layer type for it</translation>
    </message>
</context>
</TS>
