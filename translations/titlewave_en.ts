<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AtomWriter</name>
    <message numerus="yes">
        <location filename="../app/io/atomwriter.cpp" line="+139"/>
        <source>The newest article of %n blog(s)</source>
        <translation>
            <numerusform>The newest article of %n blog</numerusform>
            <numerusform>The newest articles of %n blogs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlogListReader</name>
    <message numerus="yes">
        <location filename="../app/io/bloglistreader.cpp" line="+233"/>
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
            <numerusform>%n duplicate skipped</numerusform>
            <numerusform>%n duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n more problem(s)</source>
        <translation>
            <numerusform>%n more problem</numerusform>
            <numerusform>%n more problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n problem(s) (%1)</source>
        <translation>
            <numerusform>%n problem (%1)</numerusform>
            <numerusform>%n problems (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n blog(s) added</source>
        <translation>
            <numerusform>%n blog added</numerusform>
            <numerusform>%n blogs added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already in the list</source>
        <translation>
            <numerusform>%n already in the list</numerusform>
            <numerusform>%n already in the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) refused</source>
        <translation>
            <numerusform>%n line refused</numerusform>
            <numerusform>%n lines refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message numerus="yes">
        <location filename="../ui/detailspanel.cpp" line="+126"/>
        <source>starts at %1, takes %2, %Ln byte(s)</source>
        <translation>
            <numerusform>starts at %1, takes %2, %Ln byte</numerusform>
            <numerusform>starts at %1, takes %2, %Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message numerus="yes">
        <location filename="../app/net/download.cpp" line="+282"/>
        <source>More than %n redirect(s): the server redirects in a loop.</source>
        <translation>
            <numerusform>More than %n redirect: the server redirects in a loop.</numerusform>
            <numerusform>More than %n redirects: the server redirects in a loop.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedExport</name>
    <message numerus="yes">
        <location filename="../ui/feedexport.cpp" line="+44"/>
        <source>Wrote a feed of %n article(s) to %1; every scan updates it.</source>
        <translation>
            <numerusform>Wrote a feed of %n article to %1; every scan updates it.</numerusform>
            <numerusform>Wrote a feed of %n articles to %1; every scan updates it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message numerus="yes">
        <location filename="../app/cli/headlessrunner.cpp" line="+116"/>
        <source>%n blog(s) with a new article since the last scan</source>
        <translation>
            <numerusform>%n blog with a new article since the last scan</numerusform>
            <numerusform>%n blogs with a new article since the last scan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n blog(s) unchanged since the last scan (not modified: the remembered article)</source>
        <translation>
            <numerusform>%n blog unchanged since the last scan (not modified: the remembered article)</numerusform>
            <numerusform>%n blogs unchanged since the last scan (not modified: the remembered article)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n blog(s) in %1 s: %2 ok, %3 failed</source>
        <translation>
            <numerusform>%n blog in %1 s: %2 ok, %3 failed</numerusform>
            <numerusform>%n blogs in %1 s: %2 ok, %3 failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>at most %n request(s) in flight</source>
        <translation>
            <numerusform>at most %n request in flight</numerusform>
            <numerusform>at most %n requests in flight</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message numerus="yes">
        <location filename="../ui/listpanel.cpp" line="+48"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+140"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Imported %1: %2; %n added to the list</source>
        <translation>
            <numerusform>Imported %1: %2; %n added to the list</numerusform>
            <numerusform>Imported %1: %2; %n added to the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Added %n address(es) to the list</source>
        <translation>
            <numerusform>Added %n address to the list</numerusform>
            <numerusform>Added %n addresses to the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n refused: only http and https addresses are scanned</source>
        <translation>
            <numerusform>; %n refused: only http and https addresses are scanned</numerusform>
            <numerusform>; %n refused: only http and https addresses are scanned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="+292"/>
        <location line="+10"/>
        <source>Scanning %n blog(s) again</source>
        <translation>
            <numerusform>Scanning %n blog again</numerusform>
            <numerusform>Scanning %n blogs again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message numerus="yes">
        <location filename="../ui/resultspane.cpp" line="+286"/>
        <source>Exported %n blog(s) to %1</source>
        <translation>
            <numerusform>Exported %n blog to %1</numerusform>
            <numerusform>Exported %n blogs to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanProgress</name>
    <message numerus="yes">
        <location filename="../ui/scanprogress.cpp" line="+70"/>
        <source>%n new since the last scan</source>
        <translation>
            <numerusform>%n new since the last scan</numerusform>
            <numerusform>%n new since the last scan</numerusform>
        </translation>
    </message>
</context>
</TS>
