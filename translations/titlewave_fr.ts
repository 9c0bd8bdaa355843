<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ArticleHistory</name>
    <message>
        <location filename="../app/io/articlehistory.cpp" line="+61"/>
        <source>Cannot read the scan history %1: %2</source>
        <translation>Impossible de lire l’historique des analyses %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scan history %1 is damaged: %2</source>
        <translation>L’historique des analyses %1 est endommagé&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Cannot save the scan history %1: %2</source>
        <translation>Impossible d’enregistrer l’historique des analyses %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ArticleLocator</name>
    <message>
        <location filename="../app/parse/articlelocator.cpp" line="+75"/>
        <source>The feed lists no article.</source>
        <translation>Le flux ne contient aucun article.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The front page could not be read as HTML.</source>
        <translation>La page d’accueil n’a pas pu être lue comme du HTML.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The XPath expression “%1” is not valid.</source>
        <translation>L’expression XPath «&#xa0;%1&#xa0;» n’est pas valide.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The XPath expression “%1” selects no link, and no article link was found on the front page.</source>
        <translation>L’expression XPath «&#xa0;%1&#xa0;» ne sélectionne aucun lien, et aucun lien d’article n’a été trouvé sur la page d’accueil.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No article link was found on the front page.</source>
        <translation>Aucun lien d’article n’a été trouvé sur la page d’accueil.</translation>
    </message>
