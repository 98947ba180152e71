<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AnnotateToolBar</name>
    <message>
        <location filename="../../reader/app/annotate/toolbar.py" line="+29"/>
        <source>Highlight</source>
        <translation>Hervorheben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag…</source>
        <translation>Schlagwort…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Star</source>
        <translation>Stern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Annotate</source>
        <translation>Anmerken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotate toolbar</source>
        <translation>Werkzeugleiste Anmerken</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Highlight Colour</source>
        <translation>Farbe der Hervorhebung</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>More annotate tools</source>
        <translation>Weitere Werkzeuge zum Anmerken</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../reader/app/annotate/commands.py" line="+42"/>
        <source>Annotation</source>
        <translation>Anmerkung</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Highlight</source>
        <translation>Hervorheben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recolour highlight</source>
        <translation>Hervorhebung umfärben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment highlight</source>
        <translation>Hervorhebung kommentieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove highlight</source>
        <translation>Hervorhebung entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove tag</source>
        <translation>Schlagwort entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove note</source>
        <translation>Notiz entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove star</source>
        <translation>Stern entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove annotation</source>
        <translation>Anmerkung entfernen</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Tag %n item(s) with %1</source>
        <translation>
            <numerusform>%n Meldung mit %1 versehen</numerusform>
            <numerusform>%n Meldungen mit %1 versehen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Tag %n issue(s) with %1</source>
        <translation>
            <numerusform>%n Ausgabe mit %1 versehen</numerusform>
            <numerusform>%n Ausgaben mit %1 versehen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Untag %1 from %n item(s)</source>
        <translation>
            <numerusform>%1 von %n Meldung entfernen</numerusform>
            <numerusform>%1 von %n Meldungen entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Untag %1 from %n issue(s)</source>
        <translation>
            <numerusform>%1 von %n Ausgabe entfernen</numerusform>
            <numerusform>%1 von %n Ausgaben entfernen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename tag %1 to %2</source>
        <translation>Schlagwort %1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge %1 into %2</source>
        <translation>%1 mit %2 zusammenführen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear note</source>
        <translation>Notiz leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Star</source>
        <translation>Stern setzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unstar</source>
        <translation>Stern entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place highlight</source>
        <translation>Hervorhebung zuordnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Place tag</source>
        <translation>Schlagwort zuordnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place note</source>
        <translation>Notiz zuordnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Place star</source>
        <translation>Stern zuordnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place annotation</source>
        <translation>Anmerkung zuordnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos;</source>
        <comment>a quoted tag name</comment>
        <translation>„%1“</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../reader/app/crash.py" line="+32"/>
        <source>Digest Reader — something went wrong</source>
        <translation>Digest Reader – ein Fehler ist aufgetreten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>An unexpected error occurred: {error}

Your library is safe: every change is saved as a whole or not at all. You can keep working; if it happens again, please send the log file.

Details were written to the log file:
{path}</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {error}

Ihre Bibliothek ist sicher: Jede Änderung wird ganz oder gar nicht gespeichert. Sie können weiterarbeiten; falls der Fehler wieder auftritt, senden Sie bitte die Protokolldatei.

Einzelheiten stehen in der Protokolldatei:
{path}</translation>
    </message>
