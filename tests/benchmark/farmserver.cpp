// SPDX-License-Identifier: GPL-3.0-or-later
#include "farmserver.h"

#include <algorithm>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {
// As HttpServer: a request head larger than this is not a blog client's, drop the connection.
constexpr qsizetype kMaxHeadBytes = 64 * 1024;
constexpr int kListenBacklog = 4096;
// epoll events taken per wake-up; more stay ready and wake Qt's loop again.
constexpr int kEventsPerWake = 256;
// Bytes read per recv(); a full read means more may wait, a short one that the socket is drained.
constexpr qsizetype kReadChunk = 16 * 1024;
// Marks a listener in epoll_event.data (its index below); connections carry their id.
constexpr quint64 kListenerTag = quint64(1) << 63;

int intOption(int fd, int level, int name, int value)
{
    return ::setsockopt(fd, level, name, &value, sizeof value);
}
} // namespace

FarmServer::FarmServer(QObject *parent)
    : QObject(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll >= 0) {
        m_notifier = std::make_unique<QSocketNotifier>(m_epoll, QSocketNotifier::Read);
        connect(m_notifier.get(), &QSocketNotifier::activated, this, &FarmServer::onEvents);
    }
    // Qt's precise timers fire at the millisecond they are due, as the per-request timers of
    // HttpServer did: the latency a client sees does not change.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FarmServer::answerDue);
}

FarmServer::~FarmServer()
{
    close();
    m_notifier.reset();
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool FarmServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_epoll < 0 || !address.isLoopback())
        return false; // never serve anything but this machine
    sockaddr_storage storage {};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *in;
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::copy(std::begin(bytes.c), std::end(bytes.c), in6->sin6_addr.s6_addr);
        length = sizeof *in6;
    }
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    // SO_REUSEADDR as QTcpServer sets it; TCP_NODELAY here is inherited by every accepted
    // connection (Linux copies it), which saves a setsockopt() per connection.
    if (intOption(fd, SOL_SOCKET, SO_REUSEADDR, 1) != 0 || intOption(fd, IPPROTO_TCP, TCP_NODELAY, 1) != 0
        || ::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0 || ::listen(fd, kListenBacklog) != 0) {
        ::close(fd);
        return false;
    }
    quint16 bound = port;
    if (port == 0) {
        sockaddr_storage local {};
        socklen_t localLength = sizeof local;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &localLength) != 0) {
            ::close(fd);
            return false;
        }
        bound = ntohs(local.ss_family == AF_INET ? reinterpret_cast<const sockaddr_in *>(&local)->sin_port
                                                 : reinterpret_cast<const sockaddr_in6 *>(&local)->sin6_port);
    }
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.u64 = kListenerTag | quint64(m_listeners.size());
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
        ::close(fd);
        return false;
    }
    if (m_listeners.empty())
        m_port = bound;
    m_listeners.push_back(fd);
    m_listenerPorts.push_back(bound);
    return true;
}

void FarmServer::close()
{
    for (const int fd : m_listeners)
        ::close(fd);
    m_listeners.clear();
    m_listenerPorts.clear();
    for (const auto &[id, connection] : m_connections)
        ::close(connection.fd);
    m_connections.clear();
    m_pending = {};
    m_timer.stop();
}

void FarmServer::resetCounters()
{
    m_peakInFlight = m_inFlight;
    m_requestCount = 0;
}

void FarmServer::onEvents()
{
    epoll_event events[kEventsPerWake];
    const int count = ::epoll_wait(m_epoll, events, kEventsPerWake, 0);
    for (int i = 0; i < count; ++i) {
        const quint64 data = events[i].data.u64;
        if (data & kListenerTag) {
            const std::size_t index = std::size_t(data & ~kListenerTag);
            if (index < m_listeners.size())
                accept(m_listeners[index], m_listenerPorts[index]);
            continue;
        }
        // An earlier event of this batch may have closed it: ids are never reused, so a miss is safe.
        const auto found = m_connections.find(data);
        if (found == m_connections.end())
            continue;
        if (events[i].events & EPOLLOUT)
            writePending(data, found->second);
        if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
            const auto still = m_connections.find(data);
            if (still != m_connections.end())
                read(data, still->second);
        }
    }
}

void FarmServer::accept(int listenerFd, quint16 localPort)
{
    // One connection per wake-up: epoll is level-triggered, so a listener with more waiting is
    // reported again, and the common case (one connection per blog) saves the accept() that
    // would only say EAGAIN.
    const int fd = ::accept4(listenerFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0)
        return;
    const quint64 id = m_nextConnection++;
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.u64 = id;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
        ::close(fd);
        return;
    }
    Connection &connection = m_connections[id];
    connection.fd = fd;
    connection.localPort = localPort;
}

void FarmServer::read(quint64 id, Connection &connection)
{
    bool ended = false;
    for (;;) {
        // Into the stack first: a request head is a few hundred bytes, and a buffer of the chunk's
        // size per connection cost a page fault or two each.
        char chunk[kReadChunk];
        const ssize_t got = ::recv(connection.fd, chunk, sizeof chunk, 0);
        if (got > 0)
            connection.input.append(chunk, qsizetype(got));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (got <= 0) {
            ended = true; // closed or reset by the client
            break;
        }
        if (got < kReadChunk)
            break;
    }
    if (connection.closeAfterOutput)
        connection.input.clear(); // closing: as QTcpSocket after disconnectFromHost(), read nothing more
    else
        parseRequests(id, connection);
    // As HttpServer: answers not sent yet are dropped with the connection and stay counted in flight.
    if (ended || (m_connections.contains(id) && connection.input.size() > kMaxHeadBytes))
        closeConnection(id);
    closeFinished();
}

