// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Turns extracted text into the plain, comparable form every parse result uses.
class TextCleaner final
{
public:
    /// Every run of Unicode whitespace (tabs, newlines, NBSP, ...) becomes one space; trimmed.
    static QString collapseWhitespace(QStringView text);
    /// collapseWhitespace() plus Unicode NFC, so that equal headlines compare equal.
    static QString clean(QStringView text);
    /// Case- and whitespace-insensitive form for comparing two texts (not for display).
    static QString comparable(QStringView text);
};
