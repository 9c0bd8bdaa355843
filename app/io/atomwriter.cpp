// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomwriter.h"

#include "types/webaddress.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>
#include <QUrl>
#include <QUuid>
#include <QXmlStreamWriter>

#include <algorithm>

namespace {
const QString kAtomNamespace = QStringLiteral("http://www.w3.org/2005/Atom");

QString atomTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate); // RFC 3339 with "Z"
}

QDateTime entryTime(const BlogResult &result, const QDateTime &now)
{
    return result.articleFoundAt.isValid() ? result.articleFoundAt : now;
}

// A feed written to standard output has no file to name it; the same list gives the same id.
QString idFromBlogs(const QList<BlogResult> &results)
{
    QStringList keys;
    keys.reserve(results.size());
    for (const BlogResult &result : results)
        keys.append(result.blogUrl.isValid() ? WebAddress::blogKey(result.blogUrl) : result.blogText());
    keys.sort();
    static const QUuid kNamespace(QStringLiteral("{5f0b1c2e-8a53-4b7e-9d0c-3a1e6f7b2c41}"));
    return QUuid::createUuidV5(kNamespace, keys.join(QLatin1Char('\n')))
        .toString(QUuid::WithoutBraces)
        .prepend(QLatin1String("urn:uuid:"));
}

void writeText(QXmlStreamWriter &xml, const QString &element, const QString &text)
{
    xml.writeStartElement(element);
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("text")); // never markup from the web
    xml.writeCharacters(AtomWriter::xmlSafe(text));
    xml.writeEndElement();
}

void writeLink(QXmlStreamWriter &xml, const QString &rel, const QUrl &url, const QString &type = {})
{
    xml.writeEmptyElement(QStringLiteral("link"));
    xml.writeAttribute(QStringLiteral("rel"), rel);
    if (!type.isEmpty())
        xml.writeAttribute(QStringLiteral("type"), type);
    xml.writeAttribute(QStringLiteral("href"), url.toString(QUrl::FullyEncoded));
}

void writeEntry(QXmlStreamWriter &xml, const BlogResult &result, const QDateTime &now)
{
    const QString article = result.articleUrl.toString(QUrl::FullyEncoded);
    xml.writeStartElement(QStringLiteral("entry"));
    xml.writeTextElement(QStringLiteral("id"), article); // FullyEncoded: ASCII, nothing to drop
    writeText(xml, QStringLiteral("title"), result.title.isEmpty() ? article : result.title);
    writeLink(xml, QStringLiteral("alternate"), result.articleUrl, QStringLiteral("text/html"));
    xml.writeTextElement(QStringLiteral("updated"), atomTime(entryTime(result, now)));
    xml.writeStartElement(QStringLiteral("author"));
    xml.writeTextElement(QStringLiteral("name"), AtomWriter::xmlSafe(result.displayName()));
    if (result.blogUrl.isValid())
        xml.writeTextElement(QStringLiteral("uri"), result.blogUrl.toString(QUrl::FullyEncoded));
    xml.writeEndElement(); // author
    xml.writeEndElement(); // entry
}
} // namespace

QString AtomWriter::xmlSafe(const QString &text)
{
    // Returns how many UTF-16 units at @p i make one character XML 1.0 allows, 0 for none.
    const auto allowedAt = [&text](qsizetype i) -> qsizetype {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c))
            return i + 1 < text.size() && text.at(i + 1).isLowSurrogate() ? 2 : 0;
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ? 1 : 0;
    };
    qsizetype i = 0;
    for (qsizetype length = 0; i < text.size() && (length = allowedAt(i)) > 0; i += length) { }
    if (i == text.size())
        return text; // the usual case: nothing to drop, no copy
    QString safe = text.left(i);
    while (i < text.size()) {
        const qsizetype length = allowedAt(i);
        safe.append(text.mid(i, length));
        i += length > 0 ? length : 1;
    }
    return safe;
}

bool AtomWriter::hasEntry(const BlogResult &result)
{
    return result.status == BlogStatus::Ok && result.articleUrl.isValid();
}

QList<const BlogResult *> AtomWriter::entries(const QList<BlogResult> &results, const QDateTime &now)
{
    // Sorted by a key computed once per row: a QDateTime comparison per swap of 10,000 rows costs.
    QList<std::pair<qint64, const BlogResult *>> keyed;
    for (const BlogResult &result : results) {
        if (hasEntry(result))
            keyed.append({ entryTime(result, now).toSecsSinceEpoch(), &result });
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QList<const BlogResult *> kept;
    kept.reserve(keyed.size());
    for (const auto &[time, result] : keyed)
        kept.append(result);
    return kept;
}

QByteArray AtomWriter::toAtom(const QList<BlogResult> &results, const QString &path, const QDateTime &now)
{
    const QList<const BlogResult *> kept = entries(results, now);
    QByteArray bytes;
    bytes.reserve(1024 + kept.size() * 512); // an entry is ~450 bytes: no regrowth on the way
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(kAtomNamespace);
    xml.writeStartElement(kAtomNamespace, QStringLiteral("feed"));

    const QString listName = path.isEmpty() ? QString() : QFileInfo(path).completeBaseName();
    const QUrl self = path.isEmpty() ? QUrl() : QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    xml.writeTextElement(QStringLiteral("id"),
                         self.isValid() ? self.toString(QUrl::FullyEncoded) : idFromBlogs(results));
    writeText(xml, QStringLiteral("title"),
              listName.isEmpty() ? QStringLiteral("Titlewave")
                                 : QCoreApplication::translate("AtomWriter", "Titlewave: %1").arg(listName));
    writeText(xml, QStringLiteral("subtitle"),
              QCoreApplication::translate("AtomWriter", "The newest article of %n blog(s)", nullptr, int(kept.size())));
    if (self.isValid())
        writeLink(xml, QStringLiteral("self"), self, QStringLiteral("application/atom+xml"));
    // The feed changed when its newest entry did; an empty feed is as new as the scan.
    xml.writeTextElement(QStringLiteral("updated"), atomTime(kept.isEmpty() ? now : entryTime(*kept.front(), now)));
    xml.writeStartElement(QStringLiteral("generator"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral(TITLEWAVE_VERSION));
    xml.writeCharacters(QStringLiteral("Titlewave"));
    xml.writeEndElement();
    for (const BlogResult *result : kept)
        writeEntry(xml, *result, now);
    xml.writeEndElement(); // feed
    xml.writeEndDocument();
    return bytes;
}
