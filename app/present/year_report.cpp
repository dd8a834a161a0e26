#include "year_report.h"

#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>

#include "analysis/figure_text.h"
#include "analysis/network_year.h"
#include "analysis/project_data.h"
#include "analysis/report_figures.h"
#include "analysis/services.h"
#include "analysis/target_progress.h"
#include "analysis/trusteeship.h"
#include "analysis/year_span.h"
#include "analysis/thematic.h"
#include "charts.h"
#include "choropleth_paint.h"
#include "io/atomic_write.h"
#include "kpi_card.h"
#include "map_print.h"
#include "pdf_page.h"

namespace coopmap::present {

namespace {

// How many years of growth the report shows, ending with its own.
constexpr int kGrowthYears = 5;
constexpr int kChartsPerPage = 2;

QString q(const std::string& s) { return QString::fromStdString(s); }

// The choropleth page: the year's village coverage rate by township (the report's coverage
// role), drawn by the 专题图's own painter; a map that cannot be made is said on the page.
void paint_year_choropleth(QPainter& p, const QRect& area, const Project& project, const std::vector<Layer>& layers,
                           int year)
{
    analysis::ThematicRequest request;
    request.year = year;
    const auto map = analysis::run_thematic(project, layers, request);
    if (map) {
        paint_choropleth(p, QRectF(area), layers[map->layer_index], *map, mm(3.5));
        return;
    }
    p.setPen(kMuted);
    p.setFont(pdf_font(12));
    p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
               QStringLiteral("%1 年各乡镇分级设色图无法绘制：%2").arg(year).arg(q(map.error().text())));
}

// key_head empty: no key column (services by kind: the kind is its own name).
Table services_table(const analysis::ServiceTotals& t, const QString& key_head, const QString& name_head)
{
    Table table{{{key_head, 1.3, Qt::AlignLeft},
                 {name_head, 1.6, Qt::AlignLeft},
                 {QStringLiteral("记录数"), 1},
                 {QStringLiteral("亩次"), 1.4},
                 {QStringLiteral("万亩次"), 1.2}},
                {},
                1,
                10};
    auto line = [&](const analysis::ServiceRow& r, const QString& key, const QString& name) {
        // The figures as `coopmap-cli services` prints them (services_text).
        table.rows.push_back({key, name, QString::number(r.records), q(analysis::number_text("%.1f", r.mu_times)),
                              q(analysis::number_text("%.4f", r.wan_mu_times()))});
    };
    for (const auto& r : t.rows)
        line(r, r.key.empty() ? QStringLiteral("—") : q(r.key),
             r.key.empty() ? QStringLiteral("（未能归属）") : q(r.name));
    line(t.total, QStringLiteral("—"), QStringLiteral("合计"));
    if (key_head.isEmpty()) {
        table.columns.erase(table.columns.begin());
        for (auto& row : table.rows) row.removeFirst();
    }
    return table;
}

}  // namespace