void FarmServer::parseRequests(quint64 id, Connection &connection)
{
    // Requests are GETs without bodies, so a request ends at the blank line.
    QByteArray &buffer = connection.input;
    for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n")) {
        HttpRequest request = LoopbackHttpServer::parseRequestHead(buffer.left(end));
        buffer.remove(0, end + 4);
        request.localPort = connection.localPort;
        const bool keepAlive = LoopbackHttpServer::keepsAlive(request);

        ++m_requestCount;
        ++m_inFlight;
        m_peakInFlight = std::max(m_peakInFlight, m_inFlight);

        const LoopbackResponse response
            = m_handler ? m_handler(request) : LoopbackResponse { 404, "text/plain", "no handler", {}, 0 };
        QByteArray head = LoopbackHttpServer::responseHead(response, keepAlive);
        if (response.delayMs > 0) {
            const bool first = m_pending.empty();
            const Clock::time_point due = Clock::now() + std::chrono::milliseconds(response.delayMs);
            const bool earlier = first || due < m_pending.top().due;
            m_pending.push({ due, m_nextOrder++, id, std::move(head), response.body, keepAlive });
            if (earlier)
                armTimer();
        } else {
            answer(id, connection, head, response.body, keepAlive);
            if (!m_connections.contains(id))
                return; // the write failed
        }
    }
}

void FarmServer::answerDue()
{
    const Clock::time_point now = Clock::now();
    while (!m_pending.empty() && m_pending.top().due <= now) {
        // priority_queue::top() is const: copy the shared byte arrays (no bytes are copied).
        const Pending pending = m_pending.top();
        m_pending.pop();
        const auto found = m_connections.find(pending.connection);
        if (found == m_connections.end())
            continue; // the client went away first: as HttpServer, it stays counted in flight
        answer(pending.connection, found->second, pending.head, pending.body, pending.keepAlive);
    }
    closeFinished();
    armTimer();
}

void FarmServer::armTimer()
{
    if (m_pending.empty()) {
        m_timer.stop();
        return;
    }
    // Rounded up: the timer must never fire before the earliest answer is due.
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(m_pending.top().due - Clock::now());
    m_timer.start(std::max<std::chrono::milliseconds>(wait, std::chrono::milliseconds(0)));
}

void FarmServer::answer(quint64 id, Connection &connection, const QByteArray &head, const QByteArray &body,
                        bool keepAlive)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    if (connection.output.isEmpty()) {
        // Head and body in one system call, so in one segment: HttpServer wrote them apart.
        iovec parts[2] = { { const_cast<char *>(head.constData()), std::size_t(head.size()) },
                           { const_cast<char *>(body.constData()), std::size_t(body.size()) } };
        msghdr message {};
        message.msg_iov = parts;
        message.msg_iovlen = body.isEmpty() ? 1 : 2;
        ssize_t sent = ::sendmsg(connection.fd, &message, MSG_NOSIGNAL);
        if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            closeConnection(id);
            return;
        }
        sent = std::max<ssize_t>(sent, 0);
        // The kernel's send buffer was full: keep the rest until the socket is writable.
        if (sent < head.size())
            connection.output.append(head.constData() + sent, head.size() - sent);
        const qsizetype bodySent = std::max<qsizetype>(0, sent - head.size());
        if (bodySent < body.size())
            connection.output.append(body.constData() + bodySent, body.size() - bodySent);
    } else {
        connection.output.append(head);
        connection.output.append(body);
    }
    // As HttpServer's disconnectFromHost(): the connection closes once everything is written,
    // and not before the end of this batch, so that answers due at the same time still go out.
    if (!keepAlive && !connection.closeAfterOutput) {
        connection.closeAfterOutput = true;
        m_closing.push_back(id);
    }
    if (!connection.output.isEmpty())
        watchOutput(connection, id, true);
}

void FarmServer::closeFinished()
{
    for (const quint64 id : m_closing) {
        // One with output left is closed by writePending() once the rest is written.
        const auto found = m_connections.find(id);
        if (found != m_connections.end() && found->second.output.isEmpty())
            closeConnection(id);
    }
    m_closing.clear();
}

void FarmServer::writePending(quint64 id, Connection &connection)
{
    while (!connection.output.isEmpty()) {
        const ssize_t sent
            = ::send(connection.fd, connection.output.constData(), std::size_t(connection.output.size()), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (sent < 0) {
            closeConnection(id);
            return;
        }
        connection.output.remove(0, sent);
    }
    watchOutput(connection, id, false);
    if (connection.closeAfterOutput)
        closeConnection(id);
}

void FarmServer::watchOutput(Connection &connection, quint64 id, bool on)
{
    if (connection.watchingOutput == on)
        return;
    connection.watchingOutput = on;
    epoll_event event {};
    event.events = on ? EPOLLIN | EPOLLOUT : EPOLLIN;
    event.data.u64 = id;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection.fd, &event);
}

void FarmServer::closeConnection(quint64 id)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    ::close(found->second.fd); // also leaves the epoll set: the descriptor is never duplicated
    m_connections.erase(found);
}
