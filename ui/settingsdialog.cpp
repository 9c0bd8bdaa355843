// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Titlewave Settings"));

    m_maxInFlight = new QSpinBox(this);
    m_maxInFlight->setObjectName(QStringLiteral("maxInFlightSetting"));
    m_maxInFlight->setRange(0, 100000);
    m_maxInFlight->setSpecialValueText(tr("Automatic"));
    m_maxInFlight->setAccessibleName(tr("Requests in flight"));
    m_maxInFlight->setToolTip(tr("Blogs scanned at once; Automatic uses as many as the system allows, 1 scans "
                                 "one blog at a time"));

    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeoutSetting"));
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setAccessibleName(tr("Timeout in seconds"));
    m_timeout->setToolTip(tr("A request that receives no data for this long fails with a timeout"));

    m_deadline = new QSpinBox(this);
    m_deadline->setObjectName(QStringLiteral("deadlineSetting"));
    m_deadline->setRange(1, 86400);
    m_deadline->setSuffix(tr(" s"));
    m_deadline->setAccessibleName(tr("Deadline in seconds"));
    m_deadline->setToolTip(tr("A request not finished this long after it left fails with a timeout, even while "
                              "data still trickles in"));

    m_maxPageSize = new QSpinBox(this);
    m_maxPageSize->setObjectName(QStringLiteral("maxPageSizeSetting"));
    m_maxPageSize->setRange(1, 4096);
    m_maxPageSize->setSuffix(tr(" MB"));
    m_maxPageSize->setAccessibleName(tr("Maximum page size in megabytes"));
    m_maxPageSize->setToolTip(tr("Larger pages (after decompression) are refused as too large"));

    m_userAgent = new QLineEdit(this);
    m_userAgent->setObjectName(QStringLiteral("userAgentSetting"));
    m_userAgent->setPlaceholderText(QString::fromLatin1(FetchPolicy().userAgent));
    m_userAgent->setClearButtonEnabled(true);
    m_userAgent->setAccessibleName(tr("User agent"));

    m_preferFeeds = new QCheckBox(tr("&Prefer feeds over page markup"), this);
    m_preferFeeds->setObjectName(QStringLiteral("preferFeedsSetting"));
    m_preferFeeds->setToolTip(tr("Follow a blog's feed even when its front page names an article"));

    m_proxyMode = new QComboBox(this);
    m_proxyMode->setObjectName(QStringLiteral("proxyModeSetting"));
    m_proxyMode->setAccessibleName(tr("Proxy"));
    m_proxyMode->addItem(tr("The system's proxy settings"), int(ProxyMode::System));
    m_proxyMode->addItem(tr("No proxy"), int(ProxyMode::Direct));
    m_proxyMode->addItem(tr("This proxy:"), int(ProxyMode::Url));
    m_proxyUrl = new QLineEdit(this);
    m_proxyUrl->setObjectName(QStringLiteral("proxyUrlSetting"));
    m_proxyUrl->setPlaceholderText(QStringLiteral("http://proxy.example:3128"));
    m_proxyUrl->setAccessibleName(tr("Proxy address"));
    m_proxyUrl->setToolTip(tr("http://host:port or socks5://host:port, with user:password@ before the host if the "
                              "proxy asks for them"));
    const auto showProxyUrl
        = [this] { m_proxyUrl->setEnabled(m_proxyMode->currentData().toInt() == int(ProxyMode::Url)); };
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, showProxyUrl);
    showProxyUrl();

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageSetting"));
    m_language->setAccessibleName(tr("Language"));
    // Language names in their own language, so anyone can find theirs.
    m_language->addItem(tr("System"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Requests in flight:"), m_maxInFlight);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(tr("&Deadline:"), m_deadline);
    form->addRow(tr("&Maximum page size:"), m_maxPageSize);
    form->addRow(tr("&User agent:"), m_userAgent);
    form->addRow(QString(), m_preferFeeds);
    form->addRow(tr("Pro&xy:"), m_proxyMode);
    form->addRow(QString(), m_proxyUrl);
    form->addRow(tr("&Language:"), m_language);
    auto *languageNote = new QLabel(tr("A new language applies the next time Titlewave starts."), this);
    languageNote->setWordWrap(true);
    form->addRow(QString(), languageNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setSettings(AppSettings());
}

void SettingsDialog::setSettings(const AppSettings &settings)
{
    m_maxInFlight->setValue(settings.maxInFlight);
    m_timeout->setValue(settings.timeoutSeconds);
    m_deadline->setValue(settings.deadlineSeconds);
    m_maxPageSize->setValue(settings.maxPageSizeMb);
    m_userAgent->setText(settings.userAgent);
    m_preferFeeds->setChecked(settings.preferFeeds);
    m_proxyMode->setCurrentIndex(std::max(0, m_proxyMode->findData(int(settings.proxyMode))));
    m_proxyUrl->setText(settings.proxyUrl);
    const int language = m_language->findData(settings.language);
    m_language->setCurrentIndex(language >= 0 ? language : 0);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings settings;
    settings.maxInFlight = m_maxInFlight->value();
    settings.timeoutSeconds = m_timeout->value();
    settings.deadlineSeconds = m_deadline->value();
    settings.maxPageSizeMb = m_maxPageSize->value();
    settings.userAgent = m_userAgent->text().trimmed();
    settings.preferFeeds = m_preferFeeds->isChecked();
    settings.proxyMode = ProxyMode(m_proxyMode->currentData().toInt());
    settings.proxyUrl = m_proxyUrl->text().trimmed();
    settings.language = m_language->currentData().toString();
    return settings;
}
