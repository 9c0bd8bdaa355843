// SPDX-License-Identifier: GPL-3.0-or-later
// The farm's server must be HttpServer on the wire: the benchmark's figures are only comparable
// across versions if the client sees the same bytes, connection handling and delays.
#include "farmserver.h"
#include "httpserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {
constexpr int kDelayMs = 40;
constexpr int kWaitMs = 5000;

HttpResponse answerFor(const HttpRequest &request)
{
    HttpResponse response;
    response.delayMs = kDelayMs;
    if (request.path == "/") {
        response.body = QByteArray(50000, 'x') + request.headers.value("host");
    } else if (request.path == "/feed.xml") {
        response.contentType = "application/rss+xml; charset=utf-8";
        response.body = "<rss/>";
        response.headers.append(qMakePair(QByteArray("X-Extra"), QByteArray("1")));
    } else {
        response.status = 404;
        response.contentType = "text/plain";
        response.body = "no such page\n";
    }
    return response;
}

struct Exchange {
    QByteArray received;
    bool closedByServer = false;
    qint64 elapsedMs = 0;
};

// Sends @p requests in one write and reads until @p bytes arrived (and, if @p closes, the server
// closed), through the event loop that both servers run in.
Exchange exchange(quint16 port, const QByteArray &requests, qsizetype bytes, bool closes)
{
    Exchange result;
    QTcpSocket socket;
    QSignalSpy readable(&socket, &QTcpSocket::readyRead);
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    QElapsedTimer clock;
    clock.start();
    socket.write(requests);
    while (result.received.size() < bytes && readable.wait(kWaitMs))
        result.received += socket.readAll();
    result.elapsedMs = clock.elapsed();
    if (closes)
        result.closedByServer = socket.state() == QAbstractSocket::UnconnectedState || closed.wait(kWaitMs);
    result.received += socket.readAll();
    return result;
}

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

qsizetype wireSize(const QByteArray &path, bool keepAlive)
{
    HttpRequest request;
    request.path = path;
    request.headers.insert("host", "127.0.0.1");
    const HttpResponse response = answerFor(request);
    return HttpServer::responseHead(response, keepAlive).size() + response.body.size();
}
} // namespace

class TestFarmServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersByteForByteAsHttpServer_data()
    {
        QTest::addColumn<QByteArray>("requests");
        QTest::addColumn<qsizetype>("bytes");
        QTest::addColumn<bool>("closes");
        QTest::addColumn<int>("count");
        QTest::addRow("page") << get("/") << wireSize("/", true) << false << 1;
        QTest::addRow("extra header") << get("/feed.xml") << wireSize("/feed.xml", true) << false << 1;
        QTest::addRow("not found") << get("/nothing") << wireSize("/nothing", true) << false << 1;
        QTest::addRow("pipelined") << get("/") + get("/feed.xml") + get("/x")
                                   << wireSize("/", true) + wireSize("/feed.xml", true) + wireSize("/x", true) << false
                                   << 3;
        QTest::addRow("connection close") << get("/", "Connection: close\r\n") << wireSize("/", false) << true << 1;
        QTest::addRow("close, any case") << get("/feed.xml", "CONNECTION:  Close \r\n") << wireSize("/feed.xml", false)
                                         << true << 1;
    }

    void answersByteForByteAsHttpServer()
    {
        QFETCH(QByteArray, requests);
        QFETCH(qsizetype, bytes);
        QFETCH(bool, closes);
        QFETCH(int, count);

        HttpServer reference;
        reference.setHandler(answerFor);
        QVERIFY(reference.listen());
        FarmServer farm;
        farm.setHandler(answerFor);
        QVERIFY(farm.listen(QHostAddress::LocalHost));

        const Exchange expected = exchange(quint16(reference.url().port()), requests, bytes, closes);
        const Exchange actual = exchange(farm.port(), requests, bytes, closes);
        QCOMPARE(expected.received.size(), bytes);
        QCOMPARE(actual.received, expected.received);
        QCOMPARE(actual.closedByServer, closes);
        QCOMPARE(farm.requestCount(), reference.requestCount());
        QCOMPARE(farm.requestCount(), count);
        QCOMPARE(farm.peakRequestsInFlight(), reference.peakRequestsInFlight());
        QCOMPARE(farm.requestsInFlight(), 0);
    }

    void answersAfterTheDelayAndKeepsTheConnection()
    {
        FarmServer farm;
        farm.setHandler(answerFor);
        QVERIFY(farm.listen(QHostAddress::LocalHost));
        QTcpSocket socket;
        QSignalSpy readable(&socket, &QTcpSocket::readyRead);
        socket.connectToHost(QHostAddress::LocalHost, farm.port());
        for (int round = 0; round < 2; ++round) {
            QElapsedTimer clock;
            clock.start();
            socket.write(get("/feed.xml"));
            QByteArray received;
            while (received.size() < wireSize("/feed.xml", true) && readable.wait(kWaitMs))
                received += socket.readAll();
            QCOMPARE(received.size(), wireSize("/feed.xml", true));
            QVERIFY2(clock.elapsed() >= kDelayMs, qPrintable(QString::number(clock.elapsed())));
        }
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(farm.requestCount(), 2);
        farm.resetCounters();
        QCOMPARE(farm.requestCount(), 0);
        QCOMPARE(farm.peakRequestsInFlight(), 0);
    }

    void refusesAnythingButLoopback()
    {
        FarmServer farm;
        QVERIFY(!farm.listen(QHostAddress::AnyIPv4));
        QVERIFY(farm.listen(QHostAddress::LocalHostIPv6));
        QVERIFY(farm.port() != 0);
    }
};

QTEST_GUILESS_MAIN(TestFarmServer)
#include "tst_farmserver.moc"
