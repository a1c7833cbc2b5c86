<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CheckInDialog</name>
    <message>
        <source>How are you?</source>
        <translation>Wie geht es dir?</translation>
    </message>
    <message>
        <source>How are you feeling right now?</source>
        <translation>Wie fühlst du dich gerade?</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>Gefühle</translation>
    </message>
    <message>
        <source>Add your own emotion</source>
        <translation>Eigenes Gefühl hinzufügen</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>Add your own activity</source>
        <translation>Eigene Aktivität hinzufügen</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Anything you want to remember about now</source>
        <translation>Was du von diesem Moment festhalten möchtest</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Level %1: %2</source>
        <translation>Stufe %1: %2</translation>
    </message>
    <message>
        <source>Pick how you feel first.</source>
        <translation>Wähle zuerst, wie du dich fühlst.</translation>
    </message>
</context>
<context>
    <name>ChipGroup</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
</context>
<context>
    <name>CrisisDialog</name>
    <message>
        <source>Help right now</source>
        <translation>Hilfe sofort</translation>
    </message>
    <message>
        <source>If you are in danger right now, call your local emergency number. You deserve support, and reaching out is a strong thing to do.</source>
        <translation>Wenn du gerade in Gefahr bist, ruf die Notrufnummer deines Landes an. Du verdienst Unterstützung, und dir Hilfe zu holen ist ein starker Schritt.</translation>
    </message>
    <message>
        <source>Search by country or service</source>
        <translation>Nach Land oder Angebot suchen</translation>
    </message>
    <message>
        <source>Crisis lines</source>
        <translation>Krisentelefone</translation>
    </message>
    <message>
        <source>Emergency number in %1: %2</source>
        <translation>Notrufnummer in %1: %2</translation>
    </message>
    <message>
        <source>The list of helplines could not be read. Please look up a helpline for your country, or call your local emergency number.</source>
        <translation>Die Liste der Hilfetelefone konnte nicht gelesen werden. Bitte such ein Hilfetelefon für dein Land heraus oder ruf die Notrufnummer deines Landes an.</translation>
    </message>
    <message>
        <source>No country matches that search. The directories below list helplines in many more countries.</source>
        <translation>Kein Land passt zu dieser Suche. Die Verzeichnisse unten nennen Hilfetelefone in vielen weiteren Ländern.</translation>
    </message>
    <message>
        <source>your country</source>
        <translation>dein Land</translation>
    </message>
    <message>
        <source>Other countries</source>
        <translation>Andere Länder</translation>
    </message>
    <message>
        <source>This list was last checked on %1.</source>
        <translation>Diese Liste wurde zuletzt am %1 geprüft.</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Anrufen: %1</translation>
    </message>
    <message>
        <source>Text %1</source>
        <translation>SMS an %1</translation>
    </message>
    <message>
        <source>for young people</source>
        <translation>für junge Menschen</translation>
    </message>
