// SPDX-License-Identifier: GPL-3.0-or-later
#include "farmcontent.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace {
// splitmix64: tiny, fast and identical everywhere, unlike std:: distributions.
class Rng
{
public:
    explicit Rng(quint64 state)
        : m_state(state)
    { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    int between(int low, int high) { return low + below(high - low + 1); }
    template<std::size_t N> const char *pick(const std::array<const char *, N> &list)
    {
        return list[std::size_t(below(int(N)))];
    }

private:
    quint64 m_state;
};

// What the random streams are for, so that changing one page's text never shifts another's.
enum Purpose { kTitles = 1, kFrontSize, kPostSize, kText, kName };

// Title vocabulary per script. No `&<>"` anywhere: see the class comment.
constexpr std::array<const char *, 12> kEnPrefix
    = { "Notes on",   "Why I Still Love", "Lessons from", "Thoughts about", "A Week of", "Building",
        "Rethinking", "Don't Fear",       "The Case for", "Ten Years of",   "Fixing",    "Learning" };
constexpr std::array<const char *, 12> kEnAdjective
    = { "Quiet", "Small", "Old", "Slow", "Cheap", "Broken", "Lost", "Modern", "Hidden", "Honest", "Tiny", "Electric" };
constexpr std::array<const char *, 14> kEnNoun
    = { "Gardens", "Compilers", "Night Trains", "Paper Maps", "Radios",    "Kitchens",  "Bicycles",
        "Letters", "Databases", "Rivers",       "Mornings",   "Libraries", "Sourdough", "Typewriters" };
constexpr std::array<const char *, 10> kEnSuffix
    = { "in Winter",      "at Scale", "for Beginners", "Revisited",          "on a Budget",
        "Without Regret", "(Part 2)", "in 2026",       "and Why It Matters", "- a Retrospective" };
constexpr std::array<const char *, 10> kLatin
    = { "Café",          "Crème brûlée",     "Über Bücher", "Mañana",      "Déjà vu",
        "L'été à Nîmes", "Straße der Ärzte", "Naïveté",     "Smörgåsbord", "Jalapeño" };
constexpr std::array<const char *, 10> kCyrillicGreek
    = { "Заметки о зиме", "Почему я люблю поезда", "Новый город",   "Кухня и книги", "Москва ночью",
        "Καλημέρα",       "Θάλασσα και βιβλία",    "Αθήνα το πρωί", "Київ навесні",  "Старое радио" };
constexpr std::array<const char *, 10> kCjk
    = { "東京の静かな朝", "新しい図書館", "料理日記",   "中文博客的一年", "旅行の記録",
        "서울의 겨울",    "雨の日の散歩", "古いラジオ", "小さな庭",       "夜行列車" };
constexpr std::array<const char *, 8> kEmoji = { "🚀", "☕", "📚", "✨", "🌧️", "🎉", "🧵", "🐧" };

constexpr std::array<const char *, 12> kOwner
    = { "Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Alan", "Frances", "Dennis", "Radia", "Edsger", "Hedy" };
constexpr std::array<const char *, 10> kPlace
    = { "Notebook", "Garden", "Workshop", "Journal", "Corner", "Logbook", "Kitchen", "Attic", "Desk", "Field Notes" };
constexpr std::array<const char *, 6> kForeignName
    = { "Le Carnet de Zoé", "Блог Анны", "Ο Κήπος μου", "東京日記", "Ärztin unterwegs", "Diario de Begoña" };

constexpr std::array<const char *, 48> kFiller = { "lorem",      "ipsum",        "dolor",
                                                   "sit",        "amet",         "consectetur",
                                                   "adipiscing", "elit",         "sed",
                                                   "do",         "eiusmod",      "tempor",
                                                   "incididunt", "ut",           "labore",
                                                   "et",         "dolore",       "magna",
                                                   "aliqua",     "enim",         "ad",
                                                   "minim",      "veniam",       "quis",
                                                   "nostrud",    "exercitation", "ullamco",
                                                   "laboris",    "nisi",         "aliquip",
                                                   "ex",         "ea",           "commodo",
                                                   "consequat",  "duis",         "aute",
                                                   "irure",      "in",           "reprehenderit",
                                                   "voluptate",  "velit",        "esse",
                                                   "cillum",     "fugiat",       "nulla",
                                                   "pariatur",   "excepteur",    "sint" };

QByteArray escaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

void appendSentences(QByteArray &out, Rng &rng, int bytes)
{
    const qsizetype until = out.size() + bytes;
    while (out.size() < until) {
        const int words = rng.between(6, 18);
        for (int i = 0; i < words; ++i) {
            QByteArray word = rng.pick(kFiller);
            if (i == 0)
                word[0] = char(word[0] - 'a' + 'A');
            out += word;
            out += i + 1 < words ? " " : ". ";
        }
    }
}

void appendParagraphs(QByteArray &out, Rng &rng, int bytes)
{
    const qsizetype until = out.size() + bytes;
    while (out.size() < until) {
        out += "<p>";
        appendSentences(out, rng, rng.between(200, 700));
        out += "</p>\n";
    }
}

// WordPress pages carry kilobytes of inline block-theme CSS before any content.
void appendInlineStyle(QByteArray &out, Rng &rng)
{
    out += "<style id='global-styles-inline-css'>\nbody{--wp--preset--color--black: #000000;}\n";
    const int rules = rng.between(60, 120);
    for (int i = 0; i < rules; ++i) {
        out += ".has-" + QByteArray(rng.pick(kFiller)) + "-" + QByteArray::number(i)
            + "-color{color: var(--wp--preset--color--c" + QByteArray::number(rng.below(40))
            + ") !important;margin-block-start:" + QByteArray::number(rng.below(4)) + "rem;}\n";
    }
    out += "</style>\n";
}

QByteArray monthDay(int post)
{
    const int day = 28 - post * 2; // newest first, one post every other day
    return "2026-11-" + QByteArray::number(day).rightJustified(2, '0');
}
} // namespace