</context>
<context>
    <name>DiscoverController</name>
    <message>
        <location filename="../../reader/app/discover/controller.py" line="+56"/>
        <source>&amp;Query Language</source>
        <translation>&amp;Abfragesprache</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Type a search first, then save it.</source>
        <translation>Geben Sie zuerst eine Suche ein und speichern Sie sie dann.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save Search</source>
        <translation>Suche speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name for this search:</source>
        <translation>Name für diese Suche:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved search “%1”</source>
        <translation>Suche „%1“ gespeichert</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../reader/app/export/controller.py" line="+67"/>
        <source>Import &amp;Annotations…</source>
        <translation>&amp;Anmerkungen importieren…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Export Issue…</source>
        <translation>Ausgabe exportieren…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export Item…</source>
        <translation>Meldung exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Selected Items…</source>
        <translation>Ausgewählte Meldungen exportieren…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export Tag…</source>
        <translation>Schlagwort exportieren…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import Annotations</source>
        <translation>Anmerkungen importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W3C Web Annotations (*.jsonld *.json);;All files (*)</source>
        <translation>W3C-Web-Annotationen (*.jsonld *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Annotations Imported</source>
        <translation>Anmerkungen importiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotations Not Imported</source>
        <translation>Anmerkungen nicht importiert</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/app/export/dialog.py" line="+74"/>
        <location line="+141"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>What to export</source>
        <translation>Was exportiert wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current issue</source>
        <translation>Aktuelle Ausgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected items</source>
        <translation>Ausgewählte Meldungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items with a tag</source>
        <translation>Meldungen mit einem Schlagwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Briefing for a date range</source>
        <translation>Briefing für einen Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole library</source>
        <translation>Gesamte Bibliothek</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tag to export</source>
        <translation>Zu exportierendes Schlagwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search query to export</source>
        <translation>Zu exportierende Suchanfrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search query, e.g. harbour tag:energy</source>
        <translation>Suchanfrage, z. B. Hafen tag:energie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Briefing from date</source>
        <translation>Briefing ab Datum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Briefing until date</source>
        <translation>Briefing bis Datum</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export format</source>
        <translation>Exportformat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (Obsidian and friends)</source>
        <translation>Markdown (Obsidian und Co.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>W3C-Web-Annotation (JSON-LD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotated PDF</source>
        <translation>PDF mit Anmerkungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Markdown template file</source>
        <translation>Markdown-Vorlagendatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default template</source>
        <translation>Standardvorlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Choose a template file</source>
        <translation>Vorlagendatei auswählen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export to folder or file</source>
        <translation>Export in Ordner oder Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose where to export</source>
        <translation>Exportziel auswählen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export:</source>
        <translation>&amp;Umfang:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tag:</source>
        <translation>&amp;Schlagwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Query:</source>
        <translation>&amp;Abfrage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dates:</source>
        <translation>Zei&amp;traum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;mplate:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Output:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview of the first file:</source>
        <translation>Vorschau der ersten Datei:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview of the first exported file</source>
        <translation>Vorschau der ersten exportierten Datei</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export problem</source>
        <translation>Problem beim Export</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export result</source>
        <translation>Ergebnis des Exports</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporting</source>
        <translation>Export läuft</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open &amp;Folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the folder of the exported files</source>
        <translation>Den Ordner der exportierten Dateien öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Current issue (%1)</source>
        <translation>Aktuelle Ausgabe (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <location line="+48"/>
        <source>Selected items (%n)</source>
        <translation>
            <numerusform>Ausgewählte Meldung (%n)</numerusform>
            <numerusform>Ausgewählte Meldungen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No issue is open: choose another scope.</source>
        <translation>Keine Ausgabe geöffnet: Wählen Sie einen anderen Umfang.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No items are selected: choose another scope.</source>
        <translation>Keine Meldungen ausgewählt: Wählen Sie einen anderen Umfang.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There are no tags yet: choose another scope.</source>
        <translation>Es gibt noch keine Schlagwörter: Wählen Sie einen anderen Umfang.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a search query to export its results.</source>
        <translation>Geben Sie eine Suchanfrage ein, um ihre Ergebnisse zu exportieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first date is after the last date.</source>
        <translation>Das erste Datum liegt nach dem letzten.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Will write an annotated copy of each PDF (shown here: the first).</source>
        <translation>Schreibt eine Kopie jeder PDF-Datei mit Anmerkungen (hier gezeigt: die erste).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose where to export to.</source>
        <translation>Wählen Sie, wohin exportiert werden soll.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Choose a Markdown Template</source>
        <translation>Markdown-Vorlage auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jinja2 templates (*.j2 *.jinja *.md *.txt);;All files (*)</source>
        <translation>Jinja2-Vorlagen (*.j2 *.jinja *.md *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export to Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export to File</source>
        <translation>In Datei exportieren</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <location filename="../../reader/app/export/worker.py" line="+53"/>
        <source>unexpected error ({error}); details are in the log</source>
        <translation>unerwarteter Fehler ({error}); Einzelheiten stehen im Protokoll</translation>
    </message>
</context>
<context>
    <name>FacetsPanel</name>
    <message>
        <location filename="../../reader/app/discover/facets_panel.py" line="+49"/>
        <location line="+7"/>
        <source>Entities</source>
        <translation>Namen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No people, organisations or places found yet.</source>
        <translation>Noch keine Personen, Organisationen oder Orte gefunden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find entities in items not yet examined</source>
        <translation>Namen in noch nicht untersuchten Meldungen suchen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n Meldung</numerusform>
            <numerusform>%1: %n Meldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Find Entities in %n Item(s)</source>
        <translation>
            <numerusform>Namen in %n Meldung suchen</numerusform>
            <numerusform>Namen in %n Meldungen suchen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Finding entities…</source>
        <translation>Namen werden gesucht…</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Finding entities… %n item(s) done</source>
        <translation>
            <numerusform>Namen werden gesucht… %n Meldung erledigt</numerusform>
            <numerusform>Namen werden gesucht… %n Meldungen erledigt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Entity extraction failed.</source>
        <translation>Die Namenssuche ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Search Items</source>
        <translation>Meldungen suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline…</source>
        <translation>Zeitleiste…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>FileOpenRouter</name>
    <message>
        <location filename="../../reader/app/file_open.py" line="+156"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>HighlightMenu</name>
    <message>
        <location filename="../../reader/app/annotate/menus.py" line="+35"/>
        <source>Highlight Selection</source>
        <translation>Auswahl hervorheben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highlight Item</source>
        <translation>Meldung hervorheben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Highlight In</source>
        <translation>Hervorheben in</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Highlight Colour</source>
        <translation>Farbe der Hervorhebung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit Comment…</source>
        <translation>Kommentar bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Comment…</source>
        <translation>Kommentar hinzufügen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Highlight Comment</source>
        <translation>Kommentar zur Hervorhebung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove Highlight</source>
        <translation>Hervorhebung entfernen</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../reader/app/importing.py" line="+124"/>
        <source>{n} imported</source>
        <translation>{n} importiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} already in the library</source>
        <translation>{n} bereits in der Bibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} failed</source>
        <translation>{n} fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} cancelled</source>
        <translation>{n} abgebrochen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import stopped: {error}</source>
        <translation>Import angehalten: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No PDF files were found there.</source>
        <translation>Dort wurden keine PDF-Dateien gefunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in the library</source>
        <translation>Bereits in der Bibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>note: {warning}</source>
        <translation>Hinweis: {warning}</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location line="+12"/>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import details</source>
        <translation>Einzelheiten zum Import</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../reader/app/language_menu.py" line="+29"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;System Default (%1)</source>
        <translation>&amp;Systemstandard (%1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The language changes the next time Digest Reader starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Digest Reader.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved; while the environment variable %1 is set, it decides the language instead.</source>
        <translation>Gespeichert; solange die Umgebungsvariable %1 gesetzt ist, bestimmt stattdessen sie die Sprache.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../reader/app/main.py" line="+113"/>
        <source>Digest Reader</source>
        <translation>Digest Reader</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/app/window.py" line="+92"/>
        <source>Digest Reader</source>
        <translation>Digest Reader</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the &amp;System</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Mark Items Read When Shown</source>
        <translation>Meldungen beim Anzeigen als gelesen &amp;markieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Unplaced Annotations…</source>
        <translation>&amp;Nicht zugeordnete Anmerkungen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Digest Reader</source>
        <translation>Ü&amp;ber Digest Reader</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import progress</source>
        <translation>Fortschritt des Imports</translation>
    </message>
    <message>
        <location line="+101"/>
        <location line="+8"/>
        <location line="+262"/>
        <source>{title} — Digest Reader</source>
        <translation>{title} – Digest Reader</translation>
    </message>
    <message numerus="yes">
        <location line="-190"/>
        <source>Preparing search for Japanese names: %n item(s) to go…</source>
        <translation>
            <numerusform>Suche nach japanischen Namen wird vorbereitet: noch %n Meldung…</numerusform>
            <numerusform>Suche nach japanischen Namen wird vorbereitet: noch %n Meldungen…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search is ready for every item.</source>
        <translation>Die Suche ist für alle Meldungen bereit.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tag…</source>
        <translation>Schlagwort…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove Tag %1</source>
        <translation>Schlagwort %1 entfernen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tag Issue…</source>
        <translation>Schlagwort für die Ausgabe…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note on Issue</source>
        <translation>Notiz zur Ausgabe</translation>
    </message>
    <message>
        <location line="+27"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location line="+0"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Meldung</numerusform>
            <numerusform>%n Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+122"/>
        <source>About Digest Reader</source>
        <translation>Über Digest Reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digest Reader {version}
An offline reader for digest PDFs.
Library: {folder}
Licence: AGPL-3.0-or-later</source>
        <translation>Digest Reader {version}
Ein Offline-Leseprogramm für Digest-PDFs.
Bibliothek: {folder}
Lizenz: AGPL-3.0-or-later</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import PDF Files</source>
        <translation>PDF-Dateien importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf *.PDF);;All files (*)</source>
        <translation>PDF-Dateien (*.pdf *.PDF);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import a Folder of PDFs</source>
        <translation>Ordner mit PDF-Dateien importieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An import is already running.</source>
        <translation>Es läuft bereits ein Import.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
</context>
<context>
    <name>NotePanel</name>
    <message>
        <location filename="../../reader/app/annotate/note_panel.py" line="+36"/>
        <source>Note panel</source>
        <translation>Notizbereich</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note on the current item</source>
        <translation>Notiz zur aktuellen Meldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+64"/>
        <source>Note on the issue</source>
        <translation>Notiz zur Ausgabe</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Note text (Markdown)</source>
        <translation>Notiztext (Markdown)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a note in Markdown; it saves as you type.</source>
        <translation>Schreiben Sie eine Notiz in Markdown; sie wird beim Tippen gespeichert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note preview</source>
        <translation>Vorschau der Notiz</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Note on: %1</source>
        <translation>Notiz zu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>No item</source>
        <translation>Keine Meldung</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>OpenFiles</name>
    <message>
        <location filename="../../reader/app/links.py" line="+209"/>
        <source>Digest Reader</source>
        <translation>Digest Reader</translation>
    </message>
</context>
<context>
    <name>OrphansDialog</name>
    <message>
        <location filename="../../reader/app/annotate/orphans.py" line="+51"/>
        <source>Unplaced Annotations</source>
        <translation>Nicht zugeordnete Anmerkungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These annotations lost their item when a corrected PDF replaced an issue. Place each on an item or delete it.</source>
        <translation>Diese Anmerkungen haben ihre Meldung verloren, als eine korrigierte PDF-Datei eine Ausgabe ersetzt hat. Ordnen Sie jede einer Meldung zu oder löschen Sie sie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unplaced annotations</source>
        <translation>Nicht zugeordnete Anmerkungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place on Current Item</source>
        <translation>Der aktuellen Meldung zuordnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>PageList</name>
    <message>
        <location filename="../../reader/app/pages/thumbnails.py" line="+106"/>
        <source>Page thumbnails</source>
        <translation>Seitenvorschau</translation>
    </message>
</context>
<context>
    <name>PagePane</name>
    <message>
        <location filename="../../reader/app/pages/pane.py" line="+136"/>
        <location line="+61"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>The printed pages of the issue; click an item on a page to read it</source>
        <translation>Die gedruckten Seiten der Ausgabe; klicken Sie auf eine Meldung, um sie zu lesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Page tools</source>
        <translation>Seitenwerkzeuge</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Zoom In</source>
        <translation>Größer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom pages in</source>
        <translation>Seiten vergrößern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom Out</source>
        <translation>Kleiner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom pages out</source>
        <translation>Seiten verkleinern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit Width</source>
        <translation>Seitenbreite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit Page</source>
        <translation>Ganze Seite</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show or hide the page list</source>
        <translation>Seitenliste ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+565"/>
        <source>Open link?</source>
        <translation>Link öffnen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This page links to:

{target}

Open it in your browser or mail program?</source>
        <translation>Diese Seite verweist auf:

{target}

Im Browser oder E-Mail-Programm öffnen?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Link not opened</source>
        <translation>Link nicht geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digest Reader only opens web and e-mail links. This one was not opened:

{link}</source>
        <translation>Digest Reader öffnet nur Web- und E-Mail-Links. Dieser Link wurde nicht geöffnet:

{link}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Go to page {page}</source>
        <translation>Gehe zu Seite {page}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opens file {name} (not allowed)</source>
        <translation>Öffnet die Datei {name} (nicht erlaubt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kind} link {target}</source>
        <translation>{kind}-Link {target}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not
render</source>
        <translation>Nicht
darstellbar</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../reader/app/pages/view.py" line="+34"/>
        <source>Could not render this page</source>
        <translation>Diese Seite konnte nicht dargestellt werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rendering page {n}…</source>
        <translation>Seite {n} wird dargestellt…</translation>
    </message>
</context>
<context>
    <name>PlaceholderPagePane</name>
    <message>
        <location filename="../../reader/app/page_factory.py" line="+32"/>
        <source>Pages are not available in this build.</source>
        <translation>Seiten sind in dieser Version nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>QueryHelpDialog</name>
    <message>
        <location filename="../../reader/app/discover/help_dialog.py" line="+14"/>
        <source>Query Language</source>
        <translation>Abfragesprache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Query language help</source>
        <translation>Hilfe zur Abfragesprache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The query language help is missing.</source>
        <translation>Die Hilfe zur Abfragesprache fehlt.</translation>
    </message>
</context>
<context>
    <name>ReadingDocument</name>
    <message>
        <location filename="../../reader/app/reading/document.py" line="+92"/>
        <source>p. {page}</source>
        <translation>S. {page}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pp. {first}–{last}</source>
        <translation>S. {first}–{last}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pp. {pages}</source>
        <translation>S. {pages}</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <location filename="../../reader/app/reading/pane.py" line="+53"/>
        <source>Reading pane</source>
        <translation>Lesebereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The items of the open issue or view, reflowed for reading</source>
        <translation>Die Meldungen der geöffneten Ausgabe oder Ansicht, zum Lesen neu umbrochen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose an issue on the left.</source>
        <translation>Wählen Sie links eine Ausgabe.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This issue has no text layer (a scan?): read it in the page pane.</source>
        <translation>Diese Ausgabe hat keine Textebene (ein Scan?): Lesen Sie sie im Seitenbereich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No items were found in this issue.</source>
        <translation>In dieser Ausgabe wurden keine Meldungen gefunden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Meldung</numerusform>
            <numerusform>%n Meldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>the first %1 of %n items</source>
        <translation>
            <numerusform>die ersten %1 von %n Meldung</numerusform>
            <numerusform>die ersten %1 von %n Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing here yet.</source>
        <translation>Hier ist noch nichts.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No items here.</source>
        <translation>Hier sind keine Meldungen.</translation>
    </message>
</context>
<context>
    <name>RelatedPanel</name>
    <message>
        <location filename="../../reader/app/discover/related_panel.py" line="+33"/>
        <source>Related</source>
        <translation>Ähnliche Meldungen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Related items from other issues</source>
        <translation>Ähnliche Meldungen aus anderen Ausgaben</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No item is selected.</source>
        <translation>Keine Meldung ausgewählt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Related items are unavailable.</source>
        <translation>Ähnliche Meldungen sind nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Shares: %1</source>
        <translation>Gemeinsam: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No related items in other issues.</source>
        <translation>Keine ähnlichen Meldungen in anderen Ausgaben.</translation>
    </message>
</context>
<context>
    <name>SavedSearchesPanel</name>
    <message>
        <location filename="../../reader/app/discover/saved_panel.py" line="+49"/>
        <source>Saved Searches</source>
        <translation>Gespeicherte Suchen</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Save the current search</source>
        <translation>Aktuelle Suche speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved searches</source>
        <translation>Gespeicherte Suchen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No saved searches: search, then press + to keep it here.</source>
        <translation>Keine gespeicherten Suchen: Nach einer Suche legt + sie hier ab.</translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>%1, %n item(s)</source>
        <translation>
            <numerusform>%1, %n Meldung</numerusform>
            <numerusform>%1, %n Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, ? items</source>
        <translation>%1, ? Meldungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2 new</source>
        <translation>%1, %2 neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 new since you last looked</source>
        <translation>%1, %2 neu seit Ihrem letzten Besuch</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit Query…</source>
        <translation>Abfrage bearbeiten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Follow (Count New Items After Imports)</source>
        <translation>Verfolgen (neue Meldungen nach Importen zählen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save Current Search…</source>
        <translation>Aktuelle Suche speichern…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Rename Saved Search</source>
        <translation>Gespeicherte Suche umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit Saved Search</source>
        <translation>Gespeicherte Suche bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Query:</source>
        <translation>Abfrage:</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/app/search/panel.py" line="+102"/>
        <source>Search items  (/ or Ctrl+F)</source>
        <translation>Suchen  (/ oder Strg+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search items</source>
        <translation>Meldungen durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type words to search every item; results replace the issue list</source>
        <translation>Wörter eingeben, um alle Meldungen zu durchsuchen; die Ergebnisse ersetzen die Ausgabenliste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only search this series</source>
        <translation>Nur diese Reihe durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search in series</source>
        <translation>In Reihe suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this search in the sidebar (Ctrl+Shift+S)</source>
        <translation>Diese Suche in der Seitenleiste speichern (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save search</source>
        <translation>Suche speichern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>All series</source>
        <translation>Alle Reihen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No items match.</source>
        <translation>Keine Meldungen gefunden.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../reader/app/shortcuts.py" line="+34"/>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotate</source>
        <translation>Anmerken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go</source>
        <translation>Gehe zu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next item</source>
        <translation>Nächste Meldung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous item</source>
        <translation>Vorherige Meldung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First item</source>
        <translation>Erste Meldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last item</source>
        <translation>Letzte Meldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next issue</source>
        <translation>Nächste Ausgabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous issue</source>
        <translation>Vorherige Ausgabe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scroll the reading pane down</source>
        <translation>Lesebereich nach unten blättern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scroll the reading pane up</source>
        <translation>Lesebereich nach oben blättern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark the current item read</source>
        <translation>Aktuelle Meldung als gelesen markieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark the current item unread</source>
        <translation>Aktuelle Meldung als ungelesen markieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Star or unstar the current item</source>
        <translation>Stern der aktuellen Meldung setzen oder entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highlight the current item or the selected text</source>
        <translation>Aktuelle Meldung oder ausgewählten Text hervorheben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag the current or selected items…</source>
        <translation>Schlagwörter für aktuelle oder ausgewählte Meldungen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide the note panel</source>
        <translation>Notizbereich ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close search / back to the list</source>
        <translation>Suche schließen / zurück zur Liste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the current search…</source>
        <translation>Aktuelle Suche speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Larger reading text</source>
        <translation>Lesetext größer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smaller reading text</source>
        <translation>Lesetext kleiner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default reading text size</source>
        <translation>Standardgröße des Lesetexts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom pages in</source>
        <translation>Seiten vergrößern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom pages out</source>
        <translation>Seiten verkleinern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit page width</source>
        <translation>An Seitenbreite anpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit whole page</source>
        <translation>Ganze Seite einpassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the reading pane</source>
        <translation>Lesebereich ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide the page pane</source>
        <translation>Seitenbereich ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide related items</source>
        <translation>Ähnliche Meldungen ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import files…</source>
        <translation>Dateien importieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import folder…</source>
        <translation>Ordner importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/app/window.py" line="+61"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <location filename="../../reader/app/sidebar/model.py" line="+41"/>
        <source>All items</source>
        <translation>Alle Meldungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starred</source>
        <translation>Mit Stern</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Issue {id}</source>
        <translation>Ausgabe {id}</translation>
    </message>
    <message numerus="yes">
        <location line="+174"/>
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n Meldung</numerusform>
            <numerusform>%1: %n Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2, %3</source>
        <comment>series tooltip: name, issue count, unread count</comment>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n Ausgabe</numerusform>
            <numerusform>%n Ausgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unread item(s)</source>
        <translation>
            <numerusform>%n ungelesene Meldung</numerusform>
            <numerusform>%n ungelesene Meldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n item(s), %1 unread</source>
        <translation>
            <numerusform>%n Meldung, %1 ungelesen</numerusform>
            <numerusform>%n Meldungen, %1 ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SidebarView</name>
    <message>
        <location filename="../../reader/app/sidebar/view.py" line="+30"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Views, then series and their issues; Enter opens the selection for reading</source>
        <translation>Ansichten, dann Reihen und ihre Ausgaben; die Eingabetaste öffnet die Auswahl zum Lesen</translation>
    </message>
</context>
<context>
    <name>StartupSafety</name>
    <message>
        <location filename="../../reader/app/startup_safety.py" line="+38"/>
        <location line="+58"/>
        <source>Digest Reader</source>
        <translation>Digest Reader</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>The library database was damaged. It was moved aside as {name}; nothing was deleted.</source>
        <translation>Die Datenbank der Bibliothek war beschädigt. Sie wurde als {name} beiseitegelegt; nichts wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder: {folder}
Problem: {reason}</source>
        <translation>Ordner: {folder}
Problem: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The newest good backup is from {date}. Restore it, or start with an empty library?</source>
        <translation>Die neueste intakte Sicherung ist vom {date}. Diese wiederherstellen oder mit einer leeren Bibliothek beginnen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore newest backup ({date})</source>
        <translation>Neueste Sicherung wiederherstellen ({date})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore newest backup</source>
        <translation>Neueste Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No good backup was found. Start with an empty library, or quit?</source>
        <translation>Es wurde keine intakte Sicherung gefunden. Mit einer leeren Bibliothek beginnen oder beenden?</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Start with an empty library</source>
        <translation>Mit leerer Bibliothek beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The backup could not be restored: {error}. An empty library will be started; the damaged database and the backups are kept.</source>
        <translation>Die Sicherung konnte nicht wiederhergestellt werden: {error}. Es wird eine leere Bibliothek angelegt; die beschädigte Datenbank und die Sicherungen bleiben erhalten.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Automatic backup failed: {reason}</source>
        <translation>Automatische Sicherung fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../reader/app/annotate/tag_dialog.py" line="+36"/>
        <source>Tag issue</source>
        <translation>Schlagwörter für die Ausgabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag item</source>
        <translation>Schlagwörter für die Meldung</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Tag %n item(s)</source>
        <translation>
            <numerusform>Schlagwörter für %n Meldung</numerusform>
            <numerusform>Schlagwörter für %n Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New tag</source>
        <translation>Neues Schlagwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag name (a/b nests; comma for several)</source>
        <translation>Schlagwort (a/b verschachtelt; Komma für mehrere)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{tag}  ×</source>
        <translation>{tag}  ×</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Remove tag %1</source>
        <translation>Schlagwort %1 entfernen</translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message>
        <location filename="../../reader/app/annotate/tags_panel.py" line="+44"/>
        <location line="+12"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Match all or any of the selected tags</source>
        <translation>Alle oder eines der ausgewählten Schlagwörter müssen passen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No tags yet: press T to tag the current item.</source>
        <translation>Noch keine Schlagwörter: Mit T versehen Sie die aktuelle Meldung mit einem Schlagwort.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unplaced annotations</source>
        <translation>Nicht zugeordnete Anmerkungen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1: %2, %3</source>
        <comment>tag tooltip: name, item count, issue count</comment>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Meldung</numerusform>
            <numerusform>%n Meldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n Ausgabe</numerusform>
            <numerusform>%n Ausgaben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unplaced annotations (%1)</source>
        <translation>Nicht zugeordnete Anmerkungen (%1)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Any of</source>
        <translation>Mindestens eines</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All of</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items with any of the selected tags</source>
        <translation>Meldungen mit einem der ausgewählten Schlagwörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items with all of the selected tags</source>
        <translation>Meldungen mit allen ausgewählten Schlagwörtern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename Tag…</source>
        <translation>Schlagwort umbenennen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merge Into…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear Tag Filter</source>
        <translation>Schlagwortfilter aufheben</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rename Tag</source>
        <translation>Schlagwort umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merge Tags</source>
        <translation>Schlagwörter zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge into:</source>
        <translation>Zusammenführen mit:</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <location filename="../../reader/app/discover/timeline_dialog.py" line="+34"/>
        <source>Timeline: %1</source>
        <translation>Zeitleiste: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Items by date</source>
        <translation>Meldungen nach Datum</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n item(s) mention %1, oldest first.</source>
        <translation>
            <numerusform>%n Meldung erwähnt %1, älteste zuerst.</numerusform>
            <numerusform>%n Meldungen erwähnen %1, älteste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>undated</source>
        <translation>ohne Datum</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../reader/app/welcome.py" line="+19"/>
        <source>Welcome to Digest Reader</source>
        <translation>Willkommen bei Digest Reader</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your library is empty. Import digest PDFs (files or whole folders; you can also drop them on this window), or start with a few sample issues to see how it works. Everything stays on this computer.</source>
        <translation>Ihre Bibliothek ist leer. Importieren Sie Digest-PDFs (einzelne Dateien oder ganze Ordner; Sie können sie auch auf dieses Fenster ziehen) oder beginnen Sie mit einigen Beispielausgaben, um das Programm kennenzulernen. Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Import PDFs…</source>
        <translation>PDFs &amp;importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the &amp;sample issues</source>
        <translation>&amp;Beispielausgaben ausprobieren</translation>
    </message>
</context>
<context>
    <name>colors</name>
    <message>
        <location filename="../../reader/app/annotate/colors.py" line="+31"/>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pink</source>
        <translation>Rosa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
</context>
</TS>
