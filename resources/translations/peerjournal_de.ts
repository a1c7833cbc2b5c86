<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About PeerJournal</source>
        <translation>Über PeerJournal</translation>
    </message>
    <message>
        <source>PeerJournal logo</source>
        <translation>PeerJournal-Logo</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Your journal and mood log, encrypted on this computer. Nothing leaves it unless you choose to share an entry with a peer.</source>
        <translation>Dein Tagebuch und Stimmungsprotokoll, verschlüsselt auf diesem Computer. Nichts verlässt ihn, außer du teilst selbst einen Eintrag mit einer Vertrauensperson.</translation>
    </message>
    <message>
        <source>PeerJournal is free software: you may use, share and change it under the terms of its licence, %1. It comes with no warranty.</source>
        <translation>PeerJournal ist freie Software: Du darfst es unter den Bedingungen seiner Lizenz, %1, nutzen, weitergeben und verändern. Es wird ohne jede Gewährleistung bereitgestellt.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Bundled components</source>
        <translation>Enthaltene Komponenten</translation>
    </message>
    <message>
        <source>&amp;Bundled components and their licences:</source>
        <translation>&amp;Enthaltene Komponenten und ihre Lizenzen:</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Lizenztext</translation>
    </message>
    <message>
        <source>&amp;Licence text:</source>
        <translation>&amp;Lizenztext:</translation>
    </message>
    <message>
        <source>%1 does not ship its licence text. Its licence is %2; the full text of each licence is in the SPDX licence list (spdx.org/licenses).</source>
        <translation>%1 liefert keinen eigenen Lizenztext mit. Seine Lizenz ist %2; den vollständigen Text jeder Lizenz findest du in der SPDX-Lizenzliste (spdx.org/licenses).</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <source>Paused while the journal is locked.</source>
        <translation>Pausiert, solange das Tagebuch gesperrt ist.</translation>
    </message>
    <message>
        <source>Paused: the vault is read-only.</source>
        <translation>Angehalten: Der Tresor ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Checking for messages…</source>
        <translation>Nachrichten werden abgerufen…</translation>
    </message>
    <message>
        <source>Checks for messages every %1.</source>
        <translation>Ruft alle %1 Nachrichten ab.</translation>
    </message>
    <message>
        <source>No peers yet: nothing to check.</source>
        <translation>Noch keine Vertrauenspersonen: nichts abzurufen.</translation>
    </message>
    <message>
        <source>Checking in the background is off.</source>
        <translation>Das Abrufen im Hintergrund ist aus.</translation>
    </message>
    <message>
        <source>Offline. Trying again in about %1.</source>
        <translation>Offline. Neuer Versuch in etwa %1.</translation>
    </message>
    <message>
        <source>Checked at %2. Next check in about %1.</source>
        <translation>Abgerufen um %2. Nächster Abruf in etwa %1.</translation>
    </message>
    <message>
        <source>Your invite is waiting for them to accept it. Press “Check for messages” once they have; “Cancel the invite…” on its card takes it back.</source>
        <translation>Deine Einladung wartet darauf, angenommen zu werden. Drück „Nachrichten abrufen“, sobald das geschehen ist; „Einladung zurückziehen …“ auf ihrer Karte nimmt sie zurück.</translation>
    </message>
    <message>
        <source>Your invite is waiting for them to accept it; PeerJournal looks for their answer every %1. Changed your mind? “Cancel the invite…” on its card takes it back.</source>
        <translation>Deine Einladung wartet darauf, angenommen zu werden; PeerJournal schaut alle %1 nach einer Antwort. Doch anders entschieden? „Einladung zurückziehen …“ auf ihrer Karte nimmt sie zurück.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Jetzt &amp;sichern …</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>Aus einer Sicherung &amp;wiederherstellen …</translation>
    </message>
    <message>
        <source>Back up the vault to</source>
        <translation>Tresor sichern nach</translation>
    </message>
    <message>
        <source>PeerJournal backups (*.pjbackup)</source>
        <translation>PeerJournal-Sicherungen (*.pjbackup)</translation>
    </message>
    <message>
        <source>Writing an encrypted backup…</source>
        <translation>Verschlüsselte Sicherung wird geschrieben …</translation>
    </message>
    <message>
        <source>The encrypted backup was written to %1. It opens with the passphrase you have now, also after you change it.</source>
        <translation>Die verschlüsselte Sicherung wurde nach %1 geschrieben. Sie öffnet sich mit deiner jetzigen Passphrase, auch wenn du sie später änderst.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>PeerJournal backups (*.pjbackup);;All files (*)</source>
        <translation>PeerJournal-Sicherungen (*.pjbackup);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Restore into a new or empty folder</source>
        <translation>In einen neuen oder leeren Ordner wiederherstellen</translation>
    </message>
    <message>
        <source>Passphrase of the backup</source>
        <translation>Passphrase der Sicherung</translation>
    </message>
    <message>
        <source>The passphrase that was current when the backup was made:</source>
        <translation>Die Passphrase, die galt, als die Sicherung erstellt wurde:</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Sicherung wird geprüft und wiederhergestellt …</translation>
    </message>
    <message>
        <source>Restored %1 and %2 into %3. Open that folder as your vault (peerjournal --vault FOLDER) to use it.</source>
        <translation>%1 und %2 wurden nach %3 wiederhergestellt. Öffne diesen Ordner als deinen Tresor (peerjournal --vault ORDNER), um ihn zu nutzen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mood logs</source>
        <translation>
            <numerusform>%Ln Stimmungseintrag</numerusform>
            <numerusform>%Ln Stimmungseinträge</numerusform>
        </translation>
    </message>
    <message>
        <source>The automatic backup was not made: %1</source>
        <translation>Die automatische Sicherung wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>Automatic backup made.</source>
        <translation>Automatische Sicherung erstellt.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
</context>
<context>
    <name>BackupSettingsPanel</name>
    <message>
        <source>Backups are encrypted copies of your whole vault. Each opens with the passphrase you had when it was made. Save applies these settings.</source>
        <translation>Sicherungen sind verschlüsselte Kopien deines ganzen Tresors. Jede öffnet sich mit der Passphrase, die du beim Erstellen hattest. Speichern übernimmt diese Einstellungen.</translation>
    </message>
    <message>
        <source>Make a backup every day when the vault is opened</source>
        <translation>Jeden Tag beim Öffnen des Tresors eine Sicherung erstellen</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Zu behaltende Sicherungen</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>Die neuesten behalten</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>backups/ in the vault folder</source>
        <translation>backups/ im Tresorordner</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Letzte Sicherung</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation>Ordner für automatische Sicherungen</translation>
    </message>
    <message>
        <source>Backup settings saved.</source>
        <translation>Sicherungseinstellungen gespeichert.</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>PeerJournal ran into a bug (a mistake in its code). What you were doing may not have finished; try it again.</source>
        <translation>In PeerJournal ist ein Fehler im Programm aufgetreten. Was du gerade getan hast, wurde vielleicht nicht abgeschlossen; versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Show report folder</source>
        <translation>Ordner mit dem Bericht zeigen</translation>
    </message>
    <message>
        <source>A report was written to the file below. It holds only the kind of error and the places in PeerJournal&apos;s code, never what you wrote; you can attach it when you tell the developers.</source>
        <translation>Ein Bericht wurde in die Datei unten geschrieben. Er enthält nur die Art des Fehlers und die Stellen im Code von PeerJournal, nie etwas, das du geschrieben hast; du kannst ihn anhängen, wenn du den Entwicklern Bescheid gibst.</translation>
    </message>
    <message>
        <source>The report could not be written to a file.</source>
        <translation>Der Bericht konnte nicht in eine Datei geschrieben werden.</translation>
    </message>
    <message>
        <source>This happened %1 times.</source>
        <translation>Das ist %1-mal passiert.</translation>
    </message>
</context>
<context>
    <name>CareBanner</name>
    <message>
        <source>Support is here</source>
        <translation>Unterstützung ist da</translation>
    </message>
    <message>
        <source>See support options</source>
        <translation>Hilfsangebote ansehen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>That sounds like a really hard moment. You don&apos;t have to go through it alone: people are there to listen, right now.</source>
        <translation>Das klingt nach einem wirklich schweren Moment. Du musst da nicht allein durch: Es gibt Menschen, die dir jetzt zuhören.</translation>
    </message>
    <message>
        <source>What you wrote sounds heavy. If you are thinking about hurting yourself, you deserve support right now.</source>
        <translation>Was du geschrieben hast, klingt schwer. Wenn du daran denkst, dir etwas anzutun, hast du jetzt Unterstützung verdient.</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>How are you?</source>
        <translation>Wie geht es dir?</translation>
    </message>
    <message>
        <source>Edit check-in</source>
        <translation>Check-in bearbeiten</translation>
    </message>
    <message>
        <source>How were you feeling then?</source>
        <translation>Wie ging es dir da?</translation>
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
        <source>Add emotion</source>
        <translation>Gefühl hinzufügen</translation>
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
        <source>Add activity</source>
        <translation>Aktivität hinzufügen</translation>
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
        <source>Time of the check-in</source>
        <translation>Zeitpunkt des Check-ins</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
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
        <translation>Sofortige Hilfe</translation>
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
        <source>Wherever you are, these directories list helplines in your country. Countries follow below.</source>
        <translation>Wo auch immer du bist: Diese Verzeichnisse nennen Hilfetelefone in deinem Land. Die Länder folgen darunter.</translation>
    </message>
    <message>
        <source>Wherever you are</source>
        <translation>Wo auch immer du bist</translation>
    </message>
    <message>
        <source>Other countries</source>
        <translation>Andere Länder</translation>
    </message>
    <message>
        <source>Numbers and hours change, so check them on the service&apos;s own website before relying on one. PeerJournal never calls or contacts anyone by itself.</source>
        <translation>Nummern und Zeiten ändern sich; prüfe sie deshalb auf der Website des Angebots, bevor du dich auf eines verlässt. PeerJournal ruft nie selbst jemanden an und nimmt keinen Kontakt auf.</translation>
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
    <name>CrisisLines</name>
    <message>
        <source>Argentina</source>
        <translation>Argentinien</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>Österreich</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australien</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgien</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>Brasilien</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Kanada</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Schweiz</translation>
    </message>
    <message>
        <source>China</source>
        <translation>China</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation>Dänemark</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>Spanien</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>Finnland</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankreich</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Vereinigtes Königreich</translation>
    </message>
    <message>
        <source>Hong Kong SAR China</source>
        <translation>Hongkong</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irland</translation>
    </message>
    <message>
        <source>Israel</source>
        <translation>Israel</translation>
    </message>
    <message>
        <source>India</source>
        <translation>Indien</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>Italien</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Japan</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>Südkorea</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>Mexiko</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Niederlande</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>Norwegen</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Neuseeland</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Polen</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>Portugal</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>Schweden</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>Singapur</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Vereinigte Staaten</translation>
    </message>
    <message>
        <source>South Africa</source>
        <translation>Südafrika</translation>
    </message>
    <message>
        <source>Emergency services</source>
        <translation>Notruf</translation>
    </message>
    <message>
        <source>24/7</source>
        <translation>rund um die Uhr</translation>
    </message>
    <message>
        <source>988 Suicide &amp; Crisis Lifeline</source>
        <translation>988 Suicide &amp; Crisis Lifeline</translation>
    </message>
    <message>
        <source>Crisis Text Line</source>
        <translation>Crisis Text Line</translation>
    </message>
    <message>
        <source>Text HOME to 741741</source>
        <translation>SMS mit HOME an 741741</translation>
    </message>
    <message>
        <source>9-8-8 Suicide Crisis Helpline</source>
        <translation>9-8-8 Suicide Crisis Helpline</translation>
    </message>
    <message>
        <source>Kids Help Phone</source>
        <translation>Kids Help Phone</translation>
    </message>
    <message>
        <source>Text CONNECT to 686868</source>
        <translation>SMS mit CONNECT an 686868</translation>
    </message>
    <message>
        <source>112 also works.</source>
        <translation>Die 112 funktioniert auch.</translation>
    </message>
    <message>
        <source>Samaritans</source>
        <translation>Samaritans</translation>
    </message>
    <message>
        <source>Free to call; email jo@samaritans.org.</source>
        <translation>Kostenlos; E-Mail an jo@samaritans.org.</translation>
    </message>
    <message>
        <source>Shout</source>
        <translation>Shout</translation>
    </message>
    <message>
        <source>Text SHOUT to 85258</source>
        <translation>SMS mit SHOUT an 85258</translation>
    </message>
    <message>
        <source>Childline</source>
        <translation>Childline</translation>
    </message>
    <message>
        <source>For anyone under 19.</source>
        <translation>Für alle unter 19.</translation>
    </message>
    <message>
        <source>NHS 111 (urgent mental health help in England)</source>
        <translation>NHS 111 (dringende psychische Hilfe in England)</translation>
    </message>
    <message>
        <source>999 also works.</source>
        <translation>Die 999 funktioniert auch.</translation>
    </message>
    <message>
        <source>Samaritans Ireland</source>
        <translation>Samaritans Ireland</translation>
    </message>
    <message>
        <source>Text About It (50808)</source>
        <translation>Text About It (50808)</translation>
    </message>
    <message>
        <source>Text HELLO to 50808</source>
        <translation>SMS mit HELLO an 50808</translation>
    </message>
    <message>
        <source>Notruf</source>
        <translation>Notruf</translation>
    </message>
    <message>
        <source>TelefonSeelsorge</source>
        <translation>TelefonSeelsorge</translation>
    </message>
    <message>
        <source>Also 0800 111 0 222 and 116 123; free and anonymous.</source>
        <translation>Auch 0800 111 0 222 und 116 123; kostenlos und anonym.</translation>
    </message>
    <message>
        <source>Nummer gegen Kummer (Kinder- und Jugendtelefon)</source>
        <translation>Nummer gegen Kummer (Kinder- und Jugendtelefon)</translation>
    </message>
    <message>
        <source>Mon–Sat afternoons</source>
        <translation>Mo–Sa nachmittags</translation>
    </message>
    <message>
        <source>Ambulance: 144.</source>
        <translation>Rettungsdienst: 144.</translation>
    </message>
    <message>
        <source>Rat auf Draht</source>
        <translation>Rat auf Draht</translation>
    </message>
    <message>
        <source>Die Dargebotene Hand / La Main Tendue</source>
        <translation>Die Dargebotene Hand / La Main Tendue</translation>
    </message>
    <message>
        <source>Pro Juventute</source>
        <translation>Pro Juventute</translation>
    </message>
    <message>
        <source>Numéro d&apos;urgence</source>
        <translation>Numéro d&apos;urgence (Notruf)</translation>
    </message>
    <message>
        <source>SAMU: 15.</source>
        <translation>Rettungsdienst (SAMU): 15.</translation>
    </message>
    <message>
        <source>3114 – Numéro national de prévention du suicide</source>
        <translation>3114 – Numéro national de prévention du suicide (nationale Suizidprävention)</translation>
    </message>
    <message>
        <source>Numéro d&apos;urgence / Noodnummer</source>
        <translation>Numéro d&apos;urgence / Noodnummer (Notruf)</translation>
    </message>
    <message>
        <source>Zelfmoordlijn 1813</source>
        <translation>Zelfmoordlijn 1813 (Suizidpräventionslinie)</translation>
    </message>
    <message>
        <source>Alarmnummer</source>
        <translation>Alarmnummer (Notruf)</translation>
    </message>
    <message>
        <source>113 Zelfmoordpreventie</source>
        <translation>113 Zelfmoordpreventie (Suizidprävention)</translation>
    </message>
    <message>
        <source>Also 0800 0113, free.</source>
        <translation>Auch 0800 0113, kostenlos.</translation>
    </message>
    <message>
        <source>Emergencias</source>
        <translation>Emergencias (Notruf)</translation>
    </message>
    <message>
        <source>Línea 024 de atención a la conducta suicida</source>
        <translation>Línea 024 de atención a la conducta suicida (Suizidpräventionslinie)</translation>
    </message>
    <message>
        <source>Numero unico di emergenza</source>
        <translation>Numero unico di emergenza (Notruf)</translation>
    </message>
    <message>
        <source>Telefono Azzurro</source>
        <translation>Telefono Azzurro</translation>
    </message>
    <message>
        <source>Número europeu de emergência</source>
        <translation>Número europeu de emergência (Notruf)</translation>
    </message>
    <message>
        <source>SNS 24</source>
        <translation>SNS 24</translation>
    </message>
    <message>
        <source>National health line, with psychological counselling.</source>
        <translation>Staatliches Gesundheitstelefon, mit psychologischer Beratung.</translation>
    </message>
    <message>
        <source>Nödnummer</source>
        <translation>Nödnummer (Notruf)</translation>
    </message>
    <message>
        <source>Mind Självmordslinjen</source>
        <translation>Mind Självmordslinjen (Suizidpräventionslinie)</translation>
    </message>
    <message>
        <source>BRIS</source>
        <translation>BRIS</translation>
    </message>
    <message>
        <source>Medisinsk nødhjelp</source>
        <translation>Medisinsk nødhjelp (medizinischer Notruf)</translation>
    </message>
    <message>
        <source>112 for police.</source>
        <translation>Polizei: 112.</translation>
    </message>
    <message>
        <source>Mental Helse Hjelpetelefonen</source>
        <translation>Mental Helse Hjelpetelefonen</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm (Notruf)</translation>
    </message>
    <message>
        <source>Livslinien</source>
        <translation>Livslinien</translation>
    </message>
    <message>
        <source>Daily, afternoon to night</source>
        <translation>Täglich, nachmittags bis nachts</translation>
    </message>
    <message>
        <source>Hätänumero</source>
        <translation>Hätänumero (Notruf)</translation>
    </message>
    <message>
        <source>MIELI Crisis Helpline</source>
        <translation>MIELI Krisentelefon</translation>
    </message>
    <message>
        <source>Numer alarmowy</source>
        <translation>Numer alarmowy (Notruf)</translation>
    </message>
    <message>
        <source>Telefon zaufania dla dzieci i młodzieży</source>
        <translation>Telefon zaufania dla dzieci i młodzieży (Kinder- und Jugendtelefon)</translation>
    </message>
    <message>
        <source>Kryzysowy Telefon Zaufania</source>
        <translation>Kryzysowy Telefon Zaufania (Krisentelefon)</translation>
    </message>
    <message>
        <source>Afternoons and evenings</source>
        <translation>Nachmittags und abends</translation>
    </message>
    <message>
        <source>112 works from mobiles.</source>
        <translation>Vom Handy aus funktioniert die 112.</translation>
    </message>
    <message>
        <source>Lifeline</source>
        <translation>Lifeline</translation>
    </message>
    <message>
        <source>Kids Helpline</source>
        <translation>Kids Helpline</translation>
    </message>
    <message>
        <source>For ages 5 to 25.</source>
        <translation>Für 5- bis 25-Jährige.</translation>
    </message>
    <message>
        <source>Beyond Blue</source>
        <translation>Beyond Blue</translation>
    </message>
    <message>
        <source>Need to talk? 1737</source>
        <translation>Need to talk? 1737</translation>
    </message>
    <message>
        <source>Lifeline Aotearoa</source>
        <translation>Lifeline Aotearoa</translation>
    </message>
    <message>
        <source>Youthline</source>
        <translation>Youthline</translation>
    </message>
    <message>
        <source>Tele-MANAS</source>
        <translation>Tele-MANAS</translation>
    </message>
    <message>
        <source>Government mental health line; also 1-800-891-4416; many Indian languages.</source>
        <translation>Staatliches Telefon für psychische Gesundheit; auch 1-800-891-4416; in vielen indischen Sprachen.</translation>
    </message>
    <message>
        <source>救急・消防 (Ambulance and fire)</source>
        <translation>救急・消防 (Rettungsdienst und Feuerwehr)</translation>
    </message>
    <message>
        <source>警察 (Police)</source>
        <translation>警察 (Polizei)</translation>
    </message>
    <message>
        <source>よりそいホットライン (Yorisoi Hotline)</source>
        <translation>よりそいホットライン (Yorisoi Hotline)</translation>
    </message>
    <message>
        <source>Free. From Iwate, Miyagi and Fukushima: 0120-279-226. Press 2 for help in other languages.</source>
        <translation>Kostenlos. Aus Iwate, Miyagi und Fukushima: 0120-279-226. Die 2 drücken für Hilfe in anderen Sprachen.</translation>
    </message>
    <message>
        <source>いのちの電話 (Inochi no Denwa)</source>
        <translation>いのちの電話 (Inochi no Denwa)</translation>
    </message>
    <message>
        <source>Daily 10:00–22:00</source>
        <translation>Täglich 10:00–22:00</translation>
    </message>
    <message>
        <source>Free line 0120-783-556: daily 16:00–21:00, and from 8:00 on the 10th of each month for 24 hours.</source>
        <translation>Kostenlose Nummer 0120-783-556: täglich 16:00–21:00 und am 10. jedes Monats ab 8:00 für 24 Stunden.</translation>
    </message>
    <message>
        <source>こころの健康相談統一ダイヤル (Mental health consultation)</source>
        <translation>こころの健康相談統一ダイヤル (Beratung zur psychischen Gesundheit)</translation>
    </message>
    <message>
        <source>Varies by prefecture</source>
        <translation>Je nach Präfektur</translation>
    </message>
    <message>
        <source>Connects to the public mental health centre of your prefecture.</source>
        <translation>Verbindet mit dem öffentlichen Zentrum für psychische Gesundheit deiner Präfektur.</translation>
    </message>
    <message>
        <source>TELL Lifeline</source>
        <translation>TELL Lifeline</translation>
    </message>
    <message>
        <source>Counselling in English; see the website for today&apos;s hours and its chat.</source>
        <translation>Beratung auf Englisch; die heutigen Zeiten und den Chat findest du auf der Website.</translation>
    </message>
    <message>
        <source>チャイルドライン (Childline Japan)</source>
        <translation>チャイルドライン (Childline Japan)</translation>
    </message>
    <message>
        <source>Daily 16:00–21:00</source>
        <translation>Täglich 16:00–21:00</translation>
    </message>
    <message>
        <source>Free, for anyone under 18; chat on the website.</source>
        <translation>Kostenlos, für alle unter 18; Chat auf der Website.</translation>
    </message>
    <message>
        <source>24時間子供SOSダイヤル (24-hour Children&apos;s SOS)</source>
        <translation>24時間子供SOSダイヤル (SOS-Telefon für Kinder, rund um die Uhr)</translation>
    </message>
    <message>
        <source>Free, run by the education boards for children and parents.</source>
        <translation>Kostenlos, von den Schulbehörden für Kinder und Eltern.</translation>
    </message>
    <message>
        <source>응급 (Emergency)</source>
        <translation>응급 (Notruf)</translation>
    </message>
    <message>
        <source>자살예방상담전화 (Suicide prevention line)</source>
        <translation>자살예방상담전화 (Suizidpräventionslinie)</translation>
    </message>
    <message>
        <source>急救 (Ambulance)</source>
        <translation>急救 (Rettungsdienst)</translation>
    </message>
    <message>
        <source>Police: 110.</source>
        <translation>Polizei: 110.</translation>
    </message>
    <message>
        <source>The Samaritan Befrienders Hong Kong</source>
        <translation>The Samaritan Befrienders Hong Kong</translation>
    </message>
    <message>
        <source>Ambulance</source>
        <translation>Rettungsdienst</translation>
    </message>
    <message>
        <source>Police: 999.</source>
        <translation>Polizei: 999.</translation>
    </message>
    <message>
        <source>Samaritans of Singapore (SOS)</source>
        <translation>Samaritans of Singapore (SOS)</translation>
    </message>
    <message>
        <source>Magen David Adom</source>
        <translation>Magen David Adom</translation>
    </message>
    <message>
        <source>ERAN</source>
        <translation>ERAN</translation>
    </message>
    <message>
        <source>SAMU</source>
        <translation>SAMU</translation>
    </message>
    <message>
        <source>Police: 190.</source>
        <translation>Polizei: 190.</translation>
    </message>
    <message>
        <source>CVV – Centro de Valorização da Vida</source>
        <translation>CVV – Centro de Valorização da Vida</translation>
    </message>
    <message>
        <source>Línea de la Vida</source>
        <translation>Línea de la Vida</translation>
    </message>
    <message>
        <source>Centro de Asistencia al Suicida</source>
        <translation>Centro de Asistencia al Suicida</translation>
    </message>
    <message>
        <source>135 from Buenos Aires and its area; (011) 5275-1135 from elsewhere.</source>
        <translation>135 aus Buenos Aires und Umgebung; (011) 5275-1135 von anderswo.</translation>
    </message>
    <message>
        <source>Emergency from a mobile</source>
        <translation>Notruf vom Handy</translation>
    </message>
    <message>
        <source>Ambulance: 10177.</source>
        <translation>Rettungsdienst: 10177.</translation>
    </message>
    <message>
        <source>SADAG Suicide Crisis Helpline</source>
        <translation>SADAG Suicide Crisis Helpline</translation>
    </message>
    <message>
        <source>Free, verified directory of helplines in many countries, searchable by topic.</source>
        <translation>Kostenloses, geprüftes Verzeichnis von Hilfetelefonen in vielen Ländern, nach Thema durchsuchbar.</translation>
    </message>
    <message>
        <source>International Association for Suicide Prevention: crisis centres around the world.</source>
        <translation>Internationale Vereinigung für Suizidprävention: Krisenzentren weltweit.</translation>
    </message>
