// SPDX-License-Identifier: GPL-3.0-or-later
// titlewave-tls-blog CERT KEY: one HTTPS blog on 127.0.0.1 (a free port) for the packaged
// trust-store check. It presents CERT (a PEM leaf, signed by the test's own CA) with KEY (PEM,
// EC or RSA), prints its front page's URL on stdout once it listens, and serves until stdin
// closes: the check's shell holds the other end, so the server never outlives it.
#include "fakehttpserver.h"
#include "httpserver.h"

#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>

#include <cstdio>
#include <unistd.h>

namespace {
QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int usage(const char *message)
{
    std::fprintf(stderr, "titlewave-tls-blog: %s\nusage: titlewave-tls-blog CERT KEY\n", message);
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 3)
        return usage("two arguments expected");
    const QSslCertificate certificate(readFile(arguments.at(1)), QSsl::Pem);
    const QByteArray keyPem = readFile(arguments.at(2));
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (certificate.isNull() || key.isNull())
        return usage("cannot read the certificate or its key");

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    HttpServer server;
    server.setHandler([](const HttpRequest &request) {
        HttpResponse response;
        response.body = request.path == "/" ? FakeBlog::frontPage("/2026/12/trust-store.html", "Packaged Blog")
                                            : FakeBlog::article("Trusted through the system store", "Packaged Blog");
        return response;
    });
    if (!server.listenTls(tls, QHostAddress::LocalHost))
        return usage("cannot listen on 127.0.0.1");

    const QByteArray url = server.url().toEncoded() + '\n';
    std::fwrite(url.constData(), 1, std::size_t(url.size()), stdout);
    std::fflush(stdout);

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&input] {
        char chunk[64];
        if (::read(STDIN_FILENO, chunk, sizeof chunk) <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
        }
    });
    return QCoreApplication::exec();
}
