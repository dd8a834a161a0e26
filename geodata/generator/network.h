// The cooperative's generated service network: facilities, land trusteeship parcels
// and roads, all placed relative to the generated townships and villages.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "admin.h"
#include "settlements.h"

namespace coopmap::sample {

struct Facility {
    std::string name;
    std::string code;
    std::size_t township = 0;
    LonLat position;
    int opened = 0;  // year
    std::string operator_name;
    // Its history (add_history): built the year it opened, maybe rebuilt/upgraded later (0: not),
    // maybe named a model site ("2023年市级示范社"; "" if not), state 建成 or 在建.
    int built = 0;
    int rebuilt = 0;
    std::string model = {};
    std::string state = {};
};

// One gpkg layer of facilities of one role.
struct FacilityLayer {
    std::string layer;  // gpkg layer name and project layer id: the role key
    std::string role;  // project-file role key
    std::string title;  // Chinese title for the layer panel
    std::vector<Facility> facilities;
};

struct Parcel {
    std::string code;
    std::size_t township = 0;
    Geom polygon;
    std::string provider;
    std::string crop;
    int year = 0;
    std::string kind;  // 托管 or 流转
    double area_mu = 0;
};

struct Road {
    std::string name;
    std::string road_class;  // 国道 | 省道 | 县道 | 乡道 | 村道
    double speed_kmh = 0;
    std::vector<LonLat> points;
};

// One agricultural service event (配方施肥, 统防统治…) in a village, for the service-record sheet.
struct ServiceEvent {
    std::size_t village = 0;
    std::string kind;
    double mu_times = 0;
    std::string date;  // YYYY-MM-DD
    std::string provider;
};

struct Network {
    std::vector<FacilityLayer> facilities;
    std::vector<Parcel> parcels;
    std::vector<Road> roads;
    std::vector<ServiceEvent> services;
};

// The sites' history from their own stream of the seed, so the layers made before it stay as they were.
void add_history(std::vector<FacilityLayer>& facilities, const Random& root);
// Service events of 2023–2025 in the rural villages, more in the plains counties.
std::vector<ServiceEvent> make_services(const AdminAreas& areas, const std::vector<Village>& villages,
                                        const Random& root);

std::vector<FacilityLayer> make_facilities(const Geos& geos, const AdminAreas& areas,
                                           const std::vector<Village>& villages, const LocalFrame& frame,
                                           const Random& root);
std::vector<Parcel> make_parcels(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                                 const std::vector<FacilityLayer>& facilities, const LocalFrame& frame,
                                 const Random& root);
std::vector<Road> make_roads(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                             const LocalFrame& frame, const Random& root);

Network make_network(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                     const LocalFrame& frame, const Random& root);

// Throws unless every village lies in its township, parcels do not overlap, every
// facility is in its township and the road network is one connected graph reaching
// every village.
void check_villages(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages);
void check_network(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                   const Network& network, std::ostream& log);

}  // namespace coopmap::sample
