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
    /// Why @p xpath does not compile, from libxml2's error code and position ("a predicate [ ] is
    /// not complete (at character 9)"), else std::nullopt.
    static std::optional<QString> error(const QString &xpath);
    /// "The XPath “//a[@rel=” is not valid: <reason>." (the expression cut to 200 characters).
    static QString sentence(const QString &xpath, const QString &reason);
};
