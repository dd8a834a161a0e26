#include "gpkg_contents.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <format>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace coopmap::test {

namespace fs = std::filesystem;

std::map<std::string, std::vector<std::string>> layer_contents(const std::string& gpkg)
{
    GDALAllRegister();
    std::map<std::string, std::vector<std::string>> out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) return out;
    for (OGRLayer* layer : ds->GetLayers()) {
        auto& rows = out[layer->GetName()];
        for (const auto& f : *layer) {
            std::string row = std::to_string(f->GetFID());
            if (const OGRGeometry* g = f->GetGeometryRef()) {
                std::vector<unsigned char> wkb(g->WkbSize());
                g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
                static const char* hex = "0123456789abcdef";
                row += '|';
                for (const unsigned char b : wkb) {
                    row += hex[b >> 4];
                    row += hex[b & 15];
                }
            }
            for (int i = 0; i < f->GetFieldCount(); ++i) {
                row += '|';
                row += f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "<null>";
            }
            rows.push_back(std::move(row));
        }
    }
    return out;
}

long long feature_count(const std::string& gpkg, const std::string& layer)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) return -1;
    OGRLayer* l = ds->GetLayerByName(layer.c_str());
    return l ? static_cast<long long>(l->GetFeatureCount()) : -1;
}

namespace {
std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

Run run(const std::string& program, const std::vector<std::string>& args)
{
    // One folder per call, so that runs may go in parallel threads.
    static std::atomic<int> calls{0};
    const fs::path dir =
        fs::temp_directory_path() / std::format("coopmap-geodata-run-{}-{}", ::getpid(), calls.fetch_add(1));
    fs::create_directories(dir);
    const fs::path out = dir / "out", err = dir / "err";
    Run r;
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!std::freopen(out.c_str(), "w", stdout) || !std::freopen(err.c_str(), "w", stderr)) ::_exit(127);
        std::vector<char*> argv{const_cast<char*>(program.c_str())};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    fs::remove_all(dir);
    return r;
}

std::string fresh_dir(const std::string& name)
{
    const fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

}  // namespace coopmap::test
