// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "net/fdlimit.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/resource.h>
#include <vector>

/// A scan far larger than the process's descriptor budget: chains must queue, nothing may fail
/// with "Out of resources" or abort, and the output file must still be written.
class TestFdBudget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scansAThousandBlogsWith256Descriptors()
    {
        // This process serves the blogs: 200 hosts, five blogs each.
        FdLimit::raiseSoftLimit();
        std::vector<std::unique_ptr<FakeHttpServer>> servers;
        QByteArray list;
        for (int host = 0; host < 200; ++host) {
            auto server = std::make_unique<FakeHttpServer>();
            QVERIFY(server->start());
            for (int blog = 0; blog < 5; ++blog) {
                const QByteArray prefix = '/' + QByteArray::number(blog) + '/';
                server->html(prefix, FakeBlog::frontPage(prefix + "post.html"), 20);
                server->html(prefix + "post.html", FakeBlog::article("Post " + QByteArray::number(host * 5 + blog)),
                             20);
                list += server->url(QString::fromLatin1(prefix)).toEncoded() + '\n';
            }
            servers.push_back(std::move(server));
        }
        QTemporaryDir dir;
        const QString listPath = dir.filePath(QStringLiteral("blogs.txt"));
        const QString outPath = dir.filePath(QStringLiteral("out.csv"));
        QFile listFile(listPath);
        QVERIFY(listFile.open(QIODevice::WriteOnly));
        listFile.write(list);
        listFile.close();

        QProcess process;
        // The child alone gets the tiny budget, soft and hard, as `ulimit -n 256` would give it.
        process.setChildProcessModifier([] {
            const rlimit limit { 256, 256 };
            setrlimit(RLIMIT_NOFILE, &limit);
        });
        process.start(
            QStringLiteral(TITLEWAVE_EXECUTABLE),
            { QStringLiteral("--headless"), listPath, QStringLiteral("-o"), outPath, QStringLiteral("--no-history") });
        QVERIFY(process.waitForStarted(10000));
        process.closeWriteChannel();
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(120000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, err.right(2000).constData());
        QVERIFY(!err.contains("Out of resources"));

        QFile out(outPath);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = out.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1001);
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray cell = ",ok,";
            QVERIFY2(lines.at(i).contains(cell), lines.at(i).constData());
            const QByteArray title = ",Post " + QByteArray::number(i - 1) + ",";
            QVERIFY2(lines.at(i).contains(title), lines.at(i).constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestFdBudget)
#include "tst_fdbudget.moc"