</context>
<context>
    <name>DailyMoodChart</name>
    <message>
        <source>Daily mood chart</source>
        <translation>Diagramm der täglichen Stimmung</translation>
    </message>
    <message>
        <source>Daily average</source>
        <translation>Tagesdurchschnitt</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-Tage-Durchschnitt</translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <source>Untitled</source>
        <extracomment>Gentle colours for mood levels 1..5 (markers only; never the only cue, the list also carries the level in its accessible text).</extracomment>
        <translation>Ohne Titel</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Pick an entry on the left, or press Ctrl+N to start writing.</source>
        <translation>Wähle links einen Eintrag aus oder drück Strg+N, um zu schreiben.</translation>
    </message>
    <message>
        <source>Linked mood</source>
        <translation>Verknüpfte Stimmung</translation>
    </message>
    <message>
        <source>Star this entry</source>
        <translation>Diesen Eintrag markieren</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Title (optional)</source>
        <translation>Titel (optional)</translation>
    </message>
    <message>
        <source>Entry title</source>
        <translation>Titel des Eintrags</translation>
    </message>
    <message>
        <source>Entry text (Markdown)</source>
        <translation>Text des Eintrags (Markdown)</translation>
    </message>
    <message>
        <source>Write freely. Markdown works: **bold**, *italic*, - lists.</source>
        <translation>Schreib einfach drauflos. Markdown funktioniert: **fett**, *kursiv*, - Listen.</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>In den Papierkorb</translation>
    </message>
    <message>
        <source>Move this entry to the trash</source>
        <translation>Diesen Eintrag in den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>No mood linked</source>
        <translation>Keine Stimmung verknüpft</translation>
    </message>
    <message>
        <source>An earlier mood</source>
        <translation>Eine frühere Stimmung</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Nicht gespeichert: {0}</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Start your private journal</source>
        <translation>Beginne dein privates Tagebuch</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer, encrypted with a passphrase only you know. No account, no cloud.</source>
        <translation>Alles, was du schreibst, bleibt auf diesem Computer – verschlüsselt mit einer Passphrase, die nur du kennst. Kein Konto, keine Cloud.</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Tresorordner</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Tresorordner auswählen</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Create my journal</source>
        <translation>Mein Tagebuch anlegen</translation>
    </message>
    <message>
        <source>Where should the vault live?</source>
        <translation>Wo soll der Tresor liegen?</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Dein Wiederherstellungscode</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this code is the only way back in. Write it down or keep it in a password manager. It is shown only this once.</source>
        <translation>Falls du deine Passphrase einmal vergisst, ist dieser Code der einzige Weg zurück. Schreib ihn auf oder bewahre ihn in einem Passwortmanager auf. Er wird nur dieses eine Mal angezeigt.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the recovery code</source>
        <translation>Wiederherstellungscode kopieren</translation>
    </message>
    <message>
        <source>I have saved my recovery code somewhere safe</source>
        <translation>Ich habe meinen Wiederherstellungscode sicher aufbewahrt</translation>
    </message>
    <message>
        <source>Open my journal</source>
        <translation>Mein Tagebuch öffnen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message numerus="yes">
        <source>Over %n day(s) with check-ins your average mood was %1.</source>
        <translation>
            <numerusform>An %n Tag mit Check-in lag deine durchschnittliche Stimmung bei %1.</numerusform>
            <numerusform>An %n Tagen mit Check-ins lag deine durchschnittliche Stimmung bei %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other day(s)</source>
        <translation>
            <numerusform>%n anderen Tag</numerusform>
            <numerusform>%n anderen Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>On %1 when you noted feeling “%2” your average mood was %3; on %4, %5.</source>
        <translation>An %1, an denen du „%2“ notiert hast, lag deine durchschnittliche Stimmung bei %3; an %4 bei %5.</translation>
    </message>
    <message>
        <source>On %1 with “%2” your average mood was %3; on %4 without it, %5.</source>
        <translation>An %1 mit „%2“ lag deine durchschnittliche Stimmung bei %3; an %4 ohne bei %5.</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <source>Insights</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <source>These are patterns in what you logged, not causes. They get more reliable with more check-ins.</source>
        <translation>Das sind Muster in deinen Einträgen, keine Ursachen. Mit mehr Check-ins werden sie verlässlicher.</translation>
    </message>
    <message>
        <source>After a few more check-ins with activities or emotions, gentle comparisons will appear here.</source>
        <translation>Nach ein paar weiteren Check-ins mit Aktivitäten oder Gefühlen erscheinen hier behutsame Vergleiche.</translation>
    </message>
