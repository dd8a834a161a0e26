#include "model/error.h"

namespace coopmap {

// One line, in the users' language: 文件 a.shp，图层 村庄，要素 12：message
std::string Error::text() const
{
    std::string out;
    auto add = [&out](const char* label, const std::string& v) {
        if (v.empty()) return;
        if (!out.empty()) out += "，";
        out += label;
        out += v;
    };
    add("文件 ", file);
    add("图层 ", layer);
    add("位置 ", feature);
    if (!out.empty()) out += "：";
    return out + message;
}

Error cancelled_error(std::string message, std::string file)
{
    return Error{std::move(file), {}, {}, std::move(message), true};
}

}  // namespace coopmap
