#include "run_process.h"

#include <sstream>

#include <QProcess>
#include <QProcessEnvironment>

namespace coopmap::test {

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args)
{
    QProcess p;
    QStringList qargs;
    for (const auto& a : args) qargs << QString::fromStdString(a);
    auto env = QProcessEnvironment::systemEnvironment();
    // Without an X server the window is made off-screen (Qt's software renderer).
    if (!env.contains(QStringLiteral("DISPLAY")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QString::fromStdString(program), qargs);
    ProcessResult r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
        p.kill();
        r.err = "did not start or finish in time";
        return r;
    }
    r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput().toStdString();
    r.err = p.readAllStandardError().toStdString();
    return r;
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, sep);) out.push_back(part);
    return out;
}

std::vector<std::string> words(const std::string& line)
{
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

}  // namespace coopmap::test