</context>
<context>
    <name>JournalFilters</name>
    <message>
        <source>Search your journal  (Ctrl+F)</source>
        <translation>Dein Tagebuch durchsuchen  (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Schlagwort filtern</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Jeder Tag</translation>
    </message>
    <message>
        <source>Filter by day</source>
        <translation>Nach Tag filtern</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>Journal entries</source>
        <translation>Tagebucheinträge</translation>
    </message>
    <message>
        <source>Moved to the trash. You can restore it from Trash.</source>
        <translation>In den Papierkorb verschoben. Du kannst den Eintrag im Papierkorb wiederherstellen.</translation>
    </message>
    <message>
        <source>{0} matching entries</source>
        <translation>{0} passende Einträge</translation>
    </message>
    <message>
        <source>{0}+ matching entries</source>
        <translation>{0}+ passende Einträge</translation>
    </message>
    <message>
        <source>{0} entries shown</source>
        <translation>{0} Einträge angezeigt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Journal</source>
        <extracomment>closing the window ends the application (set by app.main; tests keep it off)</extracomment>
        <translation>Tagebuch</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Quick mood check-in (Ctrl+Shift+M)</source>
        <translation>Schneller Stimmungs-Check-in (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Lock the journal (Ctrl+L)</source>
        <translation>Tagebuch sperren (Strg+L)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Crisis resources</source>
        <translation>Hilfe in Krisen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>About PeerJournal</source>
        <translation>Über PeerJournal</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Check-in saved. Thank you for taking a moment.</source>
        <translation>Check-in gespeichert. Danke, dass du dir einen Moment genommen hast.</translation>
    </message>
    <message>
        <source>PeerJournal keeps your journal and mood log encrypted on this computer. Nothing leaves it unless you choose to share an entry with a peer.</source>
        <translation>PeerJournal bewahrt dein Tagebuch und dein Stimmungsprotokoll verschlüsselt auf diesem Computer auf. Nichts verlässt ihn, außer du entscheidest dich, einen Eintrag mit einer Vertrauensperson zu teilen.</translation>
    </message>
</context>
<context>
    <name>MarkdownPreview</name>
    <message>
        <source>Rendered preview</source>
        <translation>Gerenderte Vorschau</translation>
    </message>
</context>
<context>
    <name>MoodPage</name>
    <message>
        <source>Your mood, over time</source>
        <translation>Deine Stimmung im Lauf der Zeit</translation>
    </message>
    <message>
        <source>There are no check-ins yet. Whenever you like, take a few seconds to note how you feel — patterns will appear here as your days add up.</source>
        <translation>Noch gibt es keine Check-ins. Wann immer du magst, nimm dir ein paar Sekunden und halte fest, wie du dich fühlst – mit der Zeit zeigen sich hier Muster.</translation>
    </message>
    <message>
        <source>Make a first check-in</source>
        <translation>Ersten Check-in machen</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Letzte 3 Monate</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamte Zeit</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Note how you feel right now</source>
        <translation>Halte fest, wie du dich gerade fühlst</translation>
    </message>
    <message>
        <source>Your days</source>
        <translation>Deine Tage</translation>
    </message>
    <message>
        <source>By weekday</source>
        <translation>Nach Wochentag</translation>
    </message>
    <message>
        <source>What stands out</source>
        <translation>Was auffällt</translation>
    </message>
    <message>
        <source>Year in pixels</source>
        <translation>Jahr in Pixeln</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>Vorheriges Jahr</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>Nächstes Jahr</translation>
    </message>
</context>
<context>
    <name>NameListEditor</name>
    <message>
        <source>Double-click a name to rename it.</source>
        <translation>Doppelklicke auf einen Namen, um ihn umzubenennen.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>New passphrase</source>
        <extracomment>Scores from zxcvbn are 0..4; below this a passphrase is refused.</extracomment>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>Several unusual words work well</source>
        <translation>Mehrere ungewöhnliche Wörter eignen sich gut</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Sehr stark</translation>
    </message>
    <message>
        <source>Someone who stole your vault file would need about {0} to guess it.</source>
        <translation>Wer deine Tresordatei stiehlt, bräuchte etwa {0}, um sie zu erraten.</translation>
    </message>
    <message>
        <source>Use at least {0} characters.</source>
        <translation>Verwende mindestens {0} Zeichen.</translation>
    </message>
    <message>
        <source>Nobody can reset this passphrase for you, not even us. Pick something long you can remember, like four or five unrelated words.</source>
        <translation>Niemand kann diese Passphrase für dich zurücksetzen, auch wir nicht. Wähle etwas Langes, das du dir merken kannst, zum Beispiel vier oder fünf Wörter ohne Zusammenhang.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>Die beiden Passphrasen stimmen noch nicht überein.</translation>
    </message>
</context>
<context>
    <name>PassphrasePanel</name>
    <message>
        <source>Your entries stay encrypted as they are; only the key that unlocks them is wrapped again. Your recovery code keeps working.</source>
        <translation>Deine Einträge bleiben verschlüsselt, wie sie sind; nur der Schlüssel, der sie öffnet, wird neu verpackt. Dein Wiederherstellungscode funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Aktuelle Passphrase</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>Enter your current passphrase first.</source>
        <translation>Gib zuerst deine aktuelle Passphrase ein.</translation>
    </message>
    <message>
        <source>The new passphrase must be strong enough and typed the same twice.</source>
        <translation>Die neue Passphrase muss stark genug sein und zweimal gleich eingegeben werden.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Passphrase wird geändert …</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Use the new one the next time you unlock.</source>
        <translation>Deine Passphrase wurde geändert. Verwende beim nächsten Entsperren die neue.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>People &amp;&amp; places</source>
        <translation>Personen &amp;&amp; Orte</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Sperren nach Minuten ohne Aktivität</translation>
    </message>
    <message>
        <source>Lock after being idle for</source>
        <translation>Sperren nach Inaktivität von</translation>
    </message>
    <message>
        <source>Remind me to check in every day</source>
        <translation>Täglich an einen Check-in erinnern</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Uhrzeit der Erinnerung</translation>
    </message>
    <message>
        <source>at</source>
        <translation>um</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window closes</source>
        <translation>Beim Schließen des Fensters im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Tray</source>
        <translation>Infobereich</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>A new language is used the next time PeerJournal starts.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von PeerJournal verwendet.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Your words for the five mood levels, from 1 to 5:</source>
        <translation>Deine Worte für die fünf Stimmungsstufen, von 1 bis 5:</translation>
    </message>
    <message>
        <source>Label for level %1</source>
        <translation>Bezeichnung für Stufe %1</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>Gefühle</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>New emotion</source>
        <translation>Neues Gefühl</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Neue Aktivität</translation>
    </message>
    <message>
        <source>Double-click a name to rename it. Past check-ins keep the words they were saved with.</source>
        <translation>Doppelklicke auf einen Namen, um ihn umzubenennen. Frühere Check-ins behalten die Worte, mit denen sie gespeichert wurden.</translation>
    </message>
    <message>
        <source>Before anything is shared with a peer, these names are replaced. They are stored only inside your encrypted vault.</source>
        <translation>Bevor etwas mit einer Vertrauensperson geteilt wird, werden diese Namen ersetzt. Sie werden nur in deinem verschlüsselten Tresor gespeichert.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>Neuer Ort</translation>
    </message>
    <message>
        <source>Double-click a name to rename it.</source>
        <translation>Doppelklicke auf einen Namen, um ihn umzubenennen.</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Entries in the trash</source>
        <translation>Einträge im Papierkorb</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the selected entry</source>
        <translation>Den ausgewählten Eintrag wiederherstellen</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Papierkorb leeren …</translation>
    </message>
    <message>
        <source>Delete everything in the trash forever</source>
        <translation>Alles im Papierkorb endgültig löschen</translation>
    </message>
    <message>
        <source>Entries stay here until you empty the trash. Restoring puts them back.</source>
        <translation>Einträge bleiben hier, bis du den Papierkorb leerst. Beim Wiederherstellen kommen sie zurück.</translation>
    </message>
    <message>
        <source>Restored to your journal.</source>
        <translation>In dein Tagebuch zurückgelegt.</translation>
    </message>
    <message>
        <source>Empty the trash?</source>
        <translation>Papierkorb leeren?</translation>
    </message>
    <message>
        <source>Entries in the trash will be deleted forever. This cannot be undone.</source>
        <translation>Die Einträge im Papierkorb werden endgültig gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>{0} entries deleted forever.</source>
        <translation>{0} Einträge endgültig gelöscht.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Quick check-in…</source>
        <translation>Schneller Check-in …</translation>
    </message>
    <message>
        <source>Show / hide</source>
        <translation>Anzeigen / ausblenden</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>How are you today? A quick check-in takes a few seconds.</source>
        <translation>Wie geht es dir heute? Ein kurzer Check-in dauert nur ein paar Sekunden.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock message</source>
        <translation>Entsperrhinweis</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Wird entsperrt</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Willkommen zurück</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your journal.</source>
        <translation>Gib deine Passphrase ein, um dein Tagebuch zu öffnen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Forgot it? Use the recovery code</source>
        <translation>Vergessen? Nutze den Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Type the recovery code you saved when you created the vault, then choose a new passphrase.</source>
        <translation>Gib den Wiederherstellungscode ein, den du beim Anlegen des Tresors gespeichert hast, und wähle dann eine neue Passphrase.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Recover and unlock</source>
        <translation>Wiederherstellen und entsperren</translation>
    </message>
    <message>
        <source>Vault: {0}</source>
        <translation>Tresor: {0}</translation>
    </message>
    <message>
        <source>Please enter your passphrase.</source>
        <translation>Bitte gib deine Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>WeekdayChart</name>
    <message>
        <source>Mood by weekday chart</source>
        <translation>Diagramm der Stimmung nach Wochentag</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
</context>
<context>
    <name>YearPixels</name>
    <message>
        <source>Year in pixels</source>
        <translation>Jahr in Pixeln</translation>
    </message>
    <message>
        <source>%1: no check-in</source>
        <translation>%1: kein Check-in</translation>
    </message>
    <message>
        <source>%1: average %2 (%3)</source>
        <translation>%1: Durchschnitt %2 (%3)</translation>
    </message>
</context>
</TS>