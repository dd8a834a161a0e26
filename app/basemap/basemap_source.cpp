#include "basemap/basemap_source.h"

#include <QByteArray>
#include <QDir>
#include <QUrl>
#include <QtGlobal>
#include <atomic>
#include <mutex>
#include <regex>

namespace coopmap::basemap {

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to)
{
    if (from.empty()) return;
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

std::map<std::string, std::string> common(const std::string& host, const std::string& cache)
{
    return {
        {"osm.mapping.providersrepository.disabled", "true"},
        {"osm.mapping.custom.host", host},
        {"osm.mapping.cache.directory", cache},
        {"osm.mapping.custom.mapcopyright", ""},
        {"osm.mapping.custom.datacopyright", ""},
        {"osm.mapping.offline.directory", ""},
    };
}

QtMessageHandler previous_handler = nullptr;

void masking_handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QString masked = QString::fromStdString(mask_secrets(message.toStdString()));
    if (previous_handler) previous_handler(type, context, masked);
}

}  // namespace

std::map<std::string, std::string> offline_parameters(const std::string& tile_directory, const std::string& cache)
{
    auto p = common(QUrl::fromLocalFile(
                        QDir(QString::fromStdString(tile_directory)).absoluteFilePath(QStringLiteral("no-network")) +
                        QLatin1Char('/'))
                        .toString()
                        .toStdString(),
                    cache);
    p["osm.mapping.offline.directory"] = tile_directory;
    return p;
}

std::map<std::string, std::string> online_parameters(const std::string& host, const std::string& cache)
{
    return common(host, cache);
}

Result<std::string> custom_host(const std::string& url_template, const std::string& key)
{
    std::string url = url_template;
    const auto fail = [&](const std::string& message) {
        return Error{{}, {}, "basemap.url " + mask_secrets(url_template, key), message};
    };
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        return fail("在线底图地址应以 http:// 或 https:// 开头");
    for (const char* p : {"{tk}", "{key}"})
        if (url.find(p) != std::string::npos) {
            if (key.empty()) return fail("该在线底图需要密钥（如天地图的 tk）：请在底图设置中填写您的密钥");
            replace_all(url, p, key);
        }
    // One subdomain: the plugin takes a single template.
    static const std::regex range(R"(\{(\d)-\d\})");
    url = std::regex_replace(url, range, "$1");
    replace_all(url, "{s}", "a");
    for (const char* p : {"{z}", "{x}", "{y}"})
        if (url.find(p) == std::string::npos)
            return fail(std::string("在线底图地址缺少 ") + p + "：应含 {z}、{x}、{y}，如 https://…/{z}/{x}/{y}.png");
    const std::string tail = "{z}/{x}/{y}.png";
    if (url.size() > tail.size() && url.compare(url.size() - tail.size(), tail.size(), tail) == 0)
        return url.substr(0, url.size() - tail.size());
    replace_all(url, "{z}", "%z");
    replace_all(url, "{x}", "%x");
    replace_all(url, "{y}", "%y");
    // Qt appends "%z/%x/%y.png"; it lands in a parameter the server ignores.
    url += url.find('?') == std::string::npos ? "?_=" : "&_=";
    return url;
}

std::string mask_secrets(std::string text, const std::string& key)
{
    static const std::regex secret(
        R"(((?:^|[?&;\s])(?:tk|key|apikey|api_key|token|access_token)=)[A-Za-z0-9._~%{}+\-]+)", std::regex::icase);
    text = std::regex_replace(text, secret, "$1***");
    if (key.size() >= 4) replace_all(text, key, "***");
    return text;
}

void install_masking_message_handler()
{
    static std::once_flag once;
    std::call_once(once, [] { previous_handler = qInstallMessageHandler(masking_handler); });
}

}  // namespace coopmap::basemap
