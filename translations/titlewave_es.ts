<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ArticleHistory</name>
    <message>
        <location filename="../app/io/articlehistory.cpp" line="+61"/>
        <source>Cannot read the scan history %1: %2</source>
        <translation>No se puede leer el historial de análisis %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scan history %1 is damaged: %2</source>
        <translation>El historial de análisis %1 está dañado: %2</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Cannot save the scan history %1: %2</source>
        <translation>No se puede guardar el historial de análisis %1: %2</translation>
    </message>
</context>
<context>
    <name>ArticleLocator</name>
    <message>
        <location filename="../app/parse/articlelocator.cpp" line="+75"/>
        <source>The feed lists no article.</source>
        <translation>El feed no contiene ningún artículo.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The front page could not be read as HTML.</source>
        <translation>No se pudo leer la página principal como HTML.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The XPath expression “%1” is not valid.</source>
        <translation>La expresión XPath «%1» no es válida.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The XPath expression “%1” selects no link, and no article link was found on the front page.</source>
        <translation>La expresión XPath «%1» no selecciona ningún enlace, y no se encontró ningún enlace a un artículo en la página principal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No article link was found on the front page.</source>
        <translation>No se encontró ningún enlace a un artículo en la página principal.</translation>
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
            <numerusform>El artículo más reciente de %n blog</numerusform>
            <numerusform>El artículo más reciente de %n blogs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlogListReader</name>
    <message>
        <location filename="../app/io/bloglistreader.cpp" line="+50"/>
        <source>line %1 is too long (%2 characters): a blog&apos;s line may hold at most %3</source>
        <translation>la línea %1 es demasiado larga (%2 caracteres): la línea de un blog tiene como máximo %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>line %1: unsupported scheme %2</source>
        <translation>línea %1: esquema %2 no admitido</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1: the address has a space in it; write it without spaces</source>
        <translation>línea %1: la dirección contiene un espacio; escríbala sin espacios</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line %1: not a web address</source>
        <translation>línea %1: no es una dirección web</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1: the address is longer than %2 characters</source>
        <translation>línea %1: la dirección tiene más de %2 caracteres</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1 holds %2 addresses; only the first, %3, is read: put one blog per line</source>
        <translation>la línea %1 contiene %2 direcciones; solo se lee la primera, %3: ponga un blog por línea</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>line %1: feed ignored, not a web address</source>
        <translation>línea %1: feed ignorado, no es una dirección web</translation>
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
            <numerusform>%n duplicado omitido</numerusform>
            <numerusform>%n duplicados omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n more problem(s)</source>
        <translation>
            <numerusform>%n problema más</numerusform>
            <numerusform>%n problemas más</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>line %1</source>
        <translation>línea %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lines %1</source>
        <translation>líneas %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n problem(s) (%1)</source>
        <translation>
            <numerusform>%n problema (%1)</numerusform>
            <numerusform>%n problemas (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n blog(s) added</source>
        <translation>
            <numerusform>%n blog añadido</numerusform>
            <numerusform>%n blogs añadidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already in the list</source>
        <translation>
            <numerusform>%n ya en la lista</numerusform>
            <numerusform>%n ya en la lista</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) refused</source>
        <translation>
            <numerusform>%n línea rechazada</numerusform>
            <numerusform>%n líneas rechazadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+196"/>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a readable OPML file (%1)</source>
        <translation>no es un archivo OPML legible (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not an OPML file: no &lt;opml&gt; element</source>
        <translation>no es un archivo OPML: falta el elemento &lt;opml&gt;</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is too large for a blog list</source>
        <translation>%1 es demasiado grande para una lista de blogs</translation>
    </message>
</context>
<context>
    <name>BlogScan</name>
    <message>
        <location filename="../app/scan/blogscan.cpp" line="+115"/>
        <source>The front page is not a web page or a feed (%1).</source>
        <translation>La página principal no es una página web ni un feed (%1).</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The blog&apos;s feed lists no article.</source>
        <translation>El feed del blog no contiene ningún artículo.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The article&apos;s address is not http or https: %1</source>
        <translation>La dirección del artículo no es http ni https: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The article is not a web page (%1).</source>
        <translation>El artículo no es una página web (%1).</translation>
    </message>
</context>
<context>
    <name>BlogStatus</name>
    <message>
        <location filename="../app/types/blogstatus.cpp" line="+18"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The blog is waiting to be scanned.</source>
        <translation>El blog está a la espera de ser analizado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanning</source>
        <translation>Analizando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The blog is being scanned.</source>
        <translation>El blog se está analizando.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newest article and its title were found.</source>
        <translation>Se encontraron el artículo más reciente y su título.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid URL</source>
        <translation>URL no válida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address is not a valid web address.</source>
        <translation>La dirección no es una dirección web válida.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsupported scheme</source>
        <translation>Esquema no admitido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only http and https addresses can be scanned.</source>
        <translation>Solo se pueden analizar direcciones http y https.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host not found</source>
        <translation>Host no encontrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host name could not be resolved.</source>
        <translation>No se pudo resolver el nombre del host.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused the connection.</source>
        <translation>El servidor rechazó la conexión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out</source>
        <translation>Tiempo agotado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not answer in time.</source>
        <translation>El servidor no respondió a tiempo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS error</source>
        <translation>Error de TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A secure connection could not be established.</source>
        <translation>No se pudo establecer una conexión segura.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP error</source>
        <translation>Error HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered with an HTTP error.</source>
        <translation>El servidor respondió con un error HTTP.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too large</source>
        <translation>Demasiado grande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The page is larger than the maximum page size.</source>
        <translation>La página supera el tamaño máximo de página.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a web page</source>
        <translation>No es una página web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not send a web page or a feed.</source>
        <translation>El servidor no envió ni una página web ni un feed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article</source>
        <translation>Sin artículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article link was found on the blog&apos;s front page.</source>
        <translation>No se encontró ningún enlace a un artículo en la página principal del blog.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No title</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The article has no title.</source>
        <translation>El artículo no tiene título.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scan was stopped before this blog finished.</source>
        <translation>El análisis se detuvo antes de que este blog terminara.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy error</source>
        <translation>Error del proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proxy could not carry the request.</source>
        <translation>El proxy no pudo transmitir la petición.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network error</source>
        <translation>Error de red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A network error interrupted the transfer.</source>
        <translation>Un error de red interrumpió la transferencia.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redirect loop</source>
        <translation>Bucle de redirecciones</translation>
    </message>
</context>
<context>
    <name>CommandLineOptions</name>
    <message>
        <location filename="../app/session/commandlineoptions.cpp" line="+18"/>
        <source>--%1 needs a whole number of at least %2, not &quot;%3&quot;.</source>
        <translation>--%1 necesita un número entero mayor o igual que %2, no «%3».</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Show this help and exit.</source>
        <translation>Muestra esta ayuda y sale.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the version and exit.</source>
        <translation>Muestra la versión y sale.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Finds the newest article and its headline on every blog of a list, all blogs at once.

Without --headless, opens the window. With --headless, scans LIST (one URL per line,
or - for standard input; .csv and .opml lists too) and writes CSV, JSON or an Atom
feed to OUT (or - for standard output).
Exit status: 0 every blog ok, 1 some blogs failed, 2 bad usage or unreadable input,
130 or 143 interrupted by SIGINT or SIGTERM (every row is still written).</source>
        <translation>Encuentra el artículo más reciente y su titular en cada blog de una lista, todos los blogs a la vez.

Sin --headless, abre la ventana. Con --headless, analiza LISTA (una URL por línea,
o - para la entrada estándar; también listas .csv y .opml) y escribe CSV, JSON o un canal Atom
en SALIDA (o - para la salida estándar).
Estado de salida: 0 todos los blogs bien, 1 algunos blogs fallaron, 2 uso incorrecto o
entrada ilegible,
130 o 143: interrumpido por SIGINT o SIGTERM (se escriben igualmente todas las filas).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan without a window and write CSV, JSON or an Atom feed.</source>
        <translation>Analiza sin ventana y escribe CSV, JSON o un canal Atom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the bundled demo blogs, served on this computer (works offline).</source>
        <translation>Analiza los blogs de demostración incluidos, servidos por este equipo (funciona sin conexión).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the results to OUT (- for standard output).</source>
        <translation>Escribe los resultados en SALIDA (- para la salida estándar).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OUT</source>
        <translation>SALIDA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most N requests at once (1: the classic one-at-a-time scan; default: as many as the system allows).</source>
        <translation>Como máximo N peticiones a la vez (1: el análisis clásico, una tras otra; por omisión: tantas como permita el sistema).</translation>
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
        <translation>Abandona una petición tras SEGUNDOS sin datos (15 por omisión).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Give up on a request SECONDS after it left, however slowly data still arrives (default 60).</source>
        <translation>Abandonar una petición SEGUNDOS después de su salida, aunque aún lleguen datos lentamente (60 por omisión).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse pages larger than MB megabytes, decompressed (default 10).</source>
        <translation>Rechaza las páginas de más de MB megabytes una vez descomprimidas (10 por omisión).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow at most N redirects per request (default 10).</source>
        <translation>Sigue como máximo N redirecciones por petición (10 por omisión).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send TEXT as the User-Agent.</source>
        <translation>Envía TEXTO como User-Agent.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the blog&apos;s feed even when its page names an article.</source>
        <translation>Sigue el feed del blog incluso cuando su página indica un artículo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also trust the certificates in FILE (PEM), e.g. a test server&apos;s.</source>
        <translation>Confía también en los certificados de ARCHIVO (PEM), p. ej. los de un servidor de pruebas.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send every request through the proxy at URL (http://host:port or socks5://host:port, with user:password@ if it asks). Default: the system&apos;s proxy settings (http_proxy, https_proxy, no_proxy, the desktop&apos;s).</source>
        <translation>Enviar cada petición a través del proxy URL (http://host:puerto o socks5://host:puerto, con usuario:contraseña@ si los pide). Por omisión: la configuración de proxy del sistema (http_proxy, https_proxy, no_proxy, la del escritorio).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to every blog directly, whatever the system&apos;s proxy settings say.</source>
        <translation>Conectar directamente con cada blog, diga lo que diga la configuración de proxy del sistema.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use LANGUAGE (e.g. fr) instead of the system&apos;s.</source>
        <translation>Usa IDIOMA (p. ej. fr) en lugar del idioma del sistema.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LANGUAGE</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write FORMAT: csv, json or atom (default: OUT&apos;s extension, else csv).</source>
        <translation>Escribe en FORMATO csv, json o atom (por omisión: según la extensión de SALIDA; si no, csv).</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>--format is csv, json or atom, not &quot;%1&quot;.</source>
        <translation>--format es csv, json o atom, no «%1».</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>FORMAT</source>
        <translation>FORMATO</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not compare with or update the scan history (the &quot;new&quot; column stays empty).</source>
        <translation>No compara con el historial de análisis ni lo actualiza (la columna «new» queda vacía).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LIST</source>
        <translation>LISTA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The blog list to scan (with --headless; - for standard input).</source>
        <translation>La lista de blogs que se analizará (con --headless; - para la entrada estándar).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>--proxy and --no-proxy contradict each other; give one.</source>
        <translation>--proxy y --no-proxy se contradicen; indique solo una.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--proxy needs an address such as http://proxy.example:3128 or socks5://127.0.0.1:1080, not &quot;%1&quot;.</source>
        <translation>--proxy necesita una dirección como http://proxy.example:3128 o socks5://127.0.0.1:1080, no «%1».</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>--demo scans the bundled blogs; give no LIST with it.</source>
        <translation>--demo analiza los blogs incluidos; no indique ninguna LISTA con esta opción.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--headless needs a LIST (or --demo).</source>
        <translation>--headless necesita una LISTA (o --demo).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--headless takes one LIST, not %1.</source>
        <translation>--headless admite una sola LISTA, no %1.</translation>
    </message>
</context>
<context>
    <name>DemoServer</name>
    <message>
        <location filename="../app/demo/demoserver.cpp" line="+62"/>
        <source>Titlewave demo: sample blogs served on this computer</source>
        <translation>Demostración de Titlewave: blogs de ejemplo servidos por este equipo</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../ui/detailspanel.cpp" line="+15"/>
        <source>Front page</source>
        <translation>Página principal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Details of the selected blog</source>
        <translation>Detalles del blog seleccionado</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select a row to see its requests, how its article and title were found, and its full error.</source>
        <translation>Seleccione una fila para ver sus peticiones, cómo se encontraron su artículo y su título, y su error completo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>your XPath</source>
        <translation>su XPath</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the blog&apos;s feed (its newest entry)</source>
        <translation>el feed del blog (su entrada más reciente)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a permalink marked rel=&quot;bookmark&quot; on the front page</source>
        <translation>un enlace permanente marcado rel=&quot;bookmark&quot; en la página principal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hAtom or h-entry markup on the front page</source>
        <translation>el marcado hAtom o h-entry de la página principal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>schema.org Article markup on the front page</source>
        <translation>el marcado schema.org Article de la página principal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the heading link of the front page&apos;s first &lt;article&gt;</source>
        <translation>el enlace del encabezado del primer &lt;article&gt; de la página principal</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Address: %1</source>
        <translation>Dirección: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1 (%2)</source>
        <translation>Estado: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Newest article: %1</source>
        <translation>Artículo más reciente: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found via: %1 (%2)</source>
        <translation>Encontrado mediante: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New since the last scan, which found %1</source>
        <translation>Nuevo desde el último análisis, que encontró %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title: %1</source>
        <translation>Título: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title chosen from: %1</source>
        <translation>Título tomado de: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page &lt;title&gt;: %1</source>
        <translation>&lt;title&gt; de la página: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests (times from the scan&apos;s start):</source>
        <translation>Peticiones (tiempos desde el inicio del análisis):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP %1 over %2</source>
        <translation>HTTP %1 sobre %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>redirected to %1</source>
        <translation>redirigido a %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>starts at %1, takes %2, %Ln byte(s)</source>
        <translation>
            <numerusform>empieza a los %1, dura %2, %Ln byte</numerusform>
            <numerusform>empieza a los %1, dura %2, %Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <location filename="../app/net/download.cpp" line="+208"/>
        <source>The page is %1 MB, over the %2 MB limit.</source>
        <translation>La página ocupa %1 MB y supera el límite de %2 MB.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+6"/>
        <source>The page is over the %1 MB limit.</source>
        <translation>La página supera el límite de %1 MB.</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>More than %n redirect(s): the server redirects in a loop.</source>
        <translation>
            <numerusform>Más de %n redirección: el servidor redirige en bucle.</numerusform>
            <numerusform>Más de %n redirecciones: el servidor redirige en bucle.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Refused a redirect to a %1: address.</source>
        <translation>Se rechazó una redirección a una dirección %1:.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refused a redirect from https to insecure http.</source>
        <translation>Se rechazó una redirección de https a http inseguro.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>the connection closed after %1 of %2 bytes</source>
        <translation>la conexión se cerró tras %1 de %2 bytes</translation>
    </message>
</context>
<context>
    <name>FeedExport</name>
    <message numerus="yes">
        <location filename="../ui/feedexport.cpp" line="+44"/>
        <source>Wrote a feed of %n article(s) to %1; every scan updates it.</source>
        <translation>
            <numerusform>Canal de %n artículo escrito en %1; cada análisis lo actualiza.</numerusform>
            <numerusform>Canal de %n artículos escrito en %1; cada análisis lo actualiza.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Atom feeds (*.atom)</source>
        <translation>Canales Atom (*.atom)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as Feed</source>
        <translation>Exportar como canal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export Failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Feed updated: %1</source>
        <translation>Canal actualizado: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export a feed first; then every scan can rewrite it</source>
        <translation>Exporte primero un canal; después cada análisis podrá reescribirlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rewrite %1 after every scan</source>
        <translation>Reescribir %1 después de cada análisis</translation>
    </message>
</context>
<context>
    <name>Fetcher</name>
    <message>
        <location filename="../app/net/fetcher.cpp" line="+273"/>
        <source>The request did not finish within its %1 s deadline.</source>
        <translation>La petición no terminó dentro de su plazo de %1 s.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer from the server for %1 s.</source>
        <translation>Sin respuesta del servidor durante %1 s.</translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <location filename="../app/cli/headlessrunner.cpp" line="+55"/>
        <source>cannot start the demo server on this computer&apos;s loopback address.</source>
        <translation>no se puede iniciar el servidor de demostración en la dirección de bucle local de este equipo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read the list from standard input.</source>
        <translation>no se puede leer la lista de la entrada estándar.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the list holds no blog addresses.</source>
        <translation>la lista no contiene direcciones de blogs.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 done, %3 failed, %4 s</source>
        <translation>%1 de %2 terminados, %3 fallidos, %4 s</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n blog(s) with a new article since the last scan</source>
        <translation>
            <numerusform>%n blog con un artículo nuevo desde el último análisis</numerusform>
            <numerusform>%n blogs con un artículo nuevo desde el último análisis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n blog(s) unchanged since the last scan (not modified: the remembered article)</source>
        <translation>
            <numerusform>%n blog sin cambios desde el último análisis (no modificado: el artículo recordado)</numerusform>
            <numerusform>%n blogs sin cambios desde el último análisis (no modificados: el artículo recordado)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n blog(s) in %1 s: %2 ok, %3 failed</source>
        <translation>
            <numerusform>%n blog en %1 s: %2 bien, %3 fallidos</numerusform>
            <numerusform>%n blogs en %1 s: %2 bien, %3 fallidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>at most %n request(s) in flight</source>
        <translation>
            <numerusform>como máximo %n petición a la vez</numerusform>
            <numerusform>como máximo %n peticiones a la vez</numerusform>
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
        <translation>no se pueden escribir los resultados: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>interrupted by %1: stopping, and writing every blog (the unfinished ones as cancelled)</source>
        <translation>interrumpido por %1: deteniendo y escribiendo cada blog (los que no terminaron, como cancelados)</translation>
    </message>
</context>
<context>
    <name>InFlightBox</name>
    <message>
        <location filename="../ui/inflightbox.cpp" line="+11"/>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blogs scanned at once; Automatic uses as many as the system allows</source>
        <translation>Blogs analizados a la vez; Automático usa tantos como permita el sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum requests in flight</source>
        <translation>Máximo de peticiones a la vez</translation>
    </message>
</context>
<context>
    <name>JsonWriter</name>
    <message>
        <location filename="../app/io/jsonwriter.cpp" line="+88"/>
        <source>no &quot;results&quot; array</source>
        <translation>falta el array «results»</translation>
    </message>
</context>
<context>
    <name>ListCheck</name>
    <message>
        <location filename="../app/session/listcheck.cpp" line="+14"/>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../ui/listpanel.cpp" line="+28"/>
        <source>Blog list</source>
        <translation>Lista de blogs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One blog address per line; lines starting with # are comments</source>
        <translation>Una dirección de blog por línea; las líneas que empiezan por # son comentarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste blog addresses here, one per line, or drop list files and links.
# Lines starting with # are comments.</source>
        <translation>Pegue aquí direcciones de blogs, una por línea, o suelte archivos de lista y enlaces.
# Las líneas que empiezan por # son comentarios.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message>
        <location line="+107"/>
        <source>No blogs to scan. %1</source>
        <translation>No hay blogs que analizar. %1</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported %1: %2; the list is unchanged</source>
        <translation>Importado %1: %2; la lista no cambia</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Imported %1: %2; %n added to the list</source>
        <translation>
            <numerusform>Importado %1: %2; %n añadido a la lista</numerusform>
            <numerusform>Importado %1: %2; %n añadidos a la lista</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported %1: %2</source>
        <translation>Importación de %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Added %n address(es) to the list</source>
        <translation>
            <numerusform>Se añadió %n dirección a la lista</numerusform>
            <numerusform>Se añadieron %n direcciones a la lista</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n refused: only http and https addresses are scanned</source>
        <translation>
            <numerusform>; %n rechazada: solo se analizan direcciones http y https</numerusform>
            <numerusform>; %n rechazadas: solo se analizan direcciones http y https</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pasted: %1</source>
        <translation>Pegado: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+13"/>
        <source>Import Blog List</source>
        <translation>Importar lista de blogs</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Blog lists (*.txt *.csv *.tsv *.opml *.xml);;Text files (*.txt);;CSV files (*.csv *.tsv);;OPML files (*.opml *.xml);;All files (*)</source>
        <translation>Listas de blogs (*.txt *.csv *.tsv *.opml *.xml);;Archivos de texto (*.txt);;Archivos CSV (*.csv *.tsv);;Archivos OPML (*.opml *.xml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The list already holds blogs. Replace them with the imported list, or add the imported blogs to them?</source>
        <translation>La lista ya contiene blogs. ¿Reemplazarlos por la lista importada o añadirles los blogs importados?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Replace</source>
        <translation>&amp;Reemplazar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import cancelled: the list is unchanged.</source>
        <translation>Importación cancelada: la lista no cambia.</translation>
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
        <translation>&amp;Importar lista…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read a blog list from a text, CSV or OPML file</source>
        <translation>Lee una lista de blogs de un archivo de texto, CSV u OPML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste List</source>
        <translation>&amp;Pegar lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the addresses on the clipboard to the list</source>
        <translation>Añade a la lista las direcciones del portapapeles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the results as CSV, JSON or an Atom feed</source>
        <translation>Guarda los resultados como CSV, JSON o canal Atom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;Selected Rows…</source>
        <translation>Exportar filas seleccio&amp;nadas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save only the selected rows as CSV or JSON</source>
        <translation>Guarda solo las filas seleccionadas como CSV o JSON</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export as &amp;Feed…</source>
        <translation>Exportar como &amp;canal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the newest article of every blog as an Atom feed for a feed reader</source>
        <translation>Guarda el artículo más reciente de cada blog como canal Atom para un lector de canales</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keep Feed Updated</source>
        <translation>&amp;Mantener el canal actualizado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Se&amp;ttings…</source>
        <translation>Pre&amp;ferencias…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the results by blog, article or title</source>
        <translation>Busca en los resultados por blog, artículo o título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy Rows</source>
        <translation>&amp;Copiar filas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Copia las filas seleccionadas como texto separado por tabulaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan every blog in the list</source>
        <translation>Analiza todos los blogs de la lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the blogs that have not finished</source>
        <translation>Cancela los blogs que no han terminado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Retry Failed</source>
        <translation>&amp;Reintentar fallidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the failed blogs again, keeping the other rows</source>
        <translation>Analiza de nuevo los blogs fallidos y conserva las demás filas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;try</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the selected blogs again</source>
        <translation>Analiza de nuevo los blogs seleccionados</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan &amp;Demo Blogs</source>
        <translation>Analizar blogs de de&amp;mostración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the bundled sample blogs, served on this computer</source>
        <translation>Analiza los blogs de ejemplo incluidos, servidos por este equipo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open Article</source>
        <translation>&amp;Abrir artículo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Blog</source>
        <translation>Abrir &amp;blog</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy &amp;URL</source>
        <translation>Copiar &amp;URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy &amp;Title</source>
        <translation>Copiar &amp;título</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;About Titlewave</source>
        <translation>&amp;Acerca de Titlewave</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blog &amp;List</source>
        <translation>&amp;Lista de blogs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the blog list beside the results</source>
        <translation>Mostrar u ocultar la lista de blogs junto a los resultados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Details</source>
        <translation>&amp;Detalles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the selected blog&apos;s requests and full error below the results</source>
        <translation>Mostrar u ocultar, bajo los resultados, las peticiones y el error completo del blog seleccionado</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scan</source>
        <translation>A&amp;nálisis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+73"/>
        <source>Max in flight:</source>
        <translation>Máx. a la vez:</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>No failed blogs to retry.</source>
        <translation>No hay blogs fallidos que reintentar.</translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <location line="+10"/>
        <source>Scanning %n blog(s) again</source>
        <translation>
            <numerusform>Analizando de nuevo %n blog</numerusform>
            <numerusform>Analizando de nuevo %n blogs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Demo</source>
        <translation>Demostración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The demo blogs could not be served on this computer.</source>
        <translation>No se pudieron servir los blogs de demostración en este equipo.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The clipboard holds no text to paste.</source>
        <translation>El portapapeles no contiene texto que pegar.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The new language applies the next time Titlewave starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie Titlewave.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About Titlewave</source>
        <translation>Acerca de Titlewave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Titlewave %1&lt;/h3&gt;&lt;p&gt;Finds the newest article and its headline for every blog in a list, all at once.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Titlewave %1&lt;/h3&gt;&lt;p&gt;Encuentra el artículo más reciente y su titular en cada blog de una lista, todos a la vez.&lt;/p&gt;&lt;p&gt;Publicado bajo la Licencia Pública General de GNU, versión 3 o posterior.&lt;/p&gt;</translation>
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
        <translation>El servidor respondió HTTP %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered HTTP %1 %2.</source>
        <translation>El servidor respondió HTTP %1 %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The proxy %1 refused the connection.</source>
        <translation>El proxy %1 rechazó la conexión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proxy %1 asks for a user name and password (HTTP 407); give them in the proxy address, as http://user:password@host:port.</source>
        <translation>El proxy %1 pide un usuario y una contraseña (HTTP 407); indíquelos en la dirección del proxy, como http://usuario:contraseña@host:puerto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The proxy&apos;s host name %1 could not be resolved.</source>
        <translation>No se pudo resolver el nombre de host del proxy %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The proxy %1 did not answer in time.</source>
        <translation>El proxy %1 no respondió a tiempo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proxy %1 closed the connection or failed.</source>
        <translation>El proxy %1 cerró la conexión o falló.</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <location filename="../ui/recentfilesmenu.cpp" line="+13"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vaciar menú</translation>
    </message>
</context>
<context>
    <name>ResultExporter</name>
    <message>
        <location filename="../app/io/resultexporter.cpp" line="+78"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../ui/resultsmodel.cpp" line="+45"/>
        <source>Front page</source>
        <translation>Página principal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location filename="../ui/resultscolumns.cpp" line="+47"/>
        <location filename="../ui/resultsmodel.cpp" line="+165"/>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <location filename="../ui/resultsmodel.cpp" line="+54"/>
        <source>Not modified since the last scan (HTTP 304): the article and title are the ones remembered, and the article was not downloaded again.</source>
        <translation>Sin modificar desde el último análisis (HTTP 304): el artículo y el título son los recordados, y el artículo no se volvió a descargar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1
New since the last scan, which found %2</source>
        <translation>%1
Nuevo desde el último análisis, que encontró %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1

Page title: %2</source>
        <translation>%1

Título de la página: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2
starts at %3 ms, takes %4 ms</source>
        <translation>%1: %2
empieza a los %3 ms, dura %4 ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, HTTP %1</source>
        <translation>, HTTP %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Time to download the blog&apos;s front page, in milliseconds</source>
        <translation>Tiempo de descarga de la página principal del blog, en milisegundos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to download the newest article, in milliseconds</source>
        <translation>Tiempo de descarga del artículo más reciente, en milisegundos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the blog&apos;s first request to its last answer, in milliseconds</source>
        <translation>Desde la primera petición del blog hasta su última respuesta, en milisegundos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every request on one time axis from the scan&apos;s start: front page, feed and article each in their own colour, failed requests with a red end. A request that ends far later than the others runs off the axis&apos;s end, marked with an arrow; hover a row for exact times</source>
        <translation>Cada petición en un mismo eje de tiempo desde el inicio del análisis: página principal, feed y artículo cada uno en su color, las peticiones fallidas con un final rojo. Una petición que termina mucho después que las demás sobrepasa el final del eje, marcada con una flecha; pase el ratón por una fila para ver los tiempos exactos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why a blog failed, as a sentence</source>
        <translation>Por qué falló un blog, en una frase</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest article</source>
        <translation>Artículo más reciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Front page ms</source>
        <translation>Página principal ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article ms</source>
        <translation>Artículo ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total ms</source>
        <translation>Total ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waterfall</source>
        <translation>Cascada</translation>
    </message>
    <message>
        <location filename="../ui/resultscolumns.cpp" line="-14"/>
        <location filename="../ui/resultsmodel.cpp" line="+1"/>
        <source>Waterfall (0–%1 s)</source>
        <translation>Cascada (0–%1 s)</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <location filename="../ui/resultspane.cpp" line="+68"/>
        <source>Search results</source>
        <translation>Buscar en los resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search blogs, articles and titles (%1)</source>
        <translation>Buscar blogs, artículos y títulos (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show results</source>
        <translation>Resultados mostrados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;how:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Waterfall</source>
        <translation>Cascada</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atom feeds (*.atom)</source>
        <translation>Canales Atom (*.atom)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export Selected Rows</source>
        <translation>Exportar filas seleccionadas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Results</source>
        <translation>Exportar resultados</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %n blog(s) to %1</source>
        <translation>
            <numerusform>%n blog exportado a %1</numerusform>
            <numerusform>%n blogs exportados a %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanProgress</name>
    <message>
        <location filename="../ui/scanprogress.cpp" line="+22"/>
        <source>Scan status</source>
        <translation>Estado del análisis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New articles</source>
        <translation>Artículos nuevos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blogs whose newest article changed since the previous scan (shown in bold)</source>
        <translation>Blogs cuyo artículo más reciente cambió desde el análisis anterior (en negrita)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speed-up</source>
        <translation>Aceleración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The time all requests took added up, divided by the time the scan took: how much faster than fetching one page after another</source>
        <translation>La suma del tiempo de todas las peticiones dividida por lo que tardó el análisis: cuánto más rápido que descargar una página tras otra</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan progress</source>
        <translation>Progreso del análisis</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n new since the last scan</source>
        <translation>
            <numerusform>%n nuevo desde el último análisis</numerusform>
            <numerusform>%n nuevos desde el último análisis</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 done, %3 failed, %4 cancelled, elapsed %5 s</source>
        <translation>%1 de %2 terminados, %3 fallidos, %4 cancelados, %5 s transcurridos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 done, %3 failed, elapsed %4 s</source>
        <translation>%1 de %2 terminados, %3 fallidos, %4 s transcurridos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>≈ %1× faster than one at a time</source>
        <translation>≈ %1× más rápido que uno tras otro</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="+18"/>
        <source>Titlewave Settings</source>
        <translation>Preferencias de Titlewave</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests in flight</source>
        <translation>Peticiones a la vez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blogs scanned at once; Automatic uses as many as the system allows, 1 scans one blog at a time</source>
        <translation>Blogs analizados a la vez; Automático usa tantos como permita el sistema, 1 analiza un blog cada vez</translation>
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
        <translation>Tiempo de espera en segundos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request that receives no data for this long fails with a timeout</source>
        <translation>Una petición que no recibe datos durante este tiempo falla por tiempo agotado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deadline in seconds</source>
        <translation>Plazo en segundos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request not finished this long after it left fails with a timeout, even while data still trickles in</source>
        <translation>Una petición que no ha terminado tanto tiempo después de salir falla por tiempo agotado, aunque aún lleguen datos con cuentagotas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum page size in megabytes</source>
        <translation>Tamaño máximo de página en megabytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger pages (after decompression) are refused as too large</source>
        <translation>Las páginas más grandes (una vez descomprimidas) se rechazan por demasiado grandes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User agent</source>
        <translation>Agente de usuario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Prefer feeds over page markup</source>
        <translation>&amp;Preferir los feeds al marcado de la página</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow a blog&apos;s feed even when its front page names an article</source>
        <translation>Seguir el feed de un blog incluso cuando su página principal indica un artículo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system&apos;s proxy settings</source>
        <translation>La configuración de proxy del sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No proxy</source>
        <translation>Sin proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This proxy:</source>
        <translation>Este proxy:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proxy address</source>
        <translation>Dirección del proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>http://host:port or socks5://host:port, with user:password@ before the host if the proxy asks for them</source>
        <translation>http://host:puerto o socks5://host:puerto, con usuario:contraseña@ antes del host si el proxy los pide</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Requests in flight:</source>
        <translation>Peticiones a la &amp;vez:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeout:</source>
        <translation>&amp;Tiempo de espera:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deadline:</source>
        <translation>P&amp;lazo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maximum page size:</source>
        <translation>Tamaño &amp;máximo de página:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User agent:</source>
        <translation>&amp;Agente de usuario:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies the next time Titlewave starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie Titlewave.</translation>
    </message>
</context>
<context>
    <name>WebLinks</name>
    <message>
        <location filename="../ui/weblinks.cpp" line="+15"/>
        <source>Not opened: only http and https addresses are opened.</source>
        <translation>No se abrió: solo se abren direcciones http y https.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Web Browser</source>
        <translation>Ningún navegador web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No web browser could be opened for this address:
%1

Copy the address to open it elsewhere.</source>
        <translation>No se pudo abrir ningún navegador web para esta dirección:
%1

Copie la dirección para abrirla en otro lugar.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy Address</source>
        <translation>&amp;Copiar dirección</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copied %1</source>
        <translation>%1 copiada</translation>
    </message>
</context>
<context>
    <name>WindowModule</name>
    <message>
        <location filename="../app/windowmodule.cpp" line="+47"/>
        <source>cannot open the window: its module is missing (looked for %1).</source>
        <translation>no se puede abrir la ventana: falta su módulo (buscado en %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot open the window: its module %1 does not load (%2).</source>
        <translation>no se puede abrir la ventana: su módulo %1 no se carga (%2).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot open the window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Use --headless to scan without a window.</source>
        <translation>no se puede abrir la ventana: no hay pantalla (no está definida ni DISPLAY ni WAYLAND_DISPLAY). Use --headless para analizar sin ventana.</translation>
    </message>
</context>
<context>
    <name>XPathCheck</name>
    <message>
        <location filename="../app/parse/xpathcheck.cpp" line="+16"/>
        <source>a number is malformed</source>
        <translation>un número está mal formado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a quoted string is not closed</source>
        <translation>una cadena entre comillas no está cerrada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it uses an undefined variable</source>
        <translation>usa una variable no definida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a predicate [ ] is not complete</source>
        <translation>un predicado [ ] está incompleto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a bracket or parenthesis is not closed</source>
        <translation>un corchete o paréntesis no está cerrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it calls an unknown function</source>
        <translation>llama a una función desconocida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it uses an undefined namespace prefix</source>
        <translation>usa un prefijo de espacio de nombres no definido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it holds a character XPath does not allow</source>
        <translation>contiene un carácter que XPath no admite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a valid expression</source>
        <translation>no es una expresión válida</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (at character %2)</source>
        <translation>%1 (en el carácter %2)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>it does not compile</source>
        <translation>no se puede compilar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The XPath “%1” is not valid: %2.</source>
        <translation>El XPath «%1» no es válido: %2.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+68"/>
        <source>Try &apos;titlewave --help&apos;.</source>
        <translation>Pruebe «titlewave --help».</translation>
    </message>
</context>
</TS>