FarmContent::FarmContent(quint64 seed, int blogCount, Layout layout)
    : m_seed(seed)
{
    m_blogs.reserve(blogCount);
    for (int blog = 0; blog < blogCount; ++blog) {
        Rng rng(streamSeed(blog, 0, kTitles));
        // Roughly 7 in 10 blogs write in English; the rest exercise UTF-8 end to end.
        const int script = rng.below(10);
        Blog entry;
        if (layout == Layout::PathPrefix)
            entry.base = "/blog-" + QByteArray::number(blog);
        Rng nameRng(streamSeed(blog, 0, kName));
        if (script < 7) {
            entry.language = "en-US";
            entry.name = QString::fromUtf8(nameRng.pick(kOwner)) + QStringLiteral("'s ")
                + QString::fromUtf8(nameRng.pick(kPlace));
        } else {
            entry.language = script == 7 ? "fr-FR" : script == 8 ? "ru-RU" : "ja";
            entry.name = QString::fromUtf8(nameRng.pick(kForeignName));
        }
        for (int post = 0; post < kPostsPerBlog; ++post) {
            QString title;
            // Redraw duplicates: the check must tell the newest post from the others.
            do {
                switch (script) {
                case 7:
                    title
                        = QString::fromUtf8(rng.pick(kLatin)) + QLatin1Char(' ') + QString::fromUtf8(rng.pick(kEnNoun));
                    break;
                case 8:
                    title = QString::fromUtf8(rng.pick(kCyrillicGreek));
                    break;
                case 9:
                    title = QString::fromUtf8(rng.pick(kCjk));
                    break;
                default:
                    title = QString::fromUtf8(rng.pick(kEnPrefix)) + QLatin1Char(' ')
                        + QString::fromUtf8(rng.pick(kEnAdjective)) + QLatin1Char(' ')
                        + QString::fromUtf8(rng.pick(kEnNoun));
                    if (rng.below(2) == 0)
                        title += QLatin1Char(' ') + QString::fromUtf8(rng.pick(kEnSuffix));
                    break;
                }
                if (script >= 8 && rng.below(3) == 0)
                    title += QLatin1Char(' ') + QString::fromUtf8(rng.pick(kEmoji));
                if (script >= 7)
                    title += QLatin1Char(' ') + QString::number(rng.between(2, 99));
                title = title.normalized(QString::NormalizationForm_C);
            } while (entry.titles.contains(title));
            entry.titles.append(title);
            entry.paths.append(entry.base + "/2026/" + QByteArray(post < 5 ? "11" : "10") + "/entry-"
                               + QByteArray::number(post) + '-' + QByteArray::number(rng.next() & 0xffff, 16)
                               + ".html");
        }
        m_blogs.append(entry);
    }
}

