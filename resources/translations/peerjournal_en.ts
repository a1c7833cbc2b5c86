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
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mood logs</source>
        <translation>
            <numerusform>%n mood log</numerusform>
            <numerusform>%n mood logs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Exported %n entries to %1 (not encrypted).</source>
        <translation>
            <numerusform>Exported %n entry to %1 (not encrypted).</numerusform>
            <numerusform>Exported %n entries to %1 (not encrypted).</numerusform>
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
        <source>%n more rows wait for a level for their mood (below).</source>
        <translation>
            <numerusform>%n more row waits for a level for its mood (below).</numerusform>
            <numerusform>%n more rows wait for a level for their mood (below).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records are already in your journal and will be left as they are.</source>
        <translation>
            <numerusform>%n record is already in your journal and will be left as it is.</numerusform>
            <numerusform>%n records are already in your journal and will be left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records cannot be read and will be skipped:</source>
        <translation>
            <numerusform>%n record cannot be read and will be skipped:</numerusform>
            <numerusform>%n records cannot be read and will be skipped:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mood logs</source>
        <translation>
            <numerusform>%n mood log</numerusform>
            <numerusform>%n mood logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n rows)</source>
        <translation>
            <numerusform>%1 (%n row)</numerusform>
            <numerusform>%1 (%n rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightWords</name>
    <message numerus="yes">
        <source>Over %n day(s) with check-ins your average mood was %1.</source>
        <translation>
            <numerusform>Over %n day with check-ins your average mood was %1.</numerusform>
            <numerusform>Over %n days with check-ins your average mood was %1.</numerusform>
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
        <source>%n other day(s)</source>
        <translation>
            <numerusform>%n other day</numerusform>
            <numerusform>%n other days</numerusform>
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
        <source>%1: average %2 from %n check-in(s)</source>
        <translation>
            <numerusform>%1: average %2 from %n check-in</numerusform>
            <numerusform>%1: average %2 from %n check-ins</numerusform>
        </translation>
    </message>
</context>
</TS>
