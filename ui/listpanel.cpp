// SPDX-License-Identifier: GPL-3.0-or-later
#include "listpanel.h"

#include "io/bloglistreader.h"
#include "plaintooltip.h"
#include "session/listcheck.h"
#include "types/webaddress.h"

#include <QDir>
#include <QPlainTextEdit>
#include <QSet>
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
            ListCheck::addXPathProblems(list);
            return std::make_pair(list, ScanSession::prepare(list.blogs, loadHistory));
        },
        [this](std::pair<BlogListReadResult, ScanSession::PreparedList> &read) {
            setReading(false);
            const BlogListReadResult &list = read.first;
            tell(list.blogs.isEmpty() ? tr("No blogs to scan. %1").arg(list.shortSummary()) : list.shortSummary(),
                 list.problems);
            Q_EMIT readyToScan(read.second);
        });
}

void ListPanel::importFiles(const QStringList &paths, const QList<QUrl> &thenAppend, ImportMode mode)
{
    if (paths.isEmpty()) {
        if (!thenAppend.isEmpty())
            appendUrls(thenAppend);
        return;
    }
    setReading(true);
    m_reader.run(
        [paths] {
            BlogListReadResult combined = BlogListReader::readFiles(paths);
            ListCheck::addXPathProblems(combined);
            return combined;
        },
        [this, paths, thenAppend, mode](const BlogListReadResult &combined) {
            onImported(combined, paths, thenAppend, mode);
        });
}

void ListPanel::onImported(const BlogListReadResult &combined, const QStringList &paths, const QList<QUrl> &thenAppend,
                           ImportMode mode)
{
    setReading(false);
    Q_EMIT filesRead(combined.sources);
    const QString source = paths.size() == 1 ? QDir::toNativeSeparators(paths.constFirst())
                                             : tr("%n file(s)", nullptr, int(paths.size()));
    if (combined.blogs.isEmpty() && !combined.error.isEmpty()) {
        // Nothing readable: keep the editor as it was.
        tell(combined.error);
    } else if (combined.blogs.isEmpty() && !text().trimmed().isEmpty()) {
        // An empty file never wipes a list.
        tell(tr("Imported %1: %2; the list is unchanged").arg(source, combined.shortSummary()), combined.problems);
    } else if (mode == ImportMode::Add) {
        // The files' new, accepted blogs after the list's own.
        QSet<QString> listed;
        for (const BlogEntry &entry : m_list.blogs(text())) {
            if (entry.url.isValid())
                listed.insert(WebAddress::blogKey(entry.url));
        }
        QList<BlogEntry> added;
        for (const BlogEntry &entry : combined.blogs) {
            if (WebAddress::isFetchable(entry.url) && !listed.contains(WebAddress::blogKey(entry.url)))
                added.append(entry);
        }
        appendEntries(added);
        tell(tr("Imported %1: %2; %n added to the list", nullptr, int(added.size()))
                 .arg(source, combined.shortSummary()),
             combined.problems);
    } else {
        showImported(combined.blogs, EditedList::textFor(combined.blogs));
        tell(tr("Imported %1: %2").arg(source, combined.shortSummary()), combined.problems);
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
    appendEntries(added);
    QString message = tr("Added %n address(es) to the list", nullptr, int(added.size()));
    if (refused > 0)
        message += tr("; %n refused: only http and https addresses are scanned", nullptr, refused);
    tell(message);
}

void ListPanel::appendEntries(const QList<BlogEntry> &added)
{
    if (added.isEmpty())
        return;
    const QString before = text();
    QString text = before;
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    for (const BlogEntry &entry : added)
        text += EditedList::lineFor(entry) + QLatin1Char('\n');
    setText(text);
    // An import's names and XPaths survive what is added after it.
    m_list.append(added, before, this->text());
}

void ListPanel::onPasted(const BlogListAddition &addition)
{
    appendEntries(addition.added);
    m_editor->setFocus(Qt::OtherFocusReason);
    tell(tr("Pasted: %1").arg(addition.summary()), addition.problems);
}

void ListPanel::paste(const QString &pasted)
{
    // A paste of a few lines is read at once, so the list shows it before the next keystroke;
    // a big one (or a paste into a big list) on the reader's thread (~150 ms for 50,000 lines).
    constexpr qsizetype kReadAtOnceChars = 64 * 1024;
    const QString current = text();
    const QList<BlogEntry> imported = m_list.importedBlogsFor(current);
    const auto read = [current, imported, pasted] {
        const QList<BlogEntry> existing = imported.isEmpty() ? BlogListReader::readText(current).blogs : imported;
        return BlogListReader::additions(existing, pasted);
    };
    if (pasted.size() + current.size() <= kReadAtOnceChars) {
        onPasted(read());
        return;
    }
    m_reader.run(read, [this](const BlogListAddition &addition) { onPasted(addition); });
}
