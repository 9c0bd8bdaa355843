// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchfarm.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>

namespace {
// A port clash on one of thousands of addresses is possible (another farm, a test): retry.
constexpr int kListenAttempts = 8;
// 127.20.(i / 250).(1 + i % 250): the third octet runs out at 256 × 250 blogs.
constexpr int kMaxBlogs = 256 * 250;

QByteArray pathWithoutQuery(const QByteArray &path)
{
    const qsizetype query = path.indexOf('?');
    return query < 0 ? path : path.left(query);
}
} // namespace

BenchFarm::BenchFarm(quint64 seed, int blogCount, int latencyMs, FarmContent::Layout layout, QObject *parent)
    : QObject(parent)
    , m_content(seed, std::clamp(blogCount, 0, kMaxBlogs), layout)
    , m_layout(layout)
    , m_latencyMs(latencyMs)
{ }

BenchFarm::~BenchFarm() = default;

QByteArray BenchFarm::address(int index)
{
    return "127.20." + QByteArray::number(index / 250) + '.' + QByteArray::number(1 + index % 250);
}

double BenchFarm::cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

bool BenchFarm::start(const QString &directory, QString *error)
{
    const int count = m_content.blogCount();
    m_frontPages.reserve(std::size_t(count));
    m_newestPosts.reserve(std::size_t(count));
    for (int blog = 0; blog < count; ++blog) {
        m_frontPages.push_back(m_content.frontPage(blog));
        m_newestPosts.push_back(m_content.postPage(blog, 0));
        m_generations.push_back(0);
    }
    return listenAll(error) && writeFiles(directory, error);
}

bool BenchFarm::listenAll(QString *error)
{
    const int count = m_content.blogCount();
    for (int attempt = 0; attempt < kListenAttempts; ++attempt) {
        m_server = std::make_unique<FarmServer>();
        m_server->setHandler([this](const HttpRequest &request) { return answer(request); });
        // The first listener picks a free port; every other blog takes the same one.
        if (!m_server->listen(QHostAddress(QString::fromLatin1(address(0))), 0)) {
            *error = QStringLiteral("cannot listen on %1").arg(QString::fromLatin1(address(0)));
            continue;
        }
        m_port = m_server->port();
        if (m_layout == FarmContent::Layout::PathPrefix)
            return true; // one origin for all: routed by path, not by Host
        bool all = true;
        for (int blog = 1; blog < count && all; ++blog) {
            all = m_server->listen(QHostAddress(QString::fromLatin1(address(blog))), m_port);
            if (!all) {
                *error = QStringLiteral("cannot listen on %1:%2 (blog %3)")
                             .arg(QString::fromLatin1(address(blog)))
                             .arg(m_port)
                             .arg(blog);
            }
        }
        if (all) {
            m_blogByHost.clear();
            for (int blog = 0; blog < count; ++blog) {
                m_blogByHost.insert(address(blog) + ':' + QByteArray::number(m_port), blog);
                m_blogByHost.insert(BenchDns::hostName(blog) + ':' + QByteArray::number(m_port), blog);
            }
            return true;
        }
    }
    m_server.reset();
    return false;
}

bool BenchFarm::startDns(const QHostAddress &address, int latencyMs, QString *error)
{
    m_dns = std::make_unique<BenchDns>(m_content.blogCount(), &BenchFarm::address);
    m_dns->setLatencyMs(latencyMs);
    if (!m_dns->listen(address, 53, error)) {
        m_dns.reset();
        return false;
    }
    return true;
}

bool BenchFarm::writeFiles(const QString &directory, QString *error) const
{
    QByteArray list;
    QByteArray expected;
    QByteArray namesList;
    QByteArray namesExpected;
    for (int blog = 0; blog < m_content.blogCount(); ++blog) {
        const QByteArray host = address(m_layout == FarmContent::Layout::PathPrefix ? 0 : blog);
        const QByteArray port = ':' + QByteArray::number(m_port);
        const QByteArray path = m_content.basePath(blog) + '/';
        const QByteArray title = '\t' + m_content.postTitle(blog, 0).toUtf8() + '\n';
        const QByteArray url = "http://" + host + port + path;
        list += url + '\n';
        expected += url + title;
        const QByteArray named = "http://" + BenchDns::hostName(blog) + port + path;
        namesList += named + '\n';
        namesExpected += named + title;
    }
    QList<std::pair<QString, QByteArray>> files { { QStringLiteral("list.txt"), list },
                                                  { QStringLiteral("expected.tsv"), expected } };
    if (m_dns) {
        files.append({ QStringLiteral("list-names.txt"), namesList });
        files.append({ QStringLiteral("expected-names.tsv"), namesExpected });
    }
    const QDir dir(directory);
    for (const auto &[name, data] : files) {
        QSaveFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
            *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
    }
    return true;
}

BenchFarm::Route BenchFarm::route(const HttpRequest &request) const
{
    Route result;
    result.path = pathWithoutQuery(request.path);
    if (m_layout == FarmContent::Layout::OwnOrigin) {
        result.blog = m_blogByHost.value(request.headers.value("host"), -1);
        return result;
    }
    // "/blog-17/..." -> blog 17, "/...". The Host header is not looked at: a proxy in front of
    // the farm may send its own.
    static const QByteArray prefix = QByteArrayLiteral("/blog-");
    if (!result.path.startsWith(prefix))
        return result;
    const qsizetype slash = result.path.indexOf('/', prefix.size());
    bool ok = false;
    const int blog = result.path.mid(prefix.size(), slash < 0 ? -1 : slash - prefix.size()).toInt(&ok);
    if (!ok || blog < 0 || blog >= m_content.blogCount() || slash < 0)
        return result;
    result.blog = blog;
    result.path = result.path.mid(slash);
    return result;
}

