// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loopbackhttpserver.h"
#include "types/blogentry.h"

#include <QHash>
#include <QList>
#include <QObject>

/// The offline demo: a handful of bundled sample blogs (from resources/demo), each on its own
/// loopback port so they count as distinct hosts, answering after a small simulated latency.
class DemoServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoServer)

public:
    explicit DemoServer(QObject *parent = nullptr);

    /// Milliseconds every answer waits, like a real blog across the internet.
    void setLatencyMs(int latencyMs) { m_latencyMs = latencyMs; }
    bool start();
    /// The demo list: one entry per sample blog, pointing at this server.
    QList<BlogEntry> blogs() const;
    /// The demo list as text, one URL per line, the way a user would paste it.
    QString blogListText() const;
    const LoopbackHttpServer &server() const { return m_server; }

private:
    LoopbackResponse respond(const HttpRequest &request) const;

    struct SampleBlog {
        QString folder; ///< under :/demo/
        QString name;
        QString entryPath; ///< what the list points at ("/" or a feed)
    };
    QList<SampleBlog> m_samples;
    QHash<quint16, int> m_sampleByPort;
    LoopbackHttpServer m_server;
    int m_latencyMs = 150;
};
