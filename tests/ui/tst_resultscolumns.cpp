// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/languageloader.h"
#include "resultscolumns.h"
#include "resultsmodel.h"

#include <QHeaderView>
#include <QTableView>
#include <QTest>

class TestResultsColumns final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase() { LanguageLoader::apply(LanguageLoader::localeFor(QStringLiteral("en"))); }

    void startsAroundTheTitle()
    {
        ResultsModel model;
        QTableView view;
        view.setModel(&model);
        ResultsColumns::applyDefaults(&view);
        QHeaderView *header = view.horizontalHeader();
        QCOMPARE(header->sectionResizeMode(ResultsModel::Title), QHeaderView::Stretch);
        // Timing lives in the waterfall and a failure's reason in the Title cell: one click away.
        for (const int column :
             { ResultsModel::FrontPageMs, ResultsModel::ArticleMs, ResultsModel::TotalMs, ResultsModel::Error })
            QVERIFY2(header->isSectionHidden(column), qPrintable(QString::number(column)));
        for (const int column : { ResultsModel::Blog, ResultsModel::Status, ResultsModel::Article, ResultsModel::Title,
                                  ResultsModel::Waterfall })
            QVERIFY2(!header->isSectionHidden(column), qPrintable(QString::number(column)));
    }

    void fitsTheHeadersOfEachLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("English") << QStringLiteral("en");
        QTest::addRow("French") << QStringLiteral("fr");
        QTest::addRow("German") << QStringLiteral("de");
        QTest::addRow("Spanish") << QStringLiteral("es");
    }

    void fitsTheHeadersOfEachLanguage()
    {
        QFETCH(QString, language);
        LanguageLoader::apply(LanguageLoader::localeFor(language));
        ResultsModel model;
        QTableView view;
        view.setModel(&model);
        ResultsColumns::applyDefaults(&view);
        for (int column = 0; column < ResultsModel::ColumnCount; ++column)
            view.horizontalHeader()->setSectionHidden(column, false); // as the header menu shows them
        const QFontMetrics metrics = view.horizontalHeader()->fontMetrics();
        for (int column = 0; column < ResultsModel::ColumnCount; ++column) {
            if (column == ResultsModel::Title)
                continue;
            const QString text = model.headerData(column, Qt::Horizontal).toString();
            // The text, the sort indicator and the margins: "Gesamt ms" is not clipped.
            QVERIFY2(view.columnWidth(column) >= metrics.horizontalAdvance(text) + 2 * metrics.averageCharWidth(),
                     qPrintable(
                         QStringLiteral("%1: %2 px for \"%3\"").arg(language).arg(view.columnWidth(column)).arg(text)));
        }
        // Every status label this language has fits beside its icon.
        const QFontMetrics cells = view.fontMetrics();
        for (int status = int(BlogStatus::Pending); status <= int(BlogStatus::Network); ++status) {
            const QString label = BlogStatusText::label(BlogStatus(status));
            QVERIFY2(view.columnWidth(ResultsModel::Status) >= cells.horizontalAdvance(label) + cells.height(),
                     qPrintable(label));
        }
    }
};

QTEST_MAIN(TestResultsColumns)
#include "tst_resultscolumns.moc"
