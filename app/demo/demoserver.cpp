// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoserver.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace {
QByteArray contentTypeFor(const QString &path)
{
    if (path.endsWith(QLatin1String(".xml")) || path.endsWith(QLatin1String(".rss")))
        return "application/rss+xml; charset=utf-8";
    if (path.endsWith(QLatin1String(".atom")))
        return "application/atom+xml; charset=utf-8";
    return "text/html; charset=utf-8";
}
} // namespace

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
{
    // Each sample shows one way Titlewave finds the newest article.
    m_samples = {
        { QStringLiteral("morningbrew"), QStringLiteral("Morning Brew"), QStringLiteral("/") },
        { QStringLiteral("fieldnotes"), QStringLiteral("Field Notes"), QStringLiteral("/") },
        { QStringLiteral("quietcompiler"), QStringLiteral("The Quiet Compiler"), QStringLiteral("/") },
        { QStringLiteral("atlas"), QStringLiteral("Atlas of Small Things"), QStringLiteral("/") },
        { QStringLiteral("cafeole"), QStringLiteral("Café Olé"), QStringLiteral("/") },
        { QStringLiteral("nachtschicht"), QStringLiteral("Nachtschicht"), QStringLiteral("/feed.atom") },
    };
    m_server.setHandler([this](const HttpRequest &request) { return respond(request); });
}

bool DemoServer::start()
{
    for (int i = 0; i < m_samples.size(); ++i) {
        if (!m_server.listenAlso(QHostAddress::LocalHost))
            return false;
        m_sampleByPort.insert(quint16(m_server.urls().constLast().port()), i);
    }
    return true;
}

QList<BlogEntry> DemoServer::blogs() const
{
    QList<BlogEntry> list;
    const QList<QUrl> urls = m_server.urls();
    for (const QUrl &base : urls) {
        const SampleBlog &sample = m_samples.at(m_sampleByPort.value(quint16(base.port())));
        BlogEntry entry;
        entry.url = base.resolved(QUrl(sample.entryPath));
        entry.name = sample.name;
        entry.line = int(list.size()) + 1;
        list.append(entry);
    }
    return list;
}

QString DemoServer::blogListText() const
{
    QString text = QLatin1String("# ")
        + QCoreApplication::translate("DemoServer", "Titlewave demo: sample blogs served on this computer")
        + QLatin1Char('\n');
    for (const BlogEntry &entry : blogs())
        text += entry.url.toString() + QLatin1Char('\n');
    return text;
}

LoopbackResponse DemoServer::respond(const HttpRequest &request) const
{
    LoopbackResponse response;
    response.delayMs = m_latencyMs;
    const auto sample = m_sampleByPort.constFind(request.localPort);
    QString path = QString::fromUtf8(request.path.split('?').constFirst());
    if (path.endsWith(QLatin1Char('/')))
        path += QLatin1String("index.html");
    // Only plain names inside the sample's folder: no "..", no escaping the resource tree.
    if (sample == m_sampleByPort.cend() || path.contains(QLatin1String("..")) || request.method != "GET") {
        response.status = 404;
        response.body = "Not found";
        return response;
    }
    QFile file(QStringLiteral(":/demo/") + m_samples.at(*sample).folder + path);
    // A resource folder opens too (and reads as nothing): only files are pages.
    if (!QFileInfo(file).isFile() || !file.open(QIODevice::ReadOnly)) {
        response.status = 404;
        response.contentType = "text/html; charset=utf-8";
        response.body = "<!doctype html><title>Not found</title><h1>Not found</h1>";
        return response;
    }
    response.contentType = contentTypeFor(path);
    response.body = file.readAll();
    return response;
}
