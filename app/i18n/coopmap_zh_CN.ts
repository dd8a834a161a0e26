<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AdminTreePanel</name>
    <message>
        <location filename="../../qml/panels/AdminTreePanel.qml" line="47"/>
        <source>%1 个乡镇</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BasemapSwitcher</name>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="18"/>
        <source>底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="59"/>
        <source>瓦片目录或 .mbtiles 文件的路径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="63"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="81"/>
        <source>瓦片地址，含 {z}、{x}、{y}，如 https://…/{z}/{x}/{y}.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="89"/>
        <source>密钥（如天地图 tk），只保存在本机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="112"/>
        <source>重新生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/BasemapSwitcher.qml" line="117"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="14"/>
        <source>保存冲突：他人已修改这些网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="24"/>
        <source>采用数据库中的版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="29"/>
        <source>用我的版本覆盖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="33"/>
        <source>稍后决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="57"/>
        <source>字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="58"/>
        <source>您的版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/ConflictDialog.qml" line="59"/>
        <source>数据库中的版本</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="24"/>
        <source>村级综合服务社</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="25"/>
        <source>村级供销社</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="26"/>
        <source>基层供销社</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="27"/>
        <source>乡镇综合超市</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="28"/>
        <source>县域集采集配中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="29"/>
        <source>为农服务中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="58"/>
        <source>服务半径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="59"/>
        <source>行车时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="64"/>
        <source>半径（公里）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="74"/>
        <source>时间（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="83"/>
        <source>汇总到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="87"/>
        <source>县（市、区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="87"/>
        <source>乡镇（街道）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="97"/>
        <source>分析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="106"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="124"/>
        <source>选择网点类型和服务半径（或行车时间），点击“分析”查看各县、乡镇的覆盖率和未覆盖的村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="142"/>
        <source>导出结果…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="149"/>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="149"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="149"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditOverlay</name>
    <message>
        <location filename="../../qml/panels/edit/EditOverlay.qml" line="116"/>
        <source>吸附到 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditPanel</name>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="28"/>
        <source>编辑图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="37"/>
        <source>请选择要编辑的图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="55"/>
        <source>选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="55"/>
        <source>添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="56"/>
        <source>移动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="56"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="79"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="83"/>
        <source>撤销：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="89"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="93"/>
        <source>重做：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="99"/>
        <source>正在保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="99"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="127"/>
        <source>%1 个网点，有未保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="128"/>
        <source>%1 个网点</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorNotice</name>
    <message>
        <location filename="../../qml/panels/ErrorNotice.qml" line="34"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureForm</name>
    <message>
        <location filename="../../qml/panels/edit/FeatureForm.qml" line="49"/>
        <source>网点属性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/FeatureForm.qml" line="78"/>
        <source>空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/FeatureForm.qml" line="96"/>
        <source>应用</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifyPopup</name>
    <message>
        <location filename="../../qml/map/IdentifyPopup.qml" line="28"/>
        <source>（无名称）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="64"/>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="79"/>
        <source>从地图上移除这个分析结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="86"/>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="93"/>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="106"/>
        <source>不透明度 %1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../qml/map/Legend.qml" line="46"/>
        <source>图例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/Legend.qml" line="73"/>
        <source>分析结果</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="29"/>
        <source> — 供销服务网络一张图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="29"/>
        <source>供销服务网络一张图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="61"/>
        <source>图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="62"/>
        <source>行政区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="63"/>
        <source>底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="114"/>
        <source>覆盖分析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="115"/>
        <source>选址规划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="116"/>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="136"/>
        <source>选址：在地图上点击放置网点，拖动移动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="185"/>
        <source>打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="186"/>
        <location filename="../../qml/Main.qml" line="193"/>
        <source>CoopMap 项目 (*.coopmap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="191"/>
        <source>项目另存为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="198"/>
        <source>添加数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="199"/>
        <source>空间数据 (*.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="221"/>
        <source>正在加载图层…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="237"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <location filename="../../qml/MainMenu.qml" line="18"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="19"/>
        <source>打开项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="20"/>
        <source>保存项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="21"/>
        <source>项目另存为…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="24"/>
        <source>最近的项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="37"/>
        <source>添加数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="39"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="42"/>
        <source>视图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="44"/>
        <source>演示模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="47"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="48"/>
        <source>语言…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkCheckView</name>
    <message>
        <location filename="../../qml/panels/analysis/NetworkCheckView.qml" line="19"/>
        <source>三级网络检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/NetworkCheckView.qml" line="25"/>
        <source>检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/NetworkCheckView.qml" line="57"/>
        <source>%1 %2：%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NorthArrow</name>
    <message>
        <location filename="../../qml/map/NorthArrow.qml" line="40"/>
        <source>北</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanningPanel</name>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="25"/>
        <source>目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="30"/>
        <source>最大覆盖（定数量）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="31"/>
        <source>集合覆盖（定覆盖率）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="32"/>
        <source>p-中位（最短加权距离或行车时间）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="37"/>
        <source>目标覆盖率（%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="37"/>
        <source>新网点数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="47"/>
        <source>半径（公里）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="54"/>
        <source>行车时间（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="61"/>
        <source>大于 0 时按道路行车时间推荐选址（含 p-中位），代替半径；0 为按半径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="63"/>
        <source>候选点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="68"/>
        <source>所有村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="68"/>
        <source>未覆盖的村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="73"/>
        <source>最小间距（公里）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="78"/>
        <source>每乡镇最多</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="88"/>
        <source>推荐选址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="93"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="98"/>
        <source>清空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="124"/>
        <source>在地图上点击“选址”后放置网点，或点击“推荐选址”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="125"/>
        <source>方案：新网点 %1 个，覆盖村 %2 / %3（%4%），覆盖人口 %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <location filename="../../qml/present/PresentationMode.qml" line="184"/>
        <source>制图日期：%1&#x3000;&#x3000;%2&#x3000;&#x3000;← → 翻页，Esc 退出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintLayout</name>
    <message>
        <location filename="../../qml/present/PrintLayout.qml" line="118"/>
        <source>图  例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/present/PrintLayout.qml" line="210"/>
        <source>    CoopMap 供销服务网络一张图</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../qml/dialogs/RoleDialog.qml" line="18"/>
        <source>添加图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/RoleDialog.qml" line="26"/>
        <source>文件 %1 中是什么？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioDetail</name>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="27"/>
        <source>方案「%1」：按%2，现有网点 %3 个（%4）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="29"/>
        <source>方案「%1」：正在计算…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="37"/>
        <source>村覆盖率 现状 %1 → 建成后 %2；覆盖村数 %3 → %4 / %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="47"/>
        <source>覆盖人口 现状 %1 → 建成后 %2（共 %3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="59"/>
        <source>网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="60"/>
        <source>新覆盖村数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioDetail.qml" line="61"/>
        <source>新覆盖人口</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioTable</name>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="22"/>
        <source>方案名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="26"/>
        <source>保存方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="43"/>
        <source>方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="44"/>
        <source>新网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="45"/>
        <source>覆盖村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="46"/>
        <source>覆盖人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="47"/>
        <source>新增人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="48"/>
        <source>投资（万元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="82"/>
        <source>载入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="83"/>
        <source>导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="84"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="94"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="94"/>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="94"/>
        <source>PDF 一页 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../qml/panels/SearchBox.qml" line="33"/>
        <source>搜索名称、编码或拼音首字母</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../qml/dialogs/SettingsDialog.qml" line="10"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SettingsDialog.qml" line="19"/>
        <source>界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SettingsDialog.qml" line="25"/>
        <source>跟随系统</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <location filename="../../qml/panels/StyleDialog.qml" line="23"/>
        <source>样式：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/StyleDialog.qml" line="36"/>
        <source>颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/StyleDialog.qml" line="43"/>
        <source>大小 / 线宽（像素）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsavedDialog</name>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="20"/>
        <source>有未保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="54"/>
        <source>“%1”有尚未保存的修改。要先保存吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="61"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="68"/>
        <source>不保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/UnsavedDialog.qml" line="74"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatIfSummary</name>
    <message>
        <location filename="../../qml/panels/planning/WhatIfSummary.qml" line="21"/>
        <source>新覆盖村 %1 个，人口 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/WhatIfSummary.qml" line="31"/>
        <source>与 %1 个已有网点重叠：村 %2 个，人口 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/WhatIfSummary.qml" line="43"/>
        <source>%1：%2% → %3%（%4 / %5 个村）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::BasemapController</name>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="98"/>
        <source>本地底图（离线）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="98"/>
        <source>由项目中的行政区界、道路、水系绘制，无需网络</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="100"/>
        <location filename="../basemap/basemap_controller.cpp" line="282"/>
        <source>导入的瓦片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="100"/>
        <source>瓦片目录（XYZ 或 TMS）或 MBTiles 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="102"/>
        <source>在线底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="102"/>
        <source>天地图、OpenStreetMap 等在线瓦片服务，需要网络</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="214"/>
        <source>在线底图：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="219"/>
        <source>未知的底图类型“%1”：应为 offline、tiles 或 xyz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="229"/>
        <source>请选择瓦片目录或 MBTiles 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="238"/>
        <source>正在生成离线底图…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="238"/>
        <source>正在导入瓦片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="282"/>
        <source>离线底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="283"/>
        <source>%1：%2 张瓦片（已是最新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="284"/>
        <source>%1：已生成 %2 张瓦片</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::BookmarkPlayer</name>
    <message>
        <location filename="../present/bookmark_player.cpp" line="71"/>
        <source>项目中没有书签：请先在地图上调好视图，用“添加书签”保存几个视图，再开始演示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../present/bookmark_player.cpp" line="119"/>
        <source>%1：书签“%2”中的图层 %3 不在项目中，已略过；请在项目文件中改正该书签的 layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../present/bookmark_player.cpp" line="127"/>
        <source>请先打开或保存项目，再添加书签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../present/bookmark_player.cpp" line="131"/>
        <source>书签需要一个名称和有效的地图视图：请输入名称后重试</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::CoverageController</name>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="47"/>
        <location filename="../analysis/coverage_controller.cpp" line="175"/>
        <source>请先打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="53"/>
        <source>未知的网点类型：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="129"/>
        <source>分析已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="140"/>
        <source>%1覆盖范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="144"/>
        <source>%1等时圈（%2 分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="149"/>
        <source>未覆盖的村（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="157"/>
        <source>请先运行覆盖分析，再导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="197"/>
        <source>%1 个县中 %2 个缺集采集配中心；%3 个乡镇中 %4 个缺超市、%5 个缺基层社；%6 个村中 %7 个无服务社（%8）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="214"/>
        <source>县</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="216"/>
        <source>乡镇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="227"/>
        <source>行车 %1 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="227"/>
        <source>半径 %1 公里</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="228"/>
        <source>%1（%2）：%3 个村中 %4 个覆盖（%5%），未覆盖人口 %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="254"/>
        <source>无法写入 %1：请检查目录和写权限</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::CoverageTableModel</name>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="50"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="50"/>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="67"/>
        <source>代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="68"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="69"/>
        <source>村数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="70"/>
        <source>覆盖村数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="71"/>
        <source>覆盖率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="72"/>
        <source>人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="73"/>
        <source>覆盖人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="74"/>
        <source>未覆盖人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_table_model.cpp" line="75"/>
        <source>达标</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::EditController</name>
    <message>
        <location filename="../edit/edit_controller.cpp" line="188"/>
        <source>正在编辑“%1”：点选地图上的网点查看或修改，或用“添加”放置新网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="396"/>
        <source>已在“%1”添加网点，乡镇和县代码取自该村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="396"/>
        <source>已添加网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="410"/>
        <source>已移到“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="410"/>
        <source>已移动网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="424"/>
        <source>已删除网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="486"/>
        <source>图层中没有字段“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="489"/>
        <source>请填写整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="489"/>
        <source>请填写数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="521"/>
        <source>已修改属性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="551"/>
        <source>没有需要保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="557"/>
        <source>正在保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="594"/>
        <source>已保存到数据库：新增 %1 个，修改 %2 个，删除 %3 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="599"/>
        <source>已保存到“%1”：%2 个网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="626"/>
        <source>位置（经度, 纬度）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="631"/>
        <source>要素 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="645"/>
        <source>已采用数据库中的版本；其余修改仍待保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::LayerListModel</name>
    <message>
        <location filename="../project/layer_list_model.cpp" line="69"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::MapCoordinates</name>
    <message>
        <location filename="../map/map_coordinates.cpp" line="40"/>
        <source>CGCS2000 3°带 中央经线 %1°E  X %2  Y %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map/map_coordinates.cpp" line="60"/>
        <source>%1 千米</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map/map_coordinates.cpp" line="60"/>
        <source>%1 米</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::PlanningController</name>
    <message>
        <location filename="../planning/planning_controller.cpp" line="126"/>
        <location filename="../planning/planning_controller.cpp" line="462"/>
        <source>请先打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="130"/>
        <source>未知的网点类型：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="189"/>
        <source>新网点 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="242"/>
        <source>建议新网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="239"/>
        <source>新覆盖的村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="402"/>
        <source>选址计算已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="417"/>
        <source>HiGHS 精确求解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="417"/>
        <source>贪心加交换启发式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="418"/>
        <source>%1 个新网点，覆盖人口 %2%（%3）；%4，与上界差距 %5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="422"/>
        <source>已证明最优</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="422"/>
        <source>未证明最优</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="466"/>
        <source>请给方案起一个名字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="559"/>
        <source>没有名为「%1」的方案：请先保存方案</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::ProjectController</name>
    <message>
        <location filename="../project/project_controller.cpp" line="247"/>
        <source>无法显示分析结果“%1”：图层类型“%2”不存在，或没有给出 id 和颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="279"/>
        <source>还没有打开项目：请先打开一个项目文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="358"/>
        <source>无法添加 %1：请为它选择一个图层类型</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