</context>
<context>
    <name>AtomWriter</name>
    <message>
        <location filename="../app/io/atomwriter.cpp" line="+137"/>
        <source>Titlewave: %1</source>
        <translation>Titlewave&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The newest article of %n blog(s)</source>
        <translation>
            <numerusform>Le dernier article de %n blog</numerusform>
            <numerusform>Le dernier article de %n blogs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlogListReader</name>
    <message>
        <location filename="../app/io/bloglistreader.cpp" line="+50"/>
        <source>line %1 is too long (%2 characters): a blog&apos;s line may hold at most %3</source>
        <translation>ligne %1 trop longue (%2 caractères)&#xa0;: la ligne d’un blog en compte au plus %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>line %1: unsupported scheme %2</source>
        <translation>ligne %1&#xa0;: schéma %2 non pris en charge</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1: the address has a space in it; write it without spaces</source>
        <translation>ligne %1&#xa0;: l’adresse contient une espace&#xa0;; écrivez-la sans espaces</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line %1: not a web address</source>
        <translation>ligne %1&#xa0;: ce n’est pas une adresse web</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1: the address is longer than %2 characters</source>
        <translation>ligne %1&#xa0;: l’adresse dépasse %2 caractères</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1 holds %2 addresses; only the first, %3, is read: put one blog per line</source>
        <translation>la ligne %1 contient %2 adresses&#xa0;; seule la première, %3, est lue&#xa0;: mettez un blog par ligne</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>line %1: feed ignored, not a web address</source>
        <translation>ligne %1&#xa0;: flux ignoré, ce n’est pas une adresse web</translation>
    </message>
    <message numerus="yes">
        <location line="+116"/>
        <source>%n blog(s)</source>
        <translation>
            <numerusform>%n blog</numerusform>
            <numerusform>%n blogs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>%n doublon ignoré</numerusform>
            <numerusform>%n doublons ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n more problem(s)</source>
        <translation>
            <numerusform>%n autre problème</numerusform>
            <numerusform>%n autres problèmes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lines %1</source>
        <translation>lignes %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n problem(s) (%1)</source>
        <translation>
            <numerusform>%n problème (%1)</numerusform>
            <numerusform>%n problèmes (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n blog(s) added</source>
        <translation>
            <numerusform>%n blog ajouté</numerusform>
            <numerusform>%n blogs ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already in the list</source>
        <translation>
            <numerusform>%n déjà dans la liste</numerusform>
            <numerusform>%n déjà dans la liste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) refused</source>
        <translation>
            <numerusform>%n ligne refusée</numerusform>
            <numerusform>%n lignes refusées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+196"/>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a readable OPML file (%1)</source>
        <translation>fichier OPML illisible (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not an OPML file: no &lt;opml&gt; element</source>
        <translation>ce n’est pas un fichier OPML&#xa0;: aucun élément &lt;opml&gt;</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>cannot open %1: %2</source>
        <translation>impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is too large for a blog list</source>
        <translation>%1 est trop volumineux pour une liste de blogs</translation>
    </message>
</context>
<context>
    <name>BlogScan</name>
    <message>
        <location filename="../app/scan/blogscan.cpp" line="+115"/>
        <source>The front page is not a web page or a feed (%1).</source>
        <translation>La page d’accueil n’est ni une page web ni un flux (%1).</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The blog&apos;s feed lists no article.</source>
        <translation>Le flux du blog ne contient aucun article.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The article&apos;s address is not http or https: %1</source>
        <translation>L’adresse de l’article n’est ni en http ni en https&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The article is not a web page (%1).</source>
        <translation>L’article n’est pas une page web (%1).</translation>
    </message>
</context>
<context>
    <name>BlogStatus</name>
    <message>
        <location filename="../app/types/blogstatus.cpp" line="+18"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The blog is waiting to be scanned.</source>
        <translation>Le blog attend d’être analysé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanning</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The blog is being scanned.</source>
        <translation>Le blog est en cours d’analyse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newest article and its title were found.</source>
        <translation>Le dernier article et son titre ont été trouvés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid URL</source>
        <translation>URL non valide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address is not a valid web address.</source>
        <translation>L’adresse n’est pas une adresse web valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsupported scheme</source>
        <translation>Schéma non pris en charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only http and https addresses can be scanned.</source>
        <translation>Seules les adresses http et https peuvent être analysées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host not found</source>
        <translation>Hôte introuvable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host name could not be resolved.</source>
        <translation>Le nom d’hôte n’a pas pu être résolu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused the connection.</source>
        <translation>Le serveur a refusé la connexion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS error</source>
        <translation>Erreur TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A secure connection could not be established.</source>
        <translation>Impossible d’établir une connexion sécurisée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP error</source>
        <translation>Erreur HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered with an HTTP error.</source>
        <translation>Le serveur a répondu par une erreur HTTP.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too large</source>
        <translation>Trop volumineux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The page is larger than the maximum page size.</source>
        <translation>La page dépasse la taille maximale autorisée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a web page</source>
        <translation>Pas une page web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not send a web page or a feed.</source>
        <translation>Le serveur n’a envoyé ni page web ni flux.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article</source>
        <translation>Aucun article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article link was found on the blog&apos;s front page.</source>
        <translation>Aucun lien d’article n’a été trouvé sur la page d’accueil du blog.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No title</source>
        <translation>Aucun titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The article has no title.</source>
        <translation>L’article n’a pas de titre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scan was stopped before this blog finished.</source>
        <translation>L’analyse a été arrêtée avant la fin de ce blog.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy error</source>
        <translation>Erreur de proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proxy could not carry the request.</source>
        <translation>Le proxy n’a pas pu transmettre la requête.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network error</source>
        <translation>Erreur réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A network error interrupted the transfer.</source>
        <translation>Une erreur réseau a interrompu le transfert.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redirect loop</source>
        <translation>Boucle de redirections</translation>
    </message>
</context>
<context>
    <name>CommandLineOptions</name>
    <message>
        <location filename="../app/session/commandlineoptions.cpp" line="+18"/>
        <source>--%1 needs a whole number of at least %2, not &quot;%3&quot;.</source>
        <translation>--%1 attend un nombre entier supérieur ou égal à %2, et non «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Show this help and exit.</source>
        <translation>Affiche cette aide et quitte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the version and exit.</source>
        <translation>Affiche la version et quitte.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Finds the newest article and its headline on every blog of a list, all blogs at once.

Without --headless, opens the window. With --headless, scans LIST (one URL per line,
or - for standard input; .csv and .opml lists too) and writes CSV, JSON or an Atom
feed to OUT (or - for standard output).
Exit status: 0 every blog ok, 1 some blogs failed, 2 bad usage or unreadable input,
130 or 143 interrupted by SIGINT or SIGTERM (every row is still written).</source>
        <translation>Trouve le dernier article et son titre sur chaque blog d’une liste, tous les blogs à la fois.

Sans --headless, ouvre la fenêtre. Avec --headless, analyse LISTE (une URL par ligne,
ou - pour l’entrée standard&#xa0;; les listes .csv et .opml aussi) et écrit du CSV, du JSON ou un flux
Atom dans SORTIE (ou - pour la sortie standard).
Code de sortie&#xa0;: 0 tous les blogs ont réussi, 1 certains ont échoué, 2 mauvaise utilisation
ou liste illisible,
130 ou 143 : interrompu par SIGINT ou SIGTERM (chaque ligne est tout de même écrite).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan without a window and write CSV, JSON or an Atom feed.</source>
        <translation>Analyse sans fenêtre et écrit du CSV, du JSON ou un flux Atom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the bundled demo blogs, served on this computer (works offline).</source>
        <translation>Analyse les blogs de démonstration fournis, servis par cet ordinateur (fonctionne hors ligne).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the results to OUT (- for standard output).</source>
        <translation>Écrit les résultats dans SORTIE (- pour la sortie standard).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OUT</source>
        <translation>SORTIE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most N requests at once (1: the classic one-at-a-time scan; default: as many as the system allows).</source>
        <translation>Au plus N requêtes simultanées (1&#xa0;: l’analyse classique, une à la fois&#xa0;; par défaut&#xa0;: autant que le système le permet).</translation>
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
        <translation>Abandonne une requête après SECONDES sans données (15 par défaut).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Give up on a request SECONDS after it left, however slowly data still arrives (default 60).</source>
        <translation>Abandonner une requête SECONDES après son départ, même si des données arrivent encore lentement (60 par défaut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse pages larger than MB megabytes, decompressed (default 10).</source>
        <translation>Refuse les pages qui dépassent Mo mégaoctets une fois décompressées (10 par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow at most N redirects per request (default 10).</source>
        <translation>Suit au plus N redirections par requête (10 par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send TEXT as the User-Agent.</source>
        <translation>Envoie TEXTE comme User-Agent.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the blog&apos;s feed even when its page names an article.</source>
        <translation>Suit le flux du blog même quand sa page indique un article.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also trust the certificates in FILE (PEM), e.g. a test server&apos;s.</source>
        <translation>Fait aussi confiance aux certificats de FICHIER (PEM), par exemple ceux d’un serveur de test.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send every request through the proxy at URL (http://host:port or socks5://host:port, with user:password@ if it asks). Default: the system&apos;s proxy settings (http_proxy, https_proxy, no_proxy, the desktop&apos;s).</source>
        <translation>Envoyer chaque requête par le proxy URL (http://hôte:port ou socks5://hôte:port, avec utilisateur:mot-de-passe@ s’il les demande). Par défaut&#xa0;: les réglages de proxy du système (http_proxy, https_proxy, no_proxy, ceux du bureau).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to every blog directly, whatever the system&apos;s proxy settings say.</source>
        <translation>Se connecter directement à chaque blog, quels que soient les réglages de proxy du système.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use LANGUAGE (e.g. fr) instead of the system&apos;s.</source>
        <translation>Utilise LANGUE (par exemple fr) au lieu de celle du système.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LANGUAGE</source>
        <translation>LANGUE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write FORMAT: csv, json or atom (default: OUT&apos;s extension, else csv).</source>
        <translation>Écrit au FORMAT csv, json ou atom (par défaut&#xa0;: selon l’extension de SORTIE, sinon csv).</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>--format is csv, json or atom, not &quot;%1&quot;.</source>
        <translation>--format vaut csv, json ou atom, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not compare with or update the scan history (the &quot;new&quot; column stays empty).</source>
        <translation>Ne consulte ni ne met à jour l’historique des analyses (la colonne «&#xa0;new&#xa0;» reste vide).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LIST</source>
        <translation>LISTE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The blog list to scan (with --headless; - for standard input).</source>
        <translation>La liste de blogs à analyser (avec --headless&#xa0;; - pour l’entrée standard).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>--proxy and --no-proxy contradict each other; give one.</source>
        <translation>--proxy et --no-proxy se contredisent&#xa0;; donnez-en un seul.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--proxy needs an address such as http://proxy.example:3128 or socks5://127.0.0.1:1080, not &quot;%1&quot;.</source>
        <translation>--proxy attend une adresse comme http://proxy.example:3128 ou socks5://127.0.0.1:1080, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>--demo scans the bundled blogs; give no LIST with it.</source>
        <translation>--demo analyse les blogs de démonstration&#xa0;: ne donnez pas de LISTE en plus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--headless needs a LIST (or --demo).</source>
        <translation>--headless attend une LISTE (ou --demo).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--headless takes one LIST, not %1.</source>
        <translation>--headless attend une seule LISTE, et non %1.</translation>
    </message>
</context>
<context>
    <name>DemoServer</name>
    <message>
        <location filename="../app/demo/demoserver.cpp" line="+62"/>
        <source>Titlewave demo: sample blogs served on this computer</source>
        <translation>Démo de Titlewave&#xa0;: blogs d’exemple servis par cet ordinateur</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../ui/detailspanel.cpp" line="+15"/>
        <source>Front page</source>
        <translation>Page d’accueil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Details of the selected blog</source>
        <translation>Détails du blog sélectionné</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select a row to see its requests, how its article and title were found, and its full error.</source>
        <translation>Sélectionnez une ligne pour voir ses requêtes, comment son article et son titre ont été trouvés, et son erreur complète.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>your XPath</source>
        <translation>votre XPath</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the blog&apos;s feed (its newest entry)</source>
        <translation>le flux du blog (son entrée la plus récente)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a permalink marked rel=&quot;bookmark&quot; on the front page</source>
        <translation>un permalien marqué rel=&quot;bookmark&quot; sur la page d’accueil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hAtom or h-entry markup on the front page</source>
        <translation>le balisage hAtom ou h-entry de la page d’accueil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>schema.org Article markup on the front page</source>
        <translation>le balisage schema.org Article de la page d’accueil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the heading link of the front page&apos;s first &lt;article&gt;</source>
        <translation>le lien du titre du premier &lt;article&gt; de la page d’accueil</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Address: %1</source>
        <translation>Adresse&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1 (%2)</source>
        <translation>État&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Newest article: %1</source>
        <translation>Article le plus récent&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found via: %1 (%2)</source>
        <translation>Trouvé par&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New since the last scan, which found %1</source>
        <translation>Nouveau depuis la dernière analyse, qui avait trouvé %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title: %1</source>
        <translation>Titre&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title chosen from: %1</source>
        <translation>Titre tiré de&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page &lt;title&gt;: %1</source>
        <translation>&lt;title&gt; de la page&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests (times from the scan&apos;s start):</source>
        <translation>Requêtes (temps depuis le début de l’analyse)&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP %1 over %2</source>
        <translation>HTTP %1 en %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>redirected to %1</source>
        <translation>redirigé vers %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>starts at %1, takes %2, %Ln byte(s)</source>
        <translation>
            <numerusform>commence à %1, dure %2, %Ln octet</numerusform>
            <numerusform>commence à %1, dure %2, %Ln octets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <location filename="../app/net/download.cpp" line="+208"/>
        <source>The page is %1 MB, over the %2 MB limit.</source>
        <translation>La page fait %1&#xa0;Mo, au-delà de la limite de %2&#xa0;Mo.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+6"/>
        <source>The page is over the %1 MB limit.</source>
        <translation>La page dépasse la limite de %1&#xa0;Mo.</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>More than %n redirect(s): the server redirects in a loop.</source>
        <translation>
            <numerusform>Plus de %n redirection&#xa0;: le serveur redirige en boucle.</numerusform>
            <numerusform>Plus de %n redirections&#xa0;: le serveur redirige en boucle.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Refused a redirect to a %1: address.</source>
        <translation>Redirection vers une adresse %1: refusée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refused a redirect from https to insecure http.</source>
        <translation>Redirection de https vers http non sécurisé refusée.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>the connection closed after %1 of %2 bytes</source>
        <translation>la connexion s’est fermée après %1 octets sur %2</translation>
    </message>
</context>
<context>
    <name>FeedExport</name>
    <message numerus="yes">
        <location filename="../ui/feedexport.cpp" line="+44"/>
        <source>Wrote a feed of %n article(s) to %1; every scan updates it.</source>
        <translation>
            <numerusform>Flux de %n article écrit dans %1&#xa0;; chaque analyse le met à jour.</numerusform>
            <numerusform>Flux de %n articles écrit dans %1&#xa0;; chaque analyse le met à jour.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Atom feeds (*.atom)</source>
        <translation>Flux Atom (*.atom)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as Feed</source>
        <translation>Exporter en flux</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export Failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Feed updated: %1</source>
        <translation>Flux mis à jour&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export a feed first; then every scan can rewrite it</source>
        <translation>Exportez d’abord un flux&#xa0;; chaque analyse pourra alors le réécrire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rewrite %1 after every scan</source>
        <translation>Réécrire %1 après chaque analyse</translation>
    </message>
</context>
<context>
    <name>Fetcher</name>
    <message>
        <location filename="../app/net/fetcher.cpp" line="+273"/>
        <source>The request did not finish within its %1 s deadline.</source>
        <translation>La requête ne s’est pas terminée dans le délai de %1&#xa0;s qui lui était imparti.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer from the server for %1 s.</source>
        <translation>Aucune réponse du serveur depuis %1&#xa0;s.</translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <location filename="../app/cli/headlessrunner.cpp" line="+55"/>
        <source>cannot start the demo server on this computer&apos;s loopback address.</source>
        <translation>impossible de démarrer le serveur de démonstration sur l’adresse de bouclage de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read the list from standard input.</source>
        <translation>impossible de lire la liste sur l’entrée standard.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the list holds no blog addresses.</source>
        <translation>la liste ne contient aucune adresse de blog.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 done, %3 failed, %4 s</source>
        <translation>%1 sur %2 terminés, %3 en échec, %4&#xa0;s</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n blog(s) with a new article since the last scan</source>
        <translation>
            <numerusform>%n blog a un nouvel article depuis la dernière analyse</numerusform>
            <numerusform>%n blogs ont un nouvel article depuis la dernière analyse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n blog(s) unchanged since the last scan (not modified: the remembered article)</source>
        <translation>
            <numerusform>%n blog inchangé depuis la dernière analyse (non modifié&#xa0;: l’article mémorisé)</numerusform>
            <numerusform>%n blogs inchangés depuis la dernière analyse (non modifiés&#xa0;: l’article mémorisé)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n blog(s) in %1 s: %2 ok, %3 failed</source>
        <translation>
            <numerusform>%n blog en %1&#xa0;s&#xa0;: %2 OK, %3 en échec</numerusform>
            <numerusform>%n blogs en %1&#xa0;s&#xa0;: %2 OK, %3 en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>at most %n request(s) in flight</source>
        <translation>
            <numerusform>au plus %n requête simultanée</numerusform>
            <numerusform>au plus %n requêtes simultanées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; %2</source>
        <comment>the scan summary&apos;s two parts</comment>
        <translation>%1&#x202f;; %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write the results: %1</source>
        <translation>impossible d’écrire les résultats&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>interrupted by %1: stopping, and writing every blog (the unfinished ones as cancelled)</source>
        <translation>interrompu par %1 : arrêt, et écriture de chaque blog (ceux qui n’ont pas fini comme annulés)</translation>
    </message>
</context>
<context>
    <name>InFlightBox</name>
    <message>
        <location filename="../ui/inflightbox.cpp" line="+11"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blogs scanned at once; Automatic uses as many as the system allows</source>
        <translation>Blogs analysés en même temps&#xa0;; Automatique en prend autant que le système le permet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum requests in flight</source>
        <translation>Nombre maximal de requêtes en parallèle</translation>
    </message>
</context>
<context>
    <name>JsonWriter</name>
    <message>
        <location filename="../app/io/jsonwriter.cpp" line="+88"/>
        <source>no &quot;results&quot; array</source>
        <translation>aucun tableau «&#xa0;results&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ListCheck</name>
    <message>
        <location filename="../app/session/listcheck.cpp" line="+14"/>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../ui/listpanel.cpp" line="+28"/>
        <source>Blog list</source>
        <translation>Liste de blogs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One blog address per line; lines starting with # are comments</source>
        <translation>Une adresse de blog par ligne&#xa0;; les lignes qui commencent par # sont des commentaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste blog addresses here, one per line, or drop list files and links.
# Lines starting with # are comments.</source>
        <translation>Collez ici des adresses de blogs, une par ligne, ou déposez des fichiers de liste et des liens.
# Les lignes qui commencent par # sont des commentaires.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+107"/>
        <source>No blogs to scan. %1</source>
        <translation>Aucun blog à analyser. %1</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported %1: %2; the list is unchanged</source>
        <translation>Importé %1&#xa0;: %2&#xa0;; la liste est inchangée</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Imported %1: %2; %n added to the list</source>
        <translation>
            <numerusform>Importé %1&#xa0;: %2&#xa0;; %n ajouté à la liste</numerusform>
            <numerusform>Importé %1&#xa0;: %2&#xa0;; %n ajoutés à la liste</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported %1: %2</source>
        <translation>Import de %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Added %n address(es) to the list</source>
        <translation>
            <numerusform>%n adresse ajoutée à la liste</numerusform>
            <numerusform>%n adresses ajoutées à la liste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n refused: only http and https addresses are scanned</source>
        <translation>
            <numerusform>&#xa0;; %n refusée&#xa0;: seules les adresses http et https sont analysées</numerusform>
            <numerusform>&#xa0;; %n refusées&#xa0;: seules les adresses http et https sont analysées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pasted: %1</source>
        <translation>Collé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+13"/>
        <source>Import Blog List</source>
        <translation>Importer une liste de blogs</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Blog lists (*.txt *.csv *.tsv *.opml *.xml);;Text files (*.txt);;CSV files (*.csv *.tsv);;OPML files (*.opml *.xml);;All files (*)</source>
        <translation>Listes de blogs (*.txt *.csv *.tsv *.opml *.xml);;Fichiers texte (*.txt);;Fichiers CSV (*.csv *.tsv);;Fichiers OPML (*.opml *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The list already holds blogs. Replace them with the imported list, or add the imported blogs to them?</source>
        <translation>La liste contient déjà des blogs. Les remplacer par la liste importée, ou y ajouter les blogs importés&#xa0;?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import cancelled: the list is unchanged.</source>
        <translation>Importation annulée&#xa0;: la liste est inchangée.</translation>
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
        <translation>&amp;Importer une liste…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read a blog list from a text, CSV or OPML file</source>
        <translation>Lire une liste de blogs depuis un fichier texte, CSV ou OPML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste List</source>
        <translation>&amp;Coller une liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the addresses on the clipboard to the list</source>
        <translation>Ajouter à la liste les adresses du presse-papiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the results as CSV, JSON or an Atom feed</source>
        <translation>Enregistrer les résultats en CSV, en JSON ou en flux Atom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;Selected Rows…</source>
        <translation>Exporter les lignes &amp;sélectionnées…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save only the selected rows as CSV or JSON</source>
        <translation>Enregistrer seulement les lignes sélectionnées en CSV ou en JSON</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export as &amp;Feed…</source>
        <translation>Exporter en &amp;flux…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the newest article of every blog as an Atom feed for a feed reader</source>
        <translation>Enregistrer le dernier article de chaque blog en flux Atom pour un lecteur de flux</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keep Feed Updated</source>
        <translation>&amp;Tenir le flux à jour</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the results by blog, article or title</source>
        <translation>Chercher dans les résultats par blog, article ou titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy Rows</source>
        <translation>&amp;Copier les lignes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Copier les lignes sélectionnées en texte séparé par des tabulations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan every blog in the list</source>
        <translation>Analyser tous les blogs de la liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the blogs that have not finished</source>
        <translation>Annuler les blogs qui n’ont pas fini</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Retry Failed</source>
        <translation>&amp;Relancer les échecs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the failed blogs again, keeping the other rows</source>
        <translation>Analyser de nouveau les blogs en échec, sans toucher aux autres lignes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;try</source>
        <translation>Re&amp;lancer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the selected blogs again</source>
        <translation>Analyser de nouveau les blogs sélectionnés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan &amp;Demo Blogs</source>
        <translation>Analyser les blogs de dé&amp;monstration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the bundled sample blogs, served on this computer</source>
        <translation>Analyser les blogs d’exemple fournis, servis par cet ordinateur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open Article</source>
        <translation>&amp;Ouvrir l’article</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Blog</source>
        <translation>Ouvrir le &amp;blog</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy &amp;URL</source>
        <translation>Copier l’&amp;URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy &amp;Title</source>
        <translation>Copier le &amp;titre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;About Titlewave</source>
        <translation>À &amp;propos de Titlewave</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blog &amp;List</source>
        <translation>&amp;Liste des blogs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the blog list beside the results</source>
        <translation>Afficher ou masquer la liste des blogs à côté des résultats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the selected blog&apos;s requests and full error below the results</source>
        <translation>Afficher ou masquer, sous les résultats, les requêtes et l’erreur complète du blog sélectionné</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scan</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+73"/>
        <source>Max in flight:</source>
        <translation>En parallèle&#xa0;:</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>No failed blogs to retry.</source>
        <translation>Aucun blog en échec à relancer.</translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <location line="+10"/>
        <source>Scanning %n blog(s) again</source>
        <translation>
            <numerusform>Nouvelle analyse de %n blog</numerusform>
            <numerusform>Nouvelle analyse de %n blogs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Demo</source>
        <translation>Démonstration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The demo blogs could not be served on this computer.</source>
        <translation>Les blogs de démonstration n’ont pas pu être servis par cet ordinateur.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The clipboard holds no text to paste.</source>
        <translation>Le presse-papiers ne contient aucun texte à coller.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The new language applies the next time Titlewave starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Titlewave.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About Titlewave</source>
        <translation>À propos de Titlewave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Titlewave %1&lt;/h3&gt;&lt;p&gt;Finds the newest article and its headline for every blog in a list, all at once.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Titlewave %1&lt;/h3&gt;&lt;p&gt;Trouve le dernier article et son titre pour chaque blog d’une liste, tous à la fois.&lt;/p&gt;&lt;p&gt;Distribué sous la licence publique générale GNU (GPL), version 3 ou ultérieure.&lt;/p&gt;</translation>
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
        <translation>Le serveur a répondu HTTP %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered HTTP %1 %2.</source>
        <translation>Le serveur a répondu HTTP %1 %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The proxy %1 refused the connection.</source>
        <translation>Le proxy %1 a refusé la connexion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proxy %1 asks for a user name and password (HTTP 407); give them in the proxy address, as http://user:password@host:port.</source>
        <translation>Le proxy %1 demande un nom d’utilisateur et un mot de passe (HTTP 407)&#xa0;; donnez-les dans l’adresse du proxy, sous la forme http://utilisateur:mot-de-passe@hôte:port.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The proxy&apos;s host name %1 could not be resolved.</source>
        <translation>Le nom d’hôte du proxy %1 n’a pas pu être résolu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The proxy %1 did not answer in time.</source>
        <translation>Le proxy %1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proxy %1 closed the connection or failed.</source>
        <translation>Le proxy %1 a fermé la connexion ou a échoué.</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <location filename="../ui/recentfilesmenu.cpp" line="+13"/>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vider le menu</translation>
    </message>
</context>
<context>
    <name>ResultExporter</name>
    <message>
        <location filename="../app/io/resultexporter.cpp" line="+78"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../ui/resultsmodel.cpp" line="+45"/>
        <source>Front page</source>
        <translation>Page d’accueil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../ui/resultscolumns.cpp" line="+47"/>
        <location filename="../ui/resultsmodel.cpp" line="+165"/>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <location filename="../ui/resultsmodel.cpp" line="+54"/>
        <source>Not modified since the last scan (HTTP 304): the article and title are the ones remembered, and the article was not downloaded again.</source>
        <translation>Pas modifié depuis la dernière analyse (HTTP 304)&#xa0;: l’article et le titre sont ceux mémorisés, et l’article n’a pas été téléchargé à nouveau.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1
New since the last scan, which found %2</source>
        <translation>%1
Nouveau depuis la dernière analyse, qui avait trouvé %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1

Page title: %2</source>
        <translation>%1

Titre de la page&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2
starts at %3 ms, takes %4 ms</source>
        <translation>%1&#xa0;: %2
commence à %3&#xa0;ms, dure %4&#xa0;ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, HTTP %1</source>
        <translation>, HTTP %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Time to download the blog&apos;s front page, in milliseconds</source>
        <translation>Durée du téléchargement de la page d’accueil du blog, en millisecondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to download the newest article, in milliseconds</source>
        <translation>Durée du téléchargement du dernier article, en millisecondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the blog&apos;s first request to its last answer, in milliseconds</source>
        <translation>De la première requête du blog à sa dernière réponse, en millisecondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every request on one time axis from the scan&apos;s start: front page, feed and article each in their own colour, failed requests with a red end. A request that ends far later than the others runs off the axis&apos;s end, marked with an arrow; hover a row for exact times</source>
        <translation>Chaque requête sur un même axe du temps depuis le début de l’analyse&#xa0;: page d’accueil, flux et article chacun dans sa couleur, les requêtes échouées avec une fin rouge. Une requête qui finit bien plus tard que les autres dépasse la fin de l’axe, marquée d’une flèche&#xa0;; survolez une ligne pour les temps exacts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why a blog failed, as a sentence</source>
        <translation>Pourquoi un blog a échoué, en une phrase</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest article</source>
        <translation>Dernier article</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Front page ms</source>
        <translation>Accueil (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article ms</source>
        <translation>Article (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total ms</source>
        <translation>Total (ms)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waterfall</source>
        <translation>Cascade</translation>
    </message>
    <message>
        <location filename="../ui/resultscolumns.cpp" line="-14"/>
        <location filename="../ui/resultsmodel.cpp" line="+1"/>
        <source>Waterfall (0–%1 s)</source>
        <translation>Cascade (0–%1&#xa0;s)</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <location filename="../ui/resultspane.cpp" line="+68"/>
        <source>Search results</source>
        <translation>Chercher dans les résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search blogs, articles and titles (%1)</source>
        <translation>Chercher dans les blogs, articles et titres (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show results</source>
        <translation>Résultats affichés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;how:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Waterfall</source>
        <translation>Cascade</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atom feeds (*.atom)</source>
        <translation>Flux Atom (*.atom)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export Selected Rows</source>
        <translation>Exporter les lignes sélectionnées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %n blog(s) to %1</source>
        <translation>
            <numerusform>%n blog exporté dans %1</numerusform>
            <numerusform>%n blogs exportés dans %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanProgress</name>
    <message>
        <location filename="../ui/scanprogress.cpp" line="+22"/>
        <source>Scan status</source>
        <translation>État de l’analyse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New articles</source>
        <translation>Nouveaux articles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blogs whose newest article changed since the previous scan (shown in bold)</source>
        <translation>Blogs dont le dernier article a changé depuis l’analyse précédente (en gras)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speed-up</source>
        <translation>Accélération</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The time all requests took added up, divided by the time the scan took: how much faster than fetching one page after another</source>
        <translation>La durée cumulée de toutes les requêtes divisée par la durée de l’analyse&#xa0;: combien de fois plus vite qu’en téléchargeant les pages l’une après l’autre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan progress</source>
        <translation>Progression de l’analyse</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n new since the last scan</source>
        <translation>
            <numerusform>%n nouveau depuis la dernière analyse</numerusform>
            <numerusform>%n nouveaux depuis la dernière analyse</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 done, %3 failed, %4 cancelled, elapsed %5 s</source>
        <translation>%1 sur %2 terminés, %3 en échec, %4 annulés, %5&#xa0;s écoulées</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 done, %3 failed, elapsed %4 s</source>
        <translation>%1 sur %2 terminés, %3 en échec, %4&#xa0;s écoulées</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>≈ %1× faster than one at a time</source>
        <translation>≈ %1× plus rapide qu’une requête à la fois</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="+18"/>
        <source>Titlewave Settings</source>
        <translation>Paramètres de Titlewave</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests in flight</source>
        <translation>Requêtes en parallèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blogs scanned at once; Automatic uses as many as the system allows, 1 scans one blog at a time</source>
        <translation>Blogs analysés en même temps&#xa0;; Automatique en prend autant que le système le permet, 1 analyse un blog à la fois</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source> s</source>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Timeout in seconds</source>
        <translation>Délai d’attente en secondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request that receives no data for this long fails with a timeout</source>
        <translation>Une requête qui ne reçoit aucune donnée pendant ce délai échoue (délai dépassé)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deadline in seconds</source>
        <translation>Délai global en secondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request not finished this long after it left fails with a timeout, even while data still trickles in</source>
        <translation>Une requête non terminée au bout de ce délai échoue (délai dépassé), même si des données arrivent encore au compte-gouttes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> MB</source>
        <translation>&#xa0;Mo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum page size in megabytes</source>
        <translation>Taille maximale des pages en mégaoctets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger pages (after decompression) are refused as too large</source>
        <translation>Les pages plus grandes (une fois décompressées) sont refusées comme trop volumineuses</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User agent</source>
        <translation>Agent utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Prefer feeds over page markup</source>
        <translation>&amp;Préférer les flux au balisage des pages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow a blog&apos;s feed even when its front page names an article</source>
        <translation>Suivre le flux d’un blog même quand sa page d’accueil indique un article</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system&apos;s proxy settings</source>
        <translation>Les réglages de proxy du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No proxy</source>
        <translation>Aucun proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This proxy:</source>
        <translation>Ce proxy&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proxy address</source>
        <translation>Adresse du proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>http://host:port or socks5://host:port, with user:password@ before the host if the proxy asks for them</source>
        <translation>http://hôte:port ou socks5://hôte:port, avec utilisateur:mot-de-passe@ avant l’hôte si le proxy les demande</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Requests in flight:</source>
        <translation>&amp;Requêtes en parallèle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeout:</source>
        <translation>&amp;Délai d’attente&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deadline:</source>
        <translation>Délai &amp;global&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maximum page size:</source>
        <translation>&amp;Taille maximale des pages&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User agent:</source>
        <translation>&amp;Agent utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies the next time Titlewave starts.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de Titlewave.</translation>
    </message>
</context>
<context>
    <name>WebLinks</name>
    <message>
        <location filename="../ui/weblinks.cpp" line="+15"/>
        <source>Not opened: only http and https addresses are opened.</source>
        <translation>Non ouvert&#xa0;: seules les adresses http et https sont ouvertes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Web Browser</source>
        <translation>Aucun navigateur web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No web browser could be opened for this address:
%1

Copy the address to open it elsewhere.</source>
        <translation>Aucun navigateur web n’a pu être ouvert pour cette adresse&#xa0;:
%1

Copiez l’adresse pour l’ouvrir ailleurs.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy Address</source>
        <translation>&amp;Copier l’adresse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copied %1</source>
        <translation>%1 copiée</translation>
    </message>
</context>
<context>
    <name>WindowModule</name>
    <message>
        <location filename="../app/windowmodule.cpp" line="+47"/>
        <source>cannot open the window: its module is missing (looked for %1).</source>
        <translation>impossible d’ouvrir la fenêtre&#xa0;: son module est introuvable (cherché&#xa0;: %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot open the window: its module %1 does not load (%2).</source>
        <translation>impossible d’ouvrir la fenêtre&#xa0;: son module %1 ne se charge pas (%2).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot open the window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Use --headless to scan without a window.</source>
        <translation>impossible d’ouvrir la fenêtre&#xa0;: il n’y a pas d’écran (ni DISPLAY ni WAYLAND_DISPLAY n’est défini). Utilisez --headless pour analyser sans fenêtre.</translation>
    </message>
</context>
<context>
    <name>XPathCheck</name>
    <message>
        <location filename="../app/parse/xpathcheck.cpp" line="+16"/>
        <source>a number is malformed</source>
        <translation>un nombre est mal formé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a quoted string is not closed</source>
        <translation>une chaîne entre guillemets n’est pas fermée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it uses an undefined variable</source>
        <translation>elle utilise une variable non définie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a predicate [ ] is not complete</source>
        <translation>un prédicat [ ] est incomplet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a bracket or parenthesis is not closed</source>
        <translation>un crochet ou une parenthèse n’est pas fermé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it calls an unknown function</source>
        <translation>elle appelle une fonction inconnue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it uses an undefined namespace prefix</source>
        <translation>elle utilise un préfixe d’espace de noms non défini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it holds a character XPath does not allow</source>
        <translation>elle contient un caractère que XPath n’autorise pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a valid expression</source>
        <translation>ce n’est pas une expression valide</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (at character %2)</source>
        <translation>%1 (au caractère %2)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>it does not compile</source>
        <translation>elle ne se compile pas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The XPath “%1” is not valid: %2.</source>
        <translation>Le XPath «&#xa0;%1&#xa0;» n’est pas valide&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+68"/>
        <source>Try &apos;titlewave --help&apos;.</source>
        <translation>Essayez «&#xa0;titlewave --help&#xa0;».</translation>
    </message>
</context>
</TS>
