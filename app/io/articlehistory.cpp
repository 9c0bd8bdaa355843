// SPDX-License-Identifier: GPL-3.0-or-later
#include "articlehistory.h"

#include "net/webaddress.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace {
constexpr int kFormatVersion = 1;

QString articleKey(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveFragment).toString(QUrl::FullyEncoded);
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
    const QJsonObject blogs = document.object().value(QLatin1String("blogs")).toObject();
    for (auto it = blogs.begin(); it != blogs.end(); ++it) {
        const QUrl article(it.value().toObject().value(QLatin1String("article")).toString());
        if (article.isValid())
            m_articles.insert(it.key(), article);
    }
    return std::nullopt;
}

std::optional<QString> ArticleHistory::save() const
{
    QJsonObject blogs;
    for (auto it = m_articles.cbegin(); it != m_articles.cend(); ++it)
        blogs.insert(it.key(), QJsonObject { { QStringLiteral("article"), it.value().toString(QUrl::FullyEncoded) } });
    const QJsonObject root { { QStringLiteral("version"), kFormatVersion },
                             { QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
                             { QStringLiteral("blogs"), blogs } };
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("Cannot save the scan history %1: %2").arg(m_path, file.errorString());
    return std::nullopt;
}

void ArticleHistory::apply(BlogResult &result)
{
    if (result.status != BlogStatus::Ok || !result.articleUrl.isValid())
        return;
    result.previousArticleUrl = lastArticle(result.blogUrl);
    result.isNew
        = result.previousArticleUrl.isValid() && articleKey(result.previousArticleUrl) != articleKey(result.articleUrl);
    record(result.blogUrl, result.articleUrl);
}

void ArticleHistory::apply(QList<BlogResult> &results)
{
    for (BlogResult &result : results)
        apply(result);
}

QUrl ArticleHistory::lastArticle(const QUrl &blogUrl) const
{
    return m_articles.value(WebAddress::blogKey(blogUrl));
}

void ArticleHistory::record(const QUrl &blogUrl, const QUrl &articleUrl)
{
    if (blogUrl.isValid() && articleUrl.isValid())
        m_articles.insert(WebAddress::blogKey(blogUrl), articleUrl);
}
