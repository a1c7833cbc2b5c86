<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackgroundSync</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mood logs</source>
        <translation>
            <numerusform>%Ln mood log</numerusform>
            <numerusform>%Ln mood logs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln word</numerusform>
            <numerusform>%Ln words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Exported %Ln entries to %1 (not encrypted).</source>
        <translation>
            <numerusform>Exported %Ln entry to %1 (not encrypted).</numerusform>
            <numerusform>Exported %Ln entries to %1 (not encrypted).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedWidget</name>
    <message numerus="yes">
        <source>This week: %n minute(s) in the feed.</source>
        <translation>
            <numerusform>This week: %n minute in the feed.</numerusform>
            <numerusform>This week: %n minutes in the feed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuessTime</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln more rows wait for a level for their mood (below).</source>
        <translation>
            <numerusform>%Ln more row waits for a level for its mood (below).</numerusform>
            <numerusform>%Ln more rows wait for a level for their mood (below).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records are already in your journal and will be left as they are.</source>
        <translation>
            <numerusform>%Ln record is already in your journal and will be left as it is.</numerusform>
            <numerusform>%Ln records are already in your journal and will be left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records cannot be read and will be skipped:</source>
        <translation>
            <numerusform>%Ln record cannot be read and will be skipped:</numerusform>
            <numerusform>%Ln records cannot be read and will be skipped:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mood logs</source>
        <translation>
            <numerusform>%Ln mood log</numerusform>
            <numerusform>%Ln mood logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln rows)</source>
        <translation>
            <numerusform>%1 (%Ln row)</numerusform>
            <numerusform>%1 (%Ln rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightWords</name>
    <message numerus="yes">
        <source>Over %Ln day(s) with check-ins your average mood was %1.</source>
        <translation>
            <numerusform>Over %Ln day with check-ins your average mood was %1.</numerusform>
            <numerusform>Over %Ln days with check-ins your average mood was %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other day(s)</source>
        <translation>
            <numerusform>%Ln other day</numerusform>
            <numerusform>%Ln other days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <source>%Ln matching entries</source>
        <translation>
            <numerusform>%Ln matching entry</numerusform>
            <numerusform>%Ln matching entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ matching entries</source>
        <translation>
            <numerusform>%Ln+ matching entry</numerusform>
            <numerusform>%Ln+ matching entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entries</source>
        <translation>
            <numerusform>%1 of %Ln entry</numerusform>
            <numerusform>%1 of %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message numerus="yes">
        <source>%Ln entries deleted forever.</source>
        <translation>
            <numerusform>%Ln entry deleted forever.</numerusform>
            <numerusform>%Ln entries deleted forever.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekdayChart</name>
    <message numerus="yes">
        <source>%1: average %2 from %Ln check-in(s)</source>
        <translation>
            <numerusform>%1: average %2 from %Ln check-in</numerusform>
            <numerusform>%1: average %2 from %Ln check-ins</numerusform>
        </translation>
    </message>
</context>
</TS>