quint64 FarmContent::streamSeed(int blog, int post, int purpose) const
{
    Rng mix(m_seed ^ (quint64(blog) << 20) ^ (quint64(post) << 8) ^ quint64(purpose));
    return mix.next();
}

int FarmContent::postForPath(int blog, const QByteArray &path) const
{
    const QList<QByteArray> &paths = m_blogs.at(blog).paths;
    return int(paths.indexOf(path));
}

QByteArray FarmContent::frontPage(int blog) const
{
    Rng rng(streamSeed(blog, 0, kFrontSize));
    const int target = rng.between(30 * 1024, 60 * 1024);
    const int skeleton = int(renderFront(blog, 0).size());
    return renderFront(blog, std::max(0, (target - skeleton) / kPostsPerBlog));
}

QByteArray FarmContent::postPage(int blog, int post) const
{
    Rng rng(streamSeed(blog, post, kPostSize));
    const int target = rng.between(30 * 1024, 80 * 1024);
    const int skeleton = int(renderPost(blog, post, 0).size());
    return renderPost(blog, post, std::max(0, target - skeleton));
}

QByteArray FarmContent::renderFront(int blog, int excerptBytes) const
{
    const Blog &b = m_blogs.at(blog);
    Rng rng(streamSeed(blog, 0, kText));
    const QByteArray name = escaped(b.name);
    QByteArray out;
    out.reserve(excerptBytes * kPostsPerBlog + 16 * 1024);
    out += "<!DOCTYPE html>\n<html lang=\"" + b.language
        + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>"
        + name
        + " &#8211; Just another blog</title>\n"
          "<link rel=\"alternate\" type=\"application/rss+xml\" title=\""
        + name + " &raquo; Feed\" href=\"" + b.base
        + "/feed.xml\">\n"
          "<link rel=\"stylesheet\" id=\"twentytwenty-style-css\" "
          "href=\""
        + b.base
        + "/wp-content/themes/twentytwenty/style.css?ver=2.4\" media=\"all\">\n"
          "<meta name=\"generator\" content=\"WordPress 6.6\">\n";
    appendInlineStyle(out, rng);
    out += "</head>\n<body class=\"home blog wp-embed-responsive\">\n"
           "<a class=\"skip-link screen-reader-text\" href=\"#site-content\">Skip to the content</a>\n"
           "<header id=\"site-header\" class=\"header-footer-group\"><div class=\"header-inner section-inner\">\n"
           "<h1 class=\"site-title\"><a href=\""
        + b.base + "/\">" + name
        + "</a></h1>\n"
          "<div class=\"site-description\">Just another blog</div>\n<nav class=\"primary-menu-wrapper\"><ul>\n";
    for (const char *item : { "About", "Archive", "Projects", "Contact" })
        out += "<li class=\"menu-item\"><a href=\"" + b.base + '/' + QByteArray(item).toLower() + "/\">" + item
            + "</a></li>\n";
    out += "</ul></nav></div></header>\n<main id=\"site-content\">\n";
    for (int post = 0; post < kPostsPerBlog; ++post) {
        const QByteArray title = escaped(b.titles.at(post));
        const QByteArray id = QByteArray::number(1000 + (kPostsPerBlog - post));
        out += "<article class=\"post-" + id
            + " post type-post status-publish format-standard hentry category-notes\" id=\"post-" + id
            + "\">\n<header class=\"entry-header has-text-align-center\">\n"
              "<h2 class=\"entry-title heading-size-1\"><a rel=\"bookmark\" href=\""
            + b.paths.at(post) + "\">" + title
            + "</a></h2>\n<div class=\"post-meta-wrapper\"><ul class=\"post-meta\"><li class=\"post-date\">"
              "<time datetime=\""
            + monthDay(post) + "T09:30:00+00:00\">" + monthDay(post)
            + "</time></li>"
              "<li class=\"post-author\">by <a href=\""
            + b.base
            + "/author/admin/\">admin</a></li></ul></div>\n</header>\n"
              "<div class=\"post-inner thin\"><div class=\"entry-content\">\n";
        appendParagraphs(out, rng, excerptBytes);
        out += "<p><a href=\"" + b.paths.at(post)
            + "\" class=\"more-link\">Continue reading <span class=\"screen-reader-text\">" + title
            + "</span></a></p>\n</div></div>\n</article>\n<hr class=\"post-separator\">\n";
    }
    out += "<nav class=\"pagination-wrapper\"><a class=\"next page-numbers\" href=\"" + b.base
        + "/page/2/\">Older Posts</a></nav>\n"
          "</main>\n<aside class=\"widget-area\">\n<div class=\"widget widget_recent_entries\"><h2 "
          "class=\"widget-title\">"
          "Recent Posts</h2><ul>\n";
    for (int post = 0; post < 5; ++post)
        out += "<li><a href=\"" + b.paths.at(post) + "\">" + escaped(b.titles.at(post)) + "</a></li>\n";
    out += "</ul></div>\n<div class=\"widget widget_archive\"><h2 class=\"widget-title\">Archives</h2><ul>\n"
           "<li><a href=\""
        + b.base + "/2026/11/\">November 2026</a></li><li><a href=\"" + b.base
        + "/2026/10/\">October "
          "2026</a></li></ul></div>\n"
          "</aside>\n<footer id=\"site-footer\" class=\"header-footer-group\"><p>&copy; 2026 <a href=\""
        + b.base + "/\">" + name
        + "</a> &middot; Powered by WordPress</p></footer>\n"
          "<script src=\""
        + b.base + "/wp-includes/js/wp-embed.min.js?ver=6.6\" id=\"wp-embed-js\"></script>\n</body>\n</html>\n";
    return out;
}

