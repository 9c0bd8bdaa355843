// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the blog-list importers on the same bytes. Each importer is one line of kImporters.

#include "io/bloglistreader.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <libxml/parser.h>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace {

std::unique_ptr<QTemporaryDir> g_dir; // one scratch file for readFile, reused by every input

QString scratchPath()
{
    return g_dir->filePath(QStringLiteral("blogs.txt"));
}

BlogListReadResult readText(const QByteArray &bytes)
{
    return BlogListReader::readText(QString::fromUtf8(bytes));
}

BlogListReadResult readFile(const QByteArray &bytes)
{
    QFile file(scratchPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        __builtin_trap(); // the harness itself failed, not the code under test
    file.close();
    return BlogListReader::readFile(scratchPath());
}

BlogListReadResult readCsv(const QByteArray &bytes)
{
    return BlogListReader::readCsv(bytes);
}

BlogListReadResult readOpml(const QByteArray &bytes)
{
    return BlogListReader::readOpml(bytes);
}

BlogListReadResult readBytes(const QByteArray &bytes)
{
    return BlogListReader::readBytes(bytes); // no file name: the format is told by the content
}

// Every importer, on every input. readText and readFile must stay the first two (compared below).
constexpr BlogListReadResult (*kImporters[])(const QByteArray &) = {
    readText, readFile, readCsv, readOpml, readBytes,
};

// What any importer must guarantee, whatever the bytes.
void checkInvariants(const BlogListReadResult &result)
{
    int previousLine = 0;
    for (const BlogEntry &entry : result.blogs) {
        // Line numbers are 1-based and in list order (OPML may put several outlines on one line).
        if (entry.line < 1 || entry.line < previousLine)
            __builtin_trap();
        previousLine = entry.line;
        // An accepted web address always has a host to connect to.
        const QString scheme = entry.url.scheme().toLower();
        if (entry.url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
            && entry.url.host().isEmpty())
            __builtin_trap();
    }
    if (result.duplicates < 0)
        __builtin_trap();
    (void)result.summary();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    xmlInitParser();
    g_dir = std::make_unique<QTemporaryDir>();
    if (!g_dir->isValid())
        __builtin_trap();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QList<BlogListReadResult> results;
    for (const auto importer : kImporters) {
        results.append(importer(bytes));
        checkInvariants(results.constLast());
    }

    // A file holds exactly what the text does: reading either way must agree.
    const BlogListReadResult &fromText = results.at(0);
    const BlogListReadResult &fromFile = results.at(1);
    if (fromText.blogs.size() != fromFile.blogs.size() || fromText.problems != fromFile.problems
        || fromText.duplicates != fromFile.duplicates)
        __builtin_trap();
    return 0;
}
