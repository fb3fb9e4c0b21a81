<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnswersDialog</name>
    <message numerus="yes">
        <location filename="../../gui/answers_view.py" line="+115"/>
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n student</numerusform>
            <numerusform>%n students</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AreasPanel</name>
    <message numerus="yes">
        <location filename="../../gui/areas_panel.py" line="+133"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message numerus="yes">
        <location filename="../../gui/group_view.py" line="+170"/>
        <source>%n passage(s) both marked.</source>
        <translation>
            <numerusform>%n passage both marked.</numerusform>
            <numerusform>%n passages both marked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message numerus="yes">
        <location filename="../../gui/library_panel.py" line="+151"/>
        <source>Its %n annotation(s) are removed with it. Opening the same file again brings them back.</source>
        <translation>
            <numerusform>Its %n annotation is removed with it. Opening the same file again brings it back.</numerusform>
            <numerusform>Its %n annotations are removed with it. Opening the same file again brings them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../gui/merge_dialog.py" line="+75"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../gui/search_panel.py" line="+136"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message numerus="yes">
        <location filename="../../gui/sync_status.py" line="+36"/>
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>Offline — %n change waiting</numerusform>
            <numerusform>Offline — %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n note(s) were changed on two devices; this device&apos;s text was kept and the other is saved.
Click to choose the text to keep.</source>
        <translation>
            <numerusform>%n note was changed on two devices; this device&apos;s text was kept and the other is saved.
Click to choose the text to keep.</numerusform>
            <numerusform>%n notes were changed on two devices; this device&apos;s text was kept and the other is saved.
Click to choose the text to keep.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
