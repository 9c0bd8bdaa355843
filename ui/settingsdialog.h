// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

/// Edits AppSettings: the scan's limits, the user agent, feed preference and the language.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setSettings(const AppSettings &settings);
    AppSettings settings() const;

private:
    QSpinBox *m_maxInFlight = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_deadline = nullptr;
    QSpinBox *m_maxPageSize = nullptr;
    QLineEdit *m_userAgent = nullptr;
    QCheckBox *m_preferFeeds = nullptr;
    QComboBox *m_proxyMode = nullptr;
    QLineEdit *m_proxyUrl = nullptr;
    QComboBox *m_language = nullptr;
};
