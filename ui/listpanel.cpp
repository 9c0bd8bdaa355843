// SPDX-License-Identifier: GPL-3.0-or-later
#include "listpanel.h"

#include "io/bloglistreader.h"
#include "plaintooltip.h"
#include "session/listcheck.h"
#include "types/webaddress.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

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
    if (text.size() <= kFillAtOnceChars) {
        setText(text);
        m_list.setImported(blogs, this->text());
        return;
    }
    // Megabytes of text laid out at once would freeze the window for seconds: the editor fills a
    // step per turn of the event loop, read-only and without undo meanwhile, and the list counts
    // as being read until it is full.
    m_editor->clear();
    m_editor->setUndoRedoEnabled(false);
    m_editor->setReadOnly(true);
    m_fillBlogs = blogs;
    m_fillText = text;
    m_fillPosition = 0;
    setReading(true);
    QTimer::singleShot(0, this, &ListPanel::fillStep);
}

void ListPanel::fillStep()
{
    if (m_fillText.isEmpty())
        return; // cancelled
    constexpr qsizetype kStepChars = 32 * 1024;
    qsizetype end = std::min(m_fillText.size(), m_fillPosition + kStepChars);
    if (end < m_fillText.size()) {
        const qsizetype lineEnd = m_fillText.indexOf(QLatin1Char('\n'), end);
        end = lineEnd < 0 ? m_fillText.size() : lineEnd + 1;
    }
    QTextCursor cursor(m_editor->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(m_fillText.mid(m_fillPosition, end - m_fillPosition));
    m_fillPosition = end;
    if (m_fillPosition < m_fillText.size()) {
        QTimer::singleShot(0, this, &ListPanel::fillStep);
        return;
    }
    // The editor now shows exactly the import's text: its names and XPaths are the list.
    m_list.setImported(m_fillBlogs, m_fillText);
    endFill();
    setReading(false);
    const QList<QUrl> thenAppend = std::exchange(m_fillThenAppend, {});
    if (!thenAppend.isEmpty())
        appendUrls(thenAppend);
}

void ListPanel::endFill()
{
    m_fillText.clear();
    m_fillBlogs.clear();
    m_fillPosition = 0;
    m_editor->setReadOnly(false);
    m_editor->setUndoRedoEnabled(true);
}

void ListPanel::setReading(bool reading)
{
    m_reading = reading;
    Q_EMIT readingChanged();
}

void ListPanel::cancelReading()
{
    m_reader.cancel();
    if (!m_fillText.isEmpty()) {
        endFill(); // what is shown stays, as text
        m_fillThenAppend.clear();
    }
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
            // The editor's text is made here too: for a big list it is megabytes.
            QString text = EditedList::textFor(combined.blogs);
            return std::make_pair(combined, text);
        },
        [this, paths, thenAppend, mode](const std::pair<BlogListReadResult, QString> &read) {
            onImported(read.first, read.second, paths, thenAppend, mode);
        });
}

void ListPanel::onImported(const BlogListReadResult &combined, const QString &importedText, const QStringList &paths,
                           const QList<QUrl> &thenAppend, ImportMode mode)
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
        showImported(combined.blogs, importedText);
        tell(tr("Imported %1: %2").arg(source, combined.shortSummary()), combined.problems);
        if (!m_fillText.isEmpty()) {
            m_fillThenAppend = thenAppend; // added once the editor is full
            return;
        }
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

void ListPanel::chooseAndImport(const QString &recentFile)
{
    const QString start = recentFile.isEmpty() ? QDir::homePath() : QFileInfo(recentFile).absolutePath();
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Import Blog List"), start,
                                       tr("Blog lists (*.txt *.csv *.tsv *.opml *.xml);;Text files (*.txt);;"
                                          "CSV files (*.csv *.tsv);;OPML files (*.opml *.xml);;All files (*)"));
    if (!path.isEmpty())
        importAsking({ path });
}

void ListPanel::importAsking(const QStringList &paths, const QList<QUrl> &thenAppend)
{
    if (paths.isEmpty() || text().trimmed().isEmpty()) {
        importFiles(paths, thenAppend);
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Import Blog List"),
                    tr("The list already holds blogs. Replace them with the imported list, or add the imported "
                       "blogs to them?"),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("importQuestion"));
    QPushButton *replace = box.addButton(tr("&Replace"), QMessageBox::DestructiveRole);
    replace->setObjectName(QStringLiteral("replaceButton"));
    QPushButton *add = box.addButton(tr("&Add"), QMessageBox::AcceptRole);
    add->setObjectName(QStringLiteral("addButton"));
    box.setDefaultButton(add);
    box.exec();
    if (box.clickedButton() == replace)
        importFiles(paths, thenAppend, ImportMode::Replace);
    else if (box.clickedButton() == add)
        importFiles(paths, thenAppend, ImportMode::Add);
    else
        tell(tr("Import cancelled: the list is unchanged."));
}
