<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BufferJournal</name>
    <message>
        <location filename="../core/course/bufferjournal.cpp" line="+83"/>
        <source>Cannot create the journal folder %1, so unsaved edits are not protected against a crash. Check that the folder is writable and the disk has space.</source>
        <translation>Der Journal-Ordner %1 lässt sich nicht anlegen, ungespeicherte Änderungen sind daher nicht gegen einen Absturz geschützt. Prüfen Sie, ob der Ordner beschreibbar ist und die Festplatte Platz hat.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot write the journal file for %1 (%2): %3. Unsaved edits to it are not protected against a crash; free some disk space or fix the folder&apos;s permissions.</source>
        <translation>Die Journal-Datei für %1 lässt sich nicht schreiben (%2): %3. Ungespeicherte Änderungen daran sind nicht gegen einen Absturz geschützt; schaffen Sie Platz auf der Festplatte oder korrigieren Sie die Rechte des Ordners.</translation>
    </message>
</context>
<context>
    <name>ClusterHealthView</name>
    <message>
        <location filename="../ui/clusterhealthview.cpp" line="+212"/>
        <location line="+112"/>
        <source>API server: not checked yet</source>
        <translation>API-Server: noch nicht geprüft</translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+122"/>
        <source>Pods: waiting for the first list</source>
        <translation>Pods: warte auf die erste Liste</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Pods by phase</source>
        <translation>Pods nach Phase</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Pods by phase over time</source>
        <translation>Pods nach Phase im Zeitverlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>Top error reasons (pods)</source>
        <translation>Häufigste Fehlerursachen (Pods)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&lt; 1 ms</source>
        <translation>&lt; 1 ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API server: ● %1 (%2 in %3, checked %4)</source>
        <translation>API-Server: ● %1 (%2 in %3, geprüft %4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API server: ● unhealthy (%1 after %2, checked %3): %4</source>
        <translation>API-Server: ● gestört (%1 nach %2, geprüft %3): %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pods: cannot list them: %1</source>
        <translation>Pods: Auflisten nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods: %1 in all — %2</source>
        <translation>Pods: %1 insgesamt — %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nodes as last listed at %1; the list cannot be read now: %2</source>
        <translation>Knoten wie zuletzt um %1 gelistet; die Liste ist gerade nicht lesbar: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nodes: %1</source>
        <translation>Knoten: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pods: %1</source>
        <translation>Pods: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No pod shows an error.</source>
        <translation>Kein Pod zeigt einen Fehler.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting for the pod list…</source>
        <translation>Warte auf die Pod-Liste…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — 1 pod</source>
        <translation>%1 — 1 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 pods</source>
        <translation>%1 — %2 Pods</translation>
    </message>
</context>
<context>
    <name>CodeWindow</name>
    <message>
        <location filename="../ui/codewindow.cpp" line="+77"/>
        <source>Files of the repository</source>
        <translation>Dateien des Repositorys</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show changes</source>
        <translation>Änderungen anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare with template</source>
        <translation>Mit der Vorlage vergleichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open files</source>
        <translation>Geöffnete Dateien</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1065"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="-1047"/>
        <source>Open a file from the tree (double-click it, or select it and press Enter).</source>
        <translation>Öffnen Sie eine Datei aus dem Baum (Doppelklick, oder auswählen und Enter drücken).</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&amp;New file…</source>
        <translation>&amp;Neue Datei…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>New file</source>
        <translation>Neue Datei</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Path in the repository:</source>
        <translation>Pfad im Repository:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delete file</source>
        <translation>Datei &amp;löschen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Replace…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find &amp;next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;previous</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go to line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;changes</source>
        <translation>Ä&amp;nderungen anzeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare with &amp;template</source>
        <translation>Mit der &amp;Vorlage vergleichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Commit…</source>
        <translation>&amp;Committen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reload tree</source>
        <translation>Baum neu la&amp;den</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find (F3 next, Shift+F3 previous)</source>
        <translation>Suchen (F3 weiter, Umschalt+F3 zurück)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Go to line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to line:</source>
        <translation>Gehe zu Zeile:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading the tree of %1 at %2…</source>
        <translation>Lese den Baum von %1 bei %2…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n file(s) at %1.</source>
        <translation>
            <numerusform>%n Datei bei %1.</numerusform>
            <numerusform>%n Dateien bei %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+93"/>
        <source> — deleted in your change (right-click to undo)</source>
        <translation> — in Ihrer Änderung gelöscht (Rechtsklick zum Rückgängigmachen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+58"/>
        <source> (new)</source>
        <translation> (neu)</translation>
    </message>
    <message>
        <location line="-57"/>
        <source> — a new file in your change</source>
        <translation> — eine neue Datei in Ihrer Änderung</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+55"/>
        <source> — changed, not committed</source>
        <translation> — geändert, nicht committet</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 is deleted in your change; right-click it in the tree and choose Undo delete to edit it again.</source>
        <translation>%1 ist in Ihrer Änderung gelöscht; klicken Sie im Baum mit rechts darauf und wählen Sie „Löschen rückgängig machen“, um sie wieder zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not in %2 at %3. Reload the tree, or create it with New file.</source>
        <translation>%1 ist nicht in %2 bei %3. Laden Sie den Baum neu oder legen Sie die Datei mit „Neue Datei“ an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not in the repository at %2 any more. Reload the tree.</source>
        <translation>%1 ist bei %2 nicht mehr im Repository. Laden Sie den Baum neu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The error is in %1, which is not a file of this repository</source>
        <translation>Der Fehler liegt in %1, einer Datei, die nicht zu diesem Repository gehört</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last stack trace points here</source>
        <translation>Der letzte Stacktrace zeigt hierher</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a file path in the repository: use a relative path like public/about.html, without &quot;..&quot; or a leading slash.</source>
        <translation>„%1“ ist kein Dateipfad im Repository: Verwenden Sie einen relativen Pfad wie public/about.html, ohne „..“ und ohne führenden Schrägstrich.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 already exists; open it instead, or pick another name.</source>
        <translation>%1 existiert bereits; öffnen Sie sie oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 clashes with %2 (a file and a folder cannot share a name); pick another name.</source>
        <translation>%1 kollidiert mit %2 (eine Datei und ein Ordner können nicht gleich heißen); wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Created %1 (not committed yet).</source>
        <translation>%1 angelegt (noch nicht committet).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Removed the new file %1.</source>
        <translation>Die neue Datei %1 wurde entfernt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is already deleted in your change.</source>
        <translation>%1 ist in Ihrer Änderung bereits gelöscht.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 will be deleted by the commit (right-click it to undo).</source>
        <translation>%1 wird mit dem Commit gelöscht (Rechtsklick zum Rückgängigmachen).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is kept.</source>
        <translation>%1 bleibt erhalten.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;Your change&lt;/b&gt;: deleted</source>
        <translation>&lt;b&gt;Ihre Änderung&lt;/b&gt;: gelöscht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Your change&lt;/b&gt; (not committed)</source>
        <translation>&lt;b&gt;Ihre Änderung&lt;/b&gt; (nicht committet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no changes: open it and edit it first.</source>
        <translation>%1 hat keine Änderungen: Öffnen und bearbeiten Sie sie zuerst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;HEAD&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;HEAD&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;HEAD&lt;/b&gt;: no such file</source>
        <translation>&lt;b&gt;HEAD&lt;/b&gt;: keine solche Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Δ %1</source>
        <translation>Δ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: your change against HEAD</source>
        <translation>%1: Ihre Änderung gegenüber HEAD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No template repository is known for this course, so there is nothing to compare with. Set github.template in the course file.</source>
        <translation>Für diesen Kurs ist kein Vorlagen-Repository bekannt, es gibt also nichts zu vergleichen. Setzen Sie github.template in der Kursdatei.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading %1 from the template %2…</source>
        <translation>Lese %1 aus der Vorlage %2…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;Template&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Vorlage&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Template&lt;/b&gt;: the template has no such file</source>
        <translation>&lt;b&gt;Vorlage&lt;/b&gt;: die Vorlage hat keine solche Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Student&lt;/b&gt; (with your edits)</source>
        <translation>&lt;b&gt;Studierende(r)&lt;/b&gt; (mit Ihren Änderungen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⇄ %1</source>
        <translation>⇄ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the student&apos;s file against the template&apos;s</source>
        <translation>%1: die Datei der/des Studierenden gegenüber der Vorlage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 against the template: %2</source>
        <translation>%1 gegenüber der Vorlage: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>1 to %1</source>
        <translation>1 bis %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A commit is on its way; wait for it to finish.</source>
        <translation>Ein Commit ist unterwegs; warten Sie, bis er fertig ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to commit: no file differs from %1 at %2.</source>
        <translation>Nichts zu committen: Keine Datei unterscheidet sich von %1 bei %2.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Nothing to commit.</source>
        <translation>Nichts zu committen.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Committing %n file(s) to %1…</source>
        <translation>
            <numerusform>Committe %n Datei nach %1…</numerusform>
            <numerusform>Committe %n Dateien nach %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Committed %1 to %2 (%n file(s)).</source>
        <translation>
            <numerusform>%1 nach %2 committet (%n Datei).</numerusform>
            <numerusform>%1 nach %2 committet (%n Dateien).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The commit to %1 failed: %2 Your edits are kept (and journaled); try again.</source>
        <translation>Der Commit nach %1 ist fehlgeschlagen: %2 Ihre Änderungen bleiben erhalten (im Journal); versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Commit failed</source>
        <translation>Commit fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Not committed: %1 moved to %2 since you opened the files (%3). Nothing was overwritten; merge the changes in the merge window.</source>
        <translation>Nicht committet: %1 ist seit dem Öffnen der Dateien auf %2 weitergegangen (%3). Nichts wurde überschrieben; führen Sie die Änderungen im Merge-Fenster zusammen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the student pushed</source>
        <translation>die/der Studierende hat gepusht</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Restore %n unsaved file(s) from %1?</source>
        <translation>
            <numerusform>%n ungespeicherte Datei aus %1 wiederherstellen?</numerusform>
            <numerusform>%n ungespeicherte Dateien aus %1 wiederherstellen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(%1; edits made before this window last closed or crashed)</source>
        <translation>(%1; Änderungen von vor dem letzten Schließen oder Absturz dieses Fensters)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They were made on %1; the branch is at %2 now, so committing them shows a merge.</source>
        <translation>Sie entstanden auf %1; der Branch steht jetzt auf %2, ein Commit zeigt daher eine Zusammenführung.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n journal file(s) could not be read and are left in %1.</source>
        <translation>
            <numerusform>%n Journal-Datei war nicht lesbar und bleibt in %1.</numerusform>
            <numerusform>%n Journal-Dateien waren nicht lesbar und bleiben in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Restored %n file(s) from the journal.</source>
        <translation>
            <numerusform>%n Datei aus dem Journal wiederhergestellt.</numerusform>
            <numerusform>%n Dateien aus dem Journal wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Discarded the journaled edits.</source>
        <translation>Die Änderungen im Journal wurden verworfen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+20"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message numerus="yes">
        <location line="-19"/>
        <source>Changes to %n file(s) in %1 are not committed.</source>
        <translation>
            <numerusform>Änderungen an %n Datei in %1 sind nicht committet.</numerusform>
            <numerusform>Änderungen an %n Dateien in %1 sind nicht committet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep them in the journal to get them back the next time you open this repository, or discard them.</source>
        <translation>Behalten Sie sie im Journal, um sie beim nächsten Öffnen dieses Repositorys zurückzubekommen, oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to journal and close</source>
        <translation>Im Journal sichern und schließen</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="+39"/>
        <source>Command Palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type to find a command; Enter runs it</source>
        <translation>Tippen Sie, um einen Befehl zu finden; Enter führt ihn aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a command</source>
        <translation>Befehl suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled commands say why they cannot run now.</source>
        <translation>Deaktivierte Befehle sagen, warum sie gerade nicht laufen können.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find any command by name and run it</source>
        <translation>Jeden Befehl nach Namen finden und ausführen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Not available now</source>
        <translation>Gerade nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <location filename="../ui/commitdialog.cpp" line="+46"/>
        <source>Commit to %1</source>
        <translation>Commit nach %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>One commit on &lt;b&gt;%1&lt;/b&gt; of &lt;b&gt;%2&lt;/b&gt; with these %n file(s):</source>
        <translation>
            <numerusform>Ein Commit auf &lt;b&gt;%1&lt;/b&gt; von &lt;b&gt;%2&lt;/b&gt; mit dieser %n Datei:</numerusform>
            <numerusform>Ein Commit auf &lt;b&gt;%1&lt;/b&gt; von &lt;b&gt;%2&lt;/b&gt; mit diesen %n Dateien:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Files in the commit</source>
        <translation>Dateien im Commit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What the fix does, e.g. &quot;Fix the syntax error in server.js&quot;</source>
        <translation>Was die Korrektur bewirkt, z. B. „Syntaxfehler in server.js beheben“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Credits the student on GitHub (when the email is one of their account&apos;s). Empty: no trailer.</source>
        <translation>Nennt die/den Studierenden auf GitHub (wenn die E-Mail-Adresse zu ihrem Konto gehört). Leer: kein Trailer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author &amp;name:</source>
        <translation>Name des &amp;Autors:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author &amp;email:</source>
        <translation>&amp;E-Mail des Autors:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trailer:</source>
        <translation>&amp;Trailer:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Commit</source>
        <translation>Committen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Nothing to commit: no file differs from the branch.</source>
        <translation>Nichts zu committen: Keine Datei unterscheidet sich vom Branch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a commit message: the student reads it in their history.</source>
        <translation>Schreiben Sie eine Commit-Nachricht: Die/der Studierende liest sie in der Historie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your name as the author.</source>
        <translation>Geben Sie Ihren Namen als Autor ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your email as the author&apos;s email (name@example.org).</source>
        <translation>Geben Sie Ihre E-Mail-Adresse als Autor-E-Mail ein (name@example.org).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trailer must read &quot;Co-authored-by: Name &lt;email&gt;&quot;; fix it or clear it to commit without crediting the student.</source>
        <translation>Der Trailer muss „Co-authored-by: Name &lt;email&gt;“ lauten; korrigieren Sie ihn oder leeren Sie ihn, um ohne Nennung der/des Studierenden zu committen.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.cpp" line="+48"/>
        <source>Connect to a Cluster</source>
        <translation>Mit einem Cluster verbinden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Built-in sandbox with the demo course</source>
        <translation>&amp;Eingebaute Sandbox mit dem Demokurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A local Kubernetes and GitHub on this computer, with 40 demo students and their apps. Nothing leaves the machine.</source>
        <translation>Ein lokales Kubernetes und GitHub auf diesem Rechner, mit 40 Demo-Studierenden und ihren Apps. Nichts verlässt den Rechner.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A cluster from a &amp;kubeconfig</source>
        <translation>Ein Cluster aus einer &amp;kubeconfig</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kubeconfig files</source>
        <translation>Kubeconfig-Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Context:</source>
        <translation>&amp;Kontext:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Co&amp;nnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a kubeconfig</source>
        <translation>Eine kubeconfig wählen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No contexts found in %1. Choose the kubeconfig your cluster&apos;s provider gave you (for GKE: gcloud container clusters get-credentials).</source>
        <translation>Keine Kontexte in %1 gefunden. Wählen Sie die kubeconfig, die Ihnen der Anbieter des Clusters gegeben hat (für GKE: gcloud container clusters get-credentials).</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../ui/detailspanel.cpp" line="+40"/>
        <source>Open a new shell</source>
        <translation>Neue Shell öffnen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Shell in %1, kept open while you look elsewhere. Ctrl+Shift+C copies, Ctrl+Shift+V pastes.</source>
        <translation>Shell in %1, bleibt offen, während Sie woanders hinsehen. Strg+Umschalt+C kopiert, Strg+Umschalt+V fügt ein.</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Shell in %1 (%2). Ctrl+Shift+C copies, Ctrl+Shift+V pastes.</source>
        <translation>Shell in %1 (%2). Strg+Umschalt+C kopiert, Strg+Umschalt+V fügt ein.</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>&lt;b&gt;%1&lt;/b&gt; in %2 — no pod</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; in %2 — kein Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt; in %2 — pod %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; in %2 — Pod %3</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>There is no pod to open a shell in.</source>
        <translation>Es gibt keinen Pod, in dem eine Shell geöffnet werden kann.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A shell opens in %1 when this tab is shown.</source>
        <translation>Eine Shell öffnet sich in %1, sobald dieser Reiter angezeigt wird.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Select a student to see their app&apos;s logs, events, YAML and a terminal.</source>
        <translation>Wählen Sie eine(n) Studierende(n), um Logs, Ereignisse, YAML und ein Terminal der App zu sehen.</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>No student selected.</source>
        <translation>Keine Studierenden ausgewählt.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../ui/diagnosticsdialog.cpp" line="+18"/>
        <source>Problems found</source>
        <translation>Gefundene Probleme</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../ui/diffview.cpp" line="+74"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Previous difference</source>
        <translation>Vorheriger Unterschied</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next difference</source>
        <translation>Nächster Unterschied</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n line(s) changed, </source>
        <translation>
            <numerusform>%n Zeile geändert, </numerusform>
            <numerusform>%n Zeilen geändert, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n added, </source>
        <translation>
            <numerusform>%n hinzugefügt, </numerusform>
            <numerusform>%n hinzugefügt, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorGroupModel</name>
    <message>
        <location filename="../ui/fleetfilter.cpp" line="+302"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>EventWatch</name>
    <message>
        <location filename="../ui/eventsview.cpp" line="+173"/>
        <source>The cluster&apos;s list of events could not be read.</source>
        <translation>Die Ereignisliste des Clusters ließ sich nicht lesen.</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location line="+168"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No student selected.</source>
        <translation>Keine Studierenden ausgewählt.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Events of %1 appear here when the tab is shown.</source>
        <translation>Die Ereignisse von %1 erscheinen hier, sobald der Reiter angezeigt wird.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading events from the cluster…</source>
        <translation>Lese Ereignisse aus dem Cluster…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Reported by %1</source>
        <translation>Gemeldet von %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reconnecting to the cluster&apos;s events (%1); what is shown may be out of date.</source>
        <translation>Verbinde neu mit den Ereignissen des Clusters (%1); das Angezeigte ist womöglich veraltet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No events for %1 (the cluster keeps events for about an hour); new ones appear as they happen.</source>
        <translation>Keine Ereignisse für %1 (der Cluster behält Ereignisse etwa eine Stunde); neue erscheinen, sobald sie eintreten.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n event(s), newest first; watched live since %1.</source>
        <translation>
            <numerusform>%n Ereignis, neuestes zuerst; live beobachtet seit %1.</numerusform>
            <numerusform>%n Ereignisse, neueste zuerst; live beobachtet seit %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <location filename="../ui/fleetmodel.cpp" line="+56"/>
        <source>Student</source>
        <translation>Studierende(r)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GitHub login</source>
        <translation>GitHub-Login</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohort</source>
        <translation>Kohorte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probe</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No pod</source>
        <translation>Kein Pod</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not deployed</source>
        <translation>Nicht ausgerollt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (behind)</source>
        <translation>%1 (veraltet)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Runs %1; the repository&apos;s HEAD is %2. Redeploy at HEAD to catch up.</source>
        <translation>Läuft mit %1; der HEAD des Repositorys ist %2. Bei HEAD neu ausrollen, um aufzuholen.</translation>
    </message>
</context>
<context>
    <name>GithubLoginDialog</name>
    <message>
        <location filename="../ui/githublogindialog.cpp" line="+24"/>
        <source>Sign in to GitHub</source>
        <translation>Bei GitHub anmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CourseOps reads and writes student repositories as you. Sign in at %1.</source>
        <translation>CourseOps liest und schreibt die Repositorys der Studierenden in Ihrem Namen. Melden Sie sich bei %1 an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With your browser</source>
        <translation>Mit Ihrem Browser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Get a sign-in code</source>
        <translation>Anmelde&amp;code holen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign-in code</source>
        <translation>Anmeldecode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the code and &amp;open the page</source>
        <translation>Code kopieren und Seite ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The browser sign-in needs the client ID of the course&apos;s GitHub OAuth app (Settings ▸ GitHub). A personal access token works without one.</source>
        <translation>Die Anmeldung im Browser braucht die Client-ID der GitHub-OAuth-App des Kurses (Einstellungen ▸ GitHub). Ein persönliches Zugriffstoken funktioniert auch ohne.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With a personal access token</source>
        <translation>Mit einem persönlichen Zugriffstoken</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ghp_… or github_pat_…</source>
        <translation>ghp_… oder github_pat_…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal access token</source>
        <translation>Persönliches Zugriffstoken</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>&amp;Check and use</source>
        <translation>&amp;Prüfen und verwenden</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs the scopes repo and read:org (classic), or contents and administration read/write on the course&apos;s repositories (fine-grained).</source>
        <translation>Braucht die Scopes repo und read:org (klassisch) oder Lese-/Schreibrechte für contents und administration auf den Repositorys des Kurses (fein granuliert).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Type this code at %1. Waiting for you to approve… (the code expires in %2 minutes)</source>
        <translation>Geben Sie diesen Code bei %1 ein. Warte auf Ihre Freigabe… (der Code läuft in %2 Minuten ab)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Get a new code</source>
        <translation>Neuen Code &amp;holen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Asking GitHub for a code…</source>
        <translation>Frage GitHub nach einem Code…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste a token first. Make one at %1/settings/tokens.</source>
        <translation>Fügen Sie zuerst ein Token ein. Eines erstellen Sie unter %1/settings/tokens.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message numerus="yes">
        <location filename="../ui/jobdialog.cpp" line="+30"/>
        <source>Seed the course for %n student(s)</source>
        <translation>
            <numerusform>Kurs für %n Studierende(n) anlegen</numerusform>
            <numerusform>Kurs für %n Studierende anlegen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sync the template to %n student(s)</source>
        <translation>
            <numerusform>Vorlage mit %n Studierenden abgleichen</numerusform>
            <numerusform>Vorlage mit %n Studierenden abgleichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Deploy %n student(s)</source>
        <translation>
            <numerusform>%n Studierende(n) ausrollen</numerusform>
            <numerusform>%n Studierende ausrollen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Fleet job “%1” for %n student(s)</source>
        <translation>
            <numerusform>Flottenauftrag „%1“ für %n Studierende(n)</numerusform>
            <numerusform>Flottenauftrag „%1“ für %n Studierende</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Looking at what each step would do (nothing is changed yet)…</source>
        <translation>Prüfe, was jeder Schritt tun würde (noch wird nichts geändert)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <location line="+38"/>
        <source>Student</source>
        <translation>Studierende(r)</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+35"/>
        <location line="+38"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show steps with &amp;nothing to do</source>
        <translation>Schritte &amp;ohne Arbeit anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps whose result is already on the server are left alone</source>
        <translation>Schritte, deren Ergebnis schon auf dem Server ist, bleiben unberührt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%v of %m steps</source>
        <translation>%v von %m Schritten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Why it failed</source>
        <translation>Warum es fehlschlug</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+199"/>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Starts no new steps until resumed; the running ones finish</source>
        <translation>Startet bis zum Fortsetzen keine neuen Schritte; laufende werden beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel…</source>
        <translation>A&amp;bbrechen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops the job; its journal keeps what was done, for a later resume</source>
        <translation>Beendet den Auftrag; sein Journal hält das Erledigte für ein späteres Fortsetzen fest</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Failures so far:</source>
        <translation>&amp;Bisherige Fehler:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed steps</source>
        <translation>Fehlgeschlagene Schritte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;Report…</source>
        <translation>&amp;Bericht speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Journal Folder</source>
        <translation>&amp;Journal-Ordner öffnen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>F&amp;ailed steps:</source>
        <translation>&amp;Fehlgeschlagene Schritte:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Resuming the unfinished job in %1: steps it finished are not repeated. Looking at what the rest would do…</source>
        <translation>Setze den unfertigen Auftrag in %1 fort: erledigte Schritte werden nicht wiederholt. Prüfe, was der Rest tun würde…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show steps with &amp;nothing to do (%1)</source>
        <translation>Schritte &amp;ohne Arbeit anzeigen (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 to create, %2 to change, %3 blocked, %4 with nothing to do.</source>
        <translation>%1 anzulegen, %2 zu ändern, %3 blockiert, %4 ohne Arbeit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing needs doing; a run only records that.</source>
        <translation>Es ist nichts zu tun; ein Lauf hält nur das fest.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GitHub&apos;s rate limits make the run take about %1.</source>
        <translation>Wegen der Ratenbegrenzung von GitHub dauert der Lauf etwa %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blocked steps will fail: see their detail.</source>
        <translation>Blockierte Schritte werden fehlschlagen: siehe ihr Detail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resuming the job in %1.</source>
        <translation>Setze den Auftrag in %1 fort.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 holds a “%2” job, not a “%3” job</source>
        <translation>%1 enthält einen Auftrag „%2“, keinen Auftrag „%3“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 steps, %3 failed</source>
        <translation>%1 von %2 Schritten, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paused: no new steps start until you resume</source>
        <translation>angehalten: bis zum Fortsetzen starten keine neuen Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA %1</source>
        <translation>Voraussichtlich %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>estimating…</source>
        <translation>wird geschätzt…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 done, %2 already there, %3 failed (of %4 steps for %5 students).</source>
        <translation>%1 erledigt, %2 schon vorhanden, %3 fehlgeschlagen (von %4 Schritten für %5 Studierende).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Journal: %1</source>
        <translation>Journal: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel the job?</source>
        <translation>Auftrag abbrechen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the job now? Steps already running finish on the server; the journal keeps what was done, and Fleet offers to resume the job later.</source>
        <translation>Den Auftrag jetzt beenden? Bereits laufende Schritte werden auf dem Server beendet; das Journal hält das Erledigte fest, und „Flotte“ bietet später das Fortsetzen an.</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+7"/>
        <source>Save Report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <location filename="../ui/logmodel.cpp" line="+65"/>
        <source>Double-click to open %1 at line %2 in the student&apos;s code</source>
        <translation>Doppelklick öffnet %1 in Zeile %2 im Code der/des Studierenden</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../ui/logview.cpp" line="+157"/>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the newest line in view. Scrolling up stops this; press again to resume.</source>
        <translation>Die neueste Zeile im Blick behalten. Hochscrollen beendet das; erneut drücken, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold new lines back (they are kept and shown on resume).</source>
        <translation>Neue Zeilen zurückhalten (sie bleiben erhalten und erscheinen beim Fortsetzen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timestamps</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the kubelet&apos;s timestamps.</source>
        <translation>Die Zeitstempel des Kubelets anzeigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous container</source>
        <translation>Vorheriger Container</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the log of the container that ran before the last restart (why it crashed).</source>
        <translation>Das Log des Containers anzeigen, der vor dem letzten Neustart lief (warum er abgestürzt ist).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrap</source>
        <translation>Umbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wrap long lines.</source>
        <translation>Lange Zeilen umbrechen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search the log</source>
        <translation>Im Log suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the log (F3 next, Shift+F3 previous)</source>
        <translation>Im Log suchen (F3 weiter, Umschalt+F3 zurück)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>the whole log of the previous container is shown</source>
        <translation>das ganze Log des vorherigen Containers wird angezeigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the container stopped; press Follow again when it restarts</source>
        <translation>der Container ist gestoppt; drücken Sie erneut Folgen, wenn er neu startet</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>no matches</source>
        <translation>keine Treffer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 lines held (at most %2), %3 dropped</source>
        <translation>%1 Zeilen gehalten (höchstens %2), %3 verworfen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no pod selected</source>
        <translation>kein Pod ausgewählt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not streaming</source>
        <translation>kein Stream</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connecting to %1…</source>
        <translation>verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reading the previous container&apos;s log</source>
        <translation>lese das Log des vorherigen Containers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>following</source>
        <translation>folge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>streaming (scrolled up: press Follow to resume)</source>
        <translation>Stream läuft (hochgescrollt: Folgen drücken, um fortzufahren)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reconnecting: %1</source>
        <translation>verbinde neu: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ended: %1</source>
        <translation>beendet: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>paused, %1 new lines waiting</source>
        <translation>angehalten, %1 neue Zeilen warten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not save the log to %1: %2. Choose a folder you can write to.</source>
        <translation>Das Log ließ sich nicht in %1 speichern: %2. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not save the log to %1: %2. Check the free space and try again.</source>
        <translation>Das Log ließ sich nicht in %1 speichern: %2. Prüfen Sie den freien Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save log</source>
        <translation>Log speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logs (*.log *.txt)</source>
        <translation>Logs (*.log *.txt)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+76"/>
        <location line="+304"/>
        <source>CourseOps</source>
        <translation>CourseOps</translation>
    </message>
    <message>
        <location line="-292"/>
        <source>Filter students by name, login or error (Ctrl+F)</source>
        <translation>Studierende nach Name, Login oder Fehler filtern (Strg+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter students</source>
        <translation>Studierende filtern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CrashLoop</source>
        <translation>CrashLoop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind HEAD</source>
        <translation>Hinter HEAD</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show only: %1</source>
        <translation>Nur anzeigen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only students whose app is %1 (combine chips to widen)</source>
        <translation>Nur Studierende mit App-Status „%1“ anzeigen (Chips kombinieren, um zu erweitern)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Students</source>
        <translation>Studierende</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Error groups</source>
        <translation>Fehlergruppen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;all</source>
        <translation>&amp;Alle anzeigen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cluster: not connected</source>
        <translation>Cluster: nicht verbunden</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to the built-in sandbox or to a cluster from a kubeconfig</source>
        <translation>Mit der eingebauten Sandbox oder einem Cluster aus einer kubeconfig verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to &amp;GitHub…</source>
        <translation>Bei &amp;GitHub anmelden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Course…</source>
        <translation>Kurs ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import Roster…</source>
        <translation>Teilnehmerliste &amp;importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter Students</source>
        <translation>Studierende &amp;filtern</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Next Failing Student</source>
        <translation>&amp;Nächste(r) mit Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster &amp;Health</source>
        <translation>Cluster-&amp;Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Student</source>
        <translation>&amp;Studierende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Logs</source>
        <translation>&amp;Logs anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Terminal</source>
        <translation>&amp;Terminal öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restart</source>
        <translation>Neu sta&amp;rten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;deploy at HEAD</source>
        <translation>Bei &amp;HEAD neu ausrollen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the &amp;App</source>
        <translation>&amp;App öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Re&amp;pository</source>
        <translation>Re&amp;pository öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Code</source>
        <translation>&amp;Code öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;leet</source>
        <translation>F&amp;lotte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Seed Course…</source>
        <translation>Kurs &amp;anlegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeploy at HEAD in &amp;Waves…</source>
        <translation>Bei HEAD in &amp;Wellen neu ausrollen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;estart in Waves…</source>
        <translation>In Wellen neu s&amp;tarten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync &amp;Template…</source>
        <translation>&amp;Vorlage abgleichen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Resume Seed Job…</source>
        <translation>Anlege-Auftrag &amp;fortsetzen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Resume Template Sync Job…</source>
        <translation>Abgleich-Auftrag fort&amp;setzen…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Audit Log</source>
        <translation>A&amp;udit-Log</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About CourseOps</source>
        <translation>&amp;Über CourseOps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Students loaded from the roster: %1. Fix the lines below and open the files again; the rows listed were skipped.</source>
        <translation>Aus der Teilnehmerliste geladene Studierende: %1. Korrigieren Sie die Zeilen unten und öffnen Sie die Dateien erneut; die aufgeführten Zeilen wurden übersprungen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problems in the course files</source>
        <translation>Probleme in den Kursdateien</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No course open — File ▸ Open Course (Ctrl+O)</source>
        <translation>Kein Kurs geöffnet — Datei ▸ Kurs öffnen (Strg+O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · students in the roster: %2 · %3</source>
        <translation>%1 · Studierende in der Liste: %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — CourseOps</source>
        <translation>%1 — CourseOps</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open Course</source>
        <translation>Kurs öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Course files (*.yaml *.yml)</source>
        <translation>Kursdateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open Roster</source>
        <translation>Teilnehmerliste öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Rosters (*.csv *.yaml *.yml)</source>
        <translation>Teilnehmerlisten (*.csv *.yaml *.yml)</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+3"/>
        <source>Import Roster</source>
        <translation>Teilnehmerliste importieren</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Open a course first (File ▸ Open Course).</source>
        <translation>Öffnen Sie zuerst einen Kurs (Datei ▸ Kurs öffnen).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About CourseOps</source>
        <translation>Über CourseOps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;CourseOps %1&lt;/h3&gt;&lt;p&gt;A console for the staff of very large programming courses: every student&apos;s app in one live table, their code one click away.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CourseOps %1&lt;/h3&gt;&lt;p&gt;Eine Konsole für das Team sehr großer Programmierkurse: die App jeder/jedes Studierenden in einer Live-Tabelle, ihr Code nur einen Klick entfernt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Starting the built-in sandbox…</source>
        <translation>Starte die eingebaute Sandbox…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;●&lt;/span&gt; Not connected</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;●&lt;/span&gt; Nicht verbunden</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connected to %1 as %2</source>
        <translation>Verbunden mit %1 als %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Needs a connection to the cluster (File ▸ Connect)</source>
        <translation>Braucht eine Verbindung zum Cluster (Datei ▸ Verbinden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a student in the table first</source>
        <translation>Wählen Sie zuerst eine(n) Studierende(n) in der Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select exactly one student</source>
        <translation>Wählen Sie genau eine(n) Studierende(n)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No students in the table</source>
        <translation>Keine Studierenden in der Tabelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+9"/>
        <source>Sign in to GitHub to know each repository&apos;s HEAD</source>
        <translation>Melden Sie sich bei GitHub an, um den HEAD jedes Repositorys zu kennen</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Sign in to GitHub to open a student&apos;s repository</source>
        <translation>Melden Sie sich bei GitHub an, um das Repository von Studierenden zu öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to GitHub to open a student&apos;s code</source>
        <translation>Melden Sie sich bei GitHub an, um den Code von Studierenden zu öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to GitHub to create the students&apos; repositories</source>
        <translation>Melden Sie sich bei GitHub an, um die Repositorys der Studierenden anzulegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in to GitHub to sync the template</source>
        <translation>Melden Sie sich bei GitHub an, um die Vorlage abzugleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The course file names no template (github: template)</source>
        <translation>Die Kursdatei nennt keine Vorlage (github: template)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The students own their forks: they bring template changes in with GitHub&apos;s Sync fork</source>
        <translation>Die Studierenden besitzen ihre Forks: Sie holen Vorlagenänderungen mit „Sync fork“ auf GitHub</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Every student in the table is running and ready.</source>
        <translation>Alle Studierenden in der Tabelle laufen und sind bereit.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Opening %1</source>
        <translation>Öffne %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+25"/>
        <source>Seed Course</source>
        <translation>Kurs anlegen</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>An unfinished seed job is in %1. Resume it? (No starts a new one; steps already done are found on the server and left alone.)</source>
        <translation>In %1 liegt ein unfertiger Anlege-Auftrag. Fortsetzen? (Nein startet einen neuen; schon erledigte Schritte werden auf dem Server erkannt und nicht wiederholt.)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The roster has no students (File ▸ Import Roster).</source>
        <translation>Die Teilnehmerliste ist leer (Datei ▸ Teilnehmerliste importieren).</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+30"/>
        <location line="+8"/>
        <location line="+16"/>
        <location line="+4"/>
        <source>Sync Template</source>
        <translation>Vorlage abgleichen</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>An unfinished template sync is in %1. Resume it? (No starts a new one.)</source>
        <translation>In %1 liegt ein unfertiger Vorlagenabgleich. Fortsetzen? (Nein startet einen neuen.)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Bring the students the changes %1 made since which commit?
(a SHA, branch or tag: the one their repositories were made from or last synced to)</source>
        <translation>Die Änderungen von %1 seit welchem Commit an die Studierenden geben?
(eine SHA, ein Branch oder Tag: der, aus dem ihre Repositorys entstanden oder zuletzt abgeglichen wurden)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading what %1 changed…</source>
        <translation>Lese, was sich in %1 geändert hat…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 did not change in %2: nothing to sync.</source>
        <translation>%1 hat sich in %2 nicht geändert: nichts abzugleichen.</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Cluster Health — %1</source>
        <translation>Cluster-Zustand — %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Redeploy in Waves</source>
        <translation>In Wellen neu ausrollen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restart in Waves</source>
        <translation>In Wellen neu starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No student in the table has a Deployment.</source>
        <translation>Niemand in der Tabelle hat ein Deployment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The repositories&apos; HEAD is not known yet; try again in a moment.</source>
        <translation>Der HEAD der Repositorys ist noch nicht bekannt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left out, their repository&apos;s HEAD is not known yet: %1</source>
        <translation>Ausgelassen, der HEAD ihres Repositorys ist noch nicht bekannt: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The HEAD of %1&apos;s repository is not known yet; try again in a moment.</source>
        <translation>Der HEAD des Repositorys von %1 ist noch nicht bekannt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deployment.apps/%1 redeploying at %2</source>
        <translation>deployment.apps/%1 wird bei %2 neu ausgerollt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeploy</source>
        <translation>Neu ausrollen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not redeploy %1: %2</source>
        <translation>%1 ließ sich nicht neu ausrollen: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Audit Log</source>
        <translation>Audit-Log</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The last %n write(s) made from this computer, newest first. The file: %1</source>
        <translation>
            <numerusform>Der letzte %n Schreibvorgang von diesem Rechner, neuester zuerst. Die Datei: %1</numerusform>
            <numerusform>Die letzten %n Schreibvorgänge von diesem Rechner, neueste zuerst. Die Datei: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing yet.</source>
        <translation>Noch nichts.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sign in to GitHub (File ▸ Sign in to GitHub) to open a student&apos;s code</source>
        <translation>Melden Sie sich bei GitHub an (Datei ▸ Bei GitHub anmelden), um den Code von Studierenden zu öffnen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Commit and &amp;Redeploy…</source>
        <translation>Committen und neu aus&amp;rollen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commit, then roll the student&apos;s app out at the new commit</source>
        <translation>Committen, dann die App der/des Studierenden beim neuen Commit ausrollen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs a connection to the cluster</source>
        <translation>Braucht eine Verbindung zum Cluster</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Open Code</source>
        <translation>Code öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no student &quot;%1&quot; in the roster of %2. Check the login (it is the student&apos;s GitHub login) or open the course they are in.</source>
        <translation>In der Teilnehmerliste von %2 gibt es niemanden mit „%1“. Prüfen Sie das Login (es ist das GitHub-Login) oder öffnen Sie den Kurs, in dem die Person ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening %1&apos;s code once GitHub and the cluster answer…</source>
        <translation>Öffne den Code von %1, sobald GitHub und der Cluster antworten…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not open %1&apos;s code: GitHub did not answer. Sign in with File ▸ Sign in to GitHub and press Ctrl+E on the student&apos;s row.</source>
        <translation>Der Code von %1 ließ sich nicht öffnen: GitHub hat nicht geantwortet. Melden Sie sich über Datei ▸ Bei GitHub anmelden an und drücken Sie Strg+E in der Zeile der Person.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Committed %1; redeploying %2…</source>
        <translation>%1 committet; rolle %2 neu aus…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The commit is in the repository, but the redeploy failed: %1</source>
        <translation>Der Commit ist im Repository, aber das erneute Ausrollen schlug fehl: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The fix is live: %1 runs commit %2 and its app answers (%3).</source>
        <translation>Die Korrektur ist live: %1 läuft mit Commit %2 und die App antwortet (%3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not live after 5 minutes: %1 is %2%3. Check the logs in the main window.</source>
        <translation>Nach 5 Minuten nicht live: %1 ist %2%3. Prüfen Sie die Logs im Hauptfenster.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without a pod</source>
        <translation>ohne Pod</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rolling out %1 at %2… (now %3)</source>
        <translation>Rolle %1 bei %2 aus… (jetzt %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New pod of %1: %2%3</source>
        <translation>Neuer Pod von %1: %2%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is running at %2; waiting for the app to answer…</source>
        <translation>%1 läuft bei %2; warte auf eine Antwort der App…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>deployment.apps/%1 restarted</source>
        <translation>deployment.apps/%1 neu gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not restart %1: %2</source>
        <translation>%1 ließ sich nicht neu starten: %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+47"/>
        <source>GitHub: &lt;a href=&quot;signin&quot;&gt;sign in&lt;/a&gt;</source>
        <translation>GitHub: &lt;a href=&quot;signin&quot;&gt;anmelden&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to GitHub to see the repositories&apos; HEAD and to patch code</source>
        <translation>Melden Sie sich bei GitHub an, um den HEAD der Repositorys zu sehen und Code zu korrigieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub: %1</source>
        <translation>GitHub: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in to %1 as %2</source>
        <translation>Bei %1 angemeldet als %2</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <location filename="../ui/mergeview.cpp" line="+95"/>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Files to merge</source>
        <translation>Zusammenzuführende Dateien</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conflicts in this file</source>
        <translation>Konflikte in dieser Datei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Theirs: the branch now</source>
        <translation>Studierende: der Branch jetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base: when you opened the files</source>
        <translation>Basis: beim Öffnen der Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours: your edits</source>
        <translation>Eigene: Ihre Änderungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result of the merge</source>
        <translation>Ergebnis der Zusammenführung</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous conflict (Shift+F7)</source>
        <translation>Vorheriger Konflikt (Umschalt+F7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next conflict (F7)</source>
        <translation>Nächster Konflikt (F7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take ours</source>
        <translation>Eigene nehmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep your edit for this conflict</source>
        <translation>Ihre Änderung für diesen Konflikt behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>Fassung der Person nehmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep the student&apos;s version</source>
        <translation>Die Fassung der/des Studierenden behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take both</source>
        <translation>Beide nehmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your lines, then the student&apos;s</source>
        <translation>Ihre Zeilen, dann die der/des Studierenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark resolved</source>
        <translation>Als gelöst markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result of this file is right (no conflict markers may remain)</source>
        <translation>Das Ergebnis dieser Datei stimmt (es dürfen keine Konfliktmarker übrig sein)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit merge</source>
        <translation>Zusammenführung committen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit the resolved files on top of the student&apos;s new head</source>
        <translation>Die gelösten Dateien auf den neuen Head der/des Studierenden committen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&lt;b&gt;Result&lt;/b&gt; (editable; this is what gets committed)</source>
        <translation>&lt;b&gt;Ergebnis&lt;/b&gt; (bearbeitbar; das wird committet)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;Files&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dateien&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Conflicts in this file&lt;/b&gt;</source>
        <translation>&lt;b&gt;Konflikte in dieser Datei&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Merge with the student&apos;s changes — %1</source>
        <translation>Mit den Änderungen der/des Studierenden zusammenführen — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Theirs&lt;/b&gt;: the branch now (%1)</source>
        <translation>&lt;b&gt;Studierende&lt;/b&gt;: der Branch jetzt (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Base&lt;/b&gt;: when you opened the files (%1)</source>
        <translation>&lt;b&gt;Basis&lt;/b&gt;: beim Öffnen der Dateien (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Ours&lt;/b&gt;: your edits</source>
        <translation>&lt;b&gt;Eigene&lt;/b&gt;: Ihre Änderungen</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>(the student deleted this file)</source>
        <translation>(die/der Studierende hat diese Datei gelöscht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(the file did not exist)</source>
        <translation>(die Datei existierte nicht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(you deleted this file)</source>
        <translation>(Sie haben diese Datei gelöscht)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>merged cleanly</source>
        <translation>sauber zusammengeführt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resolved</source>
        <translation>gelöst</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not marked resolved</source>
        <translation>nicht als gelöst markiert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Conflict %1 at line %2</source>
        <translation>Konflikt %1 in Zeile %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Every file is resolved. Commit merge makes one commit on top of the student&apos;s %1.</source>
        <translation>Alle Dateien sind gelöst. „Zusammenführung committen“ erstellt einen Commit auf dem %1 der/des Studierenden.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The student pushed %1 after you opened the files. %n conflict(s) left: take ours, theirs or both, or edit the result, then mark each file resolved.</source>
        <translation>
            <numerusform>Die/der Studierende hat %1 gepusht, nachdem Sie die Dateien geöffnet haben. %n Konflikt übrig: eigene, fremde oder beide übernehmen oder das Ergebnis bearbeiten, dann jede Datei als gelöst markieren.</numerusform>
            <numerusform>Die/der Studierende hat %1 gepusht, nachdem Sie die Dateien geöffnet haben. %n Konflikte übrig: eigene, fremde oder beide übernehmen oder das Ergebnis bearbeiten, dann jede Datei als gelöst markieren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>No conflict markers left. Check the result and press Mark resolved (%n file(s) to go).</source>
        <translation>
            <numerusform>Keine Konfliktmarker mehr. Prüfen Sie das Ergebnis und drücken Sie „Als gelöst markieren“ (noch %n Datei).</numerusform>
            <numerusform>Keine Konfliktmarker mehr. Prüfen Sie das Ergebnis und drücken Sie „Als gelöst markieren“ (noch %n Dateien).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+119"/>
        <source>%1 still has %n conflict(s): take ours, theirs or both, or edit the markers (&lt;&lt;&lt;&lt;&lt;&lt;&lt; ======= &gt;&gt;&gt;&gt;&gt;&gt;&gt;) away, then mark it resolved.</source>
        <translation>
            <numerusform>%1 hat noch %n Konflikt: eigene, fremde oder beide übernehmen oder die Marker (&lt;&lt;&lt;&lt;&lt;&lt;&lt; ======= &gt;&gt;&gt;&gt;&gt;&gt;&gt;) wegeditieren, dann als gelöst markieren.</numerusform>
            <numerusform>%1 hat noch %n Konflikte: eigene, fremde oder beide übernehmen oder die Marker (&lt;&lt;&lt;&lt;&lt;&lt;&lt; ======= &gt;&gt;&gt;&gt;&gt;&gt;&gt;) wegeditieren, dann als gelöst markieren.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The merged files are what the branch already holds: there is nothing to commit. Close this window.</source>
        <translation>Die zusammengeführten Dateien entsprechen schon dem Branch: Es gibt nichts zu committen. Schließen Sie dieses Fenster.</translation>
    </message>
</context>
<context>
    <name>NodeHealthModel</name>
    <message>
        <location filename="../ui/clusterhealthview.cpp" line="-263"/>
        <source>No metrics for this node (metrics.k8s.io).</source>
        <translation>Keine Messwerte für diesen Knoten (metrics.k8s.io).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use now / allocatable to pods (capacity %1 CPU, %2)</source>
        <translation>Nutzung jetzt / für Pods zuteilbar (Kapazität %1 CPU, %2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU use / allocatable</source>
        <translation>CPU-Nutzung / zuteilbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory use / allocatable</source>
        <translation>Speichernutzung / zuteilbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/wavedialog.cpp" line="+23"/>
        <source>Redeploy</source>
        <translation>Neu ausrollen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <location filename="../core/course/clustersession.cpp" line="+24"/>
        <source>Checking what your account may do…</source>
        <translation>Prüfe, was Ihr Konto darf…</translation>
    </message>
    <message>
        <location filename="../core/course/job.cpp" line="+15"/>
        <source>create</source>
        <translation>anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change</source>
        <translation>ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>leave alone</source>
        <translation>unverändert lassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <location filename="../core/course/jobjournal.cpp" line="+71"/>
        <source>A job already exists in %1; resume it or choose another folder.</source>
        <translation>In %1 gibt es bereits einen Auftrag; setzen Sie ihn fort oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the job folder %1: check that the disk is writable.</source>
        <translation>Der Auftragsordner %1 lässt sich nicht anlegen: Prüfen Sie, ob die Festplatte beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+9"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No job in %1 (%2 is missing).</source>
        <translation>Kein Auftrag in %1 (%2 fehlt).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is damaged (%2); the job cannot be resumed. Start it again in a new folder.</source>
        <translation>%1 ist beschädigt (%2); der Auftrag lässt sich nicht fortsetzen. Starten Sie ihn in einem neuen Ordner neu.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot repair the job journal %1: %2</source>
        <translation>Das Auftragsjournal %1 lässt sich nicht reparieren: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot write the job journal %1: %2</source>
        <translation>Das Auftragsjournal %1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write the job journal %1: %2 (is the disk full?)</source>
        <translation>Das Auftragsjournal %1 lässt sich nicht schreiben: %2 (ist die Festplatte voll?)</translation>
    </message>
    <message>
        <location filename="../core/course/templatesync.cpp" line="+73"/>
        <source>deleted in the student&apos;s repository</source>
        <translation>im Repository der/des Studierenden gelöscht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed from the template, changed by the student</source>
        <translation>aus der Vorlage entfernt, von der/dem Studierenden geändert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>binary file changed on both sides</source>
        <translation>Binärdatei auf beiden Seiten geändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>both changed the same lines</source>
        <translation>beide haben dieselben Zeilen geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added on both sides with different content</source>
        <translation>auf beiden Seiten mit unterschiedlichem Inhalt hinzugefügt</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The template %1 has no commit, branch or tag &apos;%2&apos; (%3). Give --from and --to as commits of the template.</source>
        <translation>Die Vorlage %1 hat keinen Commit, Branch oder Tag „%2“ (%3). Geben Sie --from und --to als Commits der Vorlage an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no sha in the answer</source>
        <translation>keine SHA in der Antwort</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The template %1 has more files than GitHub lists in one tree; template sync handles smaller templates only.</source>
        <translation>Die Vorlage %1 hat mehr Dateien, als GitHub in einem Baum auflistet; der Vorlagenabgleich kann nur kleinere Vorlagen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="+37"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Table refresh</source>
        <translation>Tabellenaktualisierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> lines</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log buffer</source>
        <translation>Log-Puffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Probe interval</source>
        <translation>Prüfintervall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster health refresh</source>
        <translation>Aktualisierung des Cluster-Zustands</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table &amp;refresh:</source>
        <translation>Tabellen&amp;aktualisierung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log buffer:</source>
        <translation>&amp;Log-Puffer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App &amp;probe every:</source>
        <translation>App-&amp;Prüfung alle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster &amp;health every:</source>
        <translation>Cluster-&amp;Zustand alle:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longer intervals mean fewer requests to the cluster and the apps. A log view drops its oldest lines past the buffer size. High contrast shows the keyboard focus with a thick yellow frame.</source>
        <translation>Längere Intervalle bedeuten weniger Anfragen an den Cluster und die Apps. Eine Log-Ansicht verwirft ihre ältesten Zeilen jenseits der Puffergröße. Hoher Kontrast zeigt den Tastaturfokus mit einem dicken gelben Rahmen.</translation>
    </message>
</context>
<context>
    <name>TerminalWidget</name>
    <message>
        <location filename="../ui/terminalwidget.cpp" line="+182"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Connecting to %1 in %2…</source>
        <translation>Verbinde mit %1 in %2…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+16"/>
        <source>The session was closed. Press Enter to open a new one.</source>
        <translation>Die Sitzung wurde geschlossen. Drücken Sie Enter, um eine neue zu öffnen.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The shell in %1 exited with code %2. Press Enter to open a new one.</source>
        <translation>Die Shell in %1 wurde mit Code %2 beendet. Drücken Sie Enter, um eine neue zu öffnen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The session ended: %1 Press Enter to try again.</source>
        <translation>Die Sitzung endete: %1 Drücken Sie Enter, um es erneut zu versuchen.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../ui/theme.cpp" line="+119"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
</context>
<context>
    <name>WaveDialog</name>
    <message>
        <location filename="../ui/wavedialog.cpp" line="+13"/>
        <source>%1 1 Deployment in waves</source>
        <translation>%1: 1 Deployment in Wellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 Deployments in waves</source>
        <translation>%1: %2 Deployments in Wellen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first wave; 0 for none. Its failures stop the run before anyone else is touched.</source>
        <translation>Die erste Welle; 0 für keine. Fehler darin stoppen den Lauf, bevor jemand anderes betroffen ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> per wave</source>
        <translation> pro Welle</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-3"/>
        <source> % of a wave</source>
        <translation> % einer Welle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Canary wave size:</source>
        <translation>Größe der Kanarienwelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size:</source>
        <translation>Stapelgröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause between waves:</source>
        <translation>Pause zwischen Wellen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop when failures exceed:</source>
        <translation>Stoppen, wenn die Fehler übersteigen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollout timeout per Deployment:</source>
        <translation>Rollout-Zeitlimit je Deployment:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes at once:</source>
        <translation>Gleichzeitige Schreibvorgänge:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+142"/>
        <source>Time left: estimating…</source>
        <translation>Restzeit: wird geschätzt…</translation>
    </message>
    <message>
        <location line="-136"/>
        <location line="+7"/>
        <source>Wave</source>
        <translation>Welle</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rolled out</source>
        <translation>Ausgerollt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it failed</source>
        <translation>Warum es fehlschlug</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+149"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+46"/>
        <source>Waves</source>
        <translation>Wellen</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+41"/>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>1 wave</source>
        <translation>1 Welle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 waves</source>
        <translation>%1 Wellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>: a canary of %1, then up to %2 at a time</source>
        <translation>: eine Kanarienwelle mit %1, dann bis zu %2 gleichzeitig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> of up to %1</source>
        <translation> mit bis zu %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 s apart</source>
        <translation>, im Abstand von %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run stops by itself when more than %1 % of a wave fails.</source>
        <translation>Der Lauf stoppt von selbst, wenn mehr als %1 % einer Welle fehlschlagen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (canary)</source>
        <translation>%1 (Kanarienwelle)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+81"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Time left: about %1 s</source>
        <translation>Restzeit: etwa %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time left: about %1 min %2 s</source>
        <translation>Restzeit: etwa %1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left: about %1 h %2 min</source>
        <translation>Restzeit: etwa %1 h %2 min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wave %1 of %2</source>
        <translation>Welle %1 von %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting</source>
        <translation>Starte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (canary)</source>
        <translation> (Kanarienwelle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting before wave %1 of %2</source>
        <translation>Warte vor Welle %1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 rolled out, %3 failed, %4 to go</source>
        <translation>%1 — %2 ausgerollt, %3 fehlgeschlagen, %4 ausstehend</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> — paused: no new writes until you resume</source>
        <translation> — angehalten: keine neuen Schreibvorgänge bis zum Fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+55"/>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+37"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>too many failures: run stopped</source>
        <translation>zu viele Fehler: Lauf gestoppt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done, failures within the bound</source>
        <translation>fertig, Fehler innerhalb der Grenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not run</source>
        <translation>nicht gelaufen</translation>
    </message>
</context>
<context>
    <name>YamlView</name>
    <message>
        <location filename="../ui/yamlview.cpp" line="+126"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No student selected.</source>
        <translation>Keine Studierenden ausgewählt.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The YAML of %1 is read when this tab is shown.</source>
        <translation>Das YAML von %1 wird gelesen, sobald dieser Reiter angezeigt wird.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reading from the cluster…</source>
        <translation>Lese aus dem Cluster…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 %2 could not be shown as YAML: %3</source>
        <translation>%1 %2 ließ sich nicht als YAML anzeigen: %3</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Read at %1 (read-only; press Refresh for the current state).</source>
        <translation>Gelesen um %1 (schreibgeschützt; „Aktualisieren“ zeigt den aktuellen Stand).</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Deployment or Pod to show.</source>
        <translation>Kein Deployment oder Pod zum Anzeigen.</translation>
    </message>
</context>
<context>
    <name>course::ClusterSession</name>
    <message>
        <location filename="../core/course/clustersession.cpp" line="+33"/>
        <source>pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>watching %1 failed: %2 (retrying in %3 s)</source>
        <translation>Beobachten von %1 fehlgeschlagen: %2 (neuer Versuch in %3 s)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the computer slept; catching up with the cluster</source>
        <translation>der Rechner hat geschlafen; hole den Stand des Clusters nach</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the cluster does not answer: %1</source>
        <translation>der Cluster antwortet nicht: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>nothing heard from the cluster</source>
        <translation>nichts vom Cluster gehört</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>data %1 s old</source>
        <translation>Daten %1 s alt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no data yet</source>
        <translation>noch keine Daten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live · %1</source>
        <translation>Live · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting · %1</source>
        <translation>Verbinde neu · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stale · %1</source>
        <translation>Veraltet · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Could not check whether your account may %1: %2</source>
        <translation>Es ließ sich nicht prüfen, ob Ihr Konto %1 darf: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your account (%1) may not %2 here%3. Ask a course admin for the role.</source>
        <translation>Ihr Konto (%1) darf hier nicht %2%3. Bitten Sie eine Kursverwaltung um die Rolle.</translation>
    </message>
</context>
<context>
    <name>course::EmbeddedSandbox</name>
    <message>
        <location filename="../core/course/embeddedsandbox.cpp" line="+57"/>
        <source>The built-in sandbox (courseops-sandbox) was not found next to this program or on PATH. Reinstall CourseOps, or connect to a cluster with a kubeconfig (File ▸ Connect).</source>
        <translation>Die eingebaute Sandbox (courseops-sandbox) wurde weder neben diesem Programm noch im PATH gefunden. Installieren Sie CourseOps neu oder verbinden Sie sich mit einem Cluster aus einer kubeconfig (Datei ▸ Verbinden).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot create the sandbox&apos;s folder %1. Check that the disk is writable and not full.</source>
        <translation>Der Ordner der Sandbox %1 lässt sich nicht anlegen. Prüfen Sie, ob die Festplatte beschreibbar und nicht voll ist.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The built-in sandbox %1 could not be started: %2.</source>
        <translation>Die eingebaute Sandbox %1 ließ sich nicht starten: %2.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>it crashed</source>
        <translation>sie ist abgestürzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>it exited with code %1</source>
        <translation>sie wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The built-in sandbox stopped: %1. Reconnect (File ▸ Connect) to start it again.</source>
        <translation>Die eingebaute Sandbox wurde beendet: %1. Verbinden Sie sich neu (Datei ▸ Verbinden), um sie wieder zu starten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The built-in sandbox did not start: %1. If its saved state is damaged, delete the folder %2 and start again.</source>
        <translation>Die eingebaute Sandbox ist nicht gestartet: %1. Wenn ihr gespeicherter Zustand beschädigt ist, löschen Sie den Ordner %2 und starten Sie neu.</translation>
    </message>
</context>
<context>
    <name>course::Job</name>
    <message>
        <location filename="../core/course/job.cpp" line="+118"/>
        <source>Cancelled. The journal keeps what was done; resume the job to finish it.</source>
        <translation>Abgebrochen. Das Journal hält fest, was erledigt ist; setzen Sie den Auftrag fort, um ihn abzuschließen.</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n student(s) failed; see the report for why. Resume the job to retry them.</source>
        <translation>
            <numerusform>Bei %n Studierenden ist es fehlgeschlagen; die Gründe stehen im Bericht. Setzen Sie den Auftrag fort, um es erneut zu versuchen.</numerusform>
            <numerusform>Bei %n Studierenden ist es fehlgeschlagen; die Gründe stehen im Bericht. Setzen Sie den Auftrag fort, um es erneut zu versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stopped: %1</source>
        <translation>Gestoppt: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Every step is done.</source>
        <translation>Jeder Schritt ist erledigt.</translation>
    </message>
</context>
<context>
    <name>course::SeedJob</name>
    <message>
        <location filename="../core/course/seedjob.cpp" line="+146"/>
        <location line="+72"/>
        <source>%1 is not in the roster</source>
        <translation>%1 ist nicht in der Teilnehmerliste</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+38"/>
        <location line="+50"/>
        <location line="+108"/>
        <location line="+11"/>
        <source>%1 exists</source>
        <translation>%1 existiert</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>%1/%2 from %3</source>
        <translation>%1/%2 aus %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 has access</source>
        <translation>%1 hat Zugriff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invite %1 with push access</source>
        <translation>%1 mit Push-Zugriff einladen</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>%1/%2 does not exist: ask %1 to fork %3 into their account, keeping the name %2</source>
        <translation>%1/%2 existiert nicht: Bitten Sie %1, %3 in das eigene Konto zu forken und den Namen %2 zu behalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a fork of %2: ask %3 to rename it and fork %2</source>
        <translation>%1 ist kein Fork von %2: Bitten Sie %3, es umzubenennen und %2 zu forken</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+70"/>
        <source>%1 is a fork of %2</source>
        <translation>%1 ist ein Fork von %2</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+68"/>
        <source>%1 owns %1/%2</source>
        <translation>%1 besitzt %1/%2</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 from %2 to %3</source>
        <translation>%1 von %2 auf %3</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>invited %1</source>
        <translation>%1 eingeladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already has access</source>
        <translation>%1 hat bereits Zugriff</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+105"/>
        <source>created %1</source>
        <translation>%1 angelegt</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>%1/%2 does not exist: seed the student first</source>
        <translation>%1/%2 existiert nicht: Legen Sie die/den Studierende(n) zuerst an</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+19"/>
        <source>deployment %1 exists</source>
        <translation>Deployment %1 existiert</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>deployment %1 at %2</source>
        <translation>Deployment %1 bei %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>deployment %1 is at %2</source>
        <translation>Deployment %1 steht bei %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deployment %1 moved from %2 to %3</source>
        <translation>Deployment %1 von %2 auf %3 verschoben</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+27"/>
        <source>configmap %1/%2</source>
        <translation>ConfigMap %1/%2</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1 with server %2</source>
        <translation>%1 mit Server %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+28"/>
        <source>server %1 in %2</source>
        <translation>Server %1 in %2</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>server %1 to %2 in %3</source>
        <translation>Server %1 auf %2 in %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add server %1 to %2</source>
        <translation>Server %1 zu %2 hinzufügen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 kept changing while adding server %2 (%3 tries): run the job again</source>
        <translation>%1 hat sich beim Hinzufügen von Server %2 ständig geändert (%3 Versuche): starten Sie den Auftrag erneut</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>server %1 is in %2</source>
        <translation>Server %1 ist in %2</translation>
    </message>
</context>
<context>
    <name>course::TemplateSyncJob</name>
    <message>
        <location filename="../core/course/templatesync.cpp" line="+128"/>
        <source>Template update %1 from %2</source>
        <translation>Vorlagen-Aktualisierung %1 aus %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The course template %1 changed (%2). This pull request brings the change into your repository, merged with your own work; nothing of yours was overwritten.

Files:
</source>
        <translation>Die Kursvorlage %1 hat sich geändert (%2). Dieser Pull-Request bringt die Änderung in Ihr Repository, zusammengeführt mit Ihrer eigenen Arbeit; nichts von Ihnen wurde überschrieben.

Dateien:
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1/%2 does not exist: seed the course first</source>
        <translation>%1/%2 existiert nicht: Legen Sie zuerst den Kurs an</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1/%2 has more files than GitHub lists in one tree</source>
        <translation>%1/%2 hat mehr Dateien, als GitHub in einem Baum auflistet</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>a folder in the student&apos;s repository</source>
        <translation>ein Ordner im Repository der/des Studierenden</translation>
    </message>
    <message>
        <location line="+73"/>
        <location line="+35"/>
        <location line="+95"/>
        <source>pull request #%1 exists (%2)</source>
        <translation>Pull-Request #%1 existiert (%2)</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+36"/>
        <source>conflict in %1</source>
        <translation>Konflikt in %1</translation>
    </message>
    <message numerus="yes">
        <location line="-33"/>
        <source>merge %n file(s) onto branch %1</source>
        <translation>
            <numerusform>%n Datei auf Branch %1 zusammenführen</numerusform>
            <numerusform>%n Dateien auf Branch %1 zusammenführen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+43"/>
        <source>already has the template change</source>
        <translation>hat die Vorlagenänderung bereits</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+43"/>
        <source>branch %1 has the template change</source>
        <translation>Branch %1 hat die Vorlagenänderung</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>pull request from %1 into %2</source>
        <translation>Pull-Request von %1 nach %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+120"/>
        <source>nothing to propose: already has the template change</source>
        <translation>nichts vorzuschlagen: hat die Vorlagenänderung bereits</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Merge template change %1 from %2</source>
        <translation>Vorlagenänderung %1 aus %2 zusammenführen</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>committed %n file(s) to %1 (%2)</source>
        <translation>
            <numerusform>%n Datei nach %1 committet (%2)</numerusform>
            <numerusform>%n Dateien nach %1 committet (%2)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>someone else moved %1 while it was being merged; run the job again</source>
        <translation>jemand anderes hat %1 während des Zusammenführens verschoben; starten Sie den Auftrag erneut</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>create branch %1 in %2/%3</source>
        <translation>Branch %1 in %2/%3 anlegen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>opened pull request #%1</source>
        <translation>Pull-Request #%1 geöffnet</translation>
    </message>
</context>
</TS>