</context>
<context>
    <name>DailyMoodChart</name>
    <message>
        <source>Daily mood chart</source>
        <extracomment>Tick steps in the order they are tried: days, weeks, two weeks, months, quarters, years.</extracomment>
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
    <message>
        <source>%1: average %2</source>
        <translation>%1: Durchschnitt %2</translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <source>Untitled</source>
        <extracomment>Mood levels with a marker; its colour is the theme&apos;s mark scale (never the only cue, the list also carries the level in its accessible text).</extracomment>
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
        <source>Date and time of the entry</source>
        <translation>Datum und Uhrzeit des Eintrags</translation>
    </message>
    <message>
        <source>When this entry was written; you can change it</source>
        <translation>Wann dieser Eintrag geschrieben wurde; du kannst es ändern</translation>
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
        <source>Length of the text</source>
        <translation>Länge des Textes</translation>
    </message>
    <message>
        <source>Write freely. Markdown works: **bold** (Ctrl+B), *italic* (Ctrl+I), - lists.</source>
        <translation>Schreib einfach los. Markdown geht: **fett** (Strg+B), *kursiv* (Strg+I), - Listen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln Zeichen</numerusform>
            <numerusform>%Ln Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln Wort</numerusform>
            <numerusform>%Ln Wörter</numerusform>
        </translation>
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
        <source>Pick an entry on the left to read it.</source>
        <translation>Wähle links einen Eintrag aus, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
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
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>EntryListModel</name>
    <message>
        <source>starred</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>mood {0} of 5</source>
        <translation>Stimmung {0} von 5</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <extracomment>(format, single file, file-name suffix) per choice, in the order shown.</extracomment>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>PeerJournal JSON (everything, the trash too)</source>
        <translation>PeerJournal-JSON (alles, auch der Papierkorb)</translation>
    </message>
    <message>
        <source>Markdown: a folder, one file per entry</source>
        <translation>Markdown: ein Ordner, eine Datei pro Eintrag</translation>
    </message>
    <message>
        <source>Markdown: one file</source>
        <translation>Markdown: eine Datei</translation>
    </message>
    <message>
        <source>CSV: mood logs, for spreadsheets</source>
        <translation>CSV: Stimmungseinträge, für Tabellenkalkulationen</translation>
    </message>
    <message>
        <source>PDF: printable</source>
        <translation>PDF: zum Drucken</translation>
    </message>
    <message>
        <source>Only from … to …</source>
        <translation>Nur von … bis …</translation>
    </message>
    <message>
        <source>all entries; or tags, separated by commas</source>
        <translation>alle Einträge; oder Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>where to write the export</source>
        <translation>wohin der Export geschrieben wird</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>&lt;b&gt;An export is not encrypted.&lt;/b&gt; Anyone who can read the file can read your journal. Keep it on an encrypted disk and delete it when done; for a private copy use File → Back up now… (encrypted) instead.</source>
        <translation>&lt;b&gt;Ein Export ist nicht verschlüsselt.&lt;/b&gt; Wer die Datei lesen kann, kann dein Tagebuch lesen. Bewahre ihn auf einem verschlüsselten Datenträger auf und lösche ihn danach; für eine private Kopie nutze stattdessen Datei → Jetzt sichern … (verschlüsselt).</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Schlagwörter:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <source>Export (not encrypted)</source>
        <translation>Exportieren (nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>Wähle, wohin der Export geschrieben wird.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln entries to %1 (not encrypted).</source>
        <translation>
            <numerusform>%Ln Eintrag nach %1 exportiert (nicht verschlüsselt).</numerusform>
            <numerusform>%Ln Einträge nach %1 exportiert (nicht verschlüsselt).</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed; nothing was written.</source>
        <translation>Der Export ist fehlgeschlagen; es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>FeedCard</name>
    <message>
        <source>You shared with %1</source>
        <extracomment>The quick reactions, in the order of their buttons (words, not emoji: every font has them).</extracomment>
        <translation>Du hast mit %1 geteilt</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>Shared text</source>
        <translation>Geteilter Text</translation>
    </message>
    <message>
        <source>Content warning: %1</source>
        <translation>Inhaltswarnung: %1</translation>
    </message>
    <message>
        <source>Show anyway</source>
        <translation>Trotzdem anzeigen</translation>
    </message>
    <message>
        <source>mood %1 of 5</source>
        <translation>Stimmung %1 von 5</translation>
    </message>
    <message>
        <source>Worried about them?</source>
        <translation>Machst du dir Sorgen?</translation>
    </message>
    <message>
        <source>Worried about %1? What you can do</source>
        <translation>Sorgen um %1? Was du tun kannst</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>This might land hard — send anyway or edit?</source>
        <translation>Das könnte hart ankommen – trotzdem senden oder bearbeiten?</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <source>Edit my reply</source>
        <translation>Antwort bearbeiten</translation>
    </message>
    <message>
        <source>♥ Heart</source>
        <translation>♥ Herz</translation>
    </message>
    <message>
        <source>Hug</source>
        <translation>Umarmung</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Kraft</translation>
    </message>
    <message>
        <source>Same here</source>
        <translation>Geht mir auch so</translation>
    </message>
    <message>
        <source>Thanks</source>
        <translation>Danke</translation>
    </message>
    <message>
        <source>A short, kind reply…</source>
        <translation>Eine kurze, freundliche Antwort …</translation>
    </message>
    <message>
        <source>You sent a heart</source>
        <translation>Du hast ein Herz geschickt</translation>
    </message>
    <message>
        <source>You sent a hug</source>
        <translation>Du hast eine Umarmung geschickt</translation>
    </message>
    <message>
        <source>You sent strength</source>
        <translation>Du hast Kraft geschickt</translation>
    </message>
    <message>
        <source>You said: same here</source>
        <translation>Du hast gesagt: Geht mir auch so</translation>
    </message>
    <message>
        <source>You said thanks</source>
        <translation>Du hast Danke gesagt</translation>
    </message>
    <message>
        <source>%1 sent a heart</source>
        <translation>%1 hat ein Herz geschickt</translation>
    </message>
    <message>
        <source>%1 sent a hug</source>
        <translation>%1 hat eine Umarmung geschickt</translation>
    </message>
    <message>
        <source>%1 sent strength</source>
        <translation>%1 hat Kraft geschickt</translation>
    </message>
    <message>
        <source>%1 said: same here</source>
        <translation>%1 hat gesagt: Geht mir auch so</translation>
    </message>
    <message>
        <source>%1 said thanks</source>
        <translation>%1 hat Danke gesagt</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
</context>
<context>
    <name>FeedWidget</name>
    <message>
        <source>From your peers</source>
        <translation>Von deinen Vertrauenspersonen</translation>
    </message>
    <message>
        <source>You shared</source>
        <translation>Von dir geteilt</translation>
    </message>
    <message>
        <source>You&apos;ve been here a while. Maybe a good moment for a break or a check-in?</source>
        <translation>Du bist schon eine Weile hier. Vielleicht ein guter Moment für eine Pause oder einen Check-in?</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Back to the newest</source>
        <translation>Zurück zum Neuesten</translation>
    </message>
    <message>
        <source>Show older</source>
        <translation>Ältere anzeigen</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Nothing you shared yet. Use “Share…” on an entry.</source>
        <translation>Du hast noch nichts geteilt. Nutze „Teilen …“ bei einem Eintrag.</translation>
    </message>
    <message>
        <source>Nothing here yet. When a peer shares something, it appears here after “Check for messages”.</source>
        <translation>Hier ist noch nichts. Wenn eine Vertrauensperson etwas teilt, erscheint es hier nach „Nachrichten abrufen“.</translation>
    </message>
    <message>
        <source>Sent. It goes out whenever the relay is reachable.</source>
        <translation>Gesendet. Es geht raus, sobald das Relay erreichbar ist.</translation>
    </message>
    <message numerus="yes">
        <source>This week: %n minute(s) in the feed.</source>
        <translation>
            <numerusform>Diese Woche: %n Minute im Feed.</numerusform>
            <numerusform>Diese Woche: %n Minuten im Feed.</numerusform>
        </translation>
    </message>
    <message>
        <source>This week: less than a minute in the feed.</source>
        <translation>Diese Woche: weniger als eine Minute im Feed.</translation>
    </message>
</context>
<context>
    <name>FindingsReview</name>
    <message>
        <source>Found in the text (checked = replaced)</source>
        <translation>Im Text gefunden (angehakt = ersetzt)</translation>
    </message>
    <message>
        <source>Start again from the entry</source>
        <translation>Neu vom Eintrag ausgehen</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Was gefunden wurde</translation>
    </message>
    <message>
        <source>Always do this with the selected words</source>
        <translation>Mit den gewählten Wörtern immer so verfahren</translation>
    </message>
    <message>
        <source>an email address</source>
        <translation>eine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>a link</source>
        <translation>ein Link</translation>
    </message>
    <message>
        <source>a social media handle</source>
        <translation>ein Social-Media-Name</translation>
    </message>
    <message>
        <source>an IP address</source>
        <translation>eine IP-Adresse</translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation>eine Telefonnummer</translation>
    </message>
    <message>
        <source>an ID number</source>
        <translation>eine Ausweis- oder Kennnummer</translation>
    </message>
    <message>
        <source>a bank or card number</source>
        <translation>eine Konto- oder Kartennummer</translation>
    </message>
    <message>
        <source>a date of birth</source>
        <translation>ein Geburtsdatum</translation>
    </message>
    <message>
        <source>a street address</source>
        <translation>eine Anschrift</translation>
    </message>
    <message>
        <source>a postcode</source>
        <translation>eine Postleitzahl</translation>
    </message>
    <message>
        <source>an age</source>
        <translation>ein Alter</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>ein Name</translation>
    </message>
    <message>
        <source>a school</source>
        <translation>eine Schule</translation>
    </message>
    <message>
        <source>a clinic or hospital</source>
        <translation>eine Praxis oder ein Krankenhaus</translation>
    </message>
    <message>
        <source>a workplace</source>
        <translation>ein Arbeitsplatz</translation>
    </message>
    <message>
        <source>a place</source>
        <translation>ein Ort</translation>
    </message>
    <message>
        <source>a word you chose to redact</source>
        <translation>ein Wort, das du ersetzen lässt</translation>
    </message>
    <message>
        <source>a time of day</source>
        <translation>eine Uhrzeit</translation>
    </message>
    <message>
        <source>a long number</source>
        <translation>eine lange Zahl</translation>
    </message>
    <message>
        <source>something that may identify someone</source>
        <translation>etwas, das jemanden erkennbar machen könnte</translation>
    </message>
    <message>
        <source>%1. “%2”: %3</source>
        <translation>%1. „%2“: %3</translation>
    </message>
    <message>
        <source>%1. “%2”: maybe %3</source>
        <translation>%1. „%2“: vielleicht %3</translation>
    </message>
    <message>
        <source>%1. “%2”: maybe %3 (check to replace it)</source>
        <translation>%1. „%2“: vielleicht %3 (ankreuzen, um es zu ersetzen)</translation>
    </message>
    <message>
        <source>(always)</source>
        <translation>(immer)</translation>
    </message>
    <message>
        <source>Nothing that looks identifying was found.</source>
        <translation>Es wurde nichts gefunden, das jemanden erkennbar machen könnte.</translation>
    </message>
    <message>
        <source>Uncheck a line to keep the original words; check it to replace them.</source>
        <translation>Entferne den Haken bei einer Zeile, um die ursprünglichen Worte zu behalten; setz ihn, um sie zu ersetzen.</translation>
    </message>
    <message>
        <source>You edited the text by hand, so the list is paused. “Start again from the entry” brings it back.</source>
        <translation>Du hast den Text von Hand bearbeitet, daher ist die Liste angehalten. „Neu vom Eintrag ausgehen“ bringt sie zurück.</translation>
    </message>
    <message>
        <source>Always redact “%1” when I share</source>
        <translation>„%1“ beim Teilen immer ersetzen</translation>
    </message>
    <message>
        <source>Always keep “%1” when I share</source>
        <translation>„%1“ beim Teilen immer behalten</translation>
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
        <source>Choose a stronger passphrase first (the hints above say how), and type it the same way twice.</source>
        <translation>Wähle zuerst eine stärkere Passphrase (die Hinweise oben sagen, wie) und tippe sie zweimal gleich ein.</translation>
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
        <source>I have saved the code somewhere safe</source>
        <translation>Ich habe den Code sicher aufbewahrt</translation>
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
    <name>GuessTime</name>
    <message>
        <source>Someone who stole your vault file could guess it in under a second.</source>
        <extracomment>Scores from zxcvbn are 0..4; below this a passphrase is refused.</extracomment>
        <translation>Wer deine Tresordatei stiehlt, könnte sie in weniger als einer Sekunde erraten.</translation>
    </message>
    <message>
        <source>Someone who stole your vault file would need centuries to guess it.</source>
        <translation>Wer deine Tresordatei stiehlt, bräuchte Jahrhunderte, um sie zu erraten.</translation>
    </message>
    <message>
        <source>Someone who stole your vault file would need about %1 to guess it.</source>
        <translation>Wer deine Tresordatei stiehlt, bräuchte etwa %1, um sie zu erraten.</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>%1 (%2 of 5)</source>
        <translation>%1 (%2 von 5)</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Check-in history</source>
        <translation>Verlauf der Check-ins</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected check-in</source>
        <translation>Gewählten Check-in bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected check-in</source>
        <translation>Gewählten Check-in löschen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Check-in of %1 deleted.</source>
        <translation>Check-in vom %1 gelöscht.</translation>
    </message>
    <message>
        <source>The check-in is back.</source>
        <translation>Der Check-in ist wieder da.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <extracomment>The format that reads a folder (every other one reads a file). whether the progress shown is a check&apos;s (a dry run) rather than an import&apos;s</extracomment>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>Journal to import</source>
        <translation>Zu importierendes Tagebuch</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Tagebuch</translation>
    </message>
    <message>
        <source>Keep Day One places in the entries</source>
        <translation>Orte aus Day One in den Einträgen behalten</translation>
    </message>
    <message>
        <source>Keep Day One weather in the entries</source>
        <translation>Wetter aus Day One in den Einträgen behalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>Datei prüfen</translation>
    </message>
    <message>
        <source>Find out from the file</source>
        <translation>An der Datei erkennen</translation>
    </message>
    <message>
        <source>jrnl (json, txt or md)</source>
        <translation>jrnl (json, txt oder md)</translation>
    </message>
    <message>
        <source>Day One (.json or .zip)</source>
        <translation>Day One (.json oder .zip)</translation>
    </message>
    <message>
        <source>Daylio (CSV)</source>
        <translation>Daylio (CSV)</translation>
    </message>
    <message>
        <source>PeerJournal export (JSON)</source>
        <translation>PeerJournal-Export (JSON)</translation>
    </message>
    <message>
        <source>Bring your past journal in: a jrnl export (json, txt or md), a Day One export (.json or .zip), a Daylio CSV export, a folder of Markdown files (Obsidian, or PeerJournal&apos;s Markdown export) or a PeerJournal export. Nothing is written until you confirm.</source>
        <translation>Bring dein bisheriges Tagebuch mit: einen jrnl-Export (json, txt oder md), einen Day-One-Export (.json oder .zip), einen Daylio-CSV-Export, einen Ordner mit Markdown-Dateien (Obsidian oder der Markdown-Export von PeerJournal) oder einen PeerJournal-Export. Geschrieben wird erst, wenn du bestätigst.</translation>
    </message>
    <message>
        <source>File or folder to import</source>
        <translation>Zu importierende Datei oder zu importierender Ordner</translation>
    </message>
    <message>
        <source>&amp;File or folder</source>
        <translation>&amp;Datei oder Ordner</translation>
    </message>
    <message>
        <source>Tag each entry with the names of its folders</source>
        <translation>Jeden Eintrag mit den Namen seiner Ordner verschlagworten</translation>
    </message>
    <message>
        <source>Markdown (a folder of .md files)</source>
        <translation>Markdown (ein Ordner mit .md-Dateien)</translation>
    </message>
    <message>
        <source>Choose the folder to import</source>
        <translation>Zu importierenden Ordner auswählen</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Zu importierende Datei auswählen</translation>
    </message>
    <message>
        <source>Journal exports (*.json *.zip *.csv *.txt *.md);;All files (*)</source>
        <translation>Tagebuch-Exporte (*.json *.zip *.csv *.txt *.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>All journals (each entry tagged with its journal)</source>
        <translation>Alle Tagebücher (jeder Eintrag erhält den Namen seines Tagebuchs als Schlagwort)</translation>
    </message>
    <message>
        <source>Records that will be skipped</source>
        <translation>Datensätze, die übersprungen werden</translation>
    </message>
    <message>
        <source>These Daylio moods have no level yet. Choose one for each:</source>
        <translation>Diese Daylio-Stimmungen haben noch keine Stufe. Wähle für jede eine:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Choose the format of this file.</source>
        <translation>Wähle das Format dieser Datei.</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Die Datei wird geprüft …</translation>
    </message>
    <message>
        <source>%1 and %2 can be imported.</source>
        <translation>%1 und %2 können importiert werden.</translation>
    </message>
    <message>
        <source>Saving the entries and their search index…</source>
        <translation>Die Einträge und ihr Suchindex werden gespeichert …</translation>
    </message>
    <message>
        <source>Imported %1 and %2.</source>
        <translation>%1 und %2 importiert.</translation>
    </message>
    <message>
        <source>They are from %1 to %2.</source>
        <translation>Sie stammen vom %1 bis %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more rows wait for a level for their mood (below).</source>
        <translation>
            <numerusform>%Ln weitere Zeile wartet auf eine Stufe für ihre Stimmung (unten).</numerusform>
            <numerusform>%Ln weitere Zeilen warten auf eine Stufe für ihre Stimmung (unten).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records are already in your journal and will be left as they are.</source>
        <translation>
            <numerusform>%Ln Datensatz ist bereits in deinem Tagebuch und bleibt, wie er ist.</numerusform>
            <numerusform>%Ln Datensätze sind bereits in deinem Tagebuch und bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records cannot be read and will be skipped:</source>
        <translation>
            <numerusform>%Ln Datensatz kann nicht gelesen werden und wird übersprungen:</numerusform>
            <numerusform>%Ln Datensätze können nicht gelesen werden und werden übersprungen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mood logs</source>
        <translation>
            <numerusform>%Ln Stimmungseintrag</numerusform>
            <numerusform>%Ln Stimmungseinträge</numerusform>
        </translation>
    </message>
    <message>
        <source>no level yet</source>
        <translation>noch keine Stufe</translation>
    </message>
    <message>
        <source>Level for %1</source>
        <translation>Stufe für %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln rows)</source>
        <translation>
            <numerusform>%1 (%Ln Zeile)</numerusform>
            <numerusform>%1 (%Ln Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert …</translation>
    </message>
</context>
<context>
    <name>InsightWords</name>
    <message numerus="yes">
        <source>Over %Ln day(s) with check-ins your average mood was %1.</source>
        <translation>
            <numerusform>An %Ln Tag mit Check-in lag deine durchschnittliche Stimmung bei %1.</numerusform>
            <numerusform>An %Ln Tagen mit Check-ins lag deine durchschnittliche Stimmung bei %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other day(s)</source>
        <translation>
            <numerusform>%Ln anderen Tag</numerusform>
            <numerusform>%Ln anderen Tagen</numerusform>
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
        <extracomment>Screen room (logical pixels, less the title bar) below which the calendar lies over the list: the window holds a menu, a tool bar, a status bar, the filters, six weeks and some rows of the list only from about this height on.</extracomment>
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
        <source>Move to trash</source>
        <translation>In den Papierkorb</translation>
    </message>
    <message>
        <source>Moved to the trash. You can restore it from Trash.</source>
        <translation>In den Papierkorb verschoben. Du kannst den Eintrag im Papierkorb wiederherstellen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matching entries</source>
        <translation>
            <numerusform>%Ln passender Eintrag</numerusform>
            <numerusform>%Ln passende Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ matching entries</source>
        <translation>
            <numerusform>%Ln+ passende Einträge</numerusform>
            <numerusform>%Ln+ passende Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>Noch keine Einträge.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entries</source>
        <translation>
            <numerusform>%1 von %Ln Eintrag</numerusform>
            <numerusform>%1 von %Ln Einträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Help now</source>
        <extracomment>closing the window ends the application (set by app.main; tests keep it off)</extracomment>
        <translation>Hilfe jetzt</translation>
    </message>
    <message>
        <source>Help right now: crisis lines</source>
        <translation>Hilfe sofort: Krisentelefone</translation>
    </message>
    <message>
        <source>Crisis lines and what to do right now (F1)</source>
        <translation>Krisentelefone und was du jetzt tun kannst (F1)</translation>
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
    <name>MoodChips</name>
    <message>
        <source>happy</source>
        <translation>glücklich</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>ruhig</translation>
    </message>
    <message>
        <source>grateful</source>
        <translation>dankbar</translation>
    </message>
    <message>
        <source>hopeful</source>
        <translation>zuversichtlich</translation>
    </message>
    <message>
        <source>proud</source>
        <translation>stolz</translation>
    </message>
    <message>
        <source>tired</source>
        <translation>müde</translation>
    </message>
    <message>
        <source>anxious</source>
        <translation>ängstlich</translation>
    </message>
    <message>
        <source>stressed</source>
        <translation>gestresst</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>traurig</translation>
    </message>
    <message>
        <source>lonely</source>
        <translation>einsam</translation>
    </message>
    <message>
        <source>angry</source>
        <translation>wütend</translation>
    </message>
    <message>
        <source>overwhelmed</source>
        <translation>überfordert</translation>
    </message>
    <message>
        <source>sleep well</source>
        <translation>gut geschlafen</translation>
    </message>
    <message>
        <source>walk</source>
        <translation>Spaziergang</translation>
    </message>
    <message>
        <source>exercise</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>friends</source>
        <translation>Freunde</translation>
    </message>
    <message>
        <source>family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>study</source>
        <translation>Lernen</translation>
    </message>
    <message>
        <source>work</source>
        <translation>Arbeit</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <source>outdoors</source>
        <translation>draußen</translation>
    </message>
    <message>
        <source>screen time</source>
        <translation>Bildschirmzeit</translation>
    </message>
    <message>
        <source>cooking</source>
        <translation>Kochen</translation>
    </message>
</context>
<context>
    <name>MoodLabels</name>
    <message>
        <source>Awful</source>
        <translation>Furchtbar</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Schlecht</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>Okay</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Great</source>
        <translation>Großartig</translation>
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
        <source>Days shown</source>
        <translation>Gezeigte Tage</translation>
    </message>
    <message>
        <source>Your check-ins</source>
        <translation>Deine Check-ins</translation>
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
    <message>
        <source>Check-in changed.</source>
        <translation>Check-in geändert.</translation>
    </message>
    <message>
        <source>No check-ins in this period yet.</source>
        <translation>In diesem Zeitraum noch keine Check-ins.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>your check-ins in this period begin on %1</source>
        <translation>deine Check-ins in diesem Zeitraum beginnen am %1</translation>
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
        <source>Remove the selected names</source>
        <translation>Die ausgewählten Namen entfernen</translation>
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
        <translation>Neue Passphrase</translation>
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
        <source>Several unusual words</source>
        <translation>Mehrere seltene Wörter</translation>
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
    <name>PairingDialog</name>
    <message>
        <source>Relay address</source>
        <extracomment>Screen room (logical pixels) from which the QR code gets its full size.</extracomment>
        <translation>Relay-Adresse</translation>
    </message>
    <message>
        <source>e.g. Robin (optional)</source>
        <translation>z. B. Robin (optional)</translation>
    </message>
    <message>
        <source>Your pseudonym for this peer</source>
        <translation>Dein Pseudonym für diese Vertrauensperson</translation>
    </message>
    <message>
        <source>Paste the invite code here (pj1:…)</source>
        <translation>Füge den Einladungscode hier ein (pj1:…)</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Einladungscode</translation>
    </message>
    <message>
        <source>Create invite</source>
        <translation>Einladung erstellen</translation>
    </message>
    <message>
        <source>Accept invite</source>
        <translation>Einladung annehmen</translation>
    </message>
    <message>
        <source>Invite a peer</source>
        <translation>Vertrauensperson einladen</translation>
    </message>
    <message>
        <source>Accept an invite</source>
        <translation>Eine Einladung annehmen</translation>
    </message>
    <message>
        <source>Invite someone you trust</source>
        <translation>Lade jemanden ein, dem du vertraust</translation>
    </message>
    <message>
        <source>Choose the relay you both use (a friend, a student union or a charity may run one). Your peer will see the pseudonym you pick, not your name.</source>
        <translation>Wähle das Relay, das ihr beide nutzt (eine Freundin, ein Studierendenwerk oder ein gemeinnütziger Verein kann eins betreiben). Deine Vertrauensperson sieht das Pseudonym, das du wählst, nicht deinen Namen.</translation>
    </message>
    <message>
        <source>Paste the code your peer sent you. Your peer will see the pseudonym you pick, not your name.</source>
        <translation>Füge den Code ein, den deine Vertrauensperson dir geschickt hat. Sie sieht das Pseudonym, das du wählst, nicht deinen Namen.</translation>
    </message>
    <message>
        <source>Your pseudonym</source>
        <translation>Dein Pseudonym</translation>
    </message>
    <message>
        <source>Copy invite</source>
        <translation>Einladung kopieren</translation>
    </message>
    <message>
        <source>QR code of the invite</source>
        <translation>QR-Code der Einladung</translation>
    </message>
    <message>
        <source>Safety code to compare</source>
        <translation>Sicherheitscode zum Vergleichen</translation>
    </message>
    <message>
        <source>Please enter the address of a relay.</source>
        <translation>Bitte gib die Adresse eines Relays ein.</translation>
    </message>
    <message>
        <source>Please paste the invite code first.</source>
        <translation>Bitte füge zuerst den Einladungscode ein.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Einen Moment …</translation>
    </message>
    <message>
        <source>The relay at %1 could not be reached. No invite was made. Check the address and your connection, then try again.</source>
        <translation>Das Relay unter %1 ist nicht erreichbar. Es wurde keine Einladung erstellt. Prüfe die Adresse und deine Verbindung und versuche es dann noch einmal.</translation>
    </message>
    <message>
        <source>The invite&apos;s relay could not be reached. Nothing was changed. Check your connection and try again: the invite has not been used.</source>
        <translation>Das Relay der Einladung ist nicht erreichbar. Es wurde nichts geändert. Prüfe deine Verbindung und versuche es noch einmal: Die Einladung wurde nicht verbraucht.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Your invite is ready</source>
        <translation>Deine Einladung ist bereit</translation>
    </message>
    <message>
        <source>Send this invite over a channel you trust (in person, or a messenger you already use with them); it works once. When they have accepted it, press “Check for messages” and compare the safety code with them by phone or in person.</source>
        <translation>Schick diese Einladung über einen Weg, dem du vertraust (persönlich oder über einen Messenger, den ihr schon nutzt); sie funktioniert einmal. Wenn sie angenommen wurde, drück „Nachrichten abrufen“ und vergleicht den Sicherheitscode am Telefon oder persönlich.</translation>
    </message>
    <message>
        <source>Invite accepted</source>
        <translation>Einladung angenommen</translation>
    </message>
    <message>
        <source>Compare this safety code with your peer by phone or in person. If it is the same on both sides, nobody came in between.</source>
        <translation>Vergleiche diesen Sicherheitscode mit deiner Vertrauensperson am Telefon oder persönlich. Ist er auf beiden Seiten gleich, hat sich niemand dazwischengeschaltet.</translation>
    </message>
    <message>
        <source>Copied. Paste it into your message to them now: it leaves the clipboard when you close this window.</source>
        <translation>Kopiert. Füge sie jetzt in deine Nachricht ein: Sie wird aus der Zwischenablage entfernt, wenn du dieses Fenster schließt.</translation>
    </message>
</context>
<context>
    <name>PassphraseAdvice</name>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>Füge ein oder zwei Wörter hinzu. Ungewöhnliche Wörter sind besser.</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>Großbuchstaben helfen kaum.</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>Rückwärts geschriebene Wörter sind kaum schwerer zu erraten.</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>Vorhersehbare Ersetzungen wie &apos;@&apos; statt &apos;a&apos; helfen kaum.</translation>
    </message>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>Nimm ein paar Wörter und vermeide gängige Redewendungen.</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig.</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>Gerade Tastenreihen sind leicht zu erraten.</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Kurze Tastaturmuster sind leicht zu erraten.</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>Das ist eines der 10 häufigsten Passwörter.</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>Das ähnelt einem häufig benutzten Passwort.</translation>
    </message>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>Ein einzelnes Wort ist leicht zu erraten.</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>Nimm ein längeres Tastaturmuster mit mehr Richtungswechseln.</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>Wiederholungen wie „aaa“ sind leicht zu erraten.</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>Wiederholungen wie „abcabcabc“ sind nur wenig schwerer zu erraten als „abc“.</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>Das ist eines der 100 häufigsten Passwörter.</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>Das ist ein sehr häufiges Passwort.</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>Vor- und Nachnamen allein sind leicht zu erraten.</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>Häufige Vor- und Nachnamen sind leicht zu erraten.</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>Vermeide wiederholte Wörter und Zeichen.</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>Folgen wie „abc“ oder „6543“ sind leicht zu erraten.</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>Vermeide Folgen.</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>Jahreszahlen der letzten Zeit sind leicht zu erraten.</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>Daten sind oft leicht zu erraten.</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>Vermeide Jahreszahlen der letzten Zeit.</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>Vermeide Jahreszahlen, die mit dir zu tun haben.</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>Vermeide Daten und Jahreszahlen, die mit dir zu tun haben.</translation>
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
    <name>PeerCard</name>
    <message>
        <source>They see you as %1</source>
        <translation>Sie sehen dich als %1</translation>
    </message>
    <message>
        <source>Safety code</source>
        <translation>Sicherheitscode</translation>
    </message>
    <message>
        <source>Safety code to compare:</source>
        <translation>Sicherheitscode zum Vergleichen:</translation>
    </message>
    <message>
        <source>We compared the code</source>
        <translation>Wir haben den Code verglichen</translation>
    </message>
    <message>
        <source>Press this once you and they have compared the safety code by phone or in person and it is the same on both sides.</source>
        <translation>Drücke hier, sobald ihr den Sicherheitscode am Telefon oder persönlich verglichen habt und er auf beiden Seiten gleich ist.</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Stummschaltung aufheben</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>Muting hides their items from your feed; nothing is sent to them.</source>
        <translation>Stummschalten blendet ihre Beiträge in deinem Feed aus; ihnen wird nichts mitgeteilt.</translation>
    </message>
    <message>
        <source>Unpair…</source>
        <translation>Verbindung trennen …</translation>
    </message>
    <message>
        <source>Cancel the invite…</source>
        <translation>Einladung zurückziehen …</translation>
    </message>
    <message>
        <source>Show invite</source>
        <translation>Einladung anzeigen</translation>
    </message>
    <message>
        <source>Invite sent — waiting for them to accept it</source>
        <translation>Einladung gesendet – warte darauf, dass sie angenommen wird</translation>
    </message>
    <message>
        <source>Almost paired — waiting for their answer</source>
        <translation>Fast verbunden – warte auf die Antwort</translation>
    </message>
    <message>
        <source>Paired · not verified</source>
        <translation>Verbunden · nicht bestätigt</translation>
    </message>
    <message>
        <source>Paired · verified</source>
        <translation>Verbunden · bestätigt</translation>
    </message>
    <message>
        <source>Give them the invite code or QR code. After they accept it, press “Check for messages”. Changed your mind? “Cancel the invite…” takes it back; nothing has been shared.</source>
        <translation>Gib ihnen den Einladungscode oder den QR-Code. Nachdem sie ihn angenommen haben, drück „Nachrichten abrufen“. Doch anders entschieden? „Einladung zurückziehen …“ nimmt sie zurück; geteilt wurde noch nichts.</translation>
    </message>
    <message>
        <source>Not verified yet: compare the safety code with them by phone or in person once; if it matches, nobody came in between. Then press “We compared the code”.</source>
        <translation>Noch nicht bestätigt: Vergleicht einmal den Sicherheitscode am Telefon oder persönlich; stimmt er überein, hat sich niemand dazwischengeschaltet. Drücke dann „Wir haben den Code verglichen“.</translation>
    </message>
    <message>
        <source>You compared the safety code: nobody came in between.</source>
        <translation>Ihr habt den Sicherheitscode verglichen: Niemand hat sich dazwischengeschaltet.</translation>
    </message>
    <message>
        <source>Pairing ended</source>
        <translation>Verbindung beendet</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>some messages wait to go out</source>
        <translation>einige Nachrichten warten auf den Versand</translation>
    </message>
    <message>
        <source>When they have pressed “Check for messages”, do it too. Then compare the safety code with them by phone or in person.</source>
        <translation>Wenn sie „Nachrichten abrufen“ gedrückt haben, tu das auch. Vergleicht dann den Sicherheitscode am Telefon oder persönlich.</translation>
    </message>
    <message>
        <source>What they shared stays in your feed history.</source>
        <translation>Was sie geteilt haben, bleibt in deinem Feed-Verlauf.</translation>
    </message>
</context>
<context>
    <name>PeerNotifier</name>
    <message>
        <source>A peer shared something with you.</source>
        <translation>Eine Vertrauensperson hat etwas mit dir geteilt.</translation>
    </message>
</context>
<context>
    <name>PeersPage</name>
    <message>
        <source>Peers</source>
        <translation>Vertrauenspersonen</translation>
    </message>
    <message>
        <source>Share chosen entries with one or a few people you trust. Everything is encrypted; the relay cannot read a word.</source>
        <translation>Teile ausgewählte Einträge mit einer oder wenigen Personen, denen du vertraust. Alles ist verschlüsselt; das Relay kann kein Wort lesen.</translation>
    </message>
    <message>
        <source>Invite a peer</source>
        <translation>Vertrauensperson einladen</translation>
    </message>
    <message>
        <source>I have an invite</source>
        <translation>Ich habe eine Einladung</translation>
    </message>
    <message>
        <source>Check for messages</source>
        <translation>Nachrichten abrufen</translation>
    </message>
    <message>
        <source>Peer status</source>
        <translation>Status der Vertrauensperson</translation>
    </message>
    <message>
        <source>Background checks</source>
        <translation>Abruf im Hintergrund</translation>
    </message>
    <message>
        <source>No peers yet. Invite someone you trust, or accept their invite.</source>
        <translation>Noch keine Vertrauenspersonen. Lade jemanden ein, dem du vertraust, oder nimm eine Einladung an.</translation>
    </message>
    <message>
        <source>Your peers</source>
        <translation>Deine Vertrauenspersonen</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>%1 is verified.</source>
        <translation>%1 ist bestätigt.</translation>
    </message>
    <message>
        <source>Cancel the invite</source>
        <translation>Einladung zurückziehen</translation>
    </message>
    <message>
        <source>Cancel this invite?</source>
        <translation>Diese Einladung zurückziehen?</translation>
    </message>
    <message>
        <source>Nothing has been shared. If they accept the code later, nothing reaches either of you; you can invite them again whenever you like.</source>
        <translation>Geteilt wurde noch nichts. Nimmt jemand den Code später an, erreicht keinen von euch etwas; du kannst sie jederzeit wieder einladen.</translation>
    </message>
    <message>
        <source>Keep it waiting</source>
        <translation>Einladung behalten</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>Verbindung trennen</translation>
    </message>
    <message>
        <source>Unpair from %1?</source>
        <translation>Verbindung mit %1 trennen?</translation>
    </message>
    <message>
        <source>They will be told the pairing ended, without any reason. What they shared stays in your feed history, and you can always pair again later.</source>
        <translation>Sie erfahren, dass die Verbindung beendet wurde, ohne Angabe von Gründen. Was sie geteilt haben, bleibt in deinem Feed-Verlauf, und ihr könnt euch später jederzeit wieder verbinden.</translation>
    </message>
    <message>
        <source>Keep the pairing</source>
        <translation>Verbindung behalten</translation>
    </message>
    <message>
        <source>The invite is cancelled.</source>
        <translation>Die Einladung ist zurückgezogen.</translation>
    </message>
    <message>
        <source>Unpaired from %1.</source>
        <translation>Verbindung mit %1 getrennt.</translation>
    </message>
    <message>
        <source>There is no one to check for messages from yet. Invite a peer or accept an invite first.</source>
        <translation>Noch gibt es niemanden, von dem du Nachrichten abrufen kannst. Lade zuerst eine Vertrauensperson ein oder nimm eine Einladung an.</translation>
    </message>
    <message>
        <source>Checking for messages…</source>
        <translation>Nachrichten werden abgerufen …</translation>
    </message>
    <message>
        <source>Paired with %1. Compare the safety code, then press “We compared the code”.</source>
        <translation>Mit %1 verbunden. Vergleicht den Sicherheitscode und drücke dann „Wir haben den Code verglichen“.</translation>
    </message>
    <message>
        <source>%1 ended the pairing.</source>
        <translation>%1 hat die Verbindung beendet.</translation>
    </message>
    <message>
        <source>Something new is in your feed.</source>
        <translation>Etwas Neues ist in deinem Feed.</translation>
    </message>
    <message>
        <source>New replies or reactions arrived.</source>
        <translation>Neue Antworten oder Reaktionen sind angekommen.</translation>
    </message>
    <message>
        <source>Your messages went out.</source>
        <translation>Deine Nachrichten wurden gesendet.</translation>
    </message>
    <message>
        <source>PeerJournal will try again later.</source>
        <translation>PeerJournal versucht es später noch einmal.</translation>
    </message>
    <message>
        <source>Nothing new.</source>
        <translation>Nichts Neues.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>The settings window&apos;s comfortable smallest size (less where the screen is smaller).</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Bereiche der Einstellungen</translation>
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
        <source>Keep &amp;&amp; redact</source>
        <translation>Behalten &amp;&amp; ersetzen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>This vault is read-only, so the settings kept inside it (mood words, people and places, the passphrase, backups) cannot be changed now.</source>
        <translation>Dieser Tresor ist schreibgeschützt. Die Einstellungen darin (Stimmungswörter, Personen und Orte, die Passphrase, Sicherungen) lassen sich gerade nicht ändern.</translation>
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
        <source>Keep running in the tray when the window closes</source>
        <translation>Nach dem Schließen des Fensters im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Suggest a writing prompt in an empty entry</source>
        <translation>In einem leeren Eintrag eine Schreibanregung vorschlagen</translation>
    </message>
    <message>
        <source>Only by hand</source>
        <translation>Nur von Hand</translation>
    </message>
    <message>
        <source>Check for peer messages every</source>
        <translation>Nachrichten abrufen alle</translation>
    </message>
    <message>
        <source>Notify me when a peer shares something</source>
        <translation>Benachrichtigen, wenn eine Vertrauensperson etwas teilt</translation>
    </message>
    <message>
        <source>Never in the quiet hours.</source>
        <translation>Nie in den Ruhezeiten.</translation>
    </message>
    <message>
        <source>Offer support after a very low check-in</source>
        <translation>Hilfe anbieten nach einem sehr schlechten Check-in</translation>
    </message>
    <message>
        <source>Checked on this computer only; nothing is sent or stored.</source>
        <translation>Wird nur auf diesem Computer geprüft; nichts wird gesendet oder gespeichert.</translation>
    </message>
    <message>
        <source>Also after worrying words in an entry. Checked on this computer only; nothing is sent or stored.</source>
        <translation>Auch nach besorgniserregenden Worten in einem Eintrag. Wird nur auf diesem Computer geprüft; nichts wird gesendet oder gespeichert.</translation>
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
    <name>ShareDialog</name>
    <message>
        <source>Share an entry</source>
        <translation>Einen Eintrag teilen</translation>
    </message>
    <message>
        <source>Share with a peer</source>
        <translation>Mit einer Vertrauensperson teilen</translation>
    </message>
    <message>
        <source>This is exactly what your peer will get. Details that could identify someone are replaced; check the list, edit the text if you like. Nothing is sent until you press Send.</source>
        <translation>Genau das bekommt deine Vertrauensperson. Angaben, die jemanden erkennbar machen könnten, werden ersetzt; prüf die Liste und bearbeite den Text, wenn du magst. Nichts wird gesendet, bevor du auf Senden drückst.</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Vertrauensperson</translation>
    </message>
    <message>
        <source>Title to share</source>
        <translation>Zu teilender Titel</translation>
    </message>
    <message>
        <source>Text to share</source>
        <translation>Zu teilender Text</translation>
    </message>
    <message>
        <source>e.g. self-harm, grief (optional)</source>
        <translation>z. B. Selbstverletzung, Trauer (optional)</translation>
    </message>
    <message>
        <source>Content warning</source>
        <translation>Inhaltswarnung</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>Teilen mit</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Vorschau wird vorbereitet …</translation>
    </message>
    <message>
        <source>You have no paired peer yet. Invite someone on the Peers page first; nothing was shared.</source>
        <translation>Du bist noch mit keiner Vertrauensperson verbunden. Lade zuerst jemanden auf der Seite „Vertrauenspersonen“ ein; es wurde nichts geteilt.</translation>
    </message>
    <message>
        <source>%1 (not verified)</source>
        <translation>%1 (nicht bestätigt)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Include my mood: %1</source>
        <translation>Meine Stimmung mitsenden: %1</translation>
    </message>
    <message>
        <source>No mood linked to this entry</source>
        <translation>Mit diesem Eintrag ist keine Stimmung verknüpft</translation>
    </message>
    <message>
        <source>%1 (the day only, never the time)</source>
        <translation>%1 (nur der Tag, nie die Uhrzeit)</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>An %1 senden</translation>
    </message>
    <message>
        <source>There is nothing to share yet.</source>
        <translation>Es gibt noch nichts zu teilen.</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht bestätigt</translation>
    </message>
    <message>
        <source>You have not compared the safety code with %1.</source>
        <translation>Du hast den Sicherheitscode mit %1 noch nicht verglichen.</translation>
    </message>
    <message>
        <source>If someone came in between when you paired, they could read what you send. Compare the code with them by phone or in person first, then press “We compared the code” on the Peers page. Share anyway? You will not be asked again for %1.</source>
        <translation>Falls sich beim Verbinden jemand dazwischengeschaltet hat, könnte er lesen, was du sendest. Vergleicht den Code zuerst am Telefon oder persönlich und drücke dann auf der Seite „Vertrauenspersonen“ „Wir haben den Code verglichen“. Trotzdem teilen? Für %1 wirst du nicht noch einmal gefragt.</translation>
    </message>
    <message>
        <source>Share anyway</source>
        <translation>Trotzdem teilen</translation>
    </message>
    <message>
        <source>Compare first</source>
        <translation>Erst vergleichen</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Ready for %1. It will go out when the relay is reachable (PeerJournal tries again each time you check for messages).</source>
        <translation>Bereit für %1. Es geht raus, sobald das Relay erreichbar ist (PeerJournal versucht es bei jedem Abrufen von Nachrichten erneut).</translation>
    </message>
    <message>
        <source>Sent to %1. They will see it when they next check for messages.</source>
        <translation>An %1 gesendet. Die Person sieht es, wenn sie das nächste Mal Nachrichten abruft.</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
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
        <source>Choose an entry on the left to read it here before you restore it.</source>
        <translation>Wähle links einen Eintrag, um ihn hier zu lesen, bevor du ihn wiederherstellst.</translation>
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
        <source>Delete forever…</source>
        <translation>Endgültig löschen …</translation>
    </message>
    <message>
        <source>Delete the selected entry forever</source>
        <translation>Den ausgewählten Eintrag endgültig löschen</translation>
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
        <source>Delete forever</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Delete this entry forever?</source>
        <translation>Diesen Eintrag endgültig löschen?</translation>
    </message>
    <message>
        <source>It will be gone for good. This cannot be undone.</source>
        <translation>Er ist dann für immer weg. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries deleted forever.</source>
        <translation>
            <numerusform>%Ln Eintrag endgültig gelöscht.</numerusform>
            <numerusform>%Ln Einträge endgültig gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Deleted forever.</source>
        <translation>Endgültig gelöscht.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <source>Empty the trash?</source>
        <translation>Papierkorb leeren?</translation>
    </message>
    <message>
        <source>Entries in the trash will be deleted forever. This cannot be undone.</source>
        <translation>Die Einträge im Papierkorb werden endgültig gelöscht. Das lässt sich nicht rückgängig machen.</translation>
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
    <name>VaultBanner</name>
    <message>
        <source>Vault notice</source>
        <translation>Hinweis zum Tresor</translation>
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
    <message>
        <source>%1: no check-ins yet</source>
        <translation>%1: noch keine Check-ins</translation>
    </message>
    <message numerus="yes">
        <source>%1: average %2 from %Ln check-in(s)</source>
        <translation>
            <numerusform>%1: Durchschnitt %2 aus %Ln Check-in</numerusform>
            <numerusform>%1: Durchschnitt %2 aus %Ln Check-ins</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>Journal</source>
        <translation>Tagebuch</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Tagebuch</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>&amp;Mood</source>
        <translation>&amp;Stimmung</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>&amp;Trash</source>
        <translation>&amp;Papierkorb</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Vertrauenspersonen</translation>
    </message>
    <message>
        <source>&amp;Peers</source>
        <translation>&amp;Vertrauenspersonen</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;Neuer Eintrag</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>S&amp;uchen</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;Check-in</translation>
    </message>
    <message>
        <source>Quick mood check-in (Ctrl+Shift+M)</source>
        <translation>Schneller Stimmungs-Check-in (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Share with a peer…</source>
        <translation>Mit einer Vertrauensperson teilen …</translation>
    </message>
    <message>
        <source>S&amp;hare with a peer…</source>
        <translation>Mit einer Vertrauensperson &amp;teilen …</translation>
    </message>
    <message>
        <source>Share an anonymised copy of this entry; you see it before it is sent</source>
        <translation>Eine anonymisierte Kopie dieses Eintrags teilen; du siehst sie, bevor sie gesendet wird</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>S&amp;perren</translation>
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
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Help right now (crisis lines)</source>
        <translation>Hilfe sofort (Krisentelefone)</translation>
    </message>
    <message>
        <source>&amp;Help right now (crisis lines)</source>
        <translation>&amp;Hilfe sofort (Krisentelefone)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About PeerJournal</source>
        <translation>Ü&amp;ber PeerJournal</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>Main</source>
        <extracomment>what needs an open vault (off while locked)</extracomment>
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
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Open an entry first, then choose Share.</source>
        <translation>Öffne zuerst einen Eintrag und wähle dann „Teilen“.</translation>
    </message>
    <message>
        <source>Shared. It goes out as soon as the relay is reachable.</source>
        <translation>Geteilt. Es geht raus, sobald das Relay erreichbar ist.</translation>
    </message>
    <message>
        <source>Check-in saved. Thank you for taking a moment.</source>
        <translation>Check-in gespeichert. Danke, dass du dir einen Moment genommen hast.</translation>
    </message>
</context>
<context>
    <name>WordListsPanel</name>
    <message>
        <source>Words you chose to always keep or always redact when you share an entry. They are stored only inside your encrypted vault.</source>
        <translation>Wörter, die du beim Teilen eines Eintrags immer behalten oder immer ersetzen lässt. Sie werden nur in deinem verschlüsselten Tresor gespeichert.</translation>
    </message>
    <message>
        <source>New word to always keep</source>
        <translation>Wort, das bleibt</translation>
    </message>
    <message>
        <source>New word</source>
        <translation>Neues Wort</translation>
    </message>
    <message>
        <source>New word to always redact</source>
        <translation>Wort zum Ersetzen</translation>
    </message>
    <message>
        <source>Always kept (never replaced)</source>
        <translation>Immer behalten (nie ersetzt)</translation>
    </message>
    <message>
        <source>Always redacted</source>
        <translation>Immer ersetzt</translation>
    </message>
    <message>
        <source>Ticking “Always keep …” or “Always redact …” in the share preview adds a word here. Select words and press − to remove them.</source>
        <translation>Ein Häkchen bei „… immer behalten“ oder „… immer ersetzen“ in der Teilen-Vorschau fügt ein Wort hier hinzu. Wähle Wörter aus und drücke −, um sie zu entfernen.</translation>
    </message>
</context>
<context>
    <name>WorriedDialog</name>
    <message>
        <source>Worried about them?</source>
        <translation>Machst du dir Sorgen?</translation>
    </message>
    <message>
        <source>If a peer&apos;s words worry you</source>
        <translation>Wenn dir die Worte einer Vertrauensperson Sorgen machen</translation>
    </message>
    <message>
        <source>Ask them directly and kindly how they are, and whether they are safe. Asking about suicide does not put the idea in anyone&apos;s head.</source>
        <translation>Frag direkt und freundlich, wie es der Person geht und ob sie in Sicherheit ist. Nach Suizidgedanken zu fragen, bringt niemanden erst auf die Idee.</translation>
    </message>
    <message>
        <source>Listen without judging. You don&apos;t need the right words; being there helps.</source>
        <translation>Hör zu, ohne zu urteilen. Du brauchst nicht die richtigen Worte; da zu sein hilft.</translation>
    </message>
    <message>
        <source>Encourage them to talk to someone who can help: a helpline, a doctor, or someone they trust nearby.</source>
        <translation>Ermutige die Person, mit jemandem zu sprechen, der helfen kann: einem Hilfetelefon, einer Ärztin oder einem Arzt oder jemandem in der Nähe, dem sie vertraut.</translation>
    </message>
    <message>
        <source>If they might be in danger right now, call the emergency number where they are. You cannot do this alone, and you don&apos;t have to.</source>
        <translation>Wenn die Person gerade in Gefahr sein könnte, ruf den Notruf dort an, wo sie ist. Das kannst du nicht allein schaffen, und das musst du auch nicht.</translation>
    </message>
    <message>
        <source>Look after yourself too: talking to someone helps you as well.</source>
        <translation>Achte auch auf dich: Mit jemandem zu reden hilft auch dir.</translation>
    </message>
    <message>
        <source>Show crisis lines</source>
        <translation>Krisentelefone zeigen</translation>
    </message>
</context>
<context>
    <name>WritingPrompts</name>
    <message>
        <source>What is one small thing that went well today?</source>
        <translation>Was ist heute im Kleinen gut gelaufen?</translation>
    </message>
    <message>
        <source>What is taking up most of your thoughts right now?</source>
        <translation>Was beschäftigt dich gerade am meisten?</translation>
    </message>
    <message>
        <source>Who or what helped you today, even a little?</source>
        <translation>Wer oder was hat dir heute geholfen, auch nur ein wenig?</translation>
    </message>
    <message>
        <source>What would you like to let go of before you sleep?</source>
        <translation>Was möchtest du vor dem Schlafen loslassen?</translation>
    </message>
    <message>
        <source>How does your body feel right now?</source>
        <translation>Wie fühlt sich dein Körper gerade an?</translation>
    </message>
    <message>
        <source>What is one kind thing you could do for yourself?</source>
        <translation>Was könntest du heute Gutes für dich tun?</translation>
    </message>
    <message>
        <source>What are you looking forward to?</source>
        <translation>Worauf freust du dich?</translation>
    </message>
    <message>
        <source>What did you notice today that you usually miss?</source>
        <translation>Was ist dir heute aufgefallen, das du sonst übersiehst?</translation>
    </message>
</context>
<context>
    <name>YearPixels</name>
    <message>
        <source>Year in pixels</source>
        <extracomment>The grid&apos;s palette changed (a theme switch): what explains its colours must follow.</extracomment>
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
    <message>
        <source>Arrow keys move from day to day; Page Up and Page Down change the year.</source>
        <translation>Die Pfeiltasten gehen von Tag zu Tag, Bild auf und Bild ab wechseln das Jahr.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgelaufen.</translation>
    </message>
    <message>
        <source>entry {number}</source>
        <translation>Eintrag {number}</translation>
    </message>
    <message>
        <source>mood log {number}</source>
        <translation>Stimmungseintrag {number}</translation>
    </message>
    <message>
        <source>the {format} file</source>
        <translation>die {format}-Datei</translation>
    </message>
    <message>
        <source>the export file</source>
        <translation>die Exportdatei</translation>
    </message>
    <message>
        <source>{key!r}</source>
        <translation>{key!r}</translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>Zeile {number}</translation>
    </message>
    <message>
        <source>{journal}, entry {number}</source>
        <translation>{journal}, Eintrag {number}</translation>
    </message>
    <message>
        <source>{where}: {problem}; skipped</source>
        <translation>{where}: {problem}; übersprungen</translation>
    </message>
    <message>
        <source>{where}: {problem} Skipped.</source>
        <translation>{where}: {problem} Übersprungen.</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>expected an object, found {found}</source>
        <translation>ein Objekt erwartet, gefunden: {found}</translation>
    </message>
    <message>
        <source>{key!r} must be a list, found {found}</source>
        <translation>{key!r} muss eine Liste sein, gefunden: {found}</translation>
    </message>
    <message>
        <source>{key!r} must be text, found {found}</source>
        <translation>{key!r} muss Text sein, gefunden: {found}</translation>
    </message>
    <message>
        <source>{key!r} is longer than {limit:,} characters</source>
        <translation>{key!r} ist länger als {limit:,} Zeichen</translation>
    </message>
    <message>
        <source>{key!r} contains a NUL character</source>
        <translation>{key!r} enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>{key!r} must not be empty</source>
        <translation>{key!r} darf nicht leer sein</translation>
    </message>
    <message>
        <source>{key!r} contains an unpaired surrogate character</source>
        <translation>{key!r} enthält ein einzelnes Surrogat-Zeichen</translation>
    </message>
    <message>
        <source>{key!r} must be true or false, found {value}</source>
        <translation>{key!r} muss true oder false sein, gefunden: {value}</translation>
    </message>
    <message>
        <source>{key!r} must be a whole number from 1 to 5, found {value}</source>
        <translation>{key!r} muss eine ganze Zahl von 1 bis 5 sein, gefunden: {value}</translation>
    </message>
    <message>
        <source>{key!r} must be a UUID, found {value}</source>
        <translation>{key!r} muss eine UUID sein, gefunden: {value}</translation>
    </message>
    <message>
        <source>{key!r} must be a UUID in the usual 8-4-4-4-12 form</source>
        <translation>{key!r} muss eine UUID in der üblichen Form 8-4-4-4-12 sein</translation>
    </message>
    <message>
        <source>{key!r} must be an ISO-8601 time with offset, found {value}</source>
        <translation>{key!r} muss eine ISO-8601-Zeit mit Zeitzonenversatz sein, gefunden: {value}</translation>
    </message>
    <message>
        <source>{key!r} must include a UTC offset such as +02:00, found {value}</source>
        <translation>{key!r} braucht einen UTC-Versatz wie +02:00, gefunden: {value}</translation>
    </message>
    <message>
        <source>the time {value} is outside the years 1900 to 9998</source>
        <translation>die Zeit {value} liegt außerhalb der Jahre 1900 bis 9998</translation>
    </message>
    <message>
        <source>the entry has no text</source>
        <translation>der Eintrag hat keinen Text</translation>
    </message>
    <message>
        <source>the date {value} is not a date like 2024-05-31 (full_date) or a year with May 31</source>
        <translation>das Datum {value} ist kein Datum wie 2024-05-31 (full_date) und kein Jahr mit May 31</translation>
    </message>
    <message>
        <source>the time {value} is not a time like 20:39 or 8:30 pm</source>
        <translation>die Uhrzeit {value} ist keine Uhrzeit wie 20:39 oder 8:30 pm</translation>
    </message>
    <message>
        <source>the row has {found} columns, the header {expected}</source>
        <translation>die Zeile hat {found} Spalten, die Kopfzeile {expected}</translation>
    </message>
    <message>
        <source>the time {value} is not like 2024-05-31 09:07:00 PM</source>
        <translation>die Zeit {value} sieht nicht aus wie 2024-05-31 09:07:00 PM</translation>
    </message>
    <message>
        <source>{key!r} has an implausible year {year}</source>
        <translation>{key!r} hat ein unplausibles Jahr {year}</translation>
    </message>
    <message>
        <source>{key!r} has more than {limit} items</source>
        <translation>{key!r} hat mehr als {limit} Einträge</translation>
    </message>
    <message>
        <source>{key!r} items must be one line each, found {value}</source>
        <translation>{key!r}: jeder Eintrag muss eine Zeile sein, gefunden: {value}</translation>
    </message>
    <message>
        <source>the field {key!r} is missing</source>
        <translation>das Feld {key!r} fehlt</translation>
    </message>
    <message>
        <source>unknown field {key}</source>
        <translation>unbekanntes Feld {key}</translation>
    </message>
    <message>
        <source>{key!r} lists the same tag twice</source>
        <translation>{key!r} nennt dasselbe Schlagwort zweimal</translation>
    </message>
    <message>
        <source>the {what} id {id} appears twice</source>
        <translation>die Kennung {id} eines {what} kommt zweimal vor</translation>
    </message>
    <message>
        <source>keys must be &quot;1&quot; to &quot;5&quot;, found {value}</source>
        <translation>Schlüssel müssen &quot;1&quot; bis &quot;5&quot; sein, gefunden: {value}</translation>
    </message>
    <message>
        <source>it must name all five levels</source>
        <translation>es muss alle fünf Stufen benennen</translation>
    </message>
    <message>
        <source>{key!r} must be an object of tag counts</source>
        <translation>{key!r} muss ein Objekt mit Schlagwortzahlen sein</translation>
    </message>
    <message>
        <source>&apos;date&apos; must look like 2024-05-31, found {value}</source>
        <translation>&apos;date&apos; muss wie 2024-05-31 aussehen, gefunden: {value}</translation>
    </message>
    <message>
        <source>&apos;time&apos; must look like 21:07, found {value}</source>
        <translation>&apos;time&apos; muss wie 21:07 aussehen, gefunden: {value}</translation>
    </message>
    <message>
        <source>&apos;date&apos; and &apos;time&apos; must look like 2024-05-31 and 21:07, found {date} and {time}</source>
        <translation>&apos;date&apos; und &apos;time&apos; müssen wie 2024-05-31 und 21:07 aussehen, gefunden: {date} und {time}</translation>
    </message>
    <message>
        <source>&apos;date&apos; {value} cannot be placed in local time</source>
        <translation>&apos;date&apos; {value} lässt sich nicht in die Ortszeit einordnen</translation>
    </message>
    <message>
        <source>both &apos;title&apos; and &apos;body&apos; are empty</source>
        <translation>&apos;title&apos; und &apos;body&apos; sind beide leer</translation>
    </message>
    <message>
        <source>it holds more than {limit:,} characters and values, far more than any real one</source>
        <translation>es enthält mehr als {limit:,} Zeichen und Werte, weit mehr als echte Daten</translation>
    </message>
    <message>
        <source>&apos;version&apos; must be a whole number, found {value}</source>
        <translation>&apos;version&apos; muss eine ganze Zahl sein, gefunden: {value}</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>Eintrags</translation>
    </message>
    <message>
        <source>mood log</source>
        <translation>Stimmungseintrags</translation>
    </message>
    <message>
        <source>Ignored jrnl fields PeerJournal does not keep: {names}.</source>
        <translation>Nicht übernommene jrnl-Felder, die PeerJournal nicht speichert: {names}.</translation>
    </message>
    <message>
        <source>Entries whose photos or other attachments were not imported (each says so at its end): {count}.</source>
        <translation>Einträge, deren Fotos oder andere Anhänge nicht importiert wurden (jeder sagt es an seinem Ende): {count}.</translation>
    </message>
    <message>
        <source>Entries whose place was not imported (add --include-location to keep it): {count}.</source>
        <translation>Einträge, deren Ort nicht importiert wurde (mit --include-location bleibt er erhalten): {count}.</translation>
    </message>
    <message>
        <source>Entries whose weather was not imported (add --include-weather to keep it): {count}.</source>
        <translation>Einträge, deren Wetter nicht importiert wurde (mit --include-weather bleibt es erhalten): {count}.</translation>
    </message>
    <message>
        <source>Entries naming a time zone this computer does not know, shown in UTC: {count}.</source>
        <translation>Einträge mit einer Zeitzone, die dieser Computer nicht kennt, in UTC angezeigt: {count}.</translation>
    </message>
    <message>
        <source>Rows whose time fell in the hour skipped when the clocks went forward, moved forward by that hour: {count}.</source>
        <translation>Zeilen, deren Uhrzeit in die bei der Zeitumstellung übersprungene Stunde fiel, um diese Stunde nach vorn verschoben: {count}.</translation>
    </message>
    <message>
        <source>Rows with scales, which PeerJournal does not keep: {count}.</source>
        <translation>Zeilen mit Skalen, die PeerJournal nicht übernimmt: {count}.</translation>
    </message>
    <message>
        <source>Entries repeated within the file (same time, title and text) but starred or tagged differently, merged into one keeping the star and every tag: {count}.</source>
        <translation>In der Datei wiederholte Einträge (gleiche Zeit, gleicher Titel und Text), aber anders markiert oder verschlagwortet, zu einem zusammengeführt, mit Stern und allen Schlagwörtern: {count}.</translation>
    </message>
    <message>
        <source>Entries repeated within the file, skipped: {count}.</source>
        <translation>In der Datei wiederholte Einträge übersprungen: {count}.</translation>
    </message>
    <message>
        <source>Files whose &apos;mood&apos; is not a level from 1 to 5, imported without a mood log: {count}.</source>
        <translation>Dateien, deren „mood“ keine Stufe von 1 bis 5 ist, ohne Stimmungseintrag importiert: {count}.</translation>
    </message>
    <message>
        <source>Files and folders left out because they are symbolic links or not plain files (copy the notes themselves into the folder to import them): {count}.</source>
        <translation>Ausgelassene Dateien und Ordner, weil sie symbolische Links oder keine gewöhnlichen Dateien sind (kopiere die Notizen selbst in den Ordner, um sie zu importieren): {count}.</translation>
    </message>
    <message>
        <source>The file could not be read. Nothing was imported.</source>
        <translation>Die Datei konnte nicht gelesen werden. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This is not a Day One export: its entries have no &apos;creationDate&apos;. Nothing was imported.</source>
        <translation>Das ist kein Day-One-Export: Seine Einträge haben kein &apos;creationDate&apos;. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{name} holds no Day One entries (no &apos;entries&apos; list). Nothing was imported.</source>
        <translation>{name} enthält keine Day-One-Einträge (keine Liste &apos;entries&apos;). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This zip holds no Day One journal (no .json file). Nothing was imported.</source>
        <translation>Diese ZIP-Datei enthält kein Day-One-Tagebuch (keine .json-Datei). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The zip has no journal named {name}; it has: {journals}. Nothing was imported.</source>
        <translation>Die ZIP-Datei hat kein Tagebuch namens {name}; sie enthält: {journals}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{path} is not a readable zip file. Nothing was imported.</source>
        <translation>{path} ist keine lesbare ZIP-Datei. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The zip member {name} is damaged. Nothing was imported.</source>
        <translation>Die Datei {name} in der ZIP-Datei ist beschädigt. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The zip holds more than {limit} files; refusing to read it. Nothing was imported.</source>
        <translation>Die ZIP-Datei enthält mehr als {limit} Dateien; sie wird nicht gelesen. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The zip member {name} is encrypted; export it again without a password. Nothing was imported.</source>
        <translation>Die Datei {name} in der ZIP-Datei ist verschlüsselt; exportiere sie noch einmal ohne Passwort. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The zip member {name} unpacks to more than the {limit} MiB an import may be (or packs suspiciously small). Nothing was imported.</source>
        <translation>Die Datei {name} in der ZIP-Datei wird entpackt größer als die {limit} MiB, die ein Import haben darf (oder ist verdächtig stark gepackt). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The zip holds a file named {name}, which points outside its folder; refusing it. Nothing was imported.</source>
        <translation>Die ZIP-Datei enthält eine Datei namens {name}, die aus ihrem Ordner hinauszeigt; sie wird abgelehnt. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This is not a Daylio CSV export: its first line should name the columns full_date (or year and date), time, mood, activities and note; found {found}. Nothing was imported.</source>
        <translation>Das ist kein Daylio-CSV-Export: Seine erste Zeile sollte die Spalten full_date (oder year und date), time, mood, activities und note nennen; gefunden: {found}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The Daylio file is empty. Nothing was imported.</source>
        <translation>Die Daylio-Datei ist leer. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>A quote opened on line {line} of the {format} file never closes, so every row after it would become part of that row&apos;s note. Close the quote (or remove it) and import again. Nothing was imported.</source>
        <translation>Ein Anführungszeichen in Zeile {line} der {format}-Datei wird nie geschlossen, darum würde jede Zeile danach Teil der Notiz dieser Zeile. Schließe das Anführungszeichen (oder entferne es) und importiere noch einmal. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This is none of jrnl&apos;s exports (JSON, txt or md): export with jrnl --format json. Nothing was imported.</source>
        <translation>Das ist keiner der jrnl-Exporte (JSON, txt oder md): Exportiere mit jrnl --format json. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Line {line} of the jrnl file is too long to be real. Nothing was imported.</source>
        <translation>Zeile {line} der jrnl-Datei ist zu lang, um echt zu sein. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The jrnl {format} file does not start with an entry (line {line}). Nothing was imported.</source>
        <translation>Die jrnl-{format}-Datei beginnt nicht mit einem Eintrag (Zeile {line}). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The jrnl {format} file holds no entries. Nothing was imported.</source>
        <translation>Die jrnl-{format}-Datei enthält keine Einträge. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was imported.</source>
        <translation>Der Import wurde abgebrochen. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The mood map item {item!r} is not name=level with a level from 1 to 5 (example: --mood-map &quot;rad=5,good=4,meh=3,bad=2,awful=1&quot;).</source>
        <translation>Der Eintrag {item!r} der Stimmungszuordnung hat nicht die Form Name=Stufe mit einer Stufe von 1 bis 5 (Beispiel: --mood-map &quot;rad=5,good=4,meh=3,bad=2,awful=1&quot;).</translation>
    </message>
    <message>
        <source>These moods have no level: {names}. Give each one with --mood-map &quot;name=level,…&quot; (levels 1 to 5). Nothing was imported.</source>
        <translation>Diese Stimmungen haben keine Stufe: {names}. Geben Sie jeder eine mit --mood-map &quot;Name=Stufe,…&quot; (Stufen 1 bis 5). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{where}: {problem}. Nothing was imported.</source>
        <translation>{where}: {problem}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{problem}. Nothing was imported.</source>
        <translation>{problem}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{where}: {reason} Nothing was imported.</source>
        <translation>{where}: {reason} Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{reason} Nothing was imported.</source>
        <translation>{reason} Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Unknown import format {name!r}; use one of: {formats}.</source>
        <translation>Unbekanntes Importformat {name!r}; möglich sind: {formats}.</translation>
    </message>
    <message>
        <source>entry {number}: it links to mood log {mood_id}, which is neither in the file nor in the vault. Nothing was imported.</source>
        <translation>Eintrag {number}: er verweist auf den Stimmungseintrag {mood_id}, der weder in der Datei noch im Tresor ist. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>There is no file {path}. Nothing was imported.</source>
        <translation>Es gibt keine Datei {path}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>PeerJournal imports from a file, not from standard input: save the export to a file first (for example jrnl --export json &gt; journal.json), give its name, and delete the file after the import. Nothing was imported.</source>
        <translation>PeerJournal importiert aus einer Datei, nicht von der Standardeingabe: speichere den Export zuerst in einer Datei (zum Beispiel jrnl --export json &gt; journal.json), gib ihren Namen an und lösche die Datei nach dem Import. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{option} is for --format {formats} only; it would change nothing in a {format} import. Nothing was imported.</source>
        <translation>{option} gilt nur für --format {formats}; bei einem {format}-Import würde es nichts ändern. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{path} is not a file. Nothing was imported.</source>
        <translation>{path} ist keine Datei. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>{path} is PeerJournal&apos;s single-file Markdown export, made for reading; to import a journal, use its JSON export or a Markdown folder export. Nothing was imported.</source>
        <translation>{path} ist der Markdown-Export von PeerJournal in einer einzigen Datei, zum Lesen gedacht; um ein Tagebuch zu importieren, nimm seinen JSON-Export oder einen Markdown-Ordner-Export. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{path} cannot be read (permission denied).</source>
        <translation>{path} kann nicht gelesen werden (keine Berechtigung).</translation>
    </message>
    <message>
        <source>{path} could not be read ({reason}). Nothing was imported.</source>
        <translation>{path} konnte nicht gelesen werden ({reason}). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{path} is {size} MiB, larger than the {limit} MiB an import may be. Nothing was imported.</source>
        <translation>{path} ist {size} MiB groß, mehr als die {limit} MiB, die ein Import haben darf. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{path} is too large to import. Nothing was imported.</source>
        <translation>{path} ist zu groß für einen Import. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The {format} file is too large to import. Nothing was imported.</source>
        <translation>Die {format}-Datei ist zu groß für einen Import. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The {format} file is not UTF-8 text (bad byte at position {position}). Nothing was imported.</source>
        <translation>Die {format}-Datei ist kein UTF-8-Text (ungültiges Byte an Position {position}). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The {format} file is not valid JSON (line {line}, column {column}: {reason}). Nothing was imported.</source>
        <translation>Die {format}-Datei ist kein gültiges JSON (Zeile {line}, Spalte {column}: {reason}). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The {format} file is nested too deeply to be a real export. Nothing was imported.</source>
        <translation>Die {format}-Datei ist zu tief verschachtelt für einen echten Export. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The {format} file holds a value JSON exports never contain ({value} is not allowed). Nothing was imported.</source>
        <translation>Die {format}-Datei enthält einen Wert, den JSON-Exporte nie enthalten ({value} ist nicht erlaubt). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The {format} file holds a value too large to be real. Nothing was imported.</source>
        <translation>Die {format}-Datei enthält einen Wert, der zu groß ist, um echt zu sein. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The {format} file has the key {key} twice at its top level. Nothing was imported.</source>
        <translation>Die {format}-Datei enthält den Schlüssel {key} zweimal auf oberster Ebene. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This looks like a list, not a jrnl JSON export (which is an object with &apos;tags&apos; and &apos;entries&apos;). Export with: jrnl --format json. Nothing was imported.</source>
        <translation>Das sieht nach einer Liste aus, nicht nach einem jrnl-JSON-Export (der ist ein Objekt mit &apos;tags&apos; und &apos;entries&apos;). Exportiere mit: jrnl --format json. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This is not a jrnl JSON export: it has no &apos;entries&apos;. Export with: jrnl --format json. Nothing was imported.</source>
        <translation>Das ist kein jrnl-JSON-Export: es fehlt &apos;entries&apos;. Exportiere mit: jrnl --format json. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This is not a PeerJournal export (its &apos;format&apos; is not &quot;{format}&quot;). Nothing was imported.</source>
        <translation>Das ist kein PeerJournal-Export (sein &apos;format&apos; ist nicht &quot;{format}&quot;). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This is not a PeerJournal export (its &apos;format&apos; is not &quot;{format}&quot;). It looks like a jrnl export: use --format jrnl. Nothing was imported.</source>
        <translation>Das ist kein PeerJournal-Export (sein &apos;format&apos; ist nicht &quot;{format}&quot;). Es sieht nach einem jrnl-Export aus: nutze --format jrnl. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This export was made by a newer PeerJournal (format version {version}; this one reads up to {supported}). Please update PeerJournal. Nothing was imported.</source>
        <translation>Dieser Export stammt von einem neueren PeerJournal (Formatversion {version}; diese Version liest bis {supported}). Bitte aktualisiere PeerJournal. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Refusing to write a plaintext export inside the vault folder; choose another place.</source>
        <translation>Ein unverschlüsselter Export wird nicht im Tresorordner gespeichert; wähle einen anderen Ort.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name for the export.</source>
        <translation>{path} ist ein Ordner; gib einen Dateinamen für den Export an.</translation>
    </message>
    <message>
        <source>The folder for {path} does not exist.</source>
        <translation>Der Ordner für {path} existiert nicht.</translation>
    </message>
    <message>
        <source>{path} cannot be written (permission denied).</source>
        <translation>{path} kann nicht geschrieben werden (keine Berechtigung).</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation>{path} konnte nicht geschrieben werden ({reason}).</translation>
    </message>
    <message>
        <source>{path}</source>
        <translation>{path}</translation>
    </message>
    <message>
        <source>{path}, line {number}</source>
        <translation>{path}, Zeile {number}</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>sie ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>it is larger than {limit:,} bytes</source>
        <translation>sie ist größer als {limit:,} Bytes</translation>
    </message>
    <message>
        <source>it is PeerJournal&apos;s single-file export, made for reading; import the JSON export or a Markdown folder export instead</source>
        <translation>sie ist der Export von PeerJournal in einer einzigen Datei, zum Lesen gedacht; importiere stattdessen den JSON-Export oder einen Markdown-Ordner-Export</translation>
    </message>
    <message>
        <source>the front matter is not valid YAML ({reason})</source>
        <translation>der Front-Matter-Block ist kein gültiges YAML ({reason})</translation>
    </message>
    <message>
        <source>the front matter uses a YAML tag or feature journals never need ({reason})</source>
        <translation>der Front-Matter-Block verwendet ein YAML-Tag oder eine Funktion, die Tagebücher nie brauchen ({reason})</translation>
    </message>
    <message>
        <source>the front matter must be &apos;key: value&apos; lines</source>
        <translation>der Front-Matter-Block muss aus Zeilen „Schlüssel: Wert“ bestehen</translation>
    </message>
    <message>
        <source>the front matter is never closed by a line &apos;---&apos;</source>
        <translation>der Front-Matter-Block wird nie durch eine Zeile „---“ geschlossen</translation>
    </message>
    <message>
        <source>the front matter is longer than {limit:,} characters</source>
        <translation>der Front-Matter-Block ist länger als {limit:,} Zeichen</translation>
    </message>
    <message>
        <source>{key!r} in the front matter must be {expected}</source>
        <translation>{key!r} im Front-Matter-Block muss {expected} sein</translation>
    </message>
    <message>
        <source>{key!r} must be a date such as 2024-05-31 or 2024-05-31T21:07:00+02:00, found {value}</source>
        <translation>{key!r} muss ein Datum wie 2024-05-31 oder 2024-05-31T21:07:00+02:00 sein, gefunden: {value}</translation>
    </message>
    <message>
        <source>a list of tags or one line of tags</source>
        <translation>eine Liste von Schlagwörtern oder eine Zeile mit Schlagwörtern</translation>
    </message>
    <message>
        <source>a list of names or one line of names</source>
        <translation>eine Liste von Namen oder eine Zeile mit Namen</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a UUID</source>
        <translation>eine UUID</translation>
    </message>
    <message>
        <source>An export is NOT encrypted: anyone who can read the file can read your journal. Keep it on an encrypted disk, or make an encrypted backup instead (peerjournal backup).</source>
        <translation>Ein Export ist NICHT verschlüsselt: Wer die Datei lesen kann, kann dein Tagebuch lesen. Bewahre ihn auf einem verschlüsselten Datenträger auf oder erstelle stattdessen eine verschlüsselte Sicherung (peerjournal backup).</translation>
    </message>
    <message>
        <source>The export could not be written. Nothing was written.</source>
        <translation>Der Export konnte nicht geschrieben werden. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation>Der Export wurde abgebrochen. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Unknown export format {name!r}; use one of: {formats}.</source>
        <translation>Unbekanntes Exportformat {name!r}; verwende eines von: {formats}.</translation>
    </message>
    <message>
        <source>A {format} export needs a place to write to: give --output.</source>
        <translation>Ein {format}-Export braucht einen Ort zum Schreiben: gib --output an.</translation>
    </message>
    <message>
        <source>{path} already exists and is not an empty folder; choose a new name for the Markdown folder.</source>
        <translation>{path} existiert bereits und ist kein leerer Ordner; wähle einen neuen Namen für den Markdown-Ordner.</translation>
    </message>
    <message>
        <source>{path} already exists. Give --yes to replace it, or choose a new name.</source>
        <translation>{path} existiert bereits. Gib --yes an, um die Datei zu ersetzen, oder wähle einen neuen Namen.</translation>
    </message>
    <message>
        <source>{path} is a link or not an ordinary file; choose a new name.</source>
        <translation>{path} ist ein Link oder keine gewöhnliche Datei; wähle einen neuen Namen.</translation>
    </message>
    <message>
        <source>{path} is a pipe or a device; to write the export into it, leave out --output and redirect standard output: peerjournal export --format {format} &gt; {path}</source>
        <translation>{path} ist eine Pipe oder ein Gerät; um den Export dorthin zu schreiben, lass --output weg und leite die Standardausgabe um: peerjournal export --format {format} &gt; {path}</translation>
    </message>
    <message>
        <source>{path} is a pipe or a device, not a file; a {format} export needs a file name.</source>
        <translation>{path} ist eine Pipe oder ein Gerät, keine Datei; ein {format}-Export braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>The disk is full: the export written to standard output is incomplete. Delete it, free some space and try again.</source>
        <translation>Der Datenträger ist voll: Der in die Standardausgabe geschriebene Export ist unvollständig. Lösche ihn, schaffe Platz und versuche es erneut.</translation>
    </message>
    <message>
        <source>The export could not be written to standard output ({reason}); what was written is incomplete.</source>
        <translation>Der Export konnte nicht in die Standardausgabe geschrieben werden ({reason}); was geschrieben wurde, ist unvollständig.</translation>
    </message>
    <message>
        <source>The range ends ({until}) before it starts ({since}).</source>
        <translation>Der Zeitraum endet ({until}), bevor er beginnt ({since}).</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>PDF export needs the desktop part of PeerJournal (PySide6), which is not installed.</source>
        <translation>Der PDF-Export braucht den Desktop-Teil von PeerJournal (PySide6), der nicht installiert ist.</translation>
    </message>
    <message>
        <source>Could not write the output: {reason}.</source>
        <translation>Die Ausgabe konnte nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>The command did its work, but its output could not be written: {reason}.</source>
        <translation>Der Befehl wurde ausgeführt, aber seine Ausgabe konnte nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>The vault was created, but its recovery code could not be shown ({reason}). Run `peerjournal new-recovery-code` where its output can be read, and write the new code down.</source>
        <translation>Der Tresor wurde angelegt, aber sein Wiederherstellungscode konnte nicht angezeigt werden ({reason}). Führe `peerjournal new-recovery-code` dort aus, wo die Ausgabe lesbar ist, und schreibe den neuen Code auf.</translation>
    </message>
    <message>
        <source>A new recovery code was made (the old one no longer works), but it could not be shown ({reason}). Run `peerjournal new-recovery-code` again where its output can be read, and write the code down.</source>
        <translation>Ein neuer Wiederherstellungscode wurde erstellt (der alte gilt nicht mehr), aber er konnte nicht angezeigt werden ({reason}). Führe `peerjournal new-recovery-code` noch einmal dort aus, wo die Ausgabe lesbar ist, und schreibe den Code auf.</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>entry text</source>
        <translation>Eintragstext</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>emotion</source>
        <translation>Gefühl</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>content warning</source>
        <translation>Inhaltswarnung</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Nicht gefunden.</translation>
    </message>
    <message>
        <source>No entry has that id.</source>
        <translation>Kein Eintrag hat diese Kennung.</translation>
    </message>
    <message>
        <source>An entry id needs at least 4 characters.</source>
        <translation>Eine Eintragskennung braucht mindestens 4 Zeichen.</translation>
    </message>
    <message>
        <source>More than one entry starts with that id; give more characters.</source>
        <translation>Mehrere Einträge beginnen mit dieser Kennung; gib mehr Zeichen an.</translation>
    </message>
    <message>
        <source>No mood log has that id.</source>
        <translation>Kein Stimmungseintrag hat diese Kennung.</translation>
    </message>
    <message>
        <source>A mood log id needs at least 4 characters.</source>
        <translation>Eine Stimmungs-ID braucht mindestens 4 Zeichen.</translation>
    </message>
    <message>
        <source>More than one mood log starts with that id; give more characters.</source>
        <translation>Mehr als ein Stimmungseintrag beginnt mit dieser ID; gib mehr Zeichen an.</translation>
    </message>
    <message>
        <source>There is no such peer.</source>
        <translation>Diese Vertrauensperson gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no peer called {name!r}.</source>
        <translation>Es gibt keine Vertrauensperson namens {name!r}.</translation>
    </message>
    <message>
        <source>Give at least 4 characters of the item id.</source>
        <translation>Gib mindestens 4 Zeichen der Kennung an.</translation>
    </message>
    <message>
        <source>There is no single shared item starting with {prefix!r}.</source>
        <translation>Es gibt nicht genau einen geteilten Beitrag, der mit {prefix!r} beginnt.</translation>
    </message>
    <message>
        <source>That value is not valid.</source>
        <translation>Dieser Wert ist nicht gültig.</translation>
    </message>
    <message>
        <source>The {field} must be text.</source>
        <translation>„{field}“ muss Text sein.</translation>
    </message>
    <message>
        <source>The {field} contains a NUL character.</source>
        <translation>„{field}“ enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>The {field} contains characters that cannot be stored.</source>
        <translation>„{field}“ enthält Zeichen, die sich nicht speichern lassen.</translation>
    </message>
    <message>
        <source>The {field} is longer than {limit:,} characters; nothing was saved.</source>
        <translation>Das Feld {field} ist länger als {limit:,} Zeichen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>A tag may be at most 100 characters long.</source>
        <translation>Ein Schlagwort darf höchstens 100 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>An entry may have at most {limit} tags; nothing was saved.</source>
        <translation>Ein Eintrag darf höchstens {limit} Schlagwörter haben; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>An {field} name may be at most 100 characters long.</source>
        <translation>Ein Name für „{field}“ darf höchstens 100 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A check-in may have at most {limit:,} names of each kind ({field}); nothing was saved.</source>
        <translation>Ein Check-in darf höchstens {limit:,} Namen jeder Art haben ({field}); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>A time must be a date and time.</source>
        <translation>Eine Zeit muss aus Datum und Uhrzeit bestehen.</translation>
    </message>
    <message>
        <source>A time must carry its time zone.</source>
        <translation>Eine Zeit braucht ihre Zeitzone.</translation>
    </message>
    <message>
        <source>The time {value} is outside the years {low} to {high} that PeerJournal keeps; nothing was saved.</source>
        <translation>Die Zeit {value} liegt außerhalb der Jahre {low} bis {high}, die PeerJournal speichert; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>An entry&apos;s times must carry a time zone.</source>
        <translation>Die Zeiten eines Eintrags brauchen eine Zeitzone.</translation>
    </message>
    <message>
        <source>Only entries in the trash can be deleted for good.</source>
        <translation>Nur Einträge im Papierkorb können endgültig gelöscht werden.</translation>
    </message>
    <message>
        <source>The mood level must be a whole number from 1 to 5.</source>
        <translation>Die Stimmungsstufe muss eine ganze Zahl von 1 bis 5 sein.</translation>
    </message>
    <message>
        <source>A mood log&apos;s time must carry a time zone.</source>
        <translation>Die Zeit eines Stimmungseintrags braucht eine Zeitzone.</translation>
    </message>
    <message>
        <source>A mood label must be 1 to 50 characters of text.</source>
        <translation>Eine Stimmungsbezeichnung muss 1 bis 50 Zeichen Text sein.</translation>
    </message>
    <message>
        <source>The offset must be zero or more.</source>
        <translation>Der Versatz muss null oder mehr sein.</translation>
    </message>
    <message>
        <source>The limit must be between 0 and {limit}.</source>
        <translation>Die Anzahl muss zwischen 0 und {limit} liegen.</translation>
    </message>
    <message>
        <source>The limit must be zero or more.</source>
        <translation>Die Anzahl muss null oder mehr sein.</translation>
    </message>
    <message>
        <source>Date filters must be calendar days.</source>
        <translation>Datumsfilter müssen Kalendertage sein.</translation>
    </message>
    <message>
        <source>That is not a valid month.</source>
        <translation>Das ist kein gültiger Monat.</translation>
    </message>
    <message>
        <source>A setting needs a name.</source>
        <translation>Eine Einstellung braucht einen Namen.</translation>
    </message>
    <message>
        <source>That setting value cannot be stored.</source>
        <translation>Dieser Einstellungswert lässt sich nicht speichern.</translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>Die Passphrase darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The new passphrase must not be empty.</source>
        <translation>Die neue Passphrase darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The passphrase contains characters that cannot be used.</source>
        <translation>Die Passphrase enthält Zeichen, die sich nicht verwenden lassen.</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>Die beiden Passphrasen unterscheiden sich; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The entry has no tag {tag!r}.</source>
        <translation>Der Eintrag hat kein Schlagwort {tag!r}.</translation>
    </message>
    <message>
        <source>Too many or too long tags.</source>
        <translation>Zu viele oder zu lange Schlagwörter.</translation>
    </message>
    <message>
        <source>The {field} is too long to share (at most {limit} characters).</source>
        <translation>„{field}“ ist zu lang zum Teilen (höchstens {limit} Zeichen).</translation>
    </message>
    <message>
        <source>A mood level is 1 to 5.</source>
        <translation>Eine Stimmungsstufe ist 1 bis 5.</translation>
    </message>
    <message>
        <source>A reply needs some text.</source>
        <translation>Eine Antwort braucht etwas Text.</translation>
    </message>
    <message>
        <source>A reaction is one of: {reactions}.</source>
        <translation>Eine Reaktion ist eine von: {reactions}.</translation>
    </message>
    <message>
        <source>There is no finding {number}: the preview numbers its findings 1 to {count}; nothing was shared.</source>
        <translation>Es gibt keinen Fund {number}: die Vorschau nummeriert ihre Funde von 1 bis {count}; nichts wurde geteilt.</translation>
    </message>
    <message>
        <source>There is no finding {number}: the preview found nothing to number; nothing was shared.</source>
        <translation>Es gibt keinen Fund {number}: die Vorschau hat nichts zum Nummerieren gefunden; nichts wurde geteilt.</translation>
    </message>
    <message>
        <source>Finding {number} cannot be both kept and redacted; nothing was shared.</source>
        <translation>Fund {number} kann nicht zugleich behalten und ersetzt werden; nichts wurde geteilt.</translation>
    </message>
    <message>
        <source>{word!r} cannot be both kept and redacted; nothing was shared.</source>
        <translation>{word!r} kann nicht zugleich behalten und ersetzt werden; nichts wurde geteilt.</translation>
    </message>
    <message>
        <source>{word!r} is not in the entry; nothing was shared.</source>
        <translation>{word!r} steht nicht im Eintrag; nichts wurde geteilt.</translation>
    </message>
    <message>
        <source>{word!r} is part of the finding {finding!r} and cannot be kept alone: keep that finding by its number; nothing was shared.</source>
        <translation>{word!r} ist Teil des Fundes {finding!r} und kann nicht allein behalten werden: behalte diesen Fund über seine Nummer; nichts wurde geteilt.</translation>
    </message>
    <message>
        <source>A word to keep or redact needs at least one letter or digit.</source>
        <translation>Ein Wort zum Behalten oder Ersetzen braucht mindestens einen Buchstaben oder eine Ziffer.</translation>
    </message>
    <message>
        <source>A word to keep or redact is at most {limit} characters.</source>
        <translation>Ein Wort zum Behalten oder Ersetzen hat höchstens {limit} Zeichen.</translation>
    </message>
    <message>
        <source>A keep or redact list holds at most {limit} words.</source>
        <translation>Eine Liste zum Behalten oder Ersetzen fasst höchstens {limit} Wörter.</translation>
    </message>
    <message>
        <source>The text to share is empty (an empty pipe often means the command before it failed); nothing was shared.</source>
        <translation>Der zu teilende Text ist leer (eine leere Pipe bedeutet oft, dass der Befehl davor fehlgeschlagen ist); nichts wurde geteilt.</translation>
    </message>
    <message>
        <source>--always remembers the words of --keep-word and --redact-word; give at least one.</source>
        <translation>--always merkt sich die Wörter von --keep-word und --redact-word; gib mindestens eines an.</translation>
    </message>
    <message>
        <source>The text saved in the editor is empty; nothing was shared.</source>
        <translation>Der im Editor gespeicherte Text ist leer; nichts wurde geteilt.</translation>
    </message>
    <message>
        <source>{name} is not paired yet; sync first to finish pairing.</source>
        <translation>{name} ist noch nicht verbunden; rufe zuerst Nachrichten ab, um die Verbindung abzuschließen.</translation>
    </message>
    <message>
        <source>That peer is not paired (yet).</source>
        <translation>Diese Vertrauensperson ist (noch) nicht verbunden.</translation>
    </message>
    <message>
        <source>That peer is no longer paired.</source>
        <translation>Die Verbindung mit dieser Vertrauensperson besteht nicht mehr.</translation>
    </message>
    <message>
        <source>{name} is not paired yet, so there is no safety code to compare; sync first to finish pairing.</source>
        <translation>{name} ist noch nicht verbunden, daher gibt es keinen Sicherheitscode zum Vergleichen; rufe zuerst Nachrichten ab, um die Verbindung abzuschließen.</translation>
    </message>
    <message>
        <source>A pseudonym is at most {limit} printable characters.</source>
        <translation>Ein Pseudonym hat höchstens {limit} druckbare Zeichen.</translation>
    </message>
    <message>
        <source>That relay address is not usable: it must start with http:// or https:// and name a host, with no spaces.</source>
        <translation>Diese Relay-Adresse ist nicht verwendbar: sie muss mit http:// oder https:// beginnen und einen Host nennen, ohne Leerzeichen.</translation>
    </message>
    <message>
        <source>That relay address is not usable: it must not carry a query, a fragment or a user name.</source>
        <translation>Diese Relay-Adresse ist nicht verwendbar: sie darf keine Abfrage, kein Fragment und keinen Benutzernamen enthalten.</translation>
    </message>
    <message>
        <source>That relay address is not usable: its port is not valid.</source>
        <translation>Diese Relay-Adresse ist nicht verwendbar: ihr Port ist nicht gültig.</translation>
    </message>
    <message>
        <source>The {field} file {path} does not exist.</source>
        <translation>Die {field}-Datei {path} existiert nicht.</translation>
    </message>
    <message>
        <source>The {field} file {path} is a folder.</source>
        <translation>Die {field}-Datei {path} ist ein Ordner.</translation>
    </message>
    <message>
        <source>The {field} file {path} cannot be read ({reason}).</source>
        <translation>Die {field}-Datei {path} kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <source>The {field} file {path} is too large to hold a {field}.</source>
        <translation>Die {field}-Datei {path} ist zu groß für „{field}“.</translation>
    </message>
    <message>
        <source>The {field} file {path} is not UTF-8 text.</source>
        <translation>Die {field}-Datei {path} ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>The {field} file {path} is empty.</source>
        <translation>Die {field}-Datei {path} ist leer.</translation>
    </message>
    <message>
        <source>A {field} is needed but there is no terminal to ask for it: use {flag} FILE or set {env}.</source>
        <translation>„{field}“ wird gebraucht, aber es gibt kein Terminal, um danach zu fragen: nutze {flag} DATEI oder setze {env}.</translation>
    </message>
    <message>
        <source>A new passphrase is needed but there is no terminal to ask for it: use {flag} FILE or set {env}.</source>
        <translation>Eine neue Passphrase wird gebraucht, aber es gibt kein Terminal, um danach zu fragen: nutze {flag} DATEI oder setze {env}.</translation>
    </message>
    <message>
        <source>Nothing was typed; nothing was changed.</source>
        <translation>Es wurde nichts eingegeben; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The {option} given on the command line is not UTF-8 text; nothing was changed.</source>
        <translation>„{option}“ auf der Befehlszeile ist kein UTF-8-Text; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The name given for {option} is too long for any file system (a part of it is over {limit} bytes); nothing was changed.</source>
        <translation>Der für {option} angegebene Name ist für jedes Dateisystem zu lang (ein Teil davon hat mehr als {limit} Bytes); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The name given for {option} is empty (an unset variable?); give a file or folder name. Nothing was changed.</source>
        <translation>Der für {option} angegebene Name ist leer (eine nicht gesetzte Variable?); gib einen Datei- oder Ordnernamen an. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The new body is empty, so the entry was left as it was (an empty pipe often means the command before it failed). To clear the body on purpose, use --clear-body.</source>
        <translation>Der neue Text ist leer, deshalb blieb der Eintrag, wie er war (eine leere Pipe heißt oft, dass der Befehl davor fehlgeschlagen ist). Um den Text absichtlich zu leeren, nutze --clear-body.</translation>
    </message>
    <message>
        <source>Entry {id} is not in the trash, and deleting it for good cannot be undone: add --yes to do it, or leave out --purge to move it to the trash.</source>
        <translation>Eintrag {id} ist nicht im Papierkorb, und endgültiges Löschen lässt sich nicht rückgängig machen: Gib --yes an, um es zu tun, oder lass --purge weg, um ihn in den Papierkorb zu verschieben.</translation>
    </message>
    <message>
        <source>Not confirmed; nothing was changed.</source>
        <translation>Nicht bestätigt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Entries that match: {count}. No one is at a terminal to confirm: add --yes to change them. Nothing was changed.</source>
        <translation>Passende Einträge: {count}. Niemand ist am Terminal, um zu bestätigen: Mit --yes werden sie geändert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Give an entry ID, or a filter (--tag, --since, --until, --on, --starred) to act on every entry it selects.</source>
        <translation>Gib eine Eintrags-ID an oder einen Filter (--tag, --since, --until, --on, --starred), um alle Einträge zu ändern, die er auswählt.</translation>
    </message>
    <message>
        <source>Give either an entry ID or a filter (--since, --until, --on, --starred), not both.</source>
        <translation>Gib entweder eine Eintrags-ID oder einen Filter (--since, --until, --on, --starred) an, nicht beides.</translation>
    </message>
    <message>
        <source>Filter by one tag at a time.</source>
        <translation>Filtere nach jeweils einem Schlagwort.</translation>
    </message>
    <message>
        <source>Deleting for good works on one entry at a time (--purge ID); a filter moves its entries to the trash.</source>
        <translation>Endgültig gelöscht wird immer nur ein Eintrag (--purge ID); ein Filter verschiebt seine Einträge in den Papierkorb.</translation>
    </message>
    <message>
        <source>With a filter, edit changes tags and stars only (--add-tag, --untag, --star, --unstar); give an ID to change a title, body or date.</source>
        <translation>Mit einem Filter ändert edit nur Schlagwörter und Sterne (--add-tag, --untag, --star, --unstar); für Titel, Text oder Datum gib eine ID an.</translation>
    </message>
    <message>
        <source>Nothing to change: give --add-tag, --untag, --star or --unstar.</source>
        <translation>Nichts zu ändern: Gib --add-tag, --untag, --star oder --unstar an.</translation>
    </message>
    <message>
        <source>Deleting mood log {id} cannot be undone: add --yes to do it.</source>
        <translation>Das Löschen des Stimmungseintrags {id} lässt sich nicht rückgängig machen: Gib --yes an, um es zu tun.</translation>
    </message>
    <message>
        <source>Standard input is not UTF-8 text (bad byte at position {position}).</source>
        <translation>Die Standardeingabe ist kein UTF-8-Text (ungültiges Byte an Position {position}).</translation>
    </message>
    <message>
        <source>The text on standard input is longer than {limit:,} chars.</source>
        <translation>Der Text auf der Standardeingabe ist länger als {limit:,} Zeichen.</translation>
    </message>
    <message>
        <source>Give the entry text as an argument, or &quot;-&quot; to read standard input.</source>
        <translation>Gib den Eintragstext als Argument an oder &quot;-&quot;, um die Standardeingabe zu lesen.</translation>
    </message>
    <message>
        <source>The entry is empty; nothing was saved.</source>
        <translation>Der Eintrag ist leer; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Nothing to change: give --title, --body, --clear-body, --tag, --untag, --star, --unstar or --date.</source>
        <translation>Nichts zu ändern: gib --title, --body, --clear-body, --tag, --untag, --star, --unstar oder --date an.</translation>
    </message>
    <message>
        <source>Nothing to change: give a level, --emotion, --activity, --note, --at, --clear-emotions or --clear-activities.</source>
        <translation>Nichts zu ändern: gib eine Stufe, --emotion, --activity, --note, --at, --clear-emotions oder --clear-activities an.</translation>
    </message>
    <message>
        <source>Entry {id} is already in the trash (delete it for good with --purge).</source>
        <translation>Eintrag {id} ist schon im Papierkorb (endgültig löschen mit --purge).</translation>
    </message>
    <message>
        <source>Entry {id} is not in the trash.</source>
        <translation>Eintrag {id} ist nicht im Papierkorb.</translation>
    </message>
    <message>
        <source>{folder} is not private to you; refusing to keep a session there.</source>
        <translation>{folder} gehört nicht nur dir; dort wird keine Sitzung gehalten.</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: its folder {folder} belongs to another user (uid {owner}), who may be posing as it. Remove that folder, or set XDG_RUNTIME_DIR to a folder of your own.</source>
        <translation>An die entsperrte Sitzung wurde nichts gesendet: Ihr Ordner {folder} gehört einem anderen Benutzer (UID {owner}), der sich als sie ausgeben könnte. Entferne diesen Ordner oder setze XDG_RUNTIME_DIR auf einen eigenen Ordner.</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: its folder {folder} can be used by other users (mode {mode}). Make it private (chmod 700) or remove it.</source>
        <translation>An die entsperrte Sitzung wurde nichts gesendet: Ihr Ordner {folder} ist für andere Benutzer zugänglich (Modus {mode}). Mach ihn privat (chmod 700) oder entferne ihn.</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: {folder} is not a folder (or is a link). Remove it.</source>
        <translation>An die entsperrte Sitzung wurde nichts gesendet: {folder} ist kein Ordner (oder eine Verknüpfung). Entferne es.</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: its socket {socket} belongs to another user (uid {owner}), who may be posing as it.</source>
        <translation>An die entsperrte Sitzung wurde nichts gesendet: Ihr Socket {socket} gehört einem anderen Benutzer (UID {owner}), der sich als sie ausgeben könnte.</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: {socket} is not a socket. Remove it.</source>
        <translation>An die entsperrte Sitzung wurde nichts gesendet: {socket} ist kein Socket. Entferne es.</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: the process answering at {socket} runs as another user (uid {uid}), who may be posing as it.</source>
        <translation>An die entsperrte Sitzung wurde nichts gesendet: Der Prozess, der unter {socket} antwortet, läuft als anderer Benutzer (UID {uid}), der sich als sie ausgeben könnte.</translation>
    </message>
    <message>
        <source>The folder {folder} is too deep for the session&apos;s socket; set XDG_RUNTIME_DIR to a shorter folder of your own.</source>
        <translation>Der Ordner {folder} liegt zu tief für den Socket der Sitzung; setze XDG_RUNTIME_DIR auf einen kürzeren eigenen Ordner.</translation>
    </message>
    <message>
        <source>Unlocked sessions need Unix sockets, which this system lacks.</source>
        <translation>Entsperrte Sitzungen brauchen Unix-Sockets, die dieses System nicht hat.</translation>
    </message>
    <message>
        <source>The session could not be started.</source>
        <translation>Die Sitzung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The {field} file {path} is larger than 1 MiB.</source>
        <translation>Die Datei {path} ({field}) ist größer als 1 MiB.</translation>
    </message>
    <message>
        <source>A template must hold some text and at most {limit:,} characters.</source>
        <translation>Eine Vorlage muss etwas Text und höchstens {limit:,} Zeichen enthalten.</translation>
    </message>
    <message>
        <source>Give the words to search for, e.g. peerjournal search &apos;walk OR river&apos;.</source>
        <translation>Gib die Wörter an, nach denen gesucht werden soll, z. B. peerjournal search &apos;walk OR river&apos;.</translation>
    </message>
    <message>
        <source>--on names one day; leave out --since and --until with it.</source>
        <translation>--on nennt einen einzelnen Tag; lass --since und --until dabei weg.</translation>
    </message>
    <message>
        <source>The unlocked session ended before it answered; nothing was changed.</source>
        <translation>Die entsperrte Sitzung endete, bevor sie antwortete; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The unlocked session is not answering: its process {pid} is stopped. Nothing was sent. Run `peerjournal lock` to end it (or resume the process), then try again.</source>
        <translation>Die entsperrte Sitzung antwortet nicht: Ihr Prozess {pid} ist angehalten. Es wurde nichts gesendet. Beende sie mit `peerjournal lock` (oder setze den Prozess fort) und versuche es dann noch einmal.</translation>
    </message>
    <message>
        <source>The unlocked session did not answer within {seconds} seconds. The command may or may not have been carried out (check, e.g. with `peerjournal list`); run `peerjournal lock` to end the session, or `peerjournal unlock` again.</source>
        <translation>Die entsperrte Sitzung hat nicht innerhalb von {seconds} Sekunden geantwortet. Der Befehl wurde vielleicht ausgeführt, vielleicht nicht (prüfe es, z. B. mit `peerjournal list`); beende die Sitzung mit `peerjournal lock` oder entsperre mit `peerjournal unlock` neu.</translation>
    </message>
    <message>
        <source>The text saved in the editor is empty, so the entry was left as it was. To clear the body on purpose, use --clear-body.</source>
        <translation>Der im Editor gespeicherte Text ist leer, daher blieb der Eintrag, wie er war. Um den Text absichtlich zu leeren, nutze --clear-body.</translation>
    </message>
    <message>
        <source>No editor is set: set $VISUAL or $EDITOR (for example `export EDITOR=nano`), or give the text as an argument or with -.</source>
        <translation>Es ist kein Editor eingestellt: Setze $VISUAL oder $EDITOR (zum Beispiel `export EDITOR=nano`) oder gib den Text als Argument oder mit - an.</translation>
    </message>
    <message>
        <source>${name} does not name an editor that can be started.</source>
        <translation>${name} nennt keinen Editor, der gestartet werden kann.</translation>
    </message>
    <message>
        <source>The editor {editor} could not be started ({reason}); nothing was saved.</source>
        <translation>Der Editor {editor} konnte nicht gestartet werden ({reason}); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The editor {editor} ended with status {status}; nothing was saved.</source>
        <translation>Der Editor {editor} endete mit Status {status}; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>This system has no private in-memory folder for the editor&apos;s file ($XDG_RUNTIME_DIR or /dev/shm), and a file in {folder} would put the text on the disk unencrypted. Add --allow-disk-temp to accept that, or give the text with - (standard input) instead.</source>
        <translation>Dieses System hat keinen privaten Ordner im Arbeitsspeicher für die Datei des Editors ($XDG_RUNTIME_DIR oder /dev/shm), und eine Datei in {folder} würde den Text unverschlüsselt auf die Festplatte schreiben. Gib --allow-disk-temp an, um das zu erlauben, oder gib den Text stattdessen mit - (Standardeingabe) ein.</translation>
    </message>
    <message>
        <source>The editor&apos;s file was removed before it was read back; nothing was saved.</source>
        <translation>Die Datei des Editors wurde entfernt, bevor sie zurückgelesen wurde; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The editor saved text that is not UTF-8 (bad byte at position {position}); nothing was saved.</source>
        <translation>Der Editor hat Text gespeichert, der kein UTF-8 ist (ungültiges Byte an Position {position}); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>{peer}: {problem}</source>
        <translation>{peer}: {problem}</translation>
    </message>
    <message>
        <source>Sharing with your peers did not work this time.</source>
        <translation>Das Teilen mit deinen Vertrauenspersonen hat diesmal nicht geklappt.</translation>
    </message>
    <message>
        <source>That invite code is not valid. Ask your peer for a new one.</source>
        <translation>Dieser Einladungscode ist nicht gültig. Bitte um einen neuen.</translation>
    </message>
    <message>
        <source>That invite has expired. Ask your peer for a new one.</source>
        <translation>Diese Einladung ist abgelaufen. Bitte um eine neue.</translation>
    </message>
    <message>
        <source>You already accepted this invite.</source>
        <translation>Du hast diese Einladung schon angenommen.</translation>
    </message>
    <message>
        <source>That invite has already been used. Ask for a new one.</source>
        <translation>Diese Einladung wurde schon benutzt. Bitte um eine neue.</translation>
    </message>
    <message>
        <source>The relay could not be reached. Your messages wait and go out later.</source>
        <translation>Das Relay ist nicht erreichbar. Deine Nachrichten warten und gehen später raus.</translation>
    </message>
    <message>
        <source>The relay is not working right now; messages go out later.</source>
        <translation>Das Relay funktioniert gerade nicht; Nachrichten gehen später raus.</translation>
    </message>
    <message>
        <source>The relay refused the request.</source>
        <translation>Das Relay hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The relay refused the request ({wire_code}).</source>
        <translation>Das Relay hat die Anfrage abgelehnt ({wire_code}).</translation>
    </message>
    <message>
        <source>The relay did not accept this pairing&apos;s keys; the mailbox may be gone.</source>
        <translation>Das Relay hat die Schlüssel dieser Verbindung nicht angenommen; das Postfach ist vielleicht weg.</translation>
    </message>
    <message>
        <source>The relay says this computer&apos;s clock is wrong. Check the date and time.</source>
        <translation>Laut Relay geht die Uhr dieses Computers falsch. Prüfe Datum und Uhrzeit.</translation>
    </message>
    <message>
        <source>The relay saw the same request twice; it will be retried.</source>
        <translation>Das Relay hat dieselbe Anfrage zweimal gesehen; sie wird wiederholt.</translation>
    </message>
    <message>
        <source>That invite has already been used. Ask your peer for a new one.</source>
        <translation>Diese Einladung wurde schon benutzt. Bitte um eine neue.</translation>
    </message>
    <message>
        <source>The relay holds a different message with the same id.</source>
        <translation>Das Relay hat eine andere Nachricht mit derselben Kennung.</translation>
    </message>
    <message>
        <source>Your peer&apos;s mailbox on the relay is full; messages wait and go out later.</source>
        <translation>Das Postfach deiner Vertrauensperson auf dem Relay ist voll; Nachrichten warten und gehen später raus.</translation>
    </message>
    <message>
        <source>The message is too large for the relay.</source>
        <translation>Die Nachricht ist zu groß für das Relay.</translation>
    </message>
    <message>
        <source>The relay is out of space; messages wait and go out later.</source>
        <translation>Das Relay hat keinen Platz mehr; Nachrichten warten und gehen später raus.</translation>
    </message>
    <message>
        <source>The relay refused the message size.</source>
        <translation>Das Relay hat die Größe der Nachricht abgelehnt.</translation>
    </message>
    <message>
        <source>The relay did not understand the request.</source>
        <translation>Das Relay hat die Anfrage nicht verstanden.</translation>
    </message>
    <message>
        <source>The relay does not offer that service; check the relay address.</source>
        <translation>Das Relay bietet diesen Dienst nicht an; prüfe die Relay-Adresse.</translation>
    </message>
    <message>
        <source>The relay asks to slow down; messages go out a little later.</source>
        <translation>Das Relay bittet um eine Pause; Nachrichten gehen etwas später raus.</translation>
    </message>
    <message>
        <source>The relay or a peer sent data that is not valid; it was ignored.</source>
        <translation>Das Relay oder eine Vertrauensperson hat ungültige Daten geschickt; sie wurden ignoriert.</translation>
    </message>
    <message>
        <source>The relay speaks a different protocol version.</source>
        <translation>Das Relay spricht eine andere Protokollversion.</translation>
    </message>
    <message>
        <source>The relay&apos;s answer has no message list.</source>
        <translation>Die Antwort des Relays enthält keine Nachrichtenliste.</translation>
    </message>
    <message>
        <source>The relay&apos;s acknowledgement answer is malformed.</source>
        <translation>Die Empfangsbestätigung des Relays ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The relay&apos;s answer was cut short or malformed.</source>
        <translation>Die Antwort des Relays war abgeschnitten oder fehlerhaft.</translation>
    </message>
    <message>
        <source>The relay&apos;s answer is not valid JSON.</source>
        <translation>Die Antwort des Relays ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The relay&apos;s answer has the wrong shape.</source>
        <translation>Die Antwort des Relays hat die falsche Form.</translation>
    </message>
    <message>
        <source>The relay&apos;s answer is too large.</source>
        <translation>Die Antwort des Relays ist zu groß.</translation>
    </message>
    <message>
        <source>A mailbox or message id from the relay is not text.</source>
        <translation>Eine Postfach- oder Nachrichtenkennung vom Relay ist kein Text.</translation>
    </message>
    <message>
        <source>A mailbox or message id is malformed.</source>
        <translation>Eine Postfach- oder Nachrichtenkennung ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The relay answered with an unexpected status {status}.</source>
        <translation>Das Relay hat mit einem unerwarteten Status {status} geantwortet.</translation>
    </message>
    <message>
        <source>The recovery slot of this vault&apos;s header is damaged, so your recovery code could not open the vault. Make a new recovery code now (peerjournal new-recovery-code).</source>
        <translation>Der Wiederherstellungsplatz im Kopf dieses Tresors ist beschädigt, dein Wiederherstellungscode könnte den Tresor also nicht öffnen. Erstelle jetzt einen neuen Wiederherstellungscode (peerjournal new-recovery-code).</translation>
    </message>
    <message>
        <source>The recovery slot of this vault&apos;s header uses a weaker key derivation than PeerJournal writes. Make a new recovery code (peerjournal new-recovery-code) to raise it.</source>
        <translation>Der Wiederherstellungsplatz im Kopf dieses Tresors nutzt eine schwächere Schlüsselableitung, als PeerJournal schreibt. Erstelle einen neuen Wiederherstellungscode (peerjournal new-recovery-code), um sie zu verstärken.</translation>
    </message>
    <message>
        <source>The vault header had been modified by someone or something other than PeerJournal. Your recovery code proved the parts that were kept; the header was written again with your new passphrase.</source>
        <translation>Der Kopf des Tresors war von jemand anderem oder etwas anderem als PeerJournal verändert worden. Dein Wiederherstellungscode hat die behaltenen Teile bestätigt; der Kopf wurde mit deiner neuen Passphrase neu geschrieben.</translation>
    </message>
    <message>
        <source>The vault is read-only here: you can read, search and export, but not change anything.</source>
        <translation>Der Tresor ist hier schreibgeschützt: Du kannst lesen, suchen und exportieren, aber nichts ändern.</translation>
    </message>
    <message>
        <source>The disk of the vault is full: you can read, search and export, but nothing can be saved until you free some space.</source>
        <translation>Der Datenträger des Tresors ist voll: Du kannst lesen, suchen und exportieren, aber nichts kann gespeichert werden, bis du etwas Platz schaffst.</translation>
    </message>
    <message>
        <source>The vault could not be used.</source>
        <translation>Der Tresor konnte nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The vault&apos;s database could not switch to write-ahead logging.</source>
        <translation>Die Datenbank des Tresors konnte nicht auf Write-Ahead-Logging umstellen.</translation>
    </message>
    <message>
        <source>No vault can be made at {folder} ({reason}); nothing was created.</source>
        <translation>Unter {folder} lässt sich kein Tresor anlegen ({reason}); es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>There is not enough free memory to unlock: the key derivation needs {mib} MiB. Close some programs and try again; nothing was changed.</source>
        <translation>Zum Entsperren ist nicht genug freier Arbeitsspeicher da: Die Schlüsselableitung braucht {mib} MiB. Schließe einige Programme und versuche es noch einmal; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>There is no PeerJournal vault in that folder.</source>
        <translation>In diesem Ordner gibt es keinen PeerJournal-Tresor.</translation>
    </message>
    <message>
        <source>There is no PeerJournal vault in {folder}. Create one with `peerjournal init`, or point --vault at yours.</source>
        <translation>In {folder} gibt es keinen PeerJournal-Tresor. Lege mit `peerjournal init` einen an oder gib mit --vault deinen an.</translation>
    </message>
    <message>
        <source>A vault already exists in that folder.</source>
        <translation>In diesem Ordner gibt es schon einen Tresor.</translation>
    </message>
    <message>
        <source>There is already a vault in {folder}; nothing was changed.</source>
        <translation>In {folder} gibt es schon einen Tresor; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This folder already holds a PeerJournal database but no vault.json header, so it cannot be opened; choose another folder. Nothing was changed.</source>
        <translation>Dieser Ordner enthält schon eine PeerJournal-Datenbank, aber keinen vault.json-Kopf, daher lässt sie sich nicht öffnen; wähle einen anderen Ordner. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this vault.</source>
        <translation>Diese Passphrase öffnet diesen Tresor nicht.</translation>
    </message>
    <message>
        <source>That passphrase does not open this backup; nothing was changed. A backup keeps the passphrase the vault had when the backup was made: if you have changed it since, try the earlier one, or open the backup with the recovery code of that time.</source>
        <translation>Diese Passphrase öffnet die Sicherung nicht; es wurde nichts geändert. Eine Sicherung behält die Passphrase, die der Tresor beim Sichern hatte: Hast du sie seitdem geändert, versuche die frühere, oder öffne die Sicherung mit dem Wiederherstellungscode von damals.</translation>
    </message>
    <message>
        <source>That recovery code does not open this backup; nothing was changed. A backup keeps the recovery code the vault had when the backup was made (a code made later does not open it); try that one, or the passphrase of that time.</source>
        <translation>Dieser Wiederherstellungscode öffnet die Sicherung nicht; es wurde nichts geändert. Eine Sicherung behält den Wiederherstellungscode, den der Tresor beim Sichern hatte (ein später erstellter Code öffnet sie nicht); versuche diesen oder die Passphrase von damals.</translation>
    </message>
    <message>
        <source>There is no backup file at {path}; check the name. Nothing was changed.</source>
        <translation>Unter {path} gibt es keine Sicherungsdatei; prüfe den Namen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a backup file: give the backup file inside it. Nothing was changed.</source>
        <translation>{path} ist ein Ordner, keine Sicherungsdatei: gib die Sicherungsdatei darin an. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{path} is empty, so it is not a backup (perhaps copying it did not finish); nothing was changed. Use another copy of the backup.</source>
        <translation>{path} ist leer und damit keine Sicherung (vielleicht wurde das Kopieren nicht fertig); es wurde nichts geändert. Nimm eine andere Kopie der Sicherung.</translation>
    </message>
    <message>
        <source>{path} is not a PeerJournal backup (it is another kind of file, or a backup cut short); nothing was changed. Give a file that `peerjournal backup create` (or the app&apos;s Back up now) wrote.</source>
        <translation>{path} ist keine PeerJournal-Sicherung (eine andere Art Datei oder eine abgeschnittene Sicherung); es wurde nichts geändert. Gib eine Datei an, die `peerjournal backup create` (oder „Jetzt sichern“ in der App) geschrieben hat.</translation>
    </message>
    <message>
        <source>This vault is open in another PeerJournal window or process.</source>
        <translation>Dieser Tresor ist in einem anderen PeerJournal-Fenster oder -Prozess geöffnet.</translation>
    </message>
    <message>
        <source>The {format} file is not readable CSV from line {line} on (a quote that never closes, or a stray character). Nothing was imported.</source>
        <translation>Die {format}-Datei ist ab Zeile {line} kein lesbares CSV (ein Anführungszeichen, das nie endet, oder ein verirrtes Zeichen). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Line {line} of the {format} file holds more than the {limit:,} characters an entry may have. Nothing was imported.</source>
        <translation>Zeile {line} der {format}-Datei enthält mehr als die {limit:,} Zeichen, die ein Eintrag haben darf. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The unlocked session did not answer, and its process could not be told to be PeerJournal&apos;s agent, so it was left running: end it yourself (it runs as python -c … agent_main), then try again.</source>
        <translation>Die entsperrte Sitzung hat nicht geantwortet, und ihr Prozess ließ sich nicht als PeerJournals Agent erkennen, darum läuft er weiter: Beende ihn selbst (er läuft als python -c … agent_main) und versuche es dann noch einmal.</translation>
    </message>
    <message>
        <source>The relay at {url} could not be reached. No invite was made. Check the address and your connection, then try again.</source>
        <translation>Das Relay unter {url} ist nicht erreichbar. Es wurde keine Einladung erstellt. Prüfe die Adresse und deine Verbindung und versuche es dann noch einmal.</translation>
    </message>
    <message>
        <source>The invite&apos;s relay could not be reached. Nothing was changed. Check your connection and try again: the invite has not been used.</source>
        <translation>Das Relay der Einladung ist nicht erreichbar. Es wurde nichts geändert. Prüfe deine Verbindung und versuche es noch einmal: Die Einladung wurde nicht verbraucht.</translation>
    </message>
    <message>
        <source>That is not a recovery code: one has 25 letters and digits, shown in five groups of five (ABCDE-FGHIJ-…); nothing was changed.</source>
        <translation>Das ist kein Wiederherstellungscode: Ein solcher hat 25 Buchstaben und Ziffern, in fünf Fünfergruppen gezeigt (ABCDE-FGHIJ-…); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>That recovery code does not unlock this vault; nothing was changed. Check it against the one you wrote down (case, spaces and dashes do not matter); if a new recovery code was made since, only the newest one works.</source>
        <translation>Dieser Wiederherstellungscode entsperrt den Tresor nicht; es wurde nichts geändert. Vergleiche ihn mit dem aufgeschriebenen (Groß- und Kleinschreibung, Leerzeichen und Bindestriche spielen keine Rolle); wurde seitdem ein neuer Wiederherstellungscode erstellt, gilt nur der neueste.</translation>
    </message>
    <message>
        <source>An unlocked session holds this vault; run `peerjournal lock` first, then try again.</source>
        <translation>Eine entsperrte Sitzung hält diesen Tresor; führe zuerst `peerjournal lock` aus und versuch es dann noch einmal.</translation>
    </message>
    <message>
        <source>The vault is damaged and cannot be opened. Nothing was changed.</source>
        <translation>Der Tresor ist beschädigt und kann nicht geöffnet werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The vault&apos;s database file is missing; nothing was changed.</source>
        <translation>Die Datenbankdatei des Tresors fehlt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The vault&apos;s lock file (vault.lock) is not a plain file (a folder, or a link to somewhere else); nothing was changed. Remove it and try again.</source>
        <translation>Die Sperrdatei des Tresors (vault.lock) ist keine gewöhnliche Datei (ein Ordner oder ein Verweis an einen anderen Ort); es wurde nichts geändert. Entferne sie und versuche es noch einmal.</translation>
    </message>
    <message>
        <source>The vault&apos;s database file is empty (cut short or replaced), so it holds none of the journal; nothing was changed. Restore the vault from a backup (peerjournal backup restore).</source>
        <translation>Die Datenbankdatei des Tresors ist leer (abgeschnitten oder ersetzt) und enthält nichts vom Tagebuch; es wurde nichts geändert. Stell den Tresor aus einer Sicherung wieder her (peerjournal backup restore).</translation>
    </message>
    <message>
        <source>The vault header is damaged; nothing was changed.</source>
        <translation>Der Kopf des Tresors ist beschädigt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The vault header is not a PeerJournal header; nothing was changed.</source>
        <translation>Der Kopf des Tresors ist kein PeerJournal-Kopf; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The vault header has no valid version; nothing was changed.</source>
        <translation>Der Kopf des Tresors hat keine gültige Version; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The vault header is too large to be genuine; nothing was changed.</source>
        <translation>Der Kopf des Tresors ist zu groß, um echt zu sein; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The recovery slot of the vault header is damaged, so no recovery code can open it; nothing was changed. Unlock with your passphrase and make a new recovery code (peerjournal new-recovery-code).</source>
        <translation>Der Wiederherstellungsplatz im Kopf des Tresors ist beschädigt, kein Wiederherstellungscode kann ihn öffnen; es wurde nichts geändert. Entsperre mit deiner Passphrase und erstelle einen neuen Wiederherstellungscode (peerjournal new-recovery-code).</translation>
    </message>
    <message>
        <source>The vault&apos;s database failed its integrity check: {detail}. Nothing was changed; restore it from a backup.</source>
        <translation>Die Datenbank des Tresors hat die Integritätsprüfung nicht bestanden: {detail}. Es wurde nichts geändert; stell sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The vault header was modified since PeerJournal last wrote it, so it is not trusted and nothing was changed. If you did not do this, someone who can write the vault folder did: unlock with your recovery code (peerjournal recover) or restore the vault from a backup.</source>
        <translation>Der Kopf des Tresors wurde verändert, seit PeerJournal ihn zuletzt geschrieben hat; ihm wird daher nicht vertraut, und es wurde nichts geändert. Wenn du das nicht warst, war es jemand, der in den Tresorordner schreiben kann: Entsperre mit deinem Wiederherstellungscode (peerjournal recover) oder stell den Tresor aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The vault header was modified: its passphrase slot asks for a weaker key derivation than PeerJournal ever writes. Nothing was changed; unlock with your recovery code (peerjournal recover) or restore the vault from a backup.</source>
        <translation>Der Kopf des Tresors wurde verändert: Sein Passphrasenplatz verlangt eine schwächere Schlüsselableitung, als PeerJournal je schreibt. Es wurde nichts geändert; entsperre mit deinem Wiederherstellungscode (peerjournal recover) oder stell den Tresor aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The vault header was modified: its recovery slot asks for a weaker key derivation than PeerJournal ever writes. Nothing was changed; unlock with your passphrase and make a new recovery code (peerjournal new-recovery-code).</source>
        <translation>Der Kopf des Tresors wurde verändert: Sein Wiederherstellungsplatz verlangt eine schwächere Schlüsselableitung, als PeerJournal je schreibt. Es wurde nichts geändert; entsperre mit deiner Passphrase und erstelle einen neuen Wiederherstellungscode (peerjournal new-recovery-code).</translation>
    </message>
    <message>
        <source>The vault in {folder} is read-only (a read-only folder or disk), so nothing was changed. Reading commands (list, show, search, export) still work.</source>
        <translation>Der Tresor in {folder} ist schreibgeschützt (ein schreibgeschützter Ordner oder Datenträger), daher wurde nichts geändert. Lesende Befehle (list, show, search, export) funktionieren weiterhin.</translation>
    </message>
    <message>
        <source>This vault was made by a newer version of PeerJournal. Please update PeerJournal to open it; nothing was changed.</source>
        <translation>Dieser Tresor wurde mit einer neueren PeerJournal-Version angelegt. Bitte aktualisiere PeerJournal, um ihn zu öffnen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was saved. Free some space and try again.</source>
        <translation>Der Datenträger ist voll, daher wurde nichts gespeichert. Schaffe etwas Platz und versuche es noch einmal.</translation>
    </message>
    <message>
        <source>The backup could not be made; nothing was changed.</source>
        <translation>Die Sicherung konnte nicht erstellt werden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{path} is not a plain file (a pipe or a device): a backup is checked where it lies, so save it to a file first; nothing was changed.</source>
        <translation>{path} ist keine gewöhnliche Datei (eine Pipe oder ein Gerät): Eine Sicherung wird dort geprüft, wo sie liegt, also speichere sie zuerst in einer Datei; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The backup file is damaged, so it cannot be used; nothing was changed.</source>
        <translation>Die Sicherungsdatei ist beschädigt und kann nicht verwendet werden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The backup file is cut short, so it cannot be used; nothing was changed.</source>
        <translation>Die Sicherungsdatei ist abgeschnitten und kann nicht verwendet werden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The backup file was changed after it was made, so it is not trusted; nothing was changed.</source>
        <translation>Die Sicherungsdatei wurde nach dem Erstellen verändert; ihr wird daher nicht vertraut, und es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of PeerJournal; nothing was changed.</source>
        <translation>Diese Sicherung stammt von einer neueren PeerJournal-Version; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The database in the backup failed its integrity check ({detail}); nothing was changed.</source>
        <translation>Die Datenbank in der Sicherung hat die Integritätsprüfung nicht bestanden ({detail}); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{path} is a folder, a device or a pipe; a backup is written to a new file of its own, so give a new file name (inside a folder: FOLDER/journal.pjbackup). Nothing was changed.</source>
        <translation>{path} ist ein Ordner, ein Gerät oder eine Pipe; eine Sicherung wird in eine eigene, neue Datei geschrieben, gib also einen neuen Dateinamen an (in einem Ordner: ORDNER/journal.pjbackup). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{path} already exists; a backup never overwrites a file, so choose a new name.</source>
        <translation>{path} gibt es schon; eine Sicherung überschreibt nie eine Datei, wähle also einen neuen Namen.</translation>
    </message>
    <message>
        <source>The backup could not be written to {path} ({reason}); nothing was changed.</source>
        <translation>Die Sicherung konnte nicht nach {path} geschrieben werden ({reason}); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{folder} is not empty. A backup is restored only into a new or empty folder, never over a vault; nothing was changed.</source>
        <translation>{folder} ist nicht leer. Eine Sicherung wird nur in einen neuen oder leeren Ordner wiederhergestellt, nie über einen Tresor; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Keep between 1 and {limit} automatic backups.</source>
        <translation>Behalte zwischen 1 und {limit} automatischen Sicherungen.</translation>
    </message>
</context>
</TS>
