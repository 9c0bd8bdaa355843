// SPDX-License-Identifier: GPL-3.0-or-later
#include "types/webaddress.h"

#include <QTest>

class TestWebAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samePageSpellings_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addRow("host case") << "https://Blog.Example/"
                                   << "https://blog.example/";
        QTest::addRow("scheme case") << "HTTPS://blog.example/"
                                     << "https://blog.example/";
        QTest::addRow("root slash") << "https://blog.example"
                                    << "https://blog.example/";
        QTest::addRow("trailing slash") << "https://blog.example/blog/"
                                        << "https://blog.example/blog";
        QTest::addRow("fragment") << "https://blog.example/post#comments"
                                  << "https://blog.example/post";
        QTest::addRow("dot segments") << "https://blog.example/a/../post"
                                      << "https://blog.example/post";
        QTest::addRow("https default port") << "https://blog.example:443/"
                                            << "https://blog.example/";
        QTest::addRow("http default port") << "http://blog.example:80/x"
                                           << "http://blog.example/x";
        QTest::addRow("empty query") << "https://blog.example/x?"
                                     << "https://blog.example/x";
        QTest::addRow("slash before query") << "https://blog.example/x/?p=1"
                                            << "https://blog.example/x?p=1";
        QTest::addRow("encoded unreserved") << "https://blog.example/%7Euser"
                                            << "https://blog.example/~user";
    }

    void samePageSpellings()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY(WebAddress::isSamePage(QUrl(a), QUrl(b)));
        QCOMPARE(WebAddress::blogKey(QUrl(a)), WebAddress::blogKey(QUrl(b)));
    }

    void differentPages_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addRow("scheme") << "http://blog.example/"
                                << "https://blog.example/";
        QTest::addRow("www") << "https://www.blog.example/"
                             << "https://blog.example/";
        QTest::addRow("path case") << "https://blog.example/Post"
                                   << "https://blog.example/post";
        QTest::addRow("query") << "https://blog.example/?p=1"
                               << "https://blog.example/?p=2";
        QTest::addRow("other port") << "https://blog.example:8443/"
                                    << "https://blog.example/";
        QTest::addRow("sub path") << "https://blog.example/a/"
                                  << "https://blog.example/a/b";
    }

    void differentPages()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY(!WebAddress::isSamePage(QUrl(a), QUrl(b)));
        QVERIFY(WebAddress::blogKey(QUrl(a)) != WebAddress::blogKey(QUrl(b)));
    }

    void fetchableIsHttpOrHttpsWithAHost()
    {
        QVERIFY(WebAddress::isFetchable(QUrl(QStringLiteral("HTTP://a.example/"))));
        QVERIFY(!WebAddress::isFetchable(QUrl(QStringLiteral("file:///etc/passwd"))));
        QVERIFY(!WebAddress::isFetchable(QUrl(QStringLiteral("https://"))));
    }
};

QTEST_GUILESS_MAIN(TestWebAddress)
#include "tst_webaddress.moc"
