// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchdns.h"

#include <QNetworkDatagram>
#include <QTimer>

#include <algorithm>

namespace {
// RFC 1035 §4.1: a 12-byte header, then the question (name, type, class).
constexpr int kHeaderBytes = 12;
constexpr quint16 kTypeA = 1;
constexpr quint16 kClassIn = 1;
constexpr quint16 kFlagResponse = 0x8000;
constexpr quint16 kFlagAuthoritative = 0x0400;
constexpr quint16 kFlagRecursionDesired = 0x0100;
constexpr quint16 kRcodeFormErr = 1;
constexpr quint16 kRcodeNxDomain = 3;
constexpr quint16 kRcodeNotImp = 4;
constexpr int kMaxNameBytes = 255;
constexpr int kMaxLabelBytes = 63;
constexpr quint32 kTtlSeconds = 60;

quint16 read16(const QByteArray &data, qsizetype at)
{
    return quint16((quint8(data.at(at)) << 8) | quint8(data.at(at + 1)));
}

void append16(QByteArray &out, quint16 value)
{
    out.append(char(value >> 8));
    out.append(char(value & 0xff));
}

void append32(QByteArray &out, quint32 value)
{
    append16(out, quint16(value >> 16));
    append16(out, quint16(value & 0xffff));
}

QByteArray header(quint16 id, quint16 flags, quint16 questions, quint16 answers)
{
    QByteArray out;
    append16(out, id);
    append16(out, flags);
    append16(out, questions);
    append16(out, answers);
    append16(out, 0); // authority records
    append16(out, 0); // additional records
    return out;
}

// The blog index of "blog-<i>.bench.test" (any case), or -1.
int blogIndex(const QByteArray &name, int blogCount)
{
    const QByteArray lower = name.toLower();
    static const QByteArray prefix = QByteArrayLiteral("blog-");
    static const QByteArray suffix = QByteArrayLiteral(".bench.test");
    if (!lower.startsWith(prefix) || !lower.endsWith(suffix))
        return -1;
    const QByteArray digits = lower.mid(prefix.size(), lower.size() - prefix.size() - suffix.size());
    if (digits.isEmpty() || digits.size() > 6 || (digits.size() > 1 && digits.startsWith('0')))
        return -1;
    if (!std::all_of(digits.cbegin(), digits.cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return -1;
    const int index = digits.toInt();
    return index < blogCount ? index : -1;
}

// The question's name as dotted text, and the offset just after it; nothing if malformed.
// Queries never use compression pointers (nothing precedes the name to point at), so none are
// accepted.
std::optional<std::pair<QByteArray, qsizetype>> readName(const QByteArray &data, qsizetype at)
{
    QByteArray name;
    qsizetype wire = 0;
    while (at < data.size()) {
        const int length = quint8(data.at(at));
        ++at;
        if (length == 0)
            return std::pair { name, at };
        if (length > kMaxLabelBytes || at + length > data.size())
            return std::nullopt;
        wire += length + 1;
        if (wire > kMaxNameBytes)
            return std::nullopt;
        if (!name.isEmpty())
            name.append('.');
        name.append(data.constData() + at, length);
        at += length;
    }
    return std::nullopt;
}
} // namespace

BenchDns::BenchDns(int blogCount, AddressOf addressOf, QObject *parent)
    : QObject(parent)
    , m_blogCount(blogCount)
    , m_addressOf(std::move(addressOf))
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &BenchDns::onReadyRead);
}

BenchDns::~BenchDns() = default;

QByteArray BenchDns::hostName(int blog)
{
    return "blog-" + QByteArray::number(blog) + ".bench.test";
}

bool BenchDns::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!address.isLoopback()) {
        *error = QStringLiteral("the DNS server listens on loopback only, not %1").arg(address.toString());
        return false;
    }
    if (!m_socket.bind(address, port)) {
        *error = QStringLiteral("cannot listen for DNS on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_socket.errorString());
        return false;
    }
    return true;
}

void BenchDns::resetCounters()
{
    m_queries = 0;
    m_peakPending = m_pending;
}

std::optional<QByteArray> BenchDns::answer(const QByteArray &query, int blogCount, const AddressOf &addressOf)
{
    if (query.size() < kHeaderBytes)
        return std::nullopt;
    const quint16 id = read16(query, 0);
    const quint16 flags = read16(query, 2);
    if (flags & kFlagResponse)
        return std::nullopt; // never answer an answer (no loops between two servers)
    const quint16 replyFlags = kFlagResponse | kFlagAuthoritative | (flags & kFlagRecursionDesired);
    const int opcode = (flags >> 11) & 0xf;
    if (opcode != 0)
        return header(id, replyFlags | kRcodeNotImp, 0, 0);
    if (read16(query, 4) != 1)
        return header(id, replyFlags | kRcodeFormErr, 0, 0);
    const auto name = readName(query, kHeaderBytes);
    if (!name || name->second + 4 > query.size())
        return header(id, replyFlags | kRcodeFormErr, 0, 0);
    const qsizetype questionEnd = name->second + 4;
    const quint16 type = read16(query, name->second);
    const quint16 klass = read16(query, name->second + 2);
    const QByteArray question = query.mid(kHeaderBytes, questionEnd - kHeaderBytes);

    const int blog = blogIndex(name->first, blogCount);
    if (blog < 0 || klass != kClassIn)
        return header(id, replyFlags | kRcodeNxDomain, 1, 0) + question;
    if (type != kTypeA)
        return header(id, replyFlags, 1, 0) + question; // the name exists, with no such record
    const QHostAddress address(QString::fromLatin1(addressOf(blog)));
    if (address.protocol() != QAbstractSocket::IPv4Protocol || !address.isLoopback())
        return header(id, replyFlags | kRcodeNxDomain, 1, 0) + question; // never point outside loopback
    QByteArray reply = header(id, replyFlags, 1, 1) + question;
    append16(reply, 0xc000 | kHeaderBytes); // the name: a pointer to the question's
    append16(reply, kTypeA);
    append16(reply, kClassIn);
    append32(reply, kTtlSeconds);
    append16(reply, 4);
    append32(reply, address.toIPv4Address());
    return reply;
}

void BenchDns::onReadyRead()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket.receiveDatagram(4096);
        if (!datagram.isValid() || !datagram.senderAddress().isLoopback())
            continue;
        std::optional<QByteArray> reply = answer(datagram.data(), m_blogCount, m_addressOf);
        if (!reply)
            continue;
        ++m_queries;
        m_peakPending = std::max(m_peakPending, ++m_pending);
        const QHostAddress sender = datagram.senderAddress();
        const quint16 port = quint16(datagram.senderPort());
        // One timer per query: the delay is per lookup, as a remote resolver's would be.
        QTimer::singleShot(m_latencyMs, this, [this, reply = std::move(*reply), sender, port] {
            --m_pending;
            m_socket.writeDatagram(reply, sender, port);
        });
    }
}
