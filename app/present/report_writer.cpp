#include "report_writer.h"

#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/project_data.h"
#include "kpi_controller.h"
#include "map_print.h"
#include "pdf_page.h"
#include "report_figures.h"

namespace coopmap::present {

namespace {

QString num(double v) { return QString::number(v, 'f', 0); }
QString pct(double share) { return QString::fromStdString(percent_text(share)); }

QString scenario_reach(const Scenario& s, const analysis::CoverageResult& r)
{
    return r.request.minutes > 0 ? QStringLiteral("行车 %1 分钟").arg(r.request.minutes)
                                 : QStringLiteral("半径 %1 公里").arg(r.request.radius_m / 1000.0) +
                                       (s.objective.empty() ? QString() : QStringLiteral("，目标 %1").arg(QString::fromStdString(s.objective)));
}

}  // namespace

Result<ReportInfo> write_report(const QString& project_file, const QString& out)
{
    const auto project = read_project(project_file.toStdString());
    if (!project) return project.error();
    const auto layers = analysis::load_project(*project);
    if (!layers) return layers.error();
    const auto figures = compute_figures(*project, layers->layers);
    if (!figures) return figures.error();
    const Figures& f = *figures;
    const auto& cov = f.coverage;

    // The map: the print layout on an A4 page, fitted to the counties (else every layer).
    Bounds extent;
    if (const Layer* county = analysis::admin_layer(*project, layers->layers, "county")) extent = county->bounds();
    else
        for (const auto& l : layers->layers) extent.extend(l.bounds());
    PrintRequest request;
    request.project = project_file;
    request.paper = Paper{"A4", false, kReportMapDpi};
    request.fit = extent;
    request.title = QString::fromStdString(project->name) + QStringLiteral(" 服务网络图");
    auto map = print_map(request);
    if (!map) return map.error();

    // Uncovered villages, by county then by population (the largest gaps first).
    std::map<std::string, std::string> county_name;
    for (const auto& row : cov.table.rows) county_name[row.code] = row.name;
    const auto& v = cov.villages;
    std::vector<std::size_t> gaps;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (!v.covered[i]) gaps.push_back(i);
    auto pop = [&](std::size_t i) { return std::isnan(v.population[i]) ? 0.0 : v.population[i]; };
    std::stable_sort(gaps.begin(), gaps.end(), [&](std::size_t a, std::size_t b) {
        return v.county_code[a] != v.county_code[b] ? v.county_code[a] < v.county_code[b] : pop(a) > pop(b);
    });
    const int gap_pages = std::max(1, static_cast<int>((gaps.size() + kVillagesPerPage - 1) / kVillagesPerPage));
    const int total = kFixedPages + gap_pages;

    const QString temp = out + QStringLiteral(".part");
    QPdfWriter pdf(temp);
    pdf.setResolution(kPdfDpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    pdf.setTitle(QString::fromStdString(project->name) + QStringLiteral(" 供销服务网络报告"));
    pdf.setCreator(QStringLiteral("CoopMap 供销服务网络一张图"));
    QPainter p;
    if (!p.begin(&pdf))
        return Error{.file = out.toStdString(), .layer = {}, .feature = {}, .message = "无法写入 PDF：请检查目录是否存在且可写"};
    p.setRenderHint(QPainter::Antialiasing);
    Pages pages(pdf, p, QString::fromStdString(project->name), total);

    // 1. Cover: title, date, the KPI figures as on the presentation's cards.
    pages.startBare();
    {
        const QRect b = pages.body();
        pages.font(26, true);
        p.drawText(QRect(b.left(), b.top() + pages.mm(30), b.width(), pages.mm(16)), Qt::AlignCenter,
                   QString::fromStdString(project->name));
        pages.font(20, true);
        p.drawText(QRect(b.left(), b.top() + pages.mm(48), b.width(), pages.mm(12)), Qt::AlignCenter,
                   QStringLiteral("供销服务网络发展情况报告"));
        pages.font(12, false, kMuted);
        p.drawText(QRect(b.left(), b.top() + pages.mm(64), b.width(), pages.mm(8)), Qt::AlignCenter, date_line());
        int y = b.top() + pages.mm(90);
        for (const auto& card : kpi_cards(f)) {
            const QRect box(b.left() + pages.mm(10), y, b.width() - pages.mm(20), pages.mm(24));
            p.setPen(QPen(kRule, pages.mm(0.4)));
            p.setBrush(QColor("#f7f8f9"));
            p.drawRoundedRect(box, pages.mm(2), pages.mm(2));
            p.setBrush(Qt::NoBrush);
            pages.font(12, true);
            p.drawText(box.adjusted(pages.mm(5), pages.mm(2), 0, -pages.mm(13)), Qt::AlignLeft | Qt::AlignVCenter, card.title);
            pages.font(20, true, card.met == 1 ? kMet : card.met == 0 ? kUnmet : kInk);
            p.drawText(box.adjusted(0, pages.mm(2), -pages.mm(5), -pages.mm(10)), Qt::AlignRight | Qt::AlignVCenter,
                       card.value + (card.unit.isEmpty() ? QString() : QStringLiteral(" ") + card.unit));
            pages.font(10, false, kMuted);
            p.drawText(box.adjusted(pages.mm(5), pages.mm(14), -pages.mm(5), -pages.mm(2)), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                       card.detail);
            y += pages.mm(28);
        }
        pages.font(10, false, kMuted);
        p.drawText(QRect(b.left(), b.bottom() - pages.mm(10), b.width(), pages.mm(8)), Qt::AlignCenter,
                   data_source_line(*project));
    }

    // 2. The network map: the print layout, as large as the body allows at its own aspect.
    pages.start(QStringLiteral("服务网络图"));
    {
        const QRect b = pages.body();
        QSize size = map->image.size();
        size.scale(b.size(), Qt::KeepAspectRatio);
        const QRect target(b.left() + (b.width() - size.width()) / 2, b.top(), size.width(), size.height());
        p.drawImage(target, map->image);
        p.setPen(QPen(kRule, pages.mm(0.3)));
        p.drawRect(target);
    }

    // 3. Coverage per county, the numbers `coopmap-cli coverage` prints.
    const QString reach = cov.request.minutes > 0 ? QStringLiteral("行车 %1 分钟").arg(cov.request.minutes)
                                                  : QStringLiteral("半径 %1 米").arg(cov.request.radius_m);
    pages.start(QStringLiteral("各县（市、区）服务覆盖情况"));
    {
        const QRect b = pages.body();
        pages.font(11, false, kMuted);
        p.drawText(QRect(b.left(), b.top(), b.width(), pages.mm(8)), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1覆盖（%2%3）").arg(QString::fromStdString(cov.role_name), reach,
                                                    cov.target > 0 ? QStringLiteral("，目标 %1").arg(pct(cov.target)) : QString()));
        std::vector<QStringList> rows;
        auto line = [&](const analysis::CoverageRow& r) {
            rows.push_back({QString::fromStdString(r.name), QString::number(r.villages), QString::number(r.covered), pct(r.share()),
                            num(r.population), num(r.population_covered), num(r.population_uncovered()),
                            cov.target > 0 ? (r.target_met ? QStringLiteral("是") : QStringLiteral("否")) : QStringLiteral("—")});
        };
        for (const auto& r : cov.table.rows) line(r);
        line(cov.table.total);
        rows.back()[0] = QStringLiteral("合计");
        table(p, pages, b.adjusted(0, pages.mm(10), 0, 0),
              {QStringLiteral("县（市、区）"), QStringLiteral("村数"), QStringLiteral("覆盖村数"), QStringLiteral("覆盖率"),
               QStringLiteral("人口"), QStringLiteral("覆盖人口"), QStringLiteral("未覆盖人口"), QStringLiteral("达标")},
              {2.2, 1, 1.2, 1.1, 1.3, 1.3, 1.4, 1}, rows, 1);
    }

    // 4. The chart: village coverage per county against the target.
    pages.start(QStringLiteral("各县（市、区）村覆盖率"));
    {
        const QRect b = pages.body().adjusted(0, pages.mm(6), 0, 0);
        const int label_w = pages.mm(38), value_w = pages.mm(22);
        const QRect plot(b.left() + label_w, b.top(), b.width() - label_w - value_w, pages.mm(12) * static_cast<int>(cov.table.rows.size()));
        int y = plot.top();
        for (const auto& r : cov.table.rows) {
            pages.font(11);
            p.drawText(QRect(b.left(), y, label_w - pages.mm(2), pages.mm(10)), Qt::AlignRight | Qt::AlignVCenter, QString::fromStdString(r.name));
            p.fillRect(QRect(plot.left(), y + pages.mm(2), static_cast<int>(plot.width() * r.share()), pages.mm(6)),
                       cov.target > 0 ? (r.target_met ? kMet : kUnmet) : kBar);
            p.drawText(QRect(plot.right() + pages.mm(2), y, value_w, pages.mm(10)), Qt::AlignLeft | Qt::AlignVCenter, pct(r.share()));
            y += pages.mm(12);
        }
        p.setPen(QPen(kInk, pages.mm(0.3)));
        p.drawLine(plot.left(), plot.top(), plot.left(), plot.bottom());
        pages.font(9, false, kMuted);
        for (int t = 0; t <= 100; t += 20) {
            const int x = plot.left() + plot.width() * t / 100;
            p.drawText(QRect(x - pages.mm(8), plot.bottom() + pages.mm(1), pages.mm(16), pages.mm(6)), Qt::AlignCenter, QStringLiteral("%1%").arg(t));
        }
        if (cov.target > 0) {
            const int x = plot.left() + static_cast<int>(plot.width() * cov.target);
            p.setPen(QPen(kInk, pages.mm(0.5), Qt::DashLine));
            p.drawLine(x, plot.top() - pages.mm(2), x, plot.bottom());
            pages.font(10);
            p.drawText(QRect(x - pages.mm(20), plot.bottom() + pages.mm(7), pages.mm(40), pages.mm(7)), Qt::AlignCenter,
                       QStringLiteral("目标 %1").arg(pct(cov.target)));
        }
        pages.font(10, false, kMuted);
        p.drawText(QRect(b.left(), plot.bottom() + pages.mm(18), b.width(), pages.mm(8)), Qt::AlignLeft,
                   QStringLiteral("%1，%2；绿色为达到目标，红色为未达到。").arg(QString::fromStdString(cov.role_name), reach));
    }

    // 5. Uncovered villages, kVillagesPerPage a page.
    for (int page = 0; page < gap_pages; ++page) {
        pages.start(QStringLiteral("未覆盖村名单（%1 个村，第 %2/%3 页）").arg(gaps.size()).arg(page + 1).arg(gap_pages));
        std::vector<QStringList> rows;
        for (std::size_t k = static_cast<std::size_t>(page) * kVillagesPerPage; k < gaps.size() && rows.size() < kVillagesPerPage; ++k) {
            const std::size_t i = gaps[k];
            const auto cn = county_name.find(v.county_code[i]);
            const bool near = v.nearest[i] != analysis::kNone;
            rows.push_back({QString::fromStdString(v.name[i]), QString::fromStdString(cn != county_name.end() ? cn->second : v.county_code[i]),
                            num(pop(i)), near ? QString::fromStdString(cov.facility_name[v.nearest[i]]) : QStringLiteral("—"),
                            near && std::isfinite(v.distance_m[i]) ? QString::number(v.distance_m[i] / 1000.0, 'f', 1) : QStringLiteral("—")});
        }
        if (rows.empty()) rows.push_back({QStringLiteral("所有村均已覆盖"), {}, {}, {}, {}});
        table(p, pages, pages.body(),
              {QStringLiteral("村（社区）"), QStringLiteral("县（市、区）"), QStringLiteral("人口"), QStringLiteral("最近网点"),
               QStringLiteral("距离（公里）")},
              {2.2, 1.4, 0.9, 2.4, 1.1}, rows);
    }

    // 6. Trusteeship by county.
    pages.start(QStringLiteral("土地托管/流转情况"));
    if (f.trusteeship) {
        const auto& t = *f.trusteeship;
        std::vector<QStringList> rows;
        for (const auto& r : t.rows)
            rows.push_back({QString::fromStdString(r.name), QString::number(r.parcels), QString::number(r.trusteeship_mu, 'f', 0),
                            QString::number(r.transfer_mu, 'f', 0), QString::fromStdString(wan_text(r.total_mu()))});
        rows.push_back({QStringLiteral("合计"), QString::number(t.total.parcels), QString::number(t.total.trusteeship_mu, 'f', 0),
                        QString::number(t.total.transfer_mu, 'f', 0), QString::fromStdString(wan_text(t.total.total_mu()))});
        table(p, pages, pages.body(),
              {QStringLiteral("县（市、区）"), QStringLiteral("地块数"), QStringLiteral("托管（亩）"), QStringLiteral("流转（亩）"),
               QStringLiteral("合计（万亩）")},
              {2.2, 1, 1.4, 1.4, 1.4}, rows, 1);
    } else {
        pages.font(12, false, kMuted);
        p.drawText(pages.body(), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("项目中没有土地托管/流转地块图层。"));
    }

    // 7. The current planning scenario (the project's last one).
    pages.start(QStringLiteral("规划方案"));
    if (f.scenario) {
        const auto& s = f.scenario->scenario;
        const auto& before = f.scenario->before;
        const auto& after = f.scenario->after;
        const QRect b = pages.body();
        pages.font(12);
        const QString text =
            QStringLiteral("方案“%1”：新建%2 %3 处（%4）。\n%2村覆盖率由现状 %5 提高到 %6，覆盖人口由 %7 万人增至 %8 万人，未覆盖村 %9 个。")
                .arg(QString::fromStdString(s.name), QString::fromStdString(after.role_name))
                .arg(s.sites.size())
                .arg(scenario_reach(s, after), pct(before.table.total.share()), pct(after.table.total.share()),
                     QString::fromStdString(wan_text(before.table.total.population_covered)),
                     QString::fromStdString(wan_text(after.table.total.population_covered)))
                .arg(after.table.total.uncovered());
        p.drawText(QRect(b.left(), b.top(), b.width(), pages.mm(20)), Qt::AlignLeft | Qt::TextWordWrap, text);
        std::vector<QStringList> rows;
        for (const auto& site : f.scenario->sites)
            rows.push_back({QString::fromStdString(site.name), QString::number(site.villages), QString::number(site.population, 'f', 0),
                            QString::number(site.lon, 'f', 5), QString::number(site.lat, 'f', 5)});
        table(p, pages, b.adjusted(0, pages.mm(24), 0, 0),
              {QStringLiteral("拟建网点"), QStringLiteral("新覆盖村数"), QStringLiteral("新覆盖人口"), QStringLiteral("经度"),
               QStringLiteral("纬度")},
              {3, 1.3, 1.3, 1.3, 1.3}, rows);
    } else {
        pages.font(12, false, kMuted);
        p.drawText(pages.body(), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   QStringLiteral("当前项目没有规划方案。在“选址规划”面板中保存方案后，本页列出拟建网点及建成后的覆盖率。"));
    }
    p.end();

    if ((QFile::exists(out) && !QFile::remove(out)) || !QFile::rename(temp, out)) {
        QFile::remove(temp);
        return Error{.file = out.toStdString(), .layer = {}, .feature = {}, .message = "无法写入 PDF：请检查目录是否存在且可写"};
    }
    return ReportInfo{pages.number(), gaps.size()};
}

}  // namespace coopmap::present
