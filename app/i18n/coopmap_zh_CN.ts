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
    <name>AnalysisDock</name>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="35"/>
        <source>覆盖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="35"/>
        <source>覆盖分析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="36"/>
        <source>选址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="36"/>
        <source>选址规划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="37"/>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="37"/>
        <source>编辑网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="38"/>
        <source>路线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="38"/>
        <source>配送路线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="39"/>
        <source>专题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="39"/>
        <source>专题图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisDock.qml" line="59"/>
        <source>选址：在地图上点击放置网点，拖动移动</source>
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
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="66"/>
        <source>项目默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="67"/>
        <source>服务半径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="68"/>
        <source>行车时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="76"/>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="84"/>
        <source>半径（公里）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="93"/>
        <source>时间（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="104"/>
        <source>汇总到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="108"/>
        <source>县（市、区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="108"/>
        <source>乡镇（街道）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="118"/>
        <source>分析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="128"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="146"/>
        <source>选择网点类型和服务半径（或行车时间），点击“分析”查看各县、乡镇的覆盖率和未覆盖的村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="157"/>
        <source>覆盖范围：%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="174"/>
        <source>导出结果…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="181"/>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="181"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/CoveragePanel.qml" line="181"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftLayerRow</name>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="64"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="74"/>
        <source>请选择类型…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="77"/>
        <source>级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="97"/>
        <source>坐标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="103"/>
        <source>数据自带，或填 EPSG:…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="108"/>
        <source>坐标来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="118"/>
        <source>请选择：在哪个地图上取的点？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="132"/>
        <source>编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="142"/>
        <source>自动（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="145"/>
        <source>字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="160"/>
        <source>收起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftLayerRow.qml" line="160"/>
        <source>修改…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftSource</name>
    <message>
        <location filename="../../qml/dialogs/DraftSource.qml" line="17"/>
        <source>点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftSource.qml" line="17"/>
        <source>线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftSource.qml" line="17"/>
        <source>面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftSource.qml" line="28"/>
        <source>%1 · %2 个要素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/DraftSource.qml" line="36"/>
        <source>图层名称</source>
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
        <location filename="../../qml/panels/edit/EditPanel.qml" line="29"/>
        <source>编辑图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="38"/>
        <source>请选择要编辑的图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="56"/>
        <source>选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="56"/>
        <source>添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="57"/>
        <source>移动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="57"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="80"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="84"/>
        <source>撤销：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="90"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="94"/>
        <source>重做：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="100"/>
        <source>正在保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="100"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="128"/>
        <source>%1 个网点，有未保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/EditPanel.qml" line="129"/>
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
    <name>FieldMapping</name>
    <message>
        <location filename="../../qml/dialogs/FieldMapping.qml" line="34"/>
        <source>（不对应）</source>
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
        <location filename="../../qml/panels/LayerPanel.qml" line="69"/>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="84"/>
        <source>从地图上移除这个分析结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="91"/>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="98"/>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/LayerPanel.qml" line="111"/>
        <source>不透明度 %1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../qml/map/Legend.qml" line="53"/>
        <source>图例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/Legend.qml" line="95"/>
        <source>分析结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/Legend.qml" line="129"/>
        <source>配送路线 %1 条：每车一色，箭头为行驶方向，
