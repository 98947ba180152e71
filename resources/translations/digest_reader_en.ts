<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnnotationController</name>
    <message numerus="yes">
        <location filename="../../reader/app/annotate/commands.py" line="+117"/>
        <source>Tag %n item(s) with %1</source>
        <translation>
            <numerusform>Tag %n item with %1</numerusform>
            <numerusform>Tag %n items with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Tag %n issue(s) with %1</source>
        <translation>
            <numerusform>Tag %n issue with %1</numerusform>
            <numerusform>Tag %n issues with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Untag %1 from %n item(s)</source>
        <translation>
            <numerusform>Untag %1 from %n item</numerusform>
            <numerusform>Untag %1 from %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Untag %1 from %n issue(s)</source>
        <translation>
            <numerusform>Untag %1 from %n issue</numerusform>
            <numerusform>Untag %1 from %n issues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../reader/app/export/dialog.py" line="+254"/>
        <location line="+48"/>
        <source>Selected items (%n)</source>
        <translation>
            <numerusform>Selected item (%n)</numerusform>
            <numerusform>Selected items (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacetsPanel</name>
    <message numerus="yes">
        <location filename="../../reader/app/discover/facets_panel.py" line="+125"/>
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n item</numerusform>
            <numerusform>%1: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Find Entities in %n Item(s)</source>
        <translation>
            <numerusform>Find Entities in %n Item</numerusform>
            <numerusform>Find Entities in %n Items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Finding entities… %n item(s) done</source>
        <translation>
            <numerusform>Finding entities… %n item done</numerusform>
            <numerusform>Finding entities… %n items done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../reader/app/window.py" line="+468"/>
        <source>Preparing search for Japanese names: %n item(s) to go…</source>
        <translation>
            <numerusform>Preparing search for Japanese names: %n item to go…</numerusform>
            <numerusform>Preparing search for Japanese names: %n items to go…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+189"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message numerus="yes">
        <location filename="../../reader/app/reading/pane.py" line="+118"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>the first %1 of %n items</source>
        <translation>
            <numerusform>the first %1 of %n item</numerusform>
            <numerusform>the first %1 of %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedSearchesPanel</name>
    <message numerus="yes">
        <location filename="../../reader/app/discover/saved_panel.py" line="+142"/>
        <source>%1, %n item(s)</source>
        <translation>
            <numerusform>%1, %n item</numerusform>
            <numerusform>%1, %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message numerus="yes">
        <location filename="../../reader/app/sidebar/model.py" line="+239"/>
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n item</numerusform>
            <numerusform>%1: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unread item(s)</source>
        <translation>
            <numerusform>%n unread item</numerusform>
            <numerusform>%n unread items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n item(s), %1 unread</source>
        <translation>
            <numerusform>%n item, %1 unread</numerusform>
            <numerusform>%n items, %1 unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message numerus="yes">
        <location filename="../../reader/app/annotate/tag_dialog.py" line="+40"/>
        <source>Tag %n item(s)</source>
        <translation>
            <numerusform>Tag %n item</numerusform>
            <numerusform>Tag %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message numerus="yes">
        <location filename="../../reader/app/annotate/tags_panel.py" line="+122"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message numerus="yes">
        <location filename="../../reader/app/discover/timeline_dialog.py" line="+55"/>
        <source>%n item(s) mention %1, oldest first.</source>
        <translation>
            <numerusform>%n item mentions %1, oldest first.</numerusform>
            <numerusform>%n items mention %1, oldest first.</numerusform>
        </translation>
    </message>
</context>
</TS>
