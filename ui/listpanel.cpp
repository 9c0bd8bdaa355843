// SPDX-License-Identifier: GPL-3.0-or-later
#include "listpanel.h"

#include "io/bloglistreader.h"
#include "plaintooltip.h"
#include "types/webaddress.h"

#include <QDir>
#include <QPlainTextEdit>
#include <QVBoxLayout>

ListPanel::ListPanel(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QPlainTextEdit(this))
{
    m_editor->setObjectName(QStringLiteral("blogListEditor"));
    m_editor->setAccessibleName(tr("Blog list"));
    m_editor->setAccessibleDescription(tr("One blog address per line; lines starting with # are comments"));
    m_editor->setPlaceholderText(tr("Paste blog addresses here, one per line, or drop list files and links.\n"
                                    "# Lines starting with # are comments."));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    setFocusProxy(m_editor);
}

void ListPanel::tell(const QString &text, const QStringList &problems)
{
    // At most this many problems are listed; the rest are counted.
    constexpr int kMaxProblemsShown = 20;
    QString tooltip;
    if (!problems.isEmpty()) {
        QStringList shown = problems.mid(0, kMaxProblemsShown);
        if (problems.size() > kMaxProblemsShown)
            shown.append(tr("… and %n more", nullptr, int(problems.size() - kMaxProblemsShown)));
        tooltip = plainTooltip(shown.join(QLatin1Char('\n')));
    }
    Q_EMIT message(text, tooltip);
}

QString ListPanel::text() const
{
    return m_editor->toPlainText();
}

void ListPanel::setText(const QString &text)
{
    m_editor->setPlainText(text);
}

void ListPanel::showImported(const QList<BlogEntry> &blogs, const QString &text)
{
    setText(text);
    m_list.setImported(blogs, this->text());
}

void ListPanel::setReading(bool reading)
{
    m_reading = reading;
    Q_EMIT readingChanged();
}

void ListPanel::cancelReading()
{
    m_reader.cancel();
    setReading(false);
}

void ListPanel::readForScan(bool loadHistory)
{
    const QString text = this->text();
    const QList<BlogEntry> imported = m_list.importedBlogsFor(text);
    setReading(true);
    // Read, and the rows made, on the reader's thread: nothing here grows with the list.
    m_reader.run(
        [text, imported, loadHistory] {
            BlogListReadResult list;
            if (!imported.isEmpty())
                list.blogs = imported;
            else
                list = BlogListReader::readText(text);
            return std::make_pair(list, ScanSession::prepare(list.blogs, loadHistory));
        },
        [this](std::pair<BlogListReadResult, ScanSession::PreparedList> &read) {
            setReading(false);
            const BlogListReadResult &list = read.first;
            tell(list.blogs.isEmpty() ? tr("No blogs to scan. %1").arg(list.summary()) : list.summary(), list.problems);
            Q_EMIT readyToScan(read.second);
        });
}

void ListPanel::importFiles(const QStringList &paths, const QList<QUrl> &thenAppend)
{
    if (paths.isEmpty()) {
        if (!thenAppend.isEmpty())
            appendUrls(thenAppend);
        return;
    }
    setReading(true);
    m_reader.run(
        [paths] { return BlogListReader::readFiles(paths); },
        [this, paths, thenAppend](const BlogListReadResult &combined) { onImported(combined, paths, thenAppend); });
}

void ListPanel::onImported(const BlogListReadResult &combined, const QStringList &paths, const QList<QUrl> &thenAppend)
{
    setReading(false);
    Q_EMIT filesRead(combined.sources);
    if (combined.blogs.isEmpty() && !combined.error.isEmpty()) {
        // Nothing readable: keep the editor as it was.
        tell(combined.error);
    } else {
        showImported(combined.blogs, EditedList::textFor(combined.blogs));
        const QString source = paths.size() == 1 ? QDir::toNativeSeparators(paths.constFirst())
                                                 : tr("%n file(s)", nullptr, int(paths.size()));
        tell(tr("Imported %1: %2").arg(source, combined.summary()), combined.problems);
    }
    // An import replaces the list; the links of the same drop are added to what it put there.
    if (!thenAppend.isEmpty())
        appendUrls(thenAppend);
}

void ListPanel::appendUrls(const QList<QUrl> &urls)
{
    QList<BlogEntry> added;
    int refused = 0;
    for (const QUrl &url : urls) {
        if (!WebAddress::isFetchable(url)) {
            ++refused;
            continue;
        }
        BlogEntry entry;
        entry.url = url;
        entry.input = url.toString();
        added.append(entry);
    }
    if (!added.isEmpty()) {
        const QString before = text();
        QString text = before;
        if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        for (const BlogEntry &entry : std::as_const(added))
            text += EditedList::lineFor(entry) + QLatin1Char('\n');
        setText(text);
        // An import's names and XPaths survive links added after it.
        m_list.append(added, before, this->text());
    }
    QString message = tr("Added %n address(es) to the list", nullptr, int(added.size()));
    if (refused > 0)
        message += tr("; %n refused: only http and https addresses are scanned", nullptr, refused);
    tell(message);
}

void ListPanel::paste(const QString &pasted)
{
    QString list = text();
    if (!list.isEmpty() && !list.endsWith(QLatin1Char('\n')))
        list += QLatin1Char('\n');
    setText(list + pasted);
    m_editor->setFocus(Qt::OtherFocusReason);
    // The summary reads the pasted lines (~150 ms for 50,000): on the reader's thread.
    m_reader.run([pasted] { return BlogListReader::readText(pasted); },
                 [this](const BlogListReadResult &read) { tell(tr("Pasted: %1").arg(read.summary()), read.problems); });
}
