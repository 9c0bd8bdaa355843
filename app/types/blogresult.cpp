// SPDX-License-Identifier: GPL-3.0-or-later
#include "blogresult.h"

#include <algorithm>

qint64 BlogResult::durationMs(RequestKind kind) const
{
    const auto it
        = std::find_if(timings.cbegin(), timings.cend(), [kind](const RequestTiming &t) { return t.kind == kind; });
    return it == timings.cend() ? -1 : it->durationMs();
}

qint64 BlogResult::startMs() const
{
    if (timings.isEmpty())
        return -1;
    return std::min_element(timings.cbegin(), timings.cend(),
                            [](const RequestTiming &a, const RequestTiming &b) { return a.startMs < b.startMs; })
        ->startMs;
}

qint64 BlogResult::endMs() const
{
    if (timings.isEmpty())
        return -1;
    return std::max_element(timings.cbegin(), timings.cend(),
                            [](const RequestTiming &a, const RequestTiming &b) { return a.endMs < b.endMs; })
        ->endMs;
}

qint64 BlogResult::totalMs() const
{
    return timings.isEmpty() ? -1 : endMs() - startMs();
}

QString BlogResult::blogText() const
{
    if (blogUrl.isValid() && !blogUrl.isRelative())
        return blogUrl.toString(QUrl::FullyEncoded);
    return blogInput.isEmpty() ? blogUrl.toString() : blogInput;
}

QString BlogResult::displayName() const
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    if (!siteName.trimmed().isEmpty())
        return siteName.trimmed();
    if (blogUrl.isValid() && !blogUrl.host().isEmpty()) {
        // The host tells blogs apart; a path or a port only where the address has one.
        QString text = blogUrl.host();
        if (blogUrl.port() > 0)
            text += QLatin1Char(':') + QString::number(blogUrl.port());
        QString path = blogUrl.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        text += path;
        if (blogUrl.hasQuery())
            text += QLatin1Char('?') + blogUrl.query();
        return text;
    }
    return blogText();
}

BlogResult BlogResult::pending(int index, const BlogEntry &entry)
{
    BlogResult result;
    result.index = index;
    result.blogUrl = entry.url;
    result.blogInput = entry.input;
    result.name = entry.name;
    return result;
}
