// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/// Whether a user's XPath compiles, by libxml2's own compiler: the list import reports a typo
/// with its line number, and the scan ends that blog's chain with the same sentence instead of
/// trying other rules that would hide it. Thread-safe.
class XPathCheck final
{
public:
    /// libxml2's reason when @p xpath does not compile ("Invalid predicate", ...), else std::nullopt.
    static std::optional<QString> error(const QString &xpath);
    /// "The XPath “//a[@rel=” is not valid: Invalid predicate." (the expression cut to 200 characters).
    static QString sentence(const QString &xpath, const QString &reason);
};
