// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
QJsonValue msOrNull(qint64 ms)
{
    return ms < 0 ? QJsonValue() : QJsonValue(ms);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue urlOrNull(const QUrl &url)
{
    return url.isValid() && !url.isEmpty() ? QJsonValue(url.toString(QUrl::FullyEncoded)) : QJsonValue();
}

RequestKind kindFromCode(const QString &code)
{
    for (const RequestKind kind : { RequestKind::FrontPage, RequestKind::Feed, RequestKind::Article }) {
        if (requestKindCode(kind) == code)
            return kind;
    }
    return RequestKind::FrontPage;
}
} // namespace

QJsonObject JsonWriter::toObject(const BlogResult &result)
{
    QJsonArray timings;
    for (const RequestTiming &timing : result.timings) {
        timings.append(QJsonObject {
            { QStringLiteral("kind"), requestKindCode(timing.kind) },
            { QStringLiteral("url"), urlOrNull(timing.url) },
            { QStringLiteral("final_url"), urlOrNull(timing.finalUrl) },
            { QStringLiteral("start_ms"), timing.startMs },
            { QStringLiteral("end_ms"), timing.endMs },
            { QStringLiteral("http_status"), timing.httpStatus > 0 ? QJsonValue(timing.httpStatus) : QJsonValue() },
            { QStringLiteral("bytes"), timing.bytes },
            { QStringLiteral("error"), textOrNull(timing.error) } });
    }
    return QJsonObject {
        { QStringLiteral("blog_url"), result.blogText() },
        { QStringLiteral("name"), textOrNull(result.name) },
        { QStringLiteral("status"), BlogStatusText::code(result.status) },
        { QStringLiteral("article_url"), urlOrNull(result.articleUrl) },
        { QStringLiteral("title"), textOrNull(result.title) },
        { QStringLiteral("found_via"), textOrNull(result.foundVia) },
        { QStringLiteral("front_page_ms"), msOrNull(result.durationMs(RequestKind::FrontPage)) },
        { QStringLiteral("feed_ms"), msOrNull(result.durationMs(RequestKind::Feed)) },
        { QStringLiteral("article_ms"), msOrNull(result.durationMs(RequestKind::Article)) },
        { QStringLiteral("total_ms"), msOrNull(result.totalMs()) },
        { QStringLiteral("http_status"), result.httpStatus > 0 ? QJsonValue(result.httpStatus) : QJsonValue() },
        { QStringLiteral("error"), textOrNull(result.error) },
        // null, like the CSV's empty cell, when no earlier scan is known to compare with
        { QStringLiteral("new"), result.previousArticleUrl.isValid() ? QJsonValue(result.isNew) : QJsonValue() },
        { QStringLiteral("previous_article_url"), urlOrNull(result.previousArticleUrl) },
        { QStringLiteral("raw_title"), textOrNull(result.rawTitle) },
        { QStringLiteral("timings"), timings },
    };
}

QByteArray JsonWriter::toJson(const QList<BlogResult> &results)
{
    QJsonArray array;
    for (const BlogResult &result : results)
        array.append(toObject(result));
    const QJsonObject root { { QStringLiteral("generator"), QStringLiteral("Titlewave " TITLEWAVE_VERSION) },
                             { QStringLiteral("results"), array } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QList<BlogResult> JsonWriter::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonValue resultsValue = document.object().value(QLatin1String("results"));
    if (!document.isObject() || !resultsValue.isArray()) {
        if (error) {
            *error = parseError.error != QJsonParseError::NoError
                ? parseError.errorString()
                : QCoreApplication::translate("JsonWriter", "no \"results\" array");
        }
        return {};
    }
    QList<BlogResult> results;
    const QJsonArray array = resultsValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        BlogResult result;
        result.index = int(i);
        result.blogInput = object.value(QLatin1String("blog_url")).toString();
        result.blogUrl = QUrl(result.blogInput);
        result.name = object.value(QLatin1String("name")).toString();
        result.status = BlogStatusText::fromCode(object.value(QLatin1String("status")).toString());
        result.articleUrl = QUrl(object.value(QLatin1String("article_url")).toString());
        result.title = object.value(QLatin1String("title")).toString();
        result.foundVia = object.value(QLatin1String("found_via")).toString();
        result.httpStatus = object.value(QLatin1String("http_status")).toInt();
        result.error = object.value(QLatin1String("error")).toString();
        result.rawTitle = object.value(QLatin1String("raw_title")).toString();
        result.isNew = object.value(QLatin1String("new")).toBool();
        result.previousArticleUrl = QUrl(object.value(QLatin1String("previous_article_url")).toString());
        const QJsonArray timings = object.value(QLatin1String("timings")).toArray();
        for (const QJsonValue &value : timings) {
            const QJsonObject t = value.toObject();
            RequestTiming timing;
            timing.kind = kindFromCode(t.value(QLatin1String("kind")).toString());
            timing.url = QUrl(t.value(QLatin1String("url")).toString());
            timing.finalUrl = QUrl(t.value(QLatin1String("final_url")).toString());
            timing.startMs = t.value(QLatin1String("start_ms")).toInteger();
            timing.endMs = t.value(QLatin1String("end_ms")).toInteger();
            timing.httpStatus = t.value(QLatin1String("http_status")).toInt();
            timing.bytes = t.value(QLatin1String("bytes")).toInteger();
            timing.error = t.value(QLatin1String("error")).toString();
            result.timings.append(timing);
        }
        results.append(result);
    }
    return results;
}
