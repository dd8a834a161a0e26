// Loads one GeoPackage layer into a Layer with its index, as the app does, and prints
// "seconds maxrss_kib features" for bench/load_vs_ogr2ogr.py.
#include <chrono>
#include <cstdio>

#include <sys/resource.h>

#include "io/gdal_reader.h"
#include "model/feature_index.h"

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: coopmap_load_points FILE.gpkg\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto loaded = coopmap::io::read_layer({argv[1], {}, {}, {}, coopmap::Role::village, {}});
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().text().c_str());
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%.4f %ld %zu %zu\n", seconds, usage.ru_maxrss, loaded->layer.size(),
                loaded->layer.index ? loaded->layer.index->size() : 0);
    return 0;
}