LoopbackResponse BenchFarm::answer(const HttpRequest &request)
{
    LoopbackResponse response;
    response.delayMs = m_latencyMs;
    const Route found = route(request);
    noteArrival(found);
    if (found.blog < 0 || request.method != "GET") {
        response.status = 404;
        response.contentType = "text/plain";
        response.body = "no such blog\n";
        return response;
    }
    const int blog = found.blog;
    const QByteArray &path = found.path;
    const bool front = path == "/" || path == "/index.html";
    if (front || path == "/feed.xml") {
        // Validators as blog engines and CDNs give them: an ETag that changes with the page, and
        // 304 Not Modified without a body when the client's copy is current.
        const QByteArray etag = "\"" + QByteArray(front ? "f" : "r") + QByteArray::number(blog) + '-'
            + QByteArray::number(m_generations[std::size_t(blog)]) + '"';
        response.headers.append(qMakePair(QByteArrayLiteral("ETag"), etag));
        if (request.headers.value("if-none-match") == etag) {
            response.status = 304;
        } else if (front) {
            response.body = m_frontPages[std::size_t(blog)];
        } else {
            response.contentType = "application/rss+xml; charset=utf-8";
            response.body = m_content.feed(blog, "http://" + request.headers.value("host"));
        }
    } else if (path == "/robots.txt") {
        response.contentType = "text/plain";
        response.body = "User-agent: *\nAllow: /\n";
    } else if (const int post = m_content.postForPath(blog, m_content.basePath(blog) + path); post == 0) {
        response.body = m_newestPosts[std::size_t(blog)];
    } else if (post > 0) {
        response.body = m_content.postPage(blog, post); // clients should never ask: rendered on demand
    } else {
        response.status = 404;
        response.body
            = "<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>\n";
    }
    m_bytesSent += LoopbackHttpServer::responseHead(response, true).size() + response.body.size();
    return response;
}

// Called for every request as it arrives (the server asks for its answer at once).
void BenchFarm::noteArrival(const Route &route)
{
    const qint64 now = m_clock.elapsed();
    if (m_firstArrivalMs < 0)
        m_firstArrivalMs = now;
    m_lastArrivalMs = now;
    if (route.path == "/")
        m_lastFrontArrivalMs = now;
}

void BenchFarm::listenForCommands()
{
    m_clock.start();
    m_cpuBaseline = cpuSeconds();
    m_commands = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
    connect(m_commands.get(), &QSocketNotifier::activated, this, &BenchFarm::onCommandsReadable);
}

void BenchFarm::onCommandsReadable()
{
    char chunk[256];
    const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (got <= 0) {
        // The harness went away: a farm must never outlive it.
        m_commands->setEnabled(false);
        QCoreApplication::quit();
        return;
    }
    m_commandBuffer.append(chunk, qsizetype(got));
    for (qsizetype end = m_commandBuffer.indexOf('\n'); end >= 0; end = m_commandBuffer.indexOf('\n')) {
        const QByteArray command = m_commandBuffer.left(end).trimmed();
        m_commandBuffer.remove(0, end + 1);
        runCommand(command);
    }
}

void BenchFarm::runCommand(const QByteArray &command)
{
    QByteArray reply;
    if (command == "reset") {
        m_server->resetCounters();
        if (m_dns)
            m_dns->resetCounters();
        m_cpuBaseline = cpuSeconds();
        m_firstArrivalMs = m_lastFrontArrivalMs = m_lastArrivalMs = -1;
        m_bytesSent = 0;
        reply = "ok";
    } else if (command.startsWith("touch ")) {
        // "touch P": P % of the blogs, spread over the farm, change their front page and feed.
        bool valid = false;
        const int percent = command.mid(6).trimmed().toInt(&valid);
        int touched = 0;
        for (std::size_t blog = 0; valid && blog < m_generations.size(); ++blog) {
            if (int(blog * 37 % 100) < percent) {
                ++m_generations[blog];
                ++touched;
            }
        }
        reply = valid ? "ok " + QByteArray::number(touched) : QByteArray("error bad percentage");
    } else if (command == "stats") {
        reply = "stats " + QByteArray::number(m_server->peakRequestsInFlight()) + ' '
            + QByteArray::number(m_server->requestCount()) + ' '
            + QByteArray::number(cpuSeconds() - m_cpuBaseline, 'f', 3) + ' '
            + QByteArray::number(m_firstArrivalMs < 0 ? 0
                                                      : std::max<qint64>(0, m_lastFrontArrivalMs - m_firstArrivalMs))
            + ' ' + QByteArray::number(m_firstArrivalMs < 0 ? 0 : m_lastArrivalMs - m_firstArrivalMs) + ' '
            + QByteArray::number(m_dns ? m_dns->queries() : 0) + ' '
            + QByteArray::number(m_dns ? m_dns->peakPending() : 0) + ' ' + QByteArray::number(m_bytesSent);
    } else if (command.startsWith("dns ")) {
        bool valid = false;
        const int latencyMs = command.mid(4).trimmed().toInt(&valid);
        if (m_dns && valid && latencyMs >= 0) {
            m_dns->setLatencyMs(latencyMs);
            reply = "ok";
        } else {
            reply = "error no DNS server or bad latency";
        }
    } else if (command == "quit") {
        QCoreApplication::quit();
        return;
    } else {
        reply = "error unknown command " + command.left(40);
    }
    reply += '\n';
    std::fwrite(reply.constData(), 1, std::size_t(reply.size()), stdout);
    std::fflush(stdout);
}