数字为送货顺序，■ 配送中心，⊗ 未服务</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="31"/>
        <source> — 供销服务网络一张图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="31"/>
        <source>供销服务网络一张图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="134"/>
        <source>导出 %1 年度工作情况报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="137"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="142"/>
        <source>打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="143"/>
        <location filename="../../qml/Main.qml" line="150"/>
        <source>CoopMap 项目 (*.coopmap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="148"/>
        <source>项目另存为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="155"/>
        <source>添加数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="157"/>
        <source>空间数据 (*.zip *.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx *.xls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="157"/>
        <source>所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="179"/>
        <source>数据问题（请在数据中核对，coopmap-cli info 列出全部）：
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <location filename="../../qml/MainMenu.qml" line="20"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="21"/>
        <source>新建项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="22"/>
        <source>打开项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="23"/>
        <source>保存项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="24"/>
        <source>项目另存为…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="27"/>
        <source>最近的项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="40"/>
        <source>添加数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="42"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="45"/>
        <source>视图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="47"/>
        <source>演示模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="50"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/MainMenu.qml" line="51"/>
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
        <location filename="../../qml/panels/analysis/NetworkCheckView.qml" line="59"/>
        <source>%1 %2：%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="58"/>
        <source>添加数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="58"/>
        <source>新建项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="89"/>
        <source>正在读取数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="96"/>
        <source>取消读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="128"/>
        <source>还需回答：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="151"/>
        <source>预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="158"/>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="176"/>
        <source>添加到项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="158"/>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="176"/>
        <source>保存项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewProjectDialog.qml" line="166"/>
        <source>取消</source>
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
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="46"/>
        <source>新网点类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="61"/>
        <source>现有网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="67"/>
        <source>目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="72"/>
        <source>最大覆盖（定数量）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="73"/>
        <source>集合覆盖（定覆盖率）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="74"/>
        <source>p-中位（最短加权距离或行车时间）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="79"/>
        <source>目标覆盖率（%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="79"/>
        <source>新网点数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="89"/>
        <source>服务范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="95"/>
        <source>项目默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="95"/>
        <source>服务半径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="95"/>
        <source>行车时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="101"/>
        <source>半径（公里）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="108"/>
        <source>行车时间（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="148"/>
        <source>按%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="151"/>
        <source>项目默认：%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="163"/>
        <source>方案：现有网点 %1 个，新网点 %2 个，覆盖村 %3 / %4（%5%），覆盖人口 %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="116"/>
        <source>候选点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="121"/>
        <source>所有村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="121"/>
        <source>未覆盖的村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="126"/>
        <source>最小间距（公里）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="131"/>
        <source>每乡镇最多</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/PlanningPanel.qml" line="162"/>
        <source>在地图上点击“选址”后放置网点，或点击“推荐选址”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <location filename="../../qml/present/PresentationMode.qml" line="179"/>
        <source>制图日期：%1&#x3000;&#x3000;%2&#x3000;&#x3000;← → 翻页，Esc 退出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewBar</name>
    <message>
        <location filename="../../qml/dialogs/PreviewBar.qml" line="30"/>
        <source>正在预览 %1 个图层（未保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/PreviewBar.qml" line="35"/>
        <source>返回修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/PreviewBar.qml" line="45"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintLayout</name>
    <message>
        <location filename="../../qml/present/PrintLayout.qml" line="156"/>
        <source>    CoopMap 供销服务网络一张图</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintLegend</name>
    <message>
        <location filename="../../qml/present/PrintLegend.qml" line="27"/>
        <source>图  例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/present/PrintLegend.qml" line="112"/>
        <source>配送路线 %1 条：每车一色，箭头为行驶方向，数字为送货顺序，■ 配送中心，⊗ 未服务</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectFileFields</name>
    <message>
        <location filename="../../qml/dialogs/ProjectFileFields.qml" line="26"/>
        <source>项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ProjectFileFields.qml" line="32"/>
        <source>不填则按文件夹命名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ProjectFileFields.qml" line="35"/>
        <source>保存到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ProjectFileFields.qml" line="41"/>
        <source>项目文件 *.coopmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ProjectFileFields.qml" line="45"/>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ProjectFileFields.qml" line="51"/>
        <source>保存新项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ProjectFileFields.qml" line="54"/>
        <source>CoopMap 项目 (*.coopmap)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../qml/panels/edit/RestoreDialog.qml" line="22"/>
        <location filename="../../qml/panels/edit/RestoreDialog.qml" line="56"/>
        <source>恢复未保存的编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/RestoreDialog.qml" line="22"/>
        <source>编辑日志未能恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/RestoreDialog.qml" line="43"/>
        <source>上次窗口意外关闭，图层“%1”有 %2 处修改尚未保存（最后一处修改于 %3）。

恢复后可继续编辑和撤销，保存后才写入图层；放弃则删除这些修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/RestoreDialog.qml" line="69"/>
        <source>放弃</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/edit/RestoreDialog.qml" line="76"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteList</name>
    <message>
        <location filename="../../qml/panels/routes/RouteList.qml" line="51"/>
        <source>%1 点 %2 公里 %3 元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteList.qml" line="57"/>
        <source>%1，装车 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteMoveBar</name>
    <message>
        <location filename="../../qml/panels/routes/RouteMoveBar.qml" line="29"/>
        <source>移到该车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteMoveBar.qml" line="37"/>
        <source>派新车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteMoveBar.qml" line="43"/>
        <source>添加车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteMoveBar.qml" line="49"/>
        <source>删除空车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteMoveBar.qml" line="55"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteRunBar</name>
    <message>
        <location filename="../../qml/panels/routes/RouteRunBar.qml" line="15"/>
        <source>配送点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteRunBar.qml" line="35"/>
        <source>每个中心车辆数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteRunBar.qml" line="40"/>
        <location filename="../../qml/panels/routes/RouteRunBar.qml" line="41"/>
        <source>默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteRunBar.qml" line="56"/>
        <source>规划路线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteRunBar.qml" line="61"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteStops</name>
    <message>
        <location filename="../../qml/panels/routes/RouteStops.qml" line="18"/>
        <source>所选路线的配送点（%1 个）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteStops.qml" line="56"/>
        <source>%1 到  余 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteStops.qml" line="57"/>
        <source>%1 到（%2）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteTotals</name>
    <message>
        <location filename="../../qml/panels/routes/RouteTotals.qml" line="19"/>
        <source>车次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteTotals.qml" line="20"/>
        <source>公里</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteTotals.qml" line="21"/>
        <source>小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteTotals.qml" line="22"/>
        <source>元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteTotals.qml" line="24"/>
        <source>共同配送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteTotals.qml" line="30"/>
        <source>各乡镇单独</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RouteTotals.qml" line="47"/>
        <source>%1 个点，%2 个乡镇；单独配送为每个乡镇从其配送中心单独出车</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <location filename="../../qml/panels/routes/RoutesPanel.qml" line="38"/>
        <source>路线（点击查看，把配送点或未服务的点拖到路线上即可改派）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RoutesPanel.qml" line="71"/>
        <source>导出路线单或路线图层…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RoutesPanel.qml" line="78"/>
        <source>路线单 Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/RoutesPanel.qml" line="78"/>
        <source>GeoPackage (*.gpkg)</source>
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
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="23"/>
        <source>方案名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="27"/>
        <source>保存方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="44"/>
        <source>方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="45"/>
        <source>新网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="46"/>
        <source>覆盖村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="47"/>
        <source>覆盖人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="48"/>
        <source>新增人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="49"/>
        <source>投资（万元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="95"/>
        <source>载入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="96"/>
        <source>导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="97"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="107"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="107"/>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/ScenarioTable.qml" line="107"/>
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
    <name>SidePanel</name>
    <message>
        <location filename="../../qml/SidePanel.qml" line="24"/>
        <source>图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SidePanel.qml" line="25"/>
        <source>行政区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SidePanel.qml" line="26"/>
        <source>底图</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <location filename="../../qml/dialogs/SourcePicker.qml" line="19"/>
        <source>请选择县里送来的数据：文件夹、压缩包（.zip）、Shapefile、Excel、CSV、GeoJSON、KML 或 GeoPackage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SourcePicker.qml" line="20"/>
        <source>数据：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SourcePicker.qml" line="26"/>
        <source>选择文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SourcePicker.qml" line="32"/>
        <source>选择文件夹…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SourcePicker.qml" line="39"/>
        <source>选择数据文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SourcePicker.qml" line="41"/>
        <source>空间数据 (*.zip *.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.xls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SourcePicker.qml" line="42"/>
        <source>所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/SourcePicker.qml" line="47"/>
        <source>选择数据文件夹</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../qml/StatusBar.qml" line="24"/>
        <source>正在加载图层…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/StatusBar.qml" line="40"/>
        <source>取消</source>
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
    <name>SuggestBar</name>
    <message>
        <location filename="../../qml/panels/planning/SuggestBar.qml" line="17"/>
        <source>推荐选址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/SuggestBar.qml" line="22"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/planning/SuggestBar.qml" line="27"/>
        <source>清空</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThematicLegend</name>
    <message>
        <location filename="../../qml/map/ThematicLegend.qml" line="60"/>
        <source>（%1）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThematicPanel</name>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="23"/>
        <source>专题指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="36"/>
        <source>统计单元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="40"/>
        <source>乡镇（街道）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="40"/>
        <source>县（市、区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="46"/>
        <source>分级方法</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="51"/>
        <source>自然断点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="51"/>
        <source>分位数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="52"/>
        <source>固定界值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="58"/>
        <source>分级数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="67"/>
        <source>界值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="72"/>
        <source>如 60,80,90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="78"/>
        <source>年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="100"/>
        <source>分级符号（圆的大小表示级别）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="107"/>
        <source>制图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="113"/>
        <source>清除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="118"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="137"/>
        <source>选择指标和分级方法，点击“制图”，地图按级别设色，图例列出各级范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/analysis/ThematicPanel.qml" line="146"/>
        <source>注意：%1</source>
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
    <name>UnservedStops</name>
    <message>
        <location filename="../../qml/panels/routes/UnservedStops.qml" line="20"/>
        <source>未服务的配送点（%1 个，可拖到路线上加入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/panels/routes/UnservedStops.qml" line="59"/>
        <source>%1（%2）：%3</source>
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
        <location filename="../../qml/panels/planning/WhatIfSummary.qml" line="48"/>
        <source>%1：%2% → %3%（%4 / %5 个村）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearCharts</name>
    <message>
        <location filename="../../qml/present/YearCharts.qml" line="33"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/present/YearCharts.qml" line="41"/>
        <source>正在计算该年的图表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/present/YearCharts.qml" line="41"/>
        <source>勾选“按年份”后显示所选年份的图表。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearControl</name>
    <message>
        <location filename="../../qml/present/YearControl.qml" line="33"/>
        <source>按年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/present/YearControl.qml" line="61"/>
        <source>%1 年末</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/present/YearControl.qml" line="68"/>
        <source>网点 %1 个，当年新建 %2 个（红圈）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/present/YearControl.qml" line="75"/>
        <source>图表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/present/YearControl.qml" line="82"/>
        <source>%1 年度报告…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::BasemapController</name>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="97"/>
        <source>本地底图（离线）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="97"/>
        <source>由项目中的行政区界、道路、水系绘制，无需网络</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="99"/>
        <location filename="../basemap/basemap_controller.cpp" line="257"/>
        <source>导入的瓦片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="99"/>
        <source>瓦片目录（XYZ 或 TMS）或 MBTiles 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="101"/>
        <source>在线底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="101"/>
        <source>天地图、OpenStreetMap 等在线瓦片服务，需要网络</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="206"/>
        <source>在线底图：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="211"/>
        <source>未知的底图类型“%1”：应为 offline、tiles 或 xyz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="221"/>
        <source>请选择瓦片目录或 MBTiles 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="226"/>
        <source>正在生成离线底图…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="226"/>
        <source>正在导入瓦片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="233"/>
        <source>已取消生成底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="257"/>
        <source>离线底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="258"/>
        <source>%1：%2 张瓦片（已是最新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../basemap/basemap_controller.cpp" line="259"/>
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
        <location filename="../present/bookmark_player.cpp" line="120"/>
        <source>%1：书签“%2”中的图层 %3 不在项目中，已略过；请在项目文件中改正该书签的 layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../present/bookmark_player.cpp" line="128"/>
        <source>请先打开或保存项目，再添加书签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../present/bookmark_player.cpp" line="132"/>
        <source>书签需要一个名称和有效的地图视图：请输入名称后重试</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::CoverageController</name>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="40"/>
        <location filename="../analysis/coverage_controller.cpp" line="119"/>
        <source>请先打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="41"/>
        <source>未知的网点类型：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="48"/>
        <source>分析已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="88"/>
        <source>%1覆盖范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="92"/>
        <source>%1等时圈（%2 分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="97"/>
        <source>未覆盖的村（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="105"/>
        <source>请先运行覆盖分析，再导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="126"/>
        <source>已取消网络检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="142"/>
        <source>%1 个县中 %2 个缺集采集配中心；%3 个乡镇中 %4 个缺超市、%5 个缺基层社；%6 个村中 %7 个无服务社（%8）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="160"/>
        <source>%1（%2）：%3 个村中 %4 个覆盖（%5%），未覆盖人口 %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/coverage_controller.cpp" line="185"/>
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
    <name>coopmap::app::DraftLayerModel</name>
    <message>
        <location filename="../project/draft_layer_model.cpp" line="72"/>
        <source>未对应任何字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/draft_layer_model.cpp" line="78"/>
        <source>按数据自带或猜测的坐标系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/draft_layer_model.cpp" line="79"/>
        <source>高德/腾讯 GCJ-02</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/draft_layer_model.cpp" line="80"/>
        <source>百度 BD-09</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/draft_layer_model.cpp" line="81"/>
        <source>CGCS2000 经纬度 (EPSG:4490)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/draft_layer_model.cpp" line="82"/>
        <source>WGS84 经纬度 (EPSG:4326)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/draft_layer_model.cpp" line="88"/>
        <source>CGCS2000 高斯-克吕格 3° 第 %1 带 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/draft_layer_model.cpp" line="92"/>
        <source>CGCS2000 高斯-克吕格 3° 中央经线 %1°E (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::EditController</name>
    <message>
        <location filename="../edit/edit_controller.cpp" line="192"/>
        <source>正在编辑“%1”：点选地图上的网点查看或修改，或用“添加”放置新网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="407"/>
        <source>已在“%1”添加网点，乡镇和县代码取自该村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="407"/>
        <source>已添加网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="421"/>
        <source>已移到“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="421"/>
        <source>已移动网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="435"/>
        <source>已删除网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="497"/>
        <source>图层中没有字段“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="500"/>
        <source>请填写整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="500"/>
        <source>请填写数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="534"/>
        <source>已修改属性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="564"/>
        <source>没有需要保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="568"/>
        <source>正在保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="572"/>
        <source>已取消保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="604"/>
        <source>已保存到数据库：新增 %1 个，修改 %2 个，删除 %3 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="608"/>
        <source>已保存到“%1”：%2 个网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="637"/>
        <source>位置（经度, 纬度）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="642"/>
        <source>要素 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="656"/>
        <source>已采用数据库中的版本；其余修改仍待保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="716"/>
        <source>。日志已改名为“%1”保留</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../edit/edit_controller.cpp" line="778"/>
        <source>已恢复上次未保存的 %1 处修改：请检查后保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::KpiController</name>
    <message>
        <location filename="../present/kpi_controller.cpp" line="245"/>
        <location filename="../present/kpi_controller.cpp" line="266"/>
        <source>已取消计算指标</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::LayerListModel</name>
    <message>
        <location filename="../project/layer_list_model.cpp" line="68"/>
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
    <name>coopmap::app::NetworkBreakModel</name>
    <message>
        <location filename="../analysis/network_break_model.cpp" line="32"/>
        <source>县</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/network_break_model.cpp" line="34"/>
        <source>乡镇</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::NewProjectController</name>
    <message>
        <location filename="../project/new_project_controller.cpp" line="61"/>
        <source>%1：%2 行，没有坐标，不作为图层加入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="71"/>
        <source>新项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="90"/>
        <source>%1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="91"/>
        <source>%1：请选择图层类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="93"/>
        <source>%1：请选择坐标来源（GPS/天地图、高德/腾讯 或 百度）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="103"/>
        <source>GPS/天地图：WGS84 / CGCS2000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="103"/>
        <source>高德/腾讯：GCJ-02</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="104"/>
        <source>百度：BD-09</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="112"/>
        <source>自动识别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="121"/>
        <source>县（市、区）界</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="121"/>
        <source>乡镇（街道）界</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="127"/>
        <source>正在读取数据，请稍候或先取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="141"/>
        <source>请选择要加入的数据文件或文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="183"/>
        <source>已取消读取数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="293"/>
        <location filename="../project/new_project_controller.cpp" line="479"/>
        <location filename="../project/new_project_controller.cpp" line="523"/>
        <source>正在读取数据，请稍候</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="297"/>
        <source>没有第 %1 个图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="308"/>
        <source>没有“%1”这种图层类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="316"/>
        <source>按选择为%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="327"/>
        <source>只有行政区界分县界（county）和乡镇界（township）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="339"/>
        <source>图层名称不能为空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="374"/>
        <source>坐标来源只能是 wgs84、gcj02 或 bd09，不是“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="380"/>
        <source>按选择：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="408"/>
        <source>%1 没有“%2”这一列；它有：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="422"/>
        <source>没有可以预览的图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="438"/>
        <source>%1：没有读出图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="483"/>
        <location filename="../project/new_project_controller.cpp" line="531"/>
        <source>还没有图层：请先选择数据文件或文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="487"/>
        <source>还不能保存：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="493"/>
        <source>请给出项目文件的保存位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="499"/>
        <source>%1 已存在：请换一个文件名，或用“浏览…”选择覆盖它</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="527"/>
        <source>没有打开的项目可以添加图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/new_project_controller.cpp" line="535"/>
        <source>还不能添加：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::PlanningController</name>
    <message>
        <location filename="../planning/planning_controller.cpp" line="168"/>
        <location filename="../planning/planning_controller.cpp" line="536"/>
        <source>请先打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="172"/>
        <location filename="../planning/planning_controller.cpp" line="177"/>
        <source>未知的网点类型：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="234"/>
        <source>新网点 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="287"/>
        <source>建议新网点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="284"/>
        <source>新覆盖的村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="392"/>
        <source>选址计算已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="419"/>
        <source>HiGHS 精确求解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="419"/>
        <source>贪心加交换启发式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="420"/>
        <source>%1 个新网点，覆盖人口 %2%（%3）；%4，与上界差距 %5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="424"/>
        <source>已证明最优</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="424"/>
        <source>未证明最优</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="466"/>
        <source>已取消计算方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="540"/>
        <source>请给方案起一个名字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../planning/planning_controller.cpp" line="638"/>
        <source>没有名为「%1」的方案：请先保存方案</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::ProjectController</name>
    <message>
        <location filename="../project/project_controller.cpp" line="82"/>
        <source>未打开项目：从“文件”菜单打开项目，或用“新建项目”读入自己的数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="124"/>
        <source>已取消加载</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="218"/>
        <source>无法显示分析结果“%1”：图层类型“%2”不存在，或没有给出 id 和颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="250"/>
        <source>还没有打开项目：请先打开一个项目文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="324"/>
        <source>没有要添加的图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="324"/>
        <source>正在加载图层：请等它完成后再添加数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../project/project_controller.cpp" line="358"/>
        <source>已取消添加数据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::RouteListModel</name>
    <message>
        <location filename="../routes/route_list_model.cpp" line="44"/>
        <source>%1 %2 号车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/route_list_model.cpp" line="56"/>
        <source>未出车</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::RoutesController</name>
    <message>
        <location filename="../routes/routes_controller.cpp" line="66"/>
        <source>项目默认：每个配送中心 %1 辆车，载重 %2，班次 %3，%4 元/公里，每车 %5 元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="103"/>
        <source>请先打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="105"/>
        <source>未知的配送点类型：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="106"/>
        <source>请至少选择一种配送点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="108"/>
        <source>班次“%1”应写成 08:00-17:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="111"/>
        <source>已取消路线规划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="178"/>
        <source>请先规划路线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="202"/>
        <source>请选择配送点和目标路线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="282"/>
        <source>共同配送节省 %1 公里 / %2 元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="291"/>
        <source>项目没有道路图层：行程按直线距离 × %1 估算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="293"/>
        <source>%1 段行程（共 %2 段）按直线距离 × %3 估算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="297"/>
        <source>搜索在时限内未完成全部迭代</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="302"/>
        <source>%1 个未服务的点已手工加入路线，未计入各乡镇单独配送的对比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../routes/routes_controller.cpp" line="331"/>
        <source>请先规划路线，再导出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::ThematicController</name>
    <message>
        <location filename="../analysis/thematic_controller.cpp" line="72"/>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/thematic_controller.cpp" line="97"/>
        <source>未知的专题指标：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/thematic_controller.cpp" line="100"/>
        <source>未知的统计单元：%1（应为 township 或 county）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/thematic_controller.cpp" line="103"/>
        <source>未知的分级方法：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/thematic_controller.cpp" line="108"/>
        <source>固定分级的界值应为逗号分隔的数，例如 60,80,90：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/thematic_controller.cpp" line="142"/>
        <source>请先打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../analysis/thematic_controller.cpp" line="147"/>
        <source>分析已取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coopmap::app::YearController</name>
    <message>
        <location filename="../present/year_controller.cpp" line="81"/>
        <source>已取消生成年度报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../present/year_controller.cpp" line="87"/>
        <source>%1 年度工作情况 %2 页，未完成的目标 %3 项 → %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../present/year_controller.cpp" line="160"/>
        <source>已取消读取年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../present/year_controller.cpp" line="216"/>
        <source>已取消按年份显示</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