Result<YearReportInfo> write_year_report(const Project& project, const std::vector<Layer>& layers, int year,
                                         const QString& out, const Feedback& feedback)
{
    if (year < 1949 || year > 2100)
        return Error{.file = project.file,
                     .layer = {},
                     .feature = {},
                     .message = "年份 " + std::to_string(year) + " 不在 1949 到 2100 之间"};
    // The figures, each from the job the CLI runs for it.
    auto now = year_figures(project, layers, year, feedback.part(0, 0.3));
    if (!now) return now.error();
    auto before = year_figures(project, layers, year - 1, feedback.part(0.3, 0.5));
    if (!before && before.error().cancelled) return before.error();
    const auto cards = kpi_cards(
        *now, before ? &*before : nullptr,
        before ? QString() : QStringLiteral("无法与 %1 年比较：%2").arg(year - 1).arg(q(before.error().message)));

    auto span = analysis::project_years(project, layers, feedback.part(0.5, 0.6));
    if (!span) return span.error();
    const int first = std::max(span->first > 0 ? span->first : year, year - kGrowthYears + 1);
    auto growth = analysis::network_growth(project, layers, std::min(first, year), year);
    if (!growth) return growth.error();

    const bool has_targets = std::any_of(project.annual_targets.begin(), project.annual_targets.end(),
                                         [&](const AnnualTarget& t) { return t.year == year; });
    std::optional<analysis::TargetProgress> progress;
    if (has_targets) {
        auto pr =
            analysis::run_target_progress(project, layers, analysis::ProgressRequest{year}, feedback.part(0.6, 0.8));
        if (!pr) return pr.error();
        progress = std::move(*pr);
    }
    auto trust = [&]() -> Result<std::optional<analysis::TrusteeshipStats>> {
        const bool parcels = std::any_of(project.layers.begin(), project.layers.end(),
                                         [](const LayerConfig& l) { return l.role == Role::land_trusteeship; });
        if (!parcels) return std::optional<analysis::TrusteeshipStats>{};
        auto t = analysis::run_trusteeship(project, layers,
                                           analysis::TrusteeshipRequest{analysis::TrusteeshipBy::county, 0, year},
                                           feedback.part(0.8, 0.85));
        if (!t) return t.error();
        return std::optional<analysis::TrusteeshipStats>(std::move(*t));
    }();
    if (!trust) return trust.error();
    std::optional<analysis::ServiceTotals> by_kind, by_county;
    if (!project.services.empty()) {
        auto k = analysis::run_services(project, layers, {analysis::ServicesBy::kind, year}, feedback.part(0.85, 0.92));
        if (!k) return k.error();
        auto c = analysis::run_services(project, layers, {analysis::ServicesBy::county, year}, feedback.part(0.92, 1));
        if (!c) return c.error();
        by_kind = std::move(*k);
        by_county = std::move(*c);
    }

    io::AtomicFile file(out.toStdString());  // declared before the writer: removed after it closes
    QPdfWriter pdf(QString::fromStdString(file.temp_path()));
    pdf.setResolution(kPdfDpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    pdf.setTitle(q(project.name) + QStringLiteral(" %1 年度工作情况").arg(year));
    pdf.setCreator(QStringLiteral("CoopMap 供销服务网络一张图"));
    QPainter p;
    if (!p.begin(&pdf))
        return Error{
            .file = out.toStdString(), .layer = {}, .feature = {}, .message = "无法写入 PDF：请检查目录是否存在且可写"};
    p.setRenderHint(QPainter::Antialiasing);
    const QRect body = body_rect(pdf);

    // Every table is laid out (measured) before the first page is drawn: the footers print the count.
    // 1. Growth of each kind of site, the city's rows, year by year.
    Table growth_table{{{QStringLiteral("网点类型"), 2.2, Qt::AlignLeft},
                        {QStringLiteral("年份"), 1},
                        {QStringLiteral("新建"), 1},
                        {QStringLiteral("改造升级"), 1.2},
                        {QStringLiteral("命名示范"), 1.2},
                        {QStringLiteral("年末网点数"), 1.4},
                        {QStringLiteral("年末示范数"), 1.4}},
                       {},
                       0,
                       10};
    for (const Role role : growth->roles)
        for (int y = growth->first_year; y <= growth->last_year; ++y)
            if (const auto* r = growth->find(y, role, ""))
                growth_table.rows.push_back({q(std::string(role_name_zh(role))), QString::number(y),
                                             QString::number(r->built), QString::number(r->rebuilt),
                                             QString::number(r->model), QString::number(r->standing),
                                             QString::number(r->models_standing)});
    const QString growth_note =
        QStringLiteral("全市各类网点 %1–%2 年逐年新建、改造升级、命名示范数和年末数（在建计入，规划不计入）。")
            .arg(growth->first_year)
            .arg(growth->last_year);
    const TextFit growth_note_fit = fit_text(pdf, pdf_font(10), body.width(), growth_note, Qt::AlignLeft);
    const auto growth_pages = paginate(pdf, growth_table, body.adjusted(0, growth_note_fit.height + mm(3), 0, 0), body);

    // 2. The year's sites per county: at the year's end (new in the year).
    Table county_sites{{{QStringLiteral("县（市、区）"), 1.6, Qt::AlignLeft}}, {}, 1, 9.5};
    for (const Role role : growth->roles) county_sites.columns.push_back({q(std::string(role_name_zh(role))), 1.3});
    std::vector<std::pair<std::string, std::string>> counties;  // code, name, as network_growth lists them
    for (const auto& r : growth->rows)
        if (r.year == year && !r.county_code.empty() &&
            std::none_of(counties.begin(), counties.end(), [&](const auto& c) { return c.first == r.county_code; }))
            counties.emplace_back(r.county_code, r.county_name);
    counties.emplace_back("", "全市");
    for (const auto& [code, name] : counties) {
        QStringList row{q(name)};
        for (const Role role : growth->roles) {
            const auto* r = growth->find(year, role, code);
            row << (r ? QStringLiteral("%1（+%2）").arg(r->standing).arg(r->built) : QStringLiteral("—"));
        }
        county_sites.rows.push_back(row);
    }
    const QString county_note = QStringLiteral("%1 年末各县（市、区）网点数，括号内为当年新建数。").arg(year);
    const TextFit county_note_fit = fit_text(pdf, pdf_font(10), body.width(), county_note, Qt::AlignLeft);
    const auto county_pages = paginate(pdf, county_sites, body.adjusted(0, county_note_fit.height + mm(3), 0, 0), body);

    // 3. Targets: every county's rows, then the city's, as `coopmap-cli progress --table` writes them.
    Table target_table{{{QStringLiteral("县（市、区）"), 1.4, Qt::AlignLeft},
                        {QStringLiteral("指标"), 2.6, Qt::AlignLeft},
                        {QStringLiteral("单位"), 0.8, Qt::AlignLeft},
                        {QStringLiteral("目标"), 1},
                        {QStringLiteral("完成"), 1},
                        {QStringLiteral("完成率"), 1},
                        {QStringLiteral("是否完成"), 1.1}},
                       {},
                       0,
                       9.5};
    std::size_t unmet = 0;
    if (progress) {
        auto unit_rows = [&](const analysis::UnitProgress& u) {
            for (const auto& f : u.figures) {
                unmet += f.met() ? 0 : 1;
                target_table.rows.push_back({q(u.name), q(f.label), q(f.unit), q(analysis::figure_text(f, f.target)),
                                             q(analysis::figure_text(f, f.done)), q(analysis::rate_text(f)),
                                             f.met() ? QStringLiteral("完成") : QStringLiteral("未完成")});
            }
        };
        for (const auto& u : progress->counties) unit_rows(u);
        const std::size_t city_rows = progress->city.figures.size();
        unit_rows(progress->city);
        target_table.bold_last = static_cast<int>(city_rows);
    }
    const QString target_note =
        progress
            ? QStringLiteral("%1 年目标完成情况（覆盖率：%2，%3）；未完成的目标 %4 项，标为“未完成”。")
                  .arg(year)
                  .arg(q(progress->coverage_role), q(progress->coverage_reach))
                  .arg(unmet)
            : QStringLiteral("项目文件中没有 %1 "
                             "年的目标（annual_targets）：在项目文件中按县填写当年目标后，本页列出目标、完成和完成率。")
                  .arg(year);
    const TextFit target_note_fit = fit_text(pdf, pdf_font(10), body.width(), target_note, Qt::AlignLeft);
    const auto target_pages =
        progress ? paginate(pdf, target_table, body.adjusted(0, target_note_fit.height + mm(3), 0, 0), body)
                 : std::vector<TablePage>(1);

    // 4. Trusteeship by county, as `coopmap-cli trusteeship --by county --year` prints it.
    Table trust_table{{{QStringLiteral("县（市、区）"), 2.2, Qt::AlignLeft},
                       {QStringLiteral("地块数"), 1},
                       {QStringLiteral("托管（亩）"), 1.4},
                       {QStringLiteral("流转（亩）"), 1.4},
                       {QStringLiteral("合计（万亩）"), 1.4}},
                      {},
                      1,
                      10};
    if (*trust) {
        const auto& t = **trust;
        for (const auto& r : t.rows)
            trust_table.rows.push_back(
                {q(r.name), QString::number(r.parcels), q(analysis::number_text("%.1f", r.trusteeship_mu)),
                 q(analysis::number_text("%.1f", r.transfer_mu)), q(analysis::number_text("%.4f", r.total_wan_mu()))});
        trust_table.rows.push_back({QStringLiteral("合计"), QString::number(t.total.parcels),
                                    q(analysis::number_text("%.1f", t.total.trusteeship_mu)),
                                    q(analysis::number_text("%.1f", t.total.transfer_mu)),
                                    q(analysis::number_text("%.4f", t.total.total_wan_mu()))});
    }
    const auto trust_pages =
        *trust ? paginate(pdf, trust_table, body.adjusted(0, mm(10), 0, 0), body) : std::vector<TablePage>(1);

    // 5. Services by kind, then by county, as `coopmap-cli services --by kind|county --year` prints them.
    Table kind_table, svc_county_table;
    std::vector<TablePage> kind_pages(1), svc_county_pages(1);
    if (by_kind) {
        kind_table = services_table(*by_kind, QString(), QStringLiteral("服务类型"));
        svc_county_table = services_table(*by_county, QStringLiteral("县代码"), QStringLiteral("县（市、区）"));
        kind_pages = paginate(pdf, kind_table, body.adjusted(0, mm(10), 0, 0), body);
        svc_county_pages = paginate(pdf, svc_county_table, body.adjusted(0, mm(10), 0, 0), body);
    }

    // The charts: targets (one a figure), growth (one a kind of site), services by kind.
    std::vector<BarChart> charts;
    if (progress)
        for (const auto& key : target_keys(*progress)) charts.push_back(target_chart(*progress, key));
    const std::size_t target_charts = charts.size();
    for (const Role role : growth->roles) charts.push_back(growth_chart(*growth, role, growth->first_year, year));
    if (by_kind) charts.push_back(services_chart(*by_kind));
    const std::size_t chart_pages = (charts.size() + kChartsPerPage - 1) / kChartsPerPage;

    // The cover's cards, measured: two a row below the title block, as many rows as fit, the rest
    // on further pages.
    struct CardPlace {
        QRect box;
        TextFit detail;
        std::size_t sheet = 0;
    };
    std::vector<CardPlace> card_places;
    QStringList card_details;
    {
        const int gap = mm(4);
        const int card_w = (body.width() - gap) / 2;
        std::size_t sheet = 0;
        int y = body.top() + mm(58);
        for (qsizetype k = 0; k < cards.size(); k += 2) {
            int row_h = 0;
            std::vector<TextFit> fits;
            for (qsizetype j = k; j < std::min(cards.size(), k + 2); ++j) {
                const auto& card = cards[j];
                card_details << card.detail + (card.change.isEmpty() ? QString() : QStringLiteral("\n") + card.change);
                fits.push_back(fit_text(pdf, pdf_font(10), card_w - mm(8), card_details.back(), Qt::AlignLeft));
                row_h = std::max(row_h, mm(21) + fits.back().height + mm(2));
            }
            if (y + row_h > body.bottom()) {
                ++sheet;
                y = body.top();
            }
            for (std::size_t j = 0; j < fits.size(); ++j)
                card_places.push_back(
                    {QRect(body.left() + static_cast<int>(j) * (card_w + gap), y, card_w, row_h), fits[j], sheet});
            y += row_h + gap;
        }
    }
    const std::size_t cover_sheets = card_places.empty() ? 1 : card_places.back().sheet + 1;

    const int total =
        static_cast<int>(cover_sheets + sheet_count(growth_pages) + sheet_count(county_pages) +
                         sheet_count(target_pages) + sheet_count(trust_pages) +
                         (by_kind ? sheet_count(kind_pages) + sheet_count(svc_county_pages) : 1) + chart_pages + 1);
    Pages pages(pdf, p, q(project.name) + QStringLiteral(" %1 年度工作情况").arg(year), total);

    // Cover: title, year, date, then the year's figures with their change against the year before,
    // two cards a row; cards that do not fit under the title go on over a page of their own.
    pages.startBare();
    {
        const QRect b = pages.body();
        const QString name = q(project.name);
        pages.font(one_line_pt(pdf, name, b.width(), 26, true, 14), true);
        p.drawText(QRect(b.left(), b.top() + mm(10), b.width(), mm(16)), Qt::AlignCenter, name);
        pages.font(22, true);
        p.drawText(QRect(b.left(), b.top() + mm(28), b.width(), mm(14)), Qt::AlignCenter,
                   QStringLiteral("%1 年度工作情况").arg(year));
        pages.font(12, false, kMuted);
        p.drawText(QRect(b.left(), b.top() + mm(44), b.width(), mm(8)), Qt::AlignCenter, date_line());
    }
    for (std::size_t k = 0; k < card_places.size(); ++k) {
        const auto& card = cards[static_cast<qsizetype>(k)];
        const CardPlace& at = card_places[k];
        if (at.sheet > 0 && (k == 0 || card_places[k - 1].sheet != at.sheet))
            pages.start(QStringLiteral("%1 年主要指标（续）").arg(year));
        p.setPen(QPen(kRule, mm(0.4)));
        p.setBrush(QColor("#f7f8f9"));
        p.drawRoundedRect(at.box, mm(2), mm(2));
        p.setBrush(Qt::NoBrush);
        const QRect inner = at.box.adjusted(mm(4), mm(2), -mm(4), -mm(2));
        pages.font(11, true, kMuted);
        p.drawText(QRect(inner.left(), inner.top(), inner.width(), mm(8)), Qt::AlignLeft | Qt::AlignVCenter,
                   card.title);
        pages.font(18, true, card.trend > 0 ? kMet : card.trend < 0 ? kUnmet : kInk);
        p.drawText(QRect(inner.left(), inner.top() + mm(8), inner.width(), mm(10)), Qt::AlignLeft | Qt::AlignVCenter,
                   card.value + (card.unit.isEmpty() ? QString() : QStringLiteral(" ") + card.unit));
        pages.font(10, false, kMuted);
        p.drawText(QRect(inner.left(), inner.top() + mm(19), inner.width(), at.detail.height),
                   at.detail.flags | Qt::AlignTop, card_details[static_cast<qsizetype>(k)]);
    }

    auto section = [&](const QString& heading, const TextFit& note_fit, const QString& note, const Table& table,
                       const std::vector<TablePage>& tp) {
        pages.start(heading);
        pages.font(10, false, kMuted);
        p.drawText(QRect(body.left(), body.top(), body.width(), note_fit.height), note_fit.flags, note);
        draw_table(p, table, tp, [&](std::size_t) { pages.start(heading + QStringLiteral("（续）")); });
    };
    section(QStringLiteral("一、网络建设：各类网点逐年情况"), growth_note_fit, growth_note, growth_table, growth_pages);
    section(QStringLiteral("一、网络建设：%1 年各县（市、区）网点").arg(year), county_note_fit, county_note,
            county_sites, county_pages);
    if (progress) {
        section(QStringLiteral("二、%1 年目标完成情况").arg(year), target_note_fit, target_note, target_table,
                target_pages);
    } else {
        pages.start(QStringLiteral("二、%1 年目标完成情况").arg(year));
        pages.font(12, false, kMuted);
        p.drawText(QRect(body.left(), body.top(), body.width(), target_note_fit.height * 2), target_note_fit.flags,
                   target_note);
    }
    const QString trust_heading = QStringLiteral("三、%1 年末土地托管/流转").arg(year);
    const QString trust_note =
        QStringLiteral("各县（市、区）%1 年末托管、流转地块（年份为 %1 年及以前的地块）。").arg(year);
    if (*trust) {
        section(trust_heading, fit_text(pdf, pdf_font(10), body.width(), trust_note, Qt::AlignLeft), trust_note,
                trust_table, trust_pages);
    } else {
        pages.start(trust_heading);
        pages.font(12, false, kMuted);
        p.drawText(pages.body(), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("项目中没有土地托管/流转地块图层。"));
    }
    const QString svc_heading = QStringLiteral("四、%1 年农业社会化服务").arg(year);
    if (by_kind) {
        const QString kind_note = QStringLiteral("按服务类型（1 万亩次 = 10000 亩次）。");
        section(svc_heading + QStringLiteral("：按服务类型"),
                fit_text(pdf, pdf_font(10), body.width(), kind_note, Qt::AlignLeft), kind_note, kind_table, kind_pages);
        const QString county_svc_note = QStringLiteral("按县（市、区），服务记录按村代码归属。");
        section(svc_heading + QStringLiteral("：按县（市、区）"),
                fit_text(pdf, pdf_font(10), body.width(), county_svc_note, Qt::AlignLeft), county_svc_note,
                svc_county_table, svc_county_pages);
    } else {
        pages.start(svc_heading);
        pages.font(12, false, kMuted);
        p.drawText(pages.body(), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   QStringLiteral("项目中没有农业社会化服务记录（services）：在项目文件中加入服务记录表后，本页按服务类"
                                  "型和县汇总亩次、万亩次。"));
    }

    // The chart pages, two charts a page, one above the other.
    for (std::size_t page = 0; page < chart_pages; ++page) {
        const std::size_t k0 = page * kChartsPerPage;
        const std::size_t growth_end = target_charts + growth->roles.size();
        pages.start(k0 < target_charts ? QStringLiteral("五、图表：目标与完成")
                    : k0 < growth_end  ? QStringLiteral("五、图表：网点逐年增长")
                                       : QStringLiteral("五、图表：农业社会化服务"));
        const QRect b = pages.body();
        const int h = (b.height() - mm(8)) / kChartsPerPage;
        for (std::size_t k = k0; k < std::min(charts.size(), k0 + kChartsPerPage); ++k) {
            const int top = b.top() + static_cast<int>(k - k0) * (h + mm(8));
            paint_bar_chart(p, QRectF(b.left(), top, b.width(), h), charts[k]);
        }
    }

    // The choropleth page.
    pages.start(QStringLiteral("六、%1 年分级设色图").arg(year));
    paint_year_choropleth(p, pages.body(), project, layers, year);
    p.end();

    if (auto committed = file.commit(); !committed) return committed.error();
    return YearReportInfo{pages.number(), unmet};
}

Result<YearReportInfo> write_year_report(const QString& project_file, int year, const QString& out)
{
    const auto project = read_project(project_file.toStdString());
    if (!project) return project.error();
    const auto layers = analysis::load_project(*project);
    if (!layers) return layers.error();
    return write_year_report(*project, layers->layers, year, out);
}

}  // namespace coopmap::present
