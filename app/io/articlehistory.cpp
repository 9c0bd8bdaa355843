// SPDX-License-Identifier: GPL-3.0-or-later
#include "articlehistory.h"

#include "outputfile.h"
#include "types/webaddress.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <vector>

namespace {
// Version 1 throughout: "title", "front_page" and "feed" were added alongside "article" and
// "seen", so files from before them read as before (no validators) and older builds ignore them.
constexpr int kFormatVersion = 1;

PageValidators validatorsFrom(const QJsonObject &object)
{
    return { object.value(QLatin1String("etag")).toString().toLatin1(),
             object.value(QLatin1String("last_modified")).toString().toLatin1() };
}

void insertValidators(QJsonObject &object, const PageValidators &validators)
{
    if (!validators.etag.isEmpty())
        object.insert(QStringLiteral("etag"), QString::fromLatin1(validators.etag));
    if (!validators.lastModified.isEmpty())
        object.insert(QStringLiteral("last_modified"), QString::fromLatin1(validators.lastModified));
}
} // namespace

ArticleHistory::ArticleHistory(const QString &path)
    : m_path(path)
{ }

QString ArticleHistory::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("TITLEWAVE_HISTORY_FILE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.json"));
}

std::optional<QString> ArticleHistory::load()
{
    m_articles.clear();
    QFile file(m_path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read the scan history %1: %2").arg(m_path, file.errorString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        return tr("The scan history %1 is damaged: %2").arg(m_path, error.errorString());
    const QJsonObject root = document.object();
    // Files from before "seen" existed count as seen on the day they were saved.
    QDate fileDate = QDateTime::fromString(root.value(QLatin1String("saved")).toString(), Qt::ISODate).date();
    if (!fileDate.isValid())
        fileDate = QDate::currentDate();
    const QJsonObject blogs = root.value(QLatin1String("blogs")).toObject();
    m_articles.reserve(blogs.size());
    for (auto it = blogs.begin(); it != blogs.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        BlogMemory memory;
        memory.articleUrl = QUrl(entry.value(QLatin1String("article")).toString());
        memory.title = entry.value(QLatin1String("title")).toString();
        memory.frontPage = validatorsFrom(entry.value(QLatin1String("front_page")).toObject());
        const QJsonObject feed = entry.value(QLatin1String("feed")).toObject();
        memory.feedUrl = QUrl(feed.value(QLatin1String("url")).toString());
        memory.feed = validatorsFrom(feed);
        memory.xpath = entry.value(QLatin1String("xpath")).toString();
        QDate seen = QDate::fromString(entry.value(QLatin1String("seen")).toString(), Qt::ISODate);
        if (!seen.isValid())
            seen = fileDate;
        QDateTime found = QDateTime::fromString(entry.value(QLatin1String("found")).toString(), Qt::ISODate);
        if (!found.isValid())
            found = seen.startOfDay(QTimeZone::utc());
        if (memory.articleUrl.isValid())
            m_articles.insert(it.key(), Entry { memory, seen, found.toUTC() });
    }
    return std::nullopt;
}

QStringList ArticleHistory::keysToKeep(QDate today) const
{
    const QDate oldest = today.addDays(-kMaxAgeDays);
    std::vector<std::pair<QDate, QString>> kept; // newest day first once sorted
    kept.reserve(m_articles.size());
    for (auto it = m_articles.cbegin(); it != m_articles.cend(); ++it) {
        if (it->seen >= oldest)
            kept.emplace_back(it->seen, it.key());
    }
    if (kept.size() > size_t(kMaxEntries)) {
        const auto newerFirst = [](const auto &a, const auto &b) { return a.first > b.first; };
        std::nth_element(kept.begin(), kept.begin() + kMaxEntries, kept.end(), newerFirst);
        kept.resize(kMaxEntries);
    }
    QStringList keys;
    keys.reserve(qsizetype(kept.size()));
    for (auto &[seen, key] : kept)
        keys.append(std::move(key));
    // Sorted because QJsonObject keeps its keys sorted: inserting in hash order would move the
    // array's tail on every insert (seconds for a history of 100,000 blogs).
    std::sort(keys.begin(), keys.end());
    return keys;
}

std::optional<QString> ArticleHistory::save() const
{
    QJsonObject blogs;
    for (const QString &key : keysToKeep(QDate::currentDate())) {
        const Entry &entry = *m_articles.constFind(key);
        const BlogMemory &memory = entry.memory;
        QJsonObject blog { { QStringLiteral("article"), memory.articleUrl.toString(QUrl::FullyEncoded) },
                           { QStringLiteral("seen"), entry.seen.toString(Qt::ISODate) },
                           { QStringLiteral("found"), entry.found.toString(Qt::ISODate) } };
        if (!memory.title.isEmpty())
            blog.insert(QStringLiteral("title"), memory.title);
        if (!memory.xpath.isEmpty())
            blog.insert(QStringLiteral("xpath"), memory.xpath);
        if (!memory.frontPage.isEmpty()) {
            QJsonObject frontPage;
            insertValidators(frontPage, memory.frontPage);
            blog.insert(QStringLiteral("front_page"), frontPage);
        }
        if (memory.feedUrl.isValid() && !memory.feed.isEmpty()) {
            QJsonObject feed { { QStringLiteral("url"), memory.feedUrl.toString(QUrl::FullyEncoded) } };
            insertValidators(feed, memory.feed);
            blog.insert(QStringLiteral("feed"), feed);
        }
        blogs.insert(key, blog);
    }
    const QJsonObject root { { QStringLiteral("version"), kFormatVersion },
                             { QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
                             { QStringLiteral("blogs"), blogs } };
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    OutputFile file(m_path);
    if (!file.open() || !file.writeAll(bytes))
        return tr("Cannot save the scan history %1: %2").arg(m_path, file.errorString());
    return std::nullopt;
}

void ArticleHistory::apply(BlogResult &result, const QDateTime &now)
{
    if (result.status != BlogStatus::Ok || !result.articleUrl.isValid())
        return;
    const QString key = WebAddress::blogKey(result.blogUrl);
    result.previousArticleUrl = m_articles.value(key).memory.articleUrl;
    result.isNew
        = result.previousArticleUrl.isValid() && !WebAddress::isSamePage(result.previousArticleUrl, result.articleUrl);
    BlogMemory memory = result.memory;
    memory.articleUrl = result.articleUrl;
    memory.title = result.title;
    result.articleFoundAt = store(key, memory, now.toLocalTime().date(), now).found;
}

void ArticleHistory::apply(QList<BlogResult> &results, const QDateTime &now)
{
    for (BlogResult &result : results)
        apply(result, now);
}

QUrl ArticleHistory::lastArticle(const QUrl &blogUrl) const
{
    return m_articles.value(WebAddress::blogKey(blogUrl)).memory.articleUrl;
}

BlogMemory ArticleHistory::memoryOf(const QUrl &blogUrl) const
{
    return m_articles.value(WebAddress::blogKey(blogUrl)).memory;
}

void ArticleHistory::recall(QList<BlogEntry> &entries) const
{
    if (m_articles.isEmpty())
        return;
    for (BlogEntry &entry : entries) {
        BlogMemory memory = memoryOf(entry.url);
        // Another XPath may name another article: the page's 304 says nothing about that one.
        if (memory.xpath != entry.xpath.trimmed())
            memory = {};
        entry.memory = std::move(memory);
    }
}

QDate ArticleHistory::lastSeen(const QUrl &blogUrl) const
{
    return m_articles.value(WebAddress::blogKey(blogUrl)).seen;
}

void ArticleHistory::record(const QUrl &blogUrl, const QUrl &articleUrl, QDate seen)
{
    BlogMemory memory;
    memory.articleUrl = articleUrl;
    record(blogUrl, memory, seen);
}

QDateTime ArticleHistory::articleFoundAt(const QUrl &blogUrl) const
{
    return m_articles.value(WebAddress::blogKey(blogUrl)).found;
}

void ArticleHistory::record(const QUrl &blogUrl, const BlogMemory &memory, QDate seen, const QDateTime &found)
{
    if (blogUrl.isValid() && memory.articleUrl.isValid())
        store(WebAddress::blogKey(blogUrl), memory, seen, found);
}

const ArticleHistory::Entry &ArticleHistory::store(const QString &key, const BlogMemory &memory, QDate seen,
                                                   const QDateTime &found)
{
    Entry &entry = m_articles[key];
    // The same article seen again keeps the time it was first found. Whole seconds, as a feed
    // writes it: blogs found in the same second stay in list order there.
    if (!entry.found.isValid() || !WebAddress::isSamePage(entry.memory.articleUrl, memory.articleUrl))
        entry.found = QDateTime::fromSecsSinceEpoch(found.toSecsSinceEpoch(), QTimeZone::utc());
    entry.memory = memory;
    entry.seen = seen;
    return entry;
}
