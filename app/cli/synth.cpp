// synth: benchmark data of any size, deterministic for a seed (geodata/synth/).
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "synth/synth.h"

namespace coopmap::cli {

void add_synth(CLI::App& app)
{
    auto* cmd = app.add_subcommand(
        "synth", "生成任意规模的测试数据：村、网点、道路 (benchmark data: villages, facilities, roads)");
    auto o = std::make_shared<synth::SynthOptions>();
    cmd->add_option("--villages", o->villages, "村的个数 (features in layer villages)")->required();
    cmd->add_option("--facilities", o->facilities, "网点的个数 (features in layer facilities)")->required();
    cmd->add_option("--road-edges", o->road_edges, "道路边数 (features in layer roads)")->required();
    cmd->add_option("--seed", o->seed, "随机种子，同一种子得到同样的数据 (random seed)")->capture_default_str();
    cmd->add_option("--out", o->out, "输出的 GeoPackage 文件 (*.gpkg)")->required();
    cmd->callback([o] {
        const auto start = std::chrono::steady_clock::now();
        const auto counts = synth::write_synth(*o);
        if (!counts) {
            exit_status() = fail(counts.error());
            return;
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%s：villages %llu，facilities %llu，roads %llu（%llu 个路网节点），用时 %.1f 秒\n", o->out.c_str(),
                    static_cast<unsigned long long>(counts->villages),
                    static_cast<unsigned long long>(counts->facilities),
                    static_cast<unsigned long long>(counts->road_edges),
                    static_cast<unsigned long long>(counts->road_nodes), seconds);
        exit_status() = 0;
    });
}

}  // namespace coopmap::cli
