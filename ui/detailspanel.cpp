// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspanel.h"

#include <QLocale>
#include <QScrollBar>

#include <algorithm>
#include <climits>

namespace {
QString kindLabel(RequestKind kind)
{
    switch (kind) {
    case RequestKind::FrontPage:
        return DetailsPanel::tr("Front page");
    case RequestKind::Feed:
        return DetailsPanel::tr("Feed");
    case RequestKind::Article:
        return DetailsPanel::tr("Article");
    }
    return {};
}

QString ms(qint64 value)
{
    return DetailsPanel::tr("%1 ms").arg(QLocale().toString(value));
}
} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("detailsPanel"));
    setAccessibleName(tr("Details of the selected blog"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setTabChangesFocus(true);
    clearResult();
}

void DetailsPanel::setResult(const BlogResult &result)
{
    const bool sameRow = result.index == m_shownIndex;
    const int scroll = verticalScrollBar()->value();
    setPlainText(text(result));
    if (sameRow)
        verticalScrollBar()->setValue(scroll);
    m_shownIndex = result.index;
}

void DetailsPanel::clearResult()
{
    m_shownIndex = -1;
    setPlainText(QString());
    setPlaceholderText(tr("Select a row to see its requests, how its article and title were found, and its "
                          "full error."));
}

QString DetailsPanel::foundViaText(const QString &code)
{
    if (code == QLatin1String("xpath"))
        return tr("your XPath");
    if (code == QLatin1String("feed"))
        return tr("the blog's feed (its newest entry)");
    if (code == QLatin1String("rel-bookmark"))
        return tr("a permalink marked rel=\"bookmark\" on the front page");
    if (code == QLatin1String("hatom"))
        return tr("hAtom or h-entry markup on the front page");
    if (code == QLatin1String("schema-org"))
        return tr("schema.org Article markup on the front page");
    if (code == QLatin1String("article"))
        return tr("the heading link of the front page's first <article>");
    return code;
}

QString DetailsPanel::text(const BlogResult &result)
{
    // Everything from the web is cut to a sane length: a panel, not a page viewer.
    const auto cut = [](const QString &value) {
        constexpr qsizetype kMax = 4000;
        return value.size() > kMax ? value.left(kMax) + QChar(0x2026) : value;
    };
    QStringList lines;
    lines << cut(result.displayName());
    lines << tr("Address: %1").arg(cut(result.blogText()));
    lines << tr("Status: %1 (%2)")
                 .arg(BlogStatusText::label(result.status, result.httpStatus), BlogStatusText::code(result.status));
    if (isFinalStatus(result.status) && result.status != BlogStatus::Ok)
        lines << tr("Error: %1")
                     .arg(cut(result.error.isEmpty() ? BlogStatusText::sentence(result.status) : result.error));
    if (!result.articleUrl.isEmpty()) {
        lines << QString();
        lines << tr("Newest article: %1").arg(cut(result.articleUrl.toDisplayString()));
        if (!result.foundVia.isEmpty())
            lines << tr("Found via: %1 (%2)").arg(foundViaText(result.foundVia), result.foundVia);
        if (result.isNew)
            lines
                << tr("New since the last scan, which found %1").arg(cut(result.previousArticleUrl.toDisplayString()));
    }
    if (!result.title.isEmpty() || !result.rawTitle.isEmpty()) {
        lines << QString();
        if (!result.title.isEmpty())
            lines << tr("Title: %1").arg(cut(result.title));
        if (!result.titleVia.isEmpty())
            lines << tr("Title chosen from: %1").arg(result.titleVia);
        if (!result.rawTitle.isEmpty())
            lines << tr("Page <title>: %1").arg(cut(result.rawTitle));
    }
    if (!result.timings.isEmpty()) {
        lines << QString();
        lines << tr("Requests (times from the scan's start):");
        int number = 0;
        for (const RequestTiming &timing : result.timings) {
            QString head = tr("%1. %2").arg(++number).arg(kindLabel(timing.kind));
            if (timing.httpStatus > 0)
                head += QStringLiteral(" \u00b7 ")
                    + tr("HTTP %1 over %2")
                          .arg(timing.httpStatus)
                          .arg(timing.http2 ? QStringLiteral("HTTP/2") : QStringLiteral("HTTP/1.1"));
            lines << head;
            lines << QLatin1String("   ") + cut(timing.url.toDisplayString());
            if (timing.finalUrl.isValid() && timing.finalUrl != timing.url)
                lines << QLatin1String("   ") + tr("redirected to %1").arg(cut(timing.finalUrl.toDisplayString()));
            lines << QLatin1String("   ")
                    + tr("starts at %1, takes %2, %Ln byte(s)", nullptr, int(std::min<qint64>(timing.bytes, INT_MAX)))
                          .arg(ms(timing.startMs), ms(timing.durationMs()));
            if (!timing.error.isEmpty())
                lines << QLatin1String("   ") + cut(timing.error);
        }
    }
    return lines.join(QLatin1Char('\n'));
}
