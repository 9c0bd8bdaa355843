<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ArticleHistory</name>
    <message>
        <location filename="../app/io/articlehistory.cpp" line="+61"/>
        <source>Cannot read the scan history %1: %2</source>
        <translation>Der Scanverlauf %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scan history %1 is damaged: %2</source>
        <translation>Der Scanverlauf %1 ist beschädigt: %2</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Cannot save the scan history %1: %2</source>
        <translation>Der Scanverlauf %1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ArticleLocator</name>
    <message>
        <location filename="../app/parse/articlelocator.cpp" line="+75"/>
        <source>The feed lists no article.</source>
        <translation>Der Feed enthält keinen Artikel.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The front page could not be read as HTML.</source>
        <translation>Die Startseite konnte nicht als HTML gelesen werden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The XPath expression “%1” is not valid.</source>
        <translation>Der XPath-Ausdruck „%1“ ist ungültig.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The XPath expression “%1” selects no link, and no article link was found on the front page.</source>
        <translation>Der XPath-Ausdruck „%1“ wählt keinen Link aus, und auf der Startseite wurde kein Artikellink gefunden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No article link was found on the front page.</source>
        <translation>Auf der Startseite wurde kein Artikellink gefunden.</translation>
    </message>
</context>
<context>
    <name>AtomWriter</name>
    <message>
        <location filename="../app/io/atomwriter.cpp" line="+137"/>
        <source>Titlewave: %1</source>
        <translation>Titlewave: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The newest article of %n blog(s)</source>
        <translation>
            <numerusform>Der neueste Artikel von %n Blog</numerusform>
            <numerusform>Die neuesten Artikel von %n Blogs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlogListReader</name>
    <message>
        <location filename="../app/io/bloglistreader.cpp" line="+50"/>
        <source>line %1 is too long (%2 characters): a blog&apos;s line may hold at most %3</source>
        <translation>Zeile %1 ist zu lang (%2 Zeichen): Die Zeile eines Blogs darf höchstens %3 Zeichen haben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>line %1: unsupported scheme %2</source>
        <translation>Zeile %1: nicht unterstütztes Schema %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1: the address has a space in it; write it without spaces</source>
        <translation>Zeile %1: Die Adresse enthält ein Leerzeichen; schreiben Sie sie ohne Leerzeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line %1: not a web address</source>
        <translation>Zeile %1: keine Webadresse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1: the address is longer than %2 characters</source>
        <translation>Zeile %1: Die Adresse ist länger als %2 Zeichen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1 holds %2 addresses; only the first, %3, is read: put one blog per line</source>
        <translation>Zeile %1 enthält %2 Adressen; nur die erste, %3, wird gelesen: ein Blog pro Zeile</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>line %1: feed ignored, not a web address</source>
        <translation>Zeile %1: Feed ignoriert, keine Webadresse</translation>
    </message>
    <message numerus="yes">
        <location line="+116"/>
        <source>%n blog(s)</source>
        <translation>
            <numerusform>%n Blog</numerusform>
            <numerusform>%n Blogs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>%n Duplikat übersprungen</numerusform>
            <numerusform>%n Duplikate übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n more problem(s)</source>
        <translation>
            <numerusform>%n weiteres Problem</numerusform>
            <numerusform>%n weitere Probleme</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lines %1</source>
        <translation>Zeilen %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n problem(s) (%1)</source>
        <translation>
            <numerusform>%n Problem (%1)</numerusform>
            <numerusform>%n Probleme (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n blog(s) added</source>
        <translation>
            <numerusform>%n Blog hinzugefügt</numerusform>
            <numerusform>%n Blogs hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already in the list</source>
        <translation>
            <numerusform>%n schon in der Liste</numerusform>
            <numerusform>%n schon in der Liste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) refused</source>
        <translation>
            <numerusform>%n Zeile abgelehnt</numerusform>
            <numerusform>%n Zeilen abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+196"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a readable OPML file (%1)</source>
        <translation>keine lesbare OPML-Datei (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not an OPML file: no &lt;opml&gt; element</source>
        <translation>keine OPML-Datei: kein &lt;opml&gt;-Element</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is too large for a blog list</source>
        <translation>%1 ist zu groß für eine Blogliste</translation>
    </message>
</context>
<context>
    <name>BlogScan</name>
    <message>
        <location filename="../app/scan/blogscan.cpp" line="+115"/>
        <source>The front page is not a web page or a feed (%1).</source>
        <translation>Die Startseite ist weder eine Webseite noch ein Feed (%1).</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The blog&apos;s feed lists no article.</source>
        <translation>Der Feed des Blogs enthält keinen Artikel.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The article&apos;s address is not http or https: %1</source>
        <translation>Die Adresse des Artikels ist weder http noch https: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The article is not a web page (%1).</source>
        <translation>Der Artikel ist keine Webseite (%1).</translation>
    </message>
</context>
<context>
    <name>BlogStatus</name>
    <message>
        <location filename="../app/types/blogstatus.cpp" line="+18"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The blog is waiting to be scanned.</source>
        <translation>Der Blog wartet darauf, gescannt zu werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanning</source>
        <translation>Wird gescannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The blog is being scanned.</source>
        <translation>Der Blog wird gerade gescannt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newest article and its title were found.</source>
        <translation>Der neueste Artikel und sein Titel wurden gefunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid URL</source>
        <translation>Ungültige URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address is not a valid web address.</source>
        <translation>Die Adresse ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsupported scheme</source>
        <translation>Nicht unterstütztes Schema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only http and https addresses can be scanned.</source>
        <translation>Nur http- und https-Adressen können gescannt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host name could not be resolved.</source>
        <translation>Der Hostname konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused the connection.</source>
        <translation>Der Server hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS error</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A secure connection could not be established.</source>
        <translation>Es konnte keine sichere Verbindung hergestellt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP error</source>
        <translation>HTTP-Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered with an HTTP error.</source>
        <translation>Der Server hat mit einem HTTP-Fehler geantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too large</source>
        <translation>Zu groß</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The page is larger than the maximum page size.</source>
        <translation>Die Seite ist größer als die maximale Seitengröße.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a web page</source>
        <translation>Keine Webseite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not send a web page or a feed.</source>
        <translation>Der Server hat weder eine Webseite noch einen Feed gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article</source>
        <translation>Kein Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article link was found on the blog&apos;s front page.</source>
        <translation>Auf der Startseite des Blogs wurde kein Artikellink gefunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No title</source>
        <translation>Kein Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The article has no title.</source>
        <translation>Der Artikel hat keinen Titel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scan was stopped before this blog finished.</source>
        <translation>Der Scan wurde beendet, bevor dieser Blog fertig war.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy error</source>
        <translation>Proxy-Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proxy could not carry the request.</source>
        <translation>Der Proxy konnte die Anfrage nicht weiterleiten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A network error interrupted the transfer.</source>
        <translation>Ein Netzwerkfehler hat die Übertragung unterbrochen.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redirect loop</source>
        <translation>Umleitungsschleife</translation>
    </message>
</context>
<context>
    <name>CommandLineOptions</name>
    <message>
        <location filename="../app/session/commandlineoptions.cpp" line="+18"/>
        <source>--%1 needs a whole number of at least %2, not &quot;%3&quot;.</source>
        <translation>--%1 erwartet eine ganze Zahl von mindestens %2, nicht „%3“.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Finds the newest article and its headline on every blog of a list, all blogs at once.

Without --headless, opens the window. With --headless, scans LIST (one URL per line,
or - for standard input; .csv and .opml lists too) and writes CSV, JSON or an Atom
feed to OUT (or - for standard output).
Exit status: 0 every blog ok, 1 some blogs failed, 2 bad usage or unreadable input,
130 or 143 interrupted by SIGINT or SIGTERM (every row is still written).</source>
        <translation>Findet den neuesten Artikel und seine Überschrift in jedem Blog einer Liste, alle Blogs gleichzeitig.

Ohne --headless öffnet sich das Fenster. Mit --headless wird LISTE gescannt (eine URL pro Zeile,
oder - für die Standardeingabe; auch .csv- und .opml-Listen) und CSV, JSON oder ein Atom-Feed
nach AUSGABE geschrieben (oder - für die Standardausgabe).
Exit-Status: 0 alle Blogs in Ordnung, 1 einige Blogs fehlgeschlagen, 2 falscher Aufruf oder
unlesbare Eingabe,
130 oder 143: durch SIGINT oder SIGTERM unterbrochen (jede Zeile wird trotzdem geschrieben).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan without a window and write CSV, JSON or an Atom feed.</source>
        <translation>Ohne Fenster scannen und CSV, JSON oder einen Atom-Feed schreiben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the bundled demo blogs, served on this computer (works offline).</source>
        <translation>Die mitgelieferten Demo-Blogs scannen, die dieser Rechner bereitstellt (funktioniert offline).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the results to OUT (- for standard output).</source>
        <translation>Die Ergebnisse nach AUSGABE schreiben (- für die Standardausgabe).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OUT</source>
        <translation>AUSGABE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most N requests at once (1: the classic one-at-a-time scan; default: as many as the system allows).</source>
        <translation>Höchstens N Anfragen gleichzeitig (1: der klassische Scan, eine nach der anderen; Standard: so viele, wie das System erlaubt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Give up on a request after SECONDS without data (default 15).</source>
        <translation>Eine Anfrage nach SEKUNDEN ohne Daten aufgeben (Standard: 15).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Give up on a request SECONDS after it left, however slowly data still arrives (default 60).</source>
        <translation>Eine Anfrage SEKUNDEN nach dem Absenden aufgeben, auch wenn noch langsam Daten eintreffen (Standard 60).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse pages larger than MB megabytes, decompressed (default 10).</source>
        <translation>Seiten ablehnen, die entpackt größer als MB Megabyte sind (Standard: 10).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow at most N redirects per request (default 10).</source>
        <translation>Höchstens N Weiterleitungen pro Anfrage folgen (Standard: 10).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send TEXT as the User-Agent.</source>
        <translation>TEXT als User-Agent senden.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the blog&apos;s feed even when its page names an article.</source>
        <translation>Dem Feed des Blogs folgen, auch wenn seine Seite einen Artikel nennt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also trust the certificates in FILE (PEM), e.g. a test server&apos;s.</source>
        <translation>Auch den Zertifikaten in DATEI (PEM) vertrauen, z. B. denen eines Testservers.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send every request through the proxy at URL (http://host:port or socks5://host:port, with user:password@ if it asks). Default: the system&apos;s proxy settings (http_proxy, https_proxy, no_proxy, the desktop&apos;s).</source>
        <translation>Jede Anfrage über den Proxy URL senden (http://host:port oder socks5://host:port, mit benutzer:passwort@, wenn er danach fragt). Standard: die Proxy-Einstellungen des Systems (http_proxy, https_proxy, no_proxy, die der Arbeitsumgebung).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to every blog directly, whatever the system&apos;s proxy settings say.</source>
        <translation>Jeden Blog direkt verbinden, gleich was die Proxy-Einstellungen des Systems sagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use LANGUAGE (e.g. fr) instead of the system&apos;s.</source>
        <translation>SPRACHE (z. B. fr) statt der Systemsprache verwenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LANGUAGE</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write FORMAT: csv, json or atom (default: OUT&apos;s extension, else csv).</source>
        <translation>Im FORMAT csv, json oder atom schreiben (Standard: nach der Endung von AUSGABE, sonst csv).</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>--format is csv, json or atom, not &quot;%1&quot;.</source>
        <translation>--format ist csv, json oder atom, nicht „%1“.</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not compare with or update the scan history (the &quot;new&quot; column stays empty).</source>
        <translation>Den Scanverlauf weder vergleichen noch aktualisieren (die Spalte „new“ bleibt leer).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LIST</source>
        <translation>LISTE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The blog list to scan (with --headless; - for standard input).</source>
        <translation>Die zu scannende Blogliste (mit --headless; - für die Standardeingabe).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>--proxy and --no-proxy contradict each other; give one.</source>
        <translation>--proxy und --no-proxy widersprechen sich; bitte nur eine der beiden Optionen angeben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--proxy needs an address such as http://proxy.example:3128 or socks5://127.0.0.1:1080, not &quot;%1&quot;.</source>
        <translation>--proxy erwartet eine Adresse wie http://proxy.example:3128 oder socks5://127.0.0.1:1080, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>--demo scans the bundled blogs; give no LIST with it.</source>
        <translation>--demo scannt die mitgelieferten Blogs; geben Sie dazu keine LISTE an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--headless needs a LIST (or --demo).</source>
        <translation>--headless braucht eine LISTE (oder --demo).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--headless takes one LIST, not %1.</source>
        <translation>--headless nimmt genau eine LISTE, nicht %1.</translation>
    </message>
</context>
<context>
    <name>DemoServer</name>
    <message>
        <location filename="../app/demo/demoserver.cpp" line="+62"/>
        <source>Titlewave demo: sample blogs served on this computer</source>
        <translation>Titlewave-Demo: Beispielblogs, die dieser Rechner bereitstellt</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../ui/detailspanel.cpp" line="+15"/>
        <source>Front page</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Details of the selected blog</source>
        <translation>Details des ausgewählten Blogs</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select a row to see its requests, how its article and title were found, and its full error.</source>
        <translation>Wählen Sie eine Zeile, um ihre Anfragen zu sehen, wie Artikel und Titel gefunden wurden, und den vollständigen Fehler.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>your XPath</source>
        <translation>Ihren XPath</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the blog&apos;s feed (its newest entry)</source>
        <translation>den Feed des Blogs (seinen neuesten Eintrag)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a permalink marked rel=&quot;bookmark&quot; on the front page</source>
        <translation>einen mit rel=&quot;bookmark&quot; markierten Permalink auf der Startseite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hAtom or h-entry markup on the front page</source>
        <translation>hAtom- oder h-entry-Auszeichnung auf der Startseite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>schema.org Article markup on the front page</source>
        <translation>schema.org-Article-Auszeichnung auf der Startseite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the heading link of the front page&apos;s first &lt;article&gt;</source>
        <translation>den Überschriftenlink des ersten &lt;article&gt; der Startseite</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Address: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1 (%2)</source>
        <translation>Status: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Newest article: %1</source>
        <translation>Neuester Artikel: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found via: %1 (%2)</source>
        <translation>Gefunden über: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New since the last scan, which found %1</source>
        <translation>Neu seit dem letzten Scan, der %1 gefunden hatte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title: %1</source>
        <translation>Titel: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title chosen from: %1</source>
        <translation>Titel entnommen aus: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page &lt;title&gt;: %1</source>
        <translation>&lt;title&gt; der Seite: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests (times from the scan&apos;s start):</source>
        <translation>Anfragen (Zeiten ab Beginn des Scans):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP %1 over %2</source>
        <translation>HTTP %1 über %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>redirected to %1</source>
        <translation>umgeleitet nach %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>starts at %1, takes %2, %Ln byte(s)</source>
        <translation>
            <numerusform>beginnt bei %1, dauert %2, %Ln Byte</numerusform>
            <numerusform>beginnt bei %1, dauert %2, %Ln Bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <location filename="../app/net/download.cpp" line="+208"/>
        <source>The page is %1 MB, over the %2 MB limit.</source>
        <translation>Die Seite ist %1 MB groß und überschreitet die Grenze von %2 MB.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+6"/>
        <source>The page is over the %1 MB limit.</source>
        <translation>Die Seite überschreitet die Grenze von %1 MB.</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>More than %n redirect(s): the server redirects in a loop.</source>
        <translation>
            <numerusform>Mehr als %n Weiterleitung: Der Server leitet im Kreis weiter.</numerusform>
            <numerusform>Mehr als %n Weiterleitungen: Der Server leitet im Kreis weiter.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Refused a redirect to a %1: address.</source>
        <translation>Weiterleitung auf eine %1:-Adresse abgelehnt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refused a redirect from https to insecure http.</source>
        <translation>Weiterleitung von https auf unsicheres http abgelehnt.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>the connection closed after %1 of %2 bytes</source>
        <translation>die Verbindung wurde nach %1 von %2 Bytes geschlossen</translation>
    </message>
</context>
<context>
    <name>FeedExport</name>
    <message numerus="yes">
        <location filename="../ui/feedexport.cpp" line="+44"/>
        <source>Wrote a feed of %n article(s) to %1; every scan updates it.</source>
        <translation>
            <numerusform>Feed mit %n Artikel nach %1 geschrieben; jeder Scan aktualisiert ihn.</numerusform>
            <numerusform>Feed mit %n Artikeln nach %1 geschrieben; jeder Scan aktualisiert ihn.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Atom feeds (*.atom)</source>
        <translation>Atom-Feeds (*.atom)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as Feed</source>
        <translation>Als Feed exportieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Feed updated: %1</source>
        <translation>Feed aktualisiert: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export a feed first; then every scan can rewrite it</source>
        <translation>Zuerst einen Feed exportieren; dann kann jeder Scan ihn neu schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rewrite %1 after every scan</source>
        <translation>%1 nach jedem Scan neu schreiben</translation>
    </message>
</context>
<context>
    <name>Fetcher</name>
    <message>
        <location filename="../app/net/fetcher.cpp" line="+273"/>
        <source>The request did not finish within its %1 s deadline.</source>
        <translation>Die Anfrage wurde nicht innerhalb ihrer Frist von %1 s fertig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer from the server for %1 s.</source>
        <translation>Seit %1 s keine Antwort vom Server.</translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <location filename="../app/cli/headlessrunner.cpp" line="+55"/>
        <source>cannot start the demo server on this computer&apos;s loopback address.</source>
        <translation>der Demo-Server kann auf der Loopback-Adresse dieses Rechners nicht gestartet werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read the list from standard input.</source>
        <translation>die Liste kann nicht von der Standardeingabe gelesen werden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the list holds no blog addresses.</source>
        <translation>die Liste enthält keine Blogadressen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 done, %3 failed, %4 s</source>
        <translation>%1 von %2 fertig, %3 fehlgeschlagen, %4 s</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n blog(s) with a new article since the last scan</source>
        <translation>
            <numerusform>%n Blog mit neuem Artikel seit dem letzten Scan</numerusform>
            <numerusform>%n Blogs mit neuem Artikel seit dem letzten Scan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n blog(s) unchanged since the last scan (not modified: the remembered article)</source>
        <translation>
            <numerusform>%n Blog seit dem letzten Scan unverändert (nicht geändert: der gespeicherte Artikel)</numerusform>
            <numerusform>%n Blogs seit dem letzten Scan unverändert (nicht geändert: der gespeicherte Artikel)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n blog(s) in %1 s: %2 ok, %3 failed</source>
        <translation>
            <numerusform>%n Blog in %1 s: %2 ok, %3 fehlgeschlagen</numerusform>
            <numerusform>%n Blogs in %1 s: %2 ok, %3 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>at most %n request(s) in flight</source>
        <translation>
            <numerusform>höchstens %n Anfrage gleichzeitig</numerusform>
            <numerusform>höchstens %n Anfragen gleichzeitig</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; %2</source>
        <comment>the scan summary&apos;s two parts</comment>
        <translation>%1; %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write the results: %1</source>
        <translation>die Ergebnisse können nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>interrupted by %1: stopping, and writing every blog (the unfinished ones as cancelled)</source>
        <translation>durch %1 unterbrochen: Abbruch, jedes Blog wird geschrieben (die nicht fertigen als abgebrochen)</translation>
    </message>
</context>
<context>
    <name>InFlightBox</name>
    <message>
        <location filename="../ui/inflightbox.cpp" line="+11"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blogs scanned at once; Automatic uses as many as the system allows</source>
        <translation>Gleichzeitig gescannte Blogs; Automatisch nutzt so viele, wie das System erlaubt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum requests in flight</source>
        <translation>Maximale Anzahl gleichzeitiger Anfragen</translation>
    </message>
</context>
<context>
    <name>JsonWriter</name>
    <message>
        <location filename="../app/io/jsonwriter.cpp" line="+88"/>
        <source>no &quot;results&quot; array</source>
        <translation>kein „results“-Array</translation>
    </message>
</context>
<context>
    <name>ListCheck</name>
    <message>
        <location filename="../app/session/listcheck.cpp" line="+14"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../ui/listpanel.cpp" line="+28"/>
        <source>Blog list</source>
        <translation>Blogliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One blog address per line; lines starting with # are comments</source>
        <translation>Eine Blogadresse pro Zeile; Zeilen, die mit # beginnen, sind Kommentare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste blog addresses here, one per line, or drop list files and links.
# Lines starting with # are comments.</source>
        <translation>Blogadressen hier einfügen, eine pro Zeile, oder Listendateien und Links hierher ziehen.
# Zeilen, die mit # beginnen, sind Kommentare.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+107"/>
        <source>No blogs to scan. %1</source>
        <translation>Keine Blogs zum Scannen. %1</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported %1: %2; the list is unchanged</source>
        <translation>%1 importiert: %2; die Liste bleibt unverändert</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Imported %1: %2; %n added to the list</source>
        <translation>
            <numerusform>%1 importiert: %2; %n zur Liste hinzugefügt</numerusform>
            <numerusform>%1 importiert: %2; %n zur Liste hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported %1: %2</source>
        <translation>%1 importiert: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Added %n address(es) to the list</source>
        <translation>
            <numerusform>%n Adresse zur Liste hinzugefügt</numerusform>
            <numerusform>%n Adressen zur Liste hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n refused: only http and https addresses are scanned</source>
        <translation>
            <numerusform>; %n abgelehnt: nur http- und https-Adressen werden gescannt</numerusform>
            <numerusform>; %n abgelehnt: nur http- und https-Adressen werden gescannt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pasted: %1</source>
        <translation>Eingefügt: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+13"/>
        <source>Import Blog List</source>
        <translation>Blogliste importieren</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Blog lists (*.txt *.csv *.tsv *.opml *.xml);;Text files (*.txt);;CSV files (*.csv *.tsv);;OPML files (*.opml *.xml);;All files (*)</source>
        <translation>Bloglisten (*.txt *.csv *.tsv *.opml *.xml);;Textdateien (*.txt);;CSV-Dateien (*.csv *.tsv);;OPML-Dateien (*.opml *.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The list already holds blogs. Replace them with the imported list, or add the imported blogs to them?</source>
        <translation>Die Liste enthält bereits Blogs. Sollen sie durch die importierte Liste ersetzt oder die importierten Blogs hinzugefügt werden?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import cancelled: the list is unchanged.</source>
        <translation>Import abgebrochen: Die Liste bleibt unverändert.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+48"/>
        <source>Titlewave</source>
        <translation>Titlewave</translation>
    </message>
    <message>
        <location filename="../ui/windowactions.cpp" line="+36"/>
        <source>&amp;Import List…</source>
        <translation>Liste &amp;importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read a blog list from a text, CSV or OPML file</source>
        <translation>Eine Blogliste aus einer Text-, CSV- oder OPML-Datei lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste List</source>
        <translation>Liste ein&amp;fügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the addresses on the clipboard to the list</source>
        <translation>Die Adressen aus der Zwischenablage zur Liste hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the results as CSV, JSON or an Atom feed</source>
        <translation>Die Ergebnisse als CSV, JSON oder Atom-Feed speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;Selected Rows…</source>
        <translation>&amp;Ausgewählte Zeilen exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save only the selected rows as CSV or JSON</source>
        <translation>Nur die ausgewählten Zeilen als CSV oder JSON speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export as &amp;Feed…</source>
        <translation>Als &amp;Feed exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the newest article of every blog as an Atom feed for a feed reader</source>
        <translation>Den neuesten Artikel jedes Blogs als Atom-Feed für einen Feedreader speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keep Feed Updated</source>
        <translation>Feed &amp;aktuell halten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Se&amp;ttings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the results by blog, article or title</source>
        <translation>Die Ergebnisse nach Blog, Artikel oder Titel durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan every blog in the list</source>
        <translation>Jeden Blog der Liste scannen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>Sto&amp;ppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the blogs that have not finished</source>
        <translation>Die Blogs abbrechen, die noch nicht fertig sind</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Retry Failed</source>
        <translation>&amp;Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the failed blogs again, keeping the other rows</source>
        <translation>Die fehlgeschlagenen Blogs erneut scannen; die übrigen Zeilen bleiben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;try</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the selected blogs again</source>
        <translation>Die ausgewählten Blogs erneut scannen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan &amp;Demo Blogs</source>
        <translation>&amp;Demo-Blogs scannen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the bundled sample blogs, served on this computer</source>
        <translation>Die mitgelieferten Beispielblogs scannen, die dieser Rechner bereitstellt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open Article</source>
        <translation>Artikel ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Blog</source>
        <translation>&amp;Blog öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy &amp;URL</source>
        <translation>&amp;URL kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy &amp;Title</source>
        <translation>&amp;Titel kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;About Titlewave</source>
        <translation>Ü&amp;ber Titlewave</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blog &amp;List</source>
        <translation>Blog&amp;liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the blog list beside the results</source>
        <translation>Die Blogliste neben den Ergebnissen zeigen oder ausblenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the selected blog&apos;s requests and full error below the results</source>
        <translation>Die Anfragen und den vollständigen Fehler des ausgewählten Blogs unter den Ergebnissen zeigen oder ausblenden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scan</source>
        <translation>S&amp;can</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+73"/>
        <source>Max in flight:</source>
        <translation>Max. gleichzeitig:</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>No failed blogs to retry.</source>
        <translation>Keine fehlgeschlagenen Blogs zum Wiederholen.</translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <location line="+10"/>
        <source>Scanning %n blog(s) again</source>
        <translation>
            <numerusform>%n Blog wird erneut gescannt</numerusform>
            <numerusform>%n Blogs werden erneut gescannt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The demo blogs could not be served on this computer.</source>
        <translation>Die Demo-Blogs konnten auf diesem Rechner nicht bereitgestellt werden.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The clipboard holds no text to paste.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Einfügen.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The new language applies the next time Titlewave starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Titlewave.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About Titlewave</source>
        <translation>Über Titlewave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Titlewave %1&lt;/h3&gt;&lt;p&gt;Finds the newest article and its headline for every blog in a list, all at once.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Titlewave %1&lt;/h3&gt;&lt;p&gt;Findet den neuesten Artikel und seine Überschrift für jeden Blog einer Liste, alle gleichzeitig.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NetworkErrors</name>
    <message>
        <location filename="../app/net/networkerrors.cpp" line="+60"/>
        <source>%1 (%2)</source>
        <extracomment>%1 is a sentence describing the failure, %2 the technical detail</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server answered HTTP %1.</source>
        <translation>Der Server antwortete mit HTTP %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered HTTP %1 %2.</source>
        <translation>Der Server antwortete mit HTTP %1 %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The proxy %1 refused the connection.</source>
        <translation>Der Proxy %1 hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proxy %1 asks for a user name and password (HTTP 407); give them in the proxy address, as http://user:password@host:port.</source>
        <translation>Der Proxy %1 verlangt Benutzername und Passwort (HTTP 407); geben Sie sie in der Proxy-Adresse an, als http://benutzer:passwort@host:port.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The proxy&apos;s host name %1 could not be resolved.</source>
        <translation>Der Hostname des Proxys %1 konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The proxy %1 did not answer in time.</source>
        <translation>Der Proxy %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proxy %1 closed the connection or failed.</source>
        <translation>Der Proxy %1 hat die Verbindung geschlossen oder ist gescheitert.</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <location filename="../ui/recentfilesmenu.cpp" line="+13"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
</context>
<context>
    <name>ResultExporter</name>
    <message>
        <location filename="../app/io/resultexporter.cpp" line="+78"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../ui/resultsmodel.cpp" line="+45"/>
        <source>Front page</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../ui/resultscolumns.cpp" line="+47"/>
        <location filename="../ui/resultsmodel.cpp" line="+165"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location filename="../ui/resultsmodel.cpp" line="+54"/>
        <source>Not modified since the last scan (HTTP 304): the article and title are the ones remembered, and the article was not downloaded again.</source>
        <translation>Seit dem letzten Scan nicht geändert (HTTP 304): Artikel und Titel sind die gespeicherten, der Artikel wurde nicht erneut heruntergeladen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1
New since the last scan, which found %2</source>
        <translation>%1
Neu seit dem letzten Scan, der %2 gefunden hatte</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1

Page title: %2</source>
        <translation>%1

Seitentitel: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2
starts at %3 ms, takes %4 ms</source>
        <translation>%1: %2
beginnt bei %3 ms, dauert %4 ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, HTTP %1</source>
        <translation>, HTTP %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Time to download the blog&apos;s front page, in milliseconds</source>
        <translation>Ladezeit der Startseite des Blogs, in Millisekunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to download the newest article, in milliseconds</source>
        <translation>Ladezeit des neuesten Artikels, in Millisekunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the blog&apos;s first request to its last answer, in milliseconds</source>
        <translation>Von der ersten Anfrage des Blogs bis zu seiner letzten Antwort, in Millisekunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every request on one time axis from the scan&apos;s start: front page, feed and article each in their own colour, failed requests with a red end. A request that ends far later than the others runs off the axis&apos;s end, marked with an arrow; hover a row for exact times</source>
        <translation>Jede Anfrage auf einer gemeinsamen Zeitachse ab Beginn des Scans: Startseite, Feed und Artikel jeweils in eigener Farbe, fehlgeschlagene Anfragen mit rotem Ende. Eine Anfrage, die weit später als die anderen endet, läuft über das Ende der Achse hinaus, mit einem Pfeil markiert; genaue Zeiten zeigt der Tooltip einer Zeile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why a blog failed, as a sentence</source>
        <translation>Warum ein Blog fehlschlug, als Satz</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest article</source>
        <translation>Neuester Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Front page ms</source>
        <translation>Startseite ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article ms</source>
        <translation>Artikel ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total ms</source>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waterfall</source>
        <translation>Wasserfall</translation>
    </message>
    <message>
        <location filename="../ui/resultscolumns.cpp" line="-14"/>
        <location filename="../ui/resultsmodel.cpp" line="+1"/>
        <source>Waterfall (0–%1 s)</source>
        <translation>Wasserfall (0–%1 s)</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <location filename="../ui/resultspane.cpp" line="+68"/>
        <source>Search results</source>
        <translation>Ergebnisse durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search blogs, articles and titles (%1)</source>
        <translation>Blogs, Artikel und Titel durchsuchen (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show results</source>
        <translation>Angezeigte Ergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;how:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Waterfall</source>
        <translation>Wasserfall</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atom feeds (*.atom)</source>
        <translation>Atom-Feeds (*.atom)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export Selected Rows</source>
        <translation>Ausgewählte Zeilen exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %n blog(s) to %1</source>
        <translation>
            <numerusform>%n Blog nach %1 exportiert</numerusform>
            <numerusform>%n Blogs nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanProgress</name>
    <message>
        <location filename="../ui/scanprogress.cpp" line="+22"/>
        <source>Scan status</source>
        <translation>Scanstatus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New articles</source>
        <translation>Neue Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blogs whose newest article changed since the previous scan (shown in bold)</source>
        <translation>Blogs, deren neuester Artikel sich seit dem vorigen Scan geändert hat (fett dargestellt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speed-up</source>
        <translation>Beschleunigung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The time all requests took added up, divided by the time the scan took: how much faster than fetching one page after another</source>
        <translation>Die Dauer aller Anfragen zusammengezählt, geteilt durch die Dauer des Scans: so viel schneller als Seite für Seite nacheinander</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan progress</source>
        <translation>Scanfortschritt</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n new since the last scan</source>
        <translation>
            <numerusform>%n neu seit dem letzten Scan</numerusform>
            <numerusform>%n neu seit dem letzten Scan</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 done, %3 failed, %4 cancelled, elapsed %5 s</source>
        <translation>%1 von %2 fertig, %3 fehlgeschlagen, %4 abgebrochen, %5 s vergangen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 done, %3 failed, elapsed %4 s</source>
        <translation>%1 von %2 fertig, %3 fehlgeschlagen, %4 s vergangen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>≈ %1× faster than one at a time</source>
        <translation>≈ %1× schneller als eins nach dem anderen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="+18"/>
        <source>Titlewave Settings</source>
        <translation>Titlewave-Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests in flight</source>
        <translation>Gleichzeitige Anfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blogs scanned at once; Automatic uses as many as the system allows, 1 scans one blog at a time</source>
        <translation>Gleichzeitig gescannte Blogs; Automatisch nutzt so viele, wie das System erlaubt, 1 scannt einen Blog nach dem anderen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Timeout in seconds</source>
        <translation>Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request that receives no data for this long fails with a timeout</source>
        <translation>Eine Anfrage, die so lange keine Daten erhält, scheitert mit einer Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deadline in seconds</source>
        <translation>Frist in Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request not finished this long after it left fails with a timeout, even while data still trickles in</source>
        <translation>Eine Anfrage, die so lange nach dem Absenden nicht fertig ist, scheitert mit Zeitüberschreitung, auch wenn noch Daten tröpfeln</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum page size in megabytes</source>
        <translation>Maximale Seitengröße in Megabyte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger pages (after decompression) are refused as too large</source>
        <translation>Größere Seiten (nach dem Entpacken) werden als zu groß abgelehnt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Prefer feeds over page markup</source>
        <translation>&amp;Feeds dem Seiten-Markup vorziehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow a blog&apos;s feed even when its front page names an article</source>
        <translation>Dem Feed eines Blogs folgen, auch wenn seine Startseite einen Artikel nennt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system&apos;s proxy settings</source>
        <translation>Die Proxy-Einstellungen des Systems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This proxy:</source>
        <translation>Dieser Proxy:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proxy address</source>
        <translation>Proxy-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>http://host:port or socks5://host:port, with user:password@ before the host if the proxy asks for them</source>
        <translation>http://host:port oder socks5://host:port, mit benutzer:passwort@ vor dem Host, wenn der Proxy danach fragt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Requests in flight:</source>
        <translation>&amp;Gleichzeitige Anfragen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deadline:</source>
        <translation>F&amp;rist:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maximum page size:</source>
        <translation>&amp;Maximale Seitengröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User agent:</source>
        <translation>&amp;User-Agent:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies the next time Titlewave starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Titlewave.</translation>
    </message>
</context>
<context>
    <name>WebLinks</name>
    <message>
        <location filename="../ui/weblinks.cpp" line="+15"/>
        <source>Not opened: only http and https addresses are opened.</source>
        <translation>Nicht geöffnet: Nur http- und https-Adressen werden geöffnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Web Browser</source>
        <translation>Kein Webbrowser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No web browser could be opened for this address:
%1

Copy the address to open it elsewhere.</source>
        <translation>Für diese Adresse konnte kein Webbrowser geöffnet werden:
%1

Kopieren Sie die Adresse, um sie anderswo zu öffnen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy Address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
</context>
<context>
    <name>WindowModule</name>
    <message>
        <location filename="../app/windowmodule.cpp" line="+47"/>
        <source>cannot open the window: its module is missing (looked for %1).</source>
        <translation>das Fenster lässt sich nicht öffnen: sein Modul fehlt (gesucht: %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot open the window: its module %1 does not load (%2).</source>
        <translation>das Fenster lässt sich nicht öffnen: sein Modul %1 lädt nicht (%2).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot open the window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Use --headless to scan without a window.</source>
        <translation>das Fenster lässt sich nicht öffnen: es gibt keine Anzeige (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt). Mit --headless wird ohne Fenster gescannt.</translation>
    </message>
</context>
<context>
    <name>XPathCheck</name>
    <message>
        <location filename="../app/parse/xpathcheck.cpp" line="+16"/>
        <source>a number is malformed</source>
        <translation>eine Zahl ist fehlerhaft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a quoted string is not closed</source>
        <translation>eine Zeichenkette in Anführungszeichen ist nicht geschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it uses an undefined variable</source>
        <translation>er verwendet eine undefinierte Variable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a predicate [ ] is not complete</source>
        <translation>ein Prädikat [ ] ist unvollständig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a bracket or parenthesis is not closed</source>
        <translation>eine Klammer ist nicht geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it calls an unknown function</source>
        <translation>er ruft eine unbekannte Funktion auf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it uses an undefined namespace prefix</source>
        <translation>er verwendet ein undefiniertes Namensraum-Präfix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it holds a character XPath does not allow</source>
        <translation>er enthält ein Zeichen, das XPath nicht erlaubt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a valid expression</source>
        <translation>er ist kein gültiger Ausdruck</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (at character %2)</source>
        <translation>%1 (bei Zeichen %2)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>it does not compile</source>
        <translation>er lässt sich nicht kompilieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The XPath “%1” is not valid: %2.</source>
        <translation>Der XPath „%1“ ist ungültig: %2.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+68"/>
        <source>Try &apos;titlewave --help&apos;.</source>
        <translation>Siehe „titlewave --help“.</translation>
    </message>
</context>
</TS>