QByteArray FarmContent::renderPost(int blog, int post, int bodyBytes) const
{
    const Blog &b = m_blogs.at(blog);
    Rng rng(streamSeed(blog, post, kText));
    const QByteArray name = escaped(b.name);
    const QByteArray title = escaped(b.titles.at(post));
    QByteArray out;
    out.reserve(bodyBytes + 16 * 1024);
    // WordPress writes the en dash of the <title> as a numeric reference.
    out += "<!DOCTYPE html>\n<html lang=\"" + b.language
        + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>"
        + title + " &#8211; " + name
        + "</title>\n"
          "<link rel=\"canonical\" href=\""
        + b.paths.at(post)
        + "\">\n"
          "<meta property=\"og:locale\" content=\""
        + b.language
        + "\">\n"
          "<meta property=\"og:type\" content=\"article\">\n"
          "<meta property=\"og:title\" content=\""
        + title
        + "\">\n"
          "<meta property=\"og:site_name\" content=\""
        + name
        + "\">\n"
          "<meta property=\"article:published_time\" content=\""
        + monthDay(post) + "T09:30:00+00:00\">\n";
    appendInlineStyle(out, rng);
    out += "</head>\n<body class=\"post-template-default single single-post postid-" + QByteArray::number(1000 + post)
        + " single-format-standard\">\n<header id=\"site-header\"><div class=\"header-inner section-inner\">\n"
          "<div class=\"site-title faux-heading\"><a href=\""
        + b.base + "/\">" + name
        + "</a></div>\n"
          "<nav class=\"primary-menu-wrapper\"><ul><li><a href=\""
        + b.base + "/about/\">About</a></li><li><a href=\"" + b.base
        + "/archive/\">Archive</a></li></ul></nav></div></header>\n"
          "<main id=\"site-content\">\n<article class=\"post type-post status-publish hentry\">\n"
          "<header class=\"entry-header has-text-align-center\">\n<h1 class=\"entry-title\">"
        + title
        + "</h1>\n"
          "<div class=\"post-meta-wrapper\"><time datetime=\""
        + monthDay(post) + "T09:30:00+00:00\">" + monthDay(post)
        + "</time></div>\n</header>\n<div class=\"post-inner thin\"><div class=\"entry-content\">\n";
    // Three quarters article text (with subheadings and a quote), one quarter comments.
    const int articleBytes = bodyBytes * 3 / 4;
    for (int section = 0; section < 4; ++section) {
        out += "<h2 class=\"wp-block-heading\">Section " + QByteArray::number(section + 1) + "</h2>\n";
        appendParagraphs(out, rng, articleBytes / 5);
    }
    out += "<blockquote class=\"wp-block-quote\"><p>";
    appendSentences(out, rng, 200);
    out += "</p></blockquote>\n<ul>\n";
    for (int i = 0; i < 5; ++i) {
        out += "<li>";
        appendSentences(out, rng, 60);
        out += "</li>\n";
    }
    out += "</ul>\n";
    appendParagraphs(out, rng, articleBytes / 5);
    out += "</div></div>\n</article>\n<nav class=\"pagination-single\">";
    if (post + 1 < kPostsPerBlog) {
        out += "<a class=\"previous-post\" href=\"" + b.paths.at(post + 1) + "\" rel=\"prev\"><span class=\"title\">"
            + escaped(b.titles.at(post + 1)) + "</span></a>";
    }
    out += "</nav>\n<section id=\"comments\" class=\"comments-wrapper\">\n<h2 "
           "class=\"comment-reply-title\">Comments</h2>\n";
    const qsizetype commentsEnd = out.size() + bodyBytes / 4;
    for (int comment = 1; out.size() < commentsEnd; ++comment) {
        out += "<div class=\"comment\" id=\"comment-" + QByteArray::number(comment) + "\"><p class=\"comment-author\">"
            + rng.pick(kOwner) + "</p><div class=\"comment-content\"><p>";
        appendSentences(out, rng, rng.between(150, 600));
        out += "</p></div></div>\n";
    }
    out += "</section>\n</main>\n<footer id=\"site-footer\"><p>&copy; 2026 <a href=\"" + b.base + "/\">" + name
        + "</a></p></footer>\n</body>\n</html>\n";
    return out;
}

QByteArray FarmContent::feed(int blog, const QByteArray &origin) const
{
    const Blog &b = m_blogs.at(blog);
    QByteArray out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n<title>"
        + escaped(b.name) + "</title>\n<link>" + origin + b.base
        + "/</link>\n<description>Just another blog</description>\n";
    for (int post = 0; post < kPostsPerBlog; ++post) {
        out += "<item><title>" + escaped(b.titles.at(post)) + "</title><link>" + origin + b.paths.at(post)
            + "</link><pubDate>" + QByteArray::number(28 - post * 2) + " Nov 2026 09:30:00 +0000</pubDate></item>\n";
    }
    out += "</channel>\n</rss>\n";
    return out;
}
