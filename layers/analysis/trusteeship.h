// Land trusteeship (土地托管) and land transfer (土地流转) statistics: area in 亩 and 万亩 by
// township, county, provider, crop or year, and parcels far from any agri service centre.
#pragma once

#include <string>
#include <vector>

#include "analysis/coverage.h"
#include "model/error.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

// 1 亩 = 10000/15 m² (市制: 15 亩 = 1 公顷).
inline constexpr double kSquareMetresPerMu = 10000.0 / 15.0;

enum class TrusteeshipBy { township, county, provider, crop, year };

struct TrusteeshipRow {
    std::string key;  // the township/county code, provider, crop or year
    std::string name;  // Chinese name for codes; the key otherwise
    std::size_t parcels = 0;
    double trusteeship_mu = 0;  // kind 托管 (or no kind)
    double transfer_mu = 0;  // kind 流转
    double total_mu() const { return trusteeship_mu + transfer_mu; }
    double total_wan_mu() const { return total_mu() / 10000.0; }
};

struct TrusteeshipStats {
    int year = 0;  // the request's
    std::vector<TrusteeshipRow> rows;  // sorted by key
    TrusteeshipRow total;
    std::size_t area_from_geometry = 0;  // parcels whose area field was missing
    // Parcels farther than far_m from every agri service centre (empty when none was asked).
    std::vector<std::uint32_t> far_parcels;
};

// `layers` in project order. A parcel's area is its mapped area_mu field, or its ellipsoidal
// area when that is empty. far_m > 0 also lists parcels farther than that from any
// agri_service_center (measured from the parcel's centre).
Result<TrusteeshipStats> trusteeship_stats(const Project& project, const std::vector<Layer>& layers, TrusteeshipBy by,
                                           double far_m = 0, const Progress& progress = {});

struct TrusteeshipRequest {
    TrusteeshipBy by = TrusteeshipBy::township;
    double far_m = 0;  // > 0: also the parcels farther than this from any agri_service_center
    // > 0: what was under trusteeship/transfer at the end of this year: parcels whose year is this
    // or earlier (parcels without a year count in every year), centres standing then
    // (analysis::network_as_of). 0: every parcel.
    int year = 0;
};

// The trusteeship job (`coopmap-cli trusteeship`, the report's page): trusteeship_stats for the
// request; a cancelled `feedback` gives cancelled_error("分析已取消").
Result<TrusteeshipStats> run_trusteeship(const Project& project, const std::vector<Layer>& layers,
                                         const TrusteeshipRequest& request, const Feedback& feedback = Feedback{});

std::string trusteeship_csv(const TrusteeshipStats& stats, TrusteeshipBy by);
std::string trusteeship_text(const TrusteeshipStats& stats, TrusteeshipBy by);

}  // namespace coopmap::analysis
