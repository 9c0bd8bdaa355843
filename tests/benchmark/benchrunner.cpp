// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchrunner.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {
// glibc 2.36's <sys/pidfd.h> lacks extern "C", so C++ cannot link its pidfd_open().
int openPidFd(pid_t pid)
{
    return int(::syscall(SYS_pidfd_open, pid, 0));
}

double monotonicSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double seconds(const timeval &value)
{
    return double(value.tv_sec) + double(value.tv_usec) / 1e6;
}

double anonRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("RssAnon:"))
            return line.mid(8).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// The client talks to loopback only; a proxy from the environment would distort or break that.
bool isProxyVariable(const char *entry)
{
    static const char *const names[] = { "http_proxy=", "https_proxy=", "HTTP_PROXY=", "HTTPS_PROXY=",
                                         "all_proxy=",  "ALL_PROXY=",   "no_proxy=",   "NO_PROXY=" };
    for (const char *name : names) {
        if (std::strncmp(entry, name, std::strlen(name)) == 0)
            return true;
    }
    return false;
}
} // namespace

bool BenchRunner::writeResolverFiles(const QString &directory, const QString &nameserver, QString *error)
{
    // One server, one attempt: a lost answer shows up as a failure, not as a silent retry.
    const QByteArray resolv = "# titlewave-bench: the client's private resolv.conf\nnameserver " + nameserver.toLatin1()
        + "\noptions attempts:1 timeout:5\n";
    // The machine's nsswitch.conf with hosts from /etc/hosts and DNS only: no mDNS, no
    // systemd-resolved, nothing else that might ask the network.
    QByteArray nsswitch = "# titlewave-bench: the client's private nsswitch.conf\n";
    QFile system(QStringLiteral("/etc/nsswitch.conf"));
    if (system.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : system.readAll().split('\n')) {
            if (!line.trimmed().startsWith("hosts:"))
                nsswitch += line + '\n';
        }
    }
    nsswitch += "hosts: files dns\n";
    const QDir dir(directory);
    for (const auto &[name, data] : { std::pair { QStringLiteral("resolv.conf"), resolv },
                                      std::pair { QStringLiteral("nsswitch.conf"), nsswitch } }) {
        QSaveFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
            *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
    }
    return true;
}

RunMeasurement BenchRunner::run(const QString &program, const QStringList &arguments, const QString &logPath,
                                int limitSeconds, const QStringList &extraEnvironment, const QString &resolverDirectory)
{
    RunMeasurement result;
    const QByteArray resolvConf = resolverDirectory.isEmpty()
        ? QByteArray()
        : QFile::encodeName(QDir(resolverDirectory).filePath(QStringLiteral("resolv.conf")));
    const QByteArray nsswitchConf = resolverDirectory.isEmpty()
        ? QByteArray()
        : QFile::encodeName(QDir(resolverDirectory).filePath(QStringLiteral("nsswitch.conf")));

    // Everything the child needs is built before fork(): between fork and exec only
    // async-signal-safe calls are allowed in a process that has threads.
    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(program));
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &item : storage)
        argv.push_back(item.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> environment;
    const auto replaced = [&extraEnvironment](const char *entry) {
        for (const QString &extra : extraEnvironment) {
            const QByteArray name = extra.section(QLatin1Char('='), 0, 0).toLocal8Bit() + '=';
            if (std::strncmp(entry, name.constData(), std::size_t(name.size())) == 0)
                return true;
        }
        return false;
    };
    for (char **entry = environ; *entry; ++entry) {
        if (!isProxyVariable(*entry) && !replaced(*entry))
            environment.emplace_back(*entry);
    }
    for (const QString &extra : extraEnvironment)
        environment.push_back(extra.toLocal8Bit());
    environment.emplace_back("no_proxy=*");
    environment.emplace_back("NO_PROXY=*");
    std::vector<char *> envp;
    for (QByteArray &item : environment)
        envp.push_back(item.data());
    envp.push_back(nullptr);

    const int logFd = ::open(QFile::encodeName(logPath).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (logFd < 0 || nullFd < 0) {
        result.error = QStringLiteral("cannot open %1: %2").arg(logPath, QString::fromLocal8Bit(std::strerror(errno)));
        if (logFd >= 0)
            ::close(logFd);
        if (nullFd >= 0)
            ::close(nullFd);
        return result;
    }

    result.harnessAnonRssMb = anonRssMb();
    const double started = monotonicSeconds();
    const pid_t pid = ::fork();
    if (pid == 0) {
        // Its own process group, so a kill at the time limit reaches any helpers it started.
        ::setpgid(0, 0);
        ::dup2(nullFd, STDIN_FILENO);
        ::dup2(logFd, STDOUT_FILENO);
        ::dup2(logFd, STDERR_FILENO);
        if (!resolvConf.isEmpty()) {
            // A private copy of the mount table, no longer shared with the machine (rprivate), so
            // the bind mounts below are seen by this process and its children only.
            if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
                || ::mount(resolvConf.constData(), "/etc/resolv.conf", nullptr, MS_BIND, nullptr) != 0
                || ::mount(nsswitchConf.constData(), "/etc/nsswitch.conf", nullptr, MS_BIND, nullptr) != 0) {
                static const char message[]
                    = "titlewave-bench: cannot give the client its own resolv.conf (unshare or mount failed; "
                      "DNS rows need root)\n";
                [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, sizeof message - 1);
                _exit(126);
            }
        }
        ::execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    ::close(logFd);
    ::close(nullFd);
    if (pid < 0) {
        result.error = QStringLiteral("fork failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return result;
    }
    result.started = true;

    // A pidfd becomes readable when the child exits, so the wait has a deadline without
    // polling: wall time is not rounded up to some sleep interval.
    const int pidFd = openPidFd(pid);
    if (pidFd >= 0) {
        const double deadline = started + limitSeconds;
        for (;;) {
            const int leftMs = int((deadline - monotonicSeconds()) * 1000.0);
            if (leftMs <= 0) {
                result.timedOut = true;
                ::kill(-pid, SIGKILL);
                break;
            }
            pollfd entry { pidFd, POLLIN, 0 };
            const int ready = ::poll(&entry, 1, leftMs);
            if (ready > 0)
                break;
            if (ready < 0 && errno != EINTR)
                break; // fall back to a plain blocking wait
        }
        ::close(pidFd);
    }

    int status = 0;
    rusage usage {};
    pid_t reaped = -1;
    do {
        reaped = ::wait4(pid, &status, 0, &usage);
    } while (reaped < 0 && errno == EINTR);
    result.wallSeconds = monotonicSeconds() - started;
    if (reaped != pid) {
        result.error = QStringLiteral("wait4 failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return result;
    }
    result.userSeconds = seconds(usage.ru_utime);
    result.systemSeconds = seconds(usage.ru_stime);
    result.peakRssMb = double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
    if (WIFEXITED(status)) {
        result.exitCode = WEXITSTATUS(status);
        if (result.exitCode == 127)
            result.error = QStringLiteral("cannot execute %1").arg(program);
        else if (result.exitCode == 126 && !resolvConf.isEmpty())
            result.error = QStringLiteral("cannot set up the private resolv.conf (see the log)");
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
    return result;
}
