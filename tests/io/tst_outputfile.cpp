// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/outputfile.h"
#include "io/resultexporter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

class TestOutputFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesARegularFileAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents that are longer than the new ones\n");
        old.close();
        struct stat before {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);

        OutputFile file(path);
        QVERIFY(!file.isDirect());
        QVERIFY(file.open());
        QVERIFY(file.writeAll("new\n"));

        QFile check(path);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("new\n"));
        struct stat after {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &after), 0);
        QVERIFY(after.st_ino != before.st_ino); // a new file renamed into place, not rewritten
    }

    void createsAMissingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.csv"));
        QVERIFY(!ResultExporter::writeBytes(path, "a,b\r\n").has_value());
        QFile check(path);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("a,b\r\n"));
    }

    // A FIFO stands for every path that is no regular file (/dev/null, /dev/stdout, a pipe):
    // renaming a temporary file over it would replace it. (/dev/null itself is not used here: a
    // regression run as root would destroy the machine's /dev/null.)
    void writesIntoAFifoInsteadOfReplacingIt()
    {
        QTemporaryDir dir;
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("pipe")));
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        // A reader first, non-blocking, so that opening the FIFO for writing does not wait.
        const int reader = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);

        const std::optional<QString> error
            = ResultExporter::writeBytes(QFile::decodeName(fifo), "blog_url,status\r\nhttps://a.example/,ok\r\n");
        QVERIFY2(!error.has_value(), qPrintable(error.value_or(QString())));

        char buffer[128] = {};
        const ssize_t got = ::read(reader, buffer, sizeof buffer);
        ::close(reader);
        QCOMPARE(QByteArray(buffer, int(std::max<ssize_t>(got, 0))),
                 QByteArray("blog_url,status\r\nhttps://a.example/,ok\r\n"));
        struct stat info {
        };
        QCOMPARE(::stat(fifo.constData(), &info), 0);
        QVERIFY(S_ISFIFO(info.st_mode)); // still the FIFO, not a regular file renamed over it
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot),
                 QStringList { QStringLiteral("pipe") }); // and no temporary file left behind
    }

    void reportsADirectory()
    {
        QTemporaryDir dir;
        const std::optional<QString> error = ResultExporter::writeBytes(dir.path(), "x");
        QVERIFY(error.has_value());
        QVERIFY(error->contains(dir.path()));
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_outputfile.moc"
