<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>BufferJournal</name>
    <message>
        <location filename="../core/course/bufferjournal.cpp" line="+83"/>
        <source>Cannot create the journal folder %1, so unsaved edits are not protected against a crash. Check that the folder is writable and the disk has space.</source>
        <translation>जर्नल फ़ोल्डर %1 नहीं बनाया जा सका, इसलिए बिना सहेजे संपादन क्रैश से सुरक्षित नहीं हैं। जाँचें कि फ़ोल्डर में लिखा जा सकता है और डिस्क में जगह है।</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot write the journal file for %1 (%2): %3. Unsaved edits to it are not protected against a crash; free some disk space or fix the folder&apos;s permissions.</source>
        <translation>%1 की जर्नल फ़ाइल नहीं लिखी जा सकी (%2): %3। इसके बिना सहेजे संपादन क्रैश से सुरक्षित नहीं हैं; डिस्क में जगह खाली करें या फ़ोल्डर की अनुमतियाँ ठीक करें।</translation>
    </message>
</context>
<context>
    <name>ClusterHealthView</name>
    <message>
        <location filename="../ui/clusterhealthview.cpp" line="+212"/>
        <location line="+112"/>
        <source>API server: not checked yet</source>
        <translation>API सर्वर: अभी जाँचा नहीं गया</translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+122"/>
        <source>Pods: waiting for the first list</source>
        <translation>पॉड: पहली सूची की प्रतीक्षा</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Pods by phase</source>
        <translation>चरण के अनुसार पॉड</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Pods by phase over time</source>
        <translation>समय के साथ चरण के अनुसार पॉड</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <translation>नोड</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>Top error reasons (pods)</source>
        <translation>मुख्य त्रुटि कारण (पॉड)</translation>
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
        <translation>API सर्वर: ● %1 (%3 में %2, %4 पर जाँचा गया)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API server: ● unhealthy (%1 after %2, checked %3): %4</source>
        <translation>API सर्वर: ● अस्वस्थ (%2 के बाद %1, %3 पर जाँचा गया): %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pods: cannot list them: %1</source>
        <translation>पॉड: सूची नहीं मिल सकी: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods: %1 in all — %2</source>
        <translation>पॉड: कुल %1 — %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nodes as last listed at %1; the list cannot be read now: %2</source>
        <translation>नोड, जैसे %1 पर सूचीबद्ध थे; सूची अभी पढ़ी नहीं जा सकती: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nodes: %1</source>
        <translation>नोड: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pods: %1</source>
        <translation>पॉड: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No pod shows an error.</source>
        <translation>किसी पॉड में त्रुटि नहीं है।</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting for the pod list…</source>
        <translation>पॉड सूची की प्रतीक्षा…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — 1 pod</source>
        <translation>%1 — 1 पॉड</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 pods</source>
        <translation>%1 — %2 पॉड</translation>
    </message>
</context>
<context>
    <name>CodeWindow</name>
    <message>
        <location filename="../ui/codewindow.cpp" line="+77"/>
        <source>Files of the repository</source>
        <translation>रिपॉज़िटरी की फ़ाइलें</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo delete</source>
        <translation>हटाना पूर्ववत करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show changes</source>
        <translation>बदलाव दिखाएँ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare with template</source>
        <translation>टेम्पलेट से तुलना करें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open files</source>
        <translation>खुली फ़ाइलें</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Restore</source>
        <translation>पुनर्स्थापित करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1065"/>
        <source>Discard</source>
        <translation>छोड़ें</translation>
    </message>
    <message>
        <location line="-1047"/>
        <source>Open a file from the tree (double-click it, or select it and press Enter).</source>
        <translation>ट्री से कोई फ़ाइल खोलें (उस पर डबल-क्लिक करें, या चुनकर Enter दबाएँ)।</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&amp;New file…</source>
        <translation>नई फ़ाइल (&amp;N)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>New file</source>
        <translation>नई फ़ाइल</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Path in the repository:</source>
        <translation>रिपॉज़िटरी में पथ:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delete file</source>
        <translation>फ़ाइल हटाएँ (&amp;D)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Find…</source>
        <translation>खोजें (&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Replace…</source>
        <translation>बदलें (&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find &amp;next</source>
        <translation>अगला खोजें (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;previous</source>
        <translation>पिछला खोजें (&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go to line…</source>
        <translation>पंक्ति पर जाएँ (&amp;G)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;changes</source>
        <translation>बदलाव दिखाएँ (&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare with &amp;template</source>
        <translation>टेम्पलेट से तुलना (&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Commit…</source>
        <translation>कमिट (&amp;C)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reload tree</source>
        <translation>ट्री फिर से लोड करें (&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>संपादन (&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>दृश्य (&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Find</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find (F3 next, Shift+F3 previous)</source>
        <translation>खोजें (F3 अगला, Shift+F3 पिछला)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Replace with</source>
        <translation>इससे बदलें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>अक्षर का आकार मिलाएँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole words</source>
        <translation>पूरे शब्द</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next</source>
        <translation>अगला</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>बदलें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace all</source>
        <translation>सब बदलें</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Go to line</source>
        <translation>पंक्ति पर जाएँ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to line:</source>
        <translation>पंक्ति पर जाएँ:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>not loaded</source>
        <translation>लोड नहीं हुआ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2</source>
        <translation>%2 पर %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading the tree of %1 at %2…</source>
        <translation>%2 पर %1 का ट्री पढ़ा जा रहा है…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n file(s) at %1.</source>
        <translation>
            <numerusform>%1 पर %n फ़ाइल।</numerusform>
            <numerusform>%1 पर %n फ़ाइलें।</numerusform>
        </translation>
    </message>
    <message>
        <location line="+93"/>
        <source> — deleted in your change (right-click to undo)</source>
        <translation> — आपके बदलाव में हटाई गई (पूर्ववत करने के लिए राइट-क्लिक करें)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+58"/>
        <source> (new)</source>
        <translation> (नई)</translation>
    </message>
    <message>
        <location line="-57"/>
        <source> — a new file in your change</source>
        <translation> — आपके बदलाव में एक नई फ़ाइल</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+55"/>
        <source> — changed, not committed</source>
        <translation> — बदली गई, कमिट नहीं हुई</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 is deleted in your change; right-click it in the tree and choose Undo delete to edit it again.</source>
        <translation>%1 आपके बदलाव में हटाई गई है; इसे फिर संपादित करने के लिए ट्री में इस पर राइट-क्लिक करके &apos;हटाना पूर्ववत करें&apos; चुनें।</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not in %2 at %3. Reload the tree, or create it with New file.</source>
        <translation>%1, %3 पर %2 में नहीं है। ट्री फिर से लोड करें, या &apos;नई फ़ाइल&apos; से इसे बनाएँ।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opening %1…</source>
        <translation>%1 खोली जा रही है…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not in the repository at %2 any more. Reload the tree.</source>
        <translation>%1 अब %2 पर रिपॉज़िटरी में नहीं है। ट्री फिर से लोड करें।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened %1.</source>
        <translation>%1 खोली गई।</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The error is in %1, which is not a file of this repository</source>
        <translation>त्रुटि %1 में है, जो इस रिपॉज़िटरी की फ़ाइल नहीं है</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last stack trace points here</source>
        <translation>अंतिम स्टैक ट्रेस यहाँ इंगित करता है</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a file path in the repository: use a relative path like public/about.html, without &quot;..&quot; or a leading slash.</source>
        <translation>&quot;%1&quot; रिपॉज़िटरी में फ़ाइल पथ नहीं है: public/about.html जैसा सापेक्ष पथ लिखें, &quot;..&quot; या शुरुआती स्लैश के बिना।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 already exists; open it instead, or pick another name.</source>
        <translation>%1 पहले से मौजूद है; उसे खोलें, या कोई और नाम चुनें।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 clashes with %2 (a file and a folder cannot share a name); pick another name.</source>
        <translation>%1 का %2 से टकराव है (फ़ाइल और फ़ोल्डर का एक नाम नहीं हो सकता); कोई और नाम चुनें।</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Created %1 (not committed yet).</source>
        <translation>%1 बनाई गई (अभी कमिट नहीं हुई)।</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Removed the new file %1.</source>
        <translation>नई फ़ाइल %1 हटाई गई।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is already deleted in your change.</source>
        <translation>%1 आपके बदलाव में पहले से हटाई गई है।</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 will be deleted by the commit (right-click it to undo).</source>
        <translation>कमिट से %1 हट जाएगी (पूर्ववत करने के लिए उस पर राइट-क्लिक करें)।</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is kept.</source>
        <translation>%1 रखी गई।</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;Your change&lt;/b&gt;: deleted</source>
        <translation>&lt;b&gt;आपका बदलाव&lt;/b&gt;: हटाई गई</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Your change&lt;/b&gt; (not committed)</source>
        <translation>&lt;b&gt;आपका बदलाव&lt;/b&gt; (कमिट नहीं हुआ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no changes: open it and edit it first.</source>
        <translation>%1 में कोई बदलाव नहीं है: पहले इसे खोलकर संपादित करें।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;HEAD&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;HEAD&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;HEAD&lt;/b&gt;: no such file</source>
        <translation>&lt;b&gt;HEAD&lt;/b&gt;: ऐसी कोई फ़ाइल नहीं</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Δ %1</source>
        <translation>Δ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: your change against HEAD</source>
        <translation>%1: HEAD की तुलना में आपका बदलाव</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No template repository is known for this course, so there is nothing to compare with. Set github.template in the course file.</source>
        <translation>इस कोर्स का कोई टेम्पलेट रिपॉज़िटरी ज्ञात नहीं है, इसलिए तुलना के लिए कुछ नहीं है। कोर्स फ़ाइल में github.template सेट करें।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading %1 from the template %2…</source>
        <translation>टेम्पलेट %2 से %1 पढ़ी जा रही है…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;Template&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;टेम्पलेट&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Template&lt;/b&gt;: the template has no such file</source>
        <translation>&lt;b&gt;टेम्पलेट&lt;/b&gt;: टेम्पलेट में ऐसी कोई फ़ाइल नहीं</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Student&lt;/b&gt; (with your edits)</source>
        <translation>&lt;b&gt;छात्र&lt;/b&gt; (आपके संपादनों सहित)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⇄ %1</source>
        <translation>⇄ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the student&apos;s file against the template&apos;s</source>
        <translation>%1: टेम्पलेट की तुलना में छात्र की फ़ाइल</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 against the template: %2</source>
        <translation>%1 टेम्पलेट से तुलना: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>1 to %1</source>
        <translation>1 से %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>line %1</source>
        <translation>पंक्ति %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not found</source>
        <translation>नहीं मिला</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>%n बदला गया</numerusform>
            <numerusform>%n बदले गए</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A commit is on its way; wait for it to finish.</source>
        <translation>एक कमिट चल रहा है; उसके पूरा होने की प्रतीक्षा करें।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to commit: no file differs from %1 at %2.</source>
        <translation>कमिट करने को कुछ नहीं: कोई फ़ाइल %2 पर %1 से अलग नहीं है।</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Nothing to commit.</source>
        <translation>कमिट करने को कुछ नहीं।</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Committing %n file(s) to %1…</source>
        <translation>
            <numerusform>%1 में %n फ़ाइल कमिट हो रही है…</numerusform>
            <numerusform>%1 में %n फ़ाइलें कमिट हो रही हैं…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Committed %1 to %2 (%n file(s)).</source>
        <translation>
            <numerusform>%2 में %1 कमिट हुआ (%n फ़ाइल)।</numerusform>
            <numerusform>%2 में %1 कमिट हुआ (%n फ़ाइलें)।</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The commit to %1 failed: %2 Your edits are kept (and journaled); try again.</source>
        <translation>%1 में कमिट विफल रहा: %2 आपके संपादन सुरक्षित हैं (जर्नल में); फिर से प्रयास करें।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Commit failed</source>
        <translation>कमिट विफल</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Not committed: %1 moved to %2 since you opened the files (%3). Nothing was overwritten; merge the changes in the merge window.</source>
        <translation>कमिट नहीं हुआ: फ़ाइलें खोलने के बाद %1, %2 पर चला गया (%3)। कुछ भी अधिलेखित नहीं हुआ; मर्ज विंडो में बदलावों को मर्ज करें।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the student pushed</source>
        <translation>छात्र ने पुश किया</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Restore %n unsaved file(s) from %1?</source>
        <translation>
            <numerusform>%1 से %n बिना सहेजी फ़ाइल पुनर्स्थापित करें?</numerusform>
            <numerusform>%1 से %n बिना सहेजी फ़ाइलें पुनर्स्थापित करें?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(%1; edits made before this window last closed or crashed)</source>
        <translation>(%1; इस विंडो के पिछली बार बंद या क्रैश होने से पहले किए गए संपादन)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They were made on %1; the branch is at %2 now, so committing them shows a merge.</source>
        <translation>ये %1 पर किए गए थे; ब्रांच अब %2 पर है, इसलिए इन्हें कमिट करने पर मर्ज दिखेगा।</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n journal file(s) could not be read and are left in %1.</source>
        <translation>
            <numerusform>%n जर्नल फ़ाइल पढ़ी नहीं जा सकी और %1 में छोड़ दी गई है।</numerusform>
            <numerusform>%n जर्नल फ़ाइलें पढ़ी नहीं जा सकीं और %1 में छोड़ दी गई हैं।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Restored %n file(s) from the journal.</source>
        <translation>
            <numerusform>जर्नल से %n फ़ाइल पुनर्स्थापित की गई।</numerusform>
            <numerusform>जर्नल से %n फ़ाइलें पुनर्स्थापित की गईं।</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Discarded the journaled edits.</source>
        <translation>जर्नल के संपादन छोड़ दिए गए।</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+20"/>
        <source>Unsaved changes</source>
        <translation>बिना सहेजे बदलाव</translation>
    </message>
    <message numerus="yes">
        <location line="-19"/>
        <source>Changes to %n file(s) in %1 are not committed.</source>
        <translation>
            <numerusform>%1 में %n फ़ाइल के बदलाव कमिट नहीं हुए हैं।</numerusform>
            <numerusform>%1 में %n फ़ाइलों के बदलाव कमिट नहीं हुए हैं।</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep them in the journal to get them back the next time you open this repository, or discard them.</source>
        <translation>इन्हें जर्नल में रखें ताकि अगली बार यह रिपॉज़िटरी खोलने पर वापस मिलें, या इन्हें छोड़ दें।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to journal and close</source>
        <translation>जर्नल में सहेजें और बंद करें</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="+39"/>
        <source>Command Palette</source>
        <translation>कमांड पैलेट</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type to find a command; Enter runs it</source>
        <translation>कमांड खोजने के लिए टाइप करें; Enter उसे चलाता है</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a command</source>
        <translation>कमांड खोजें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commands</source>
        <translation>कमांड</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Command</source>
        <translation>कमांड</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>शॉर्टकट</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled commands say why they cannot run now.</source>
        <translation>अक्षम कमांड बताते हैं कि वे अभी क्यों नहीं चल सकते।</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Command Palette…</source>
        <translation>कमांड पैलेट (&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find any command by name and run it</source>
        <translation>किसी भी कमांड को नाम से खोजें और चलाएँ</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Not available now</source>
        <translation>अभी उपलब्ध नहीं</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <location filename="../ui/commitdialog.cpp" line="+46"/>
        <source>Commit to %1</source>
        <translation>%1 में कमिट करें</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>One commit on &lt;b&gt;%1&lt;/b&gt; of &lt;b&gt;%2&lt;/b&gt; with these %n file(s):</source>
        <translation>
            <numerusform>&lt;b&gt;%2&lt;/b&gt; की &lt;b&gt;%1&lt;/b&gt; पर इस %n फ़ाइल के साथ एक कमिट:</numerusform>
            <numerusform>&lt;b&gt;%2&lt;/b&gt; की &lt;b&gt;%1&lt;/b&gt; पर इन %n फ़ाइलों के साथ एक कमिट:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Files in the commit</source>
        <translation>कमिट में फ़ाइलें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>modified</source>
        <translation>बदली गई</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>added</source>
        <translation>जोड़ी गई</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>deleted</source>
        <translation>हटाई गई</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What the fix does, e.g. &quot;Fix the syntax error in server.js&quot;</source>
        <translation>सुधार क्या करता है, जैसे &quot;server.js में सिंटैक्स त्रुटि ठीक करें&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Credits the student on GitHub (when the email is one of their account&apos;s). Empty: no trailer.</source>
        <translation>GitHub पर छात्र को श्रेय देता है (जब ईमेल उनके खाते का हो)। खाली: कोई ट्रेलर नहीं।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Message:</source>
        <translation>संदेश (&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author &amp;name:</source>
        <translation>लेखक का नाम (&amp;N):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author &amp;email:</source>
        <translation>लेखक का ईमेल (&amp;E):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trailer:</source>
        <translation>ट्रेलर (&amp;T):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Commit</source>
        <translation>कमिट</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Nothing to commit: no file differs from the branch.</source>
        <translation>कमिट करने को कुछ नहीं: कोई फ़ाइल ब्रांच से अलग नहीं है।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a commit message: the student reads it in their history.</source>
        <translation>कमिट संदेश लिखें: छात्र इसे अपने इतिहास में पढ़ते हैं।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your name as the author.</source>
        <translation>लेखक के रूप में अपना नाम लिखें।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your email as the author&apos;s email (name@example.org).</source>
        <translation>लेखक के ईमेल के रूप में अपना ईमेल लिखें (name@example.org)।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trailer must read &quot;Co-authored-by: Name &lt;email&gt;&quot;; fix it or clear it to commit without crediting the student.</source>
        <translation>ट्रेलर &quot;Co-authored-by: Name &lt;email&gt;&quot; के रूप में होना चाहिए; इसे ठीक करें या छात्र को श्रेय दिए बिना कमिट करने के लिए इसे खाली करें।</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.cpp" line="+48"/>
        <source>Connect to a Cluster</source>
        <translation>क्लस्टर से कनेक्ट करें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Built-in sandbox with the demo course</source>
        <translation>डेमो कोर्स के साथ अंतर्निहित सैंडबॉक्स (&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A local Kubernetes and GitHub on this computer, with 40 demo students and their apps. Nothing leaves the machine.</source>
        <translation>इस कंप्यूटर पर एक स्थानीय Kubernetes और GitHub, 40 डेमो छात्रों और उनके ऐप्स के साथ। कुछ भी मशीन से बाहर नहीं जाता।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A cluster from a &amp;kubeconfig</source>
        <translation>kubeconfig से एक क्लस्टर (&amp;K)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kubeconfig files</source>
        <translation>Kubeconfig फ़ाइलें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;rowse…</source>
        <translation>ब्राउज़ करें (&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File:</source>
        <translation>फ़ाइल (&amp;F):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Context</source>
        <translation>कॉन्टेक्स्ट</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Context:</source>
        <translation>कॉन्टेक्स्ट (&amp;C):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Co&amp;nnect</source>
        <translation>कनेक्ट करें (&amp;N)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a kubeconfig</source>
        <translation>एक kubeconfig चुनें</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No contexts found in %1. Choose the kubeconfig your cluster&apos;s provider gave you (for GKE: gcloud container clusters get-credentials).</source>
        <translation>%1 में कोई कॉन्टेक्स्ट नहीं मिला। आपके क्लस्टर प्रदाता की दी हुई kubeconfig चुनें (GKE के लिए: gcloud container clusters get-credentials)।</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../ui/detailspanel.cpp" line="+40"/>
        <source>Open a new shell</source>
        <translation>नया शेल खोलें</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Logs</source>
        <translation>लॉग</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>इवेंट</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Shell in %1, kept open while you look elsewhere. Ctrl+Shift+C copies, Ctrl+Shift+V pastes.</source>
        <translation>%1 में शेल, जब आप कहीं और देखते हैं तब भी खुला रहता है। Ctrl+Shift+C कॉपी करता है, Ctrl+Shift+V चिपकाता है।</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Shell in %1 (%2). Ctrl+Shift+C copies, Ctrl+Shift+V pastes.</source>
        <translation>%1 (%2) में शेल। Ctrl+Shift+C कॉपी करता है, Ctrl+Shift+V चिपकाता है।</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>&lt;b&gt;%1&lt;/b&gt; in %2 — no pod</source>
        <translation>%2 में &lt;b&gt;%1&lt;/b&gt; — कोई पॉड नहीं</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt; in %2 — pod %3</source>
        <translation>%2 में &lt;b&gt;%1&lt;/b&gt; — पॉड %3</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>There is no pod to open a shell in.</source>
        <translation>शेल खोलने के लिए कोई पॉड नहीं है।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A shell opens in %1 when this tab is shown.</source>
        <translation>यह टैब दिखने पर %1 में शेल खुलता है।</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Select a student to see their app&apos;s logs, events, YAML and a terminal.</source>
        <translation>किसी छात्र को चुनें ताकि उसके ऐप के लॉग, इवेंट, YAML और टर्मिनल दिखें।</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>No student selected.</source>
        <translation>कोई छात्र चुना नहीं गया।</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../ui/diagnosticsdialog.cpp" line="+18"/>
        <source>Problems found</source>
        <translation>समस्याएँ मिलीं</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../ui/diffview.cpp" line="+74"/>
        <source>Before</source>
        <translation>पहले</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>बाद में</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Previous difference</source>
        <translation>पिछला अंतर</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next difference</source>
        <translation>अगला अंतर</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>No differences.</source>
        <translation>कोई अंतर नहीं।</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n line(s) changed, </source>
        <translation>
            <numerusform>%n पंक्ति बदली, </numerusform>
            <numerusform>%n पंक्तियाँ बदलीं, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n added, </source>
        <translation>
            <numerusform>%n जोड़ी, </numerusform>
            <numerusform>%n जोड़ीं, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n हटाई</numerusform>
            <numerusform>%n हटाईं</numerusform>
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
        <translation>त्रुटि</translation>
    </message>
</context>
<context>
    <name>EventWatch</name>
    <message>
        <location filename="../ui/eventsview.cpp" line="+173"/>
        <source>The cluster&apos;s list of events could not be read.</source>
        <translation>क्लस्टर की इवेंट सूची पढ़ी नहीं जा सकी।</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location line="+168"/>
        <source>Events</source>
        <translation>इवेंट</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age</source>
        <translation>आयु</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>गिनती</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Object</source>
        <translation>वस्तु</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No student selected.</source>
        <translation>कोई छात्र चुना नहीं गया।</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Events of %1 appear here when the tab is shown.</source>
        <translation>टैब दिखने पर %1 के इवेंट यहाँ दिखते हैं।</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading events from the cluster…</source>
        <translation>क्लस्टर से इवेंट पढ़े जा रहे हैं…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Reported by %1</source>
        <translation>%1 द्वारा सूचित</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reconnecting to the cluster&apos;s events (%1); what is shown may be out of date.</source>
        <translation>क्लस्टर के इवेंट से फिर से कनेक्ट हो रहा है (%1); दिखाई गई जानकारी पुरानी हो सकती है।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No events for %1 (the cluster keeps events for about an hour); new ones appear as they happen.</source>
        <translation>%1 के लिए कोई इवेंट नहीं (क्लस्टर इवेंट लगभग एक घंटे तक रखता है); नए इवेंट होते ही दिखेंगे।</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n event(s), newest first; watched live since %1.</source>
        <translation>
            <numerusform>%n इवेंट, नया पहले; %1 से लाइव निगरानी।</numerusform>
            <numerusform>%n इवेंट, नए पहले; %1 से लाइव निगरानी।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <location filename="../ui/fleetmodel.cpp" line="+56"/>
        <source>Student</source>
        <translation>छात्र</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GitHub login</source>
        <translation>GitHub लॉगिन</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohort</source>
        <translation>समूह</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready</source>
        <translation>तैयार</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restarts</source>
        <translation>पुनः आरंभ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>आयु</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commit</source>
        <translation>कमिट</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>अंतिम त्रुटि</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probe</source>
        <translation>जाँच</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No pod</source>
        <translation>कोई पॉड नहीं</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not deployed</source>
        <translation>डिप्लॉय नहीं हुआ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (behind)</source>
        <translation>%1 (पीछे)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Runs %1; the repository&apos;s HEAD is %2. Redeploy at HEAD to catch up.</source>
        <translation>%1 चल रहा है; रिपॉज़िटरी का HEAD %2 है। बराबरी के लिए HEAD पर पुनः डिप्लॉय करें।</translation>
    </message>
</context>
<context>
    <name>GithubLoginDialog</name>
    <message>
        <location filename="../ui/githublogindialog.cpp" line="+24"/>
        <source>Sign in to GitHub</source>
        <translation>GitHub में साइन इन करें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CourseOps reads and writes student repositories as you. Sign in at %1.</source>
        <translation>CourseOps आपके रूप में छात्रों की रिपॉज़िटरी पढ़ता और लिखता है। %1 पर साइन इन करें।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With your browser</source>
        <translation>अपने ब्राउज़र से</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Get a sign-in code</source>
        <translation>साइन-इन कोड पाएँ (&amp;G)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign-in code</source>
        <translation>साइन-इन कोड</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the code and &amp;open the page</source>
        <translation>कोड कॉपी करें और पेज खोलें (&amp;O)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The browser sign-in needs the client ID of the course&apos;s GitHub OAuth app (Settings ▸ GitHub). A personal access token works without one.</source>
        <translation>ब्राउज़र साइन-इन के लिए कोर्स के GitHub OAuth ऐप का क्लाइंट ID चाहिए (सेटिंग्स ▸ GitHub)। पर्सनल एक्सेस टोकन इसके बिना काम करता है।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With a personal access token</source>
        <translation>पर्सनल एक्सेस टोकन से</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ghp_… or github_pat_…</source>
        <translation>ghp_… या github_pat_…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal access token</source>
        <translation>पर्सनल एक्सेस टोकन</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>&amp;Check and use</source>
        <translation>जाँचें और उपयोग करें (&amp;C)</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>&amp;Token:</source>
        <translation>टोकन (&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs the scopes repo and read:org (classic), or contents and administration read/write on the course&apos;s repositories (fine-grained).</source>
        <translation>repo और read:org स्कोप चाहिए (classic), या कोर्स की रिपॉज़िटरी पर contents और administration पढ़ने/लिखने की अनुमति (fine-grained)।</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Type this code at %1. Waiting for you to approve… (the code expires in %2 minutes)</source>
        <translation>यह कोड %1 पर लिखें। आपकी स्वीकृति की प्रतीक्षा… (कोड %2 मिनट में समाप्त होगा)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Get a new code</source>
        <translation>नया कोड पाएँ (&amp;G)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Asking GitHub for a code…</source>
        <translation>GitHub से कोड माँगा जा रहा है…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste a token first. Make one at %1/settings/tokens.</source>
        <translation>पहले एक टोकन चिपकाएँ। %1/settings/tokens पर एक बनाएँ।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message numerus="yes">
        <location filename="../ui/jobdialog.cpp" line="+30"/>
        <source>Seed the course for %n student(s)</source>
        <translation>
            <numerusform>%n छात्र के लिए कोर्स सीड करें</numerusform>
            <numerusform>%n छात्रों के लिए कोर्स सीड करें</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sync the template to %n student(s)</source>
        <translation>
            <numerusform>टेम्पलेट को %n छात्र तक सिंक करें</numerusform>
            <numerusform>टेम्पलेट को %n छात्रों तक सिंक करें</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Deploy %n student(s)</source>
        <translation>
            <numerusform>%n छात्र को डिप्लॉय करें</numerusform>
            <numerusform>%n छात्रों को डिप्लॉय करें</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Fleet job “%1” for %n student(s)</source>
        <translation>
            <numerusform>%n छात्र के लिए फ़्लीट जॉब “%1”</numerusform>
            <numerusform>%n छात्रों के लिए फ़्लीट जॉब “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Looking at what each step would do (nothing is changed yet)…</source>
        <translation>देखा जा रहा है कि हर चरण क्या करेगा (अभी कुछ नहीं बदला गया)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan</source>
        <translation>योजना</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <location line="+38"/>
        <source>Student</source>
        <translation>छात्र</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+35"/>
        <location line="+38"/>
        <source>Step</source>
        <translation>चरण</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Action</source>
        <translation>कार्य</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show steps with &amp;nothing to do</source>
        <translation>जिन चरणों में कुछ करना नहीं है, उन्हें भी दिखाएँ (&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps whose result is already on the server are left alone</source>
        <translation>जिन चरणों का परिणाम पहले से सर्वर पर है, उन्हें छोड़ दिया जाता है</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start</source>
        <translation>शुरू करें (&amp;S)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Starting…</source>
        <translation>शुरू हो रहा है…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Progress</source>
        <translation>प्रगति</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%v of %m steps</source>
        <translation>%m में से %v चरण</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failures</source>
        <translation>विफलताएँ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Why it failed</source>
        <translation>विफल क्यों हुआ</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+199"/>
        <source>&amp;Pause</source>
        <translation>रोकें (&amp;P)</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Starts no new steps until resumed; the running ones finish</source>
        <translation>फिर शुरू करने तक कोई नया चरण शुरू नहीं होता; चल रहे चरण पूरे होते हैं</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel…</source>
        <translation>रद्द करें (&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops the job; its journal keeps what was done, for a later resume</source>
        <translation>जॉब रोकता है; उसका जर्नल किया गया काम बाद में फिर शुरू करने के लिए रखता है</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Failures so far:</source>
        <translation>अब तक की विफलताएँ (&amp;F):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Report</source>
        <translation>रिपोर्ट</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed steps</source>
        <translation>विफल चरण</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;Report…</source>
        <translation>रिपोर्ट सहेजें (&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Journal Folder</source>
        <translation>जर्नल फ़ोल्डर खोलें (&amp;J)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>F&amp;ailed steps:</source>
        <translation>विफल चरण (&amp;A):</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Resuming the unfinished job in %1: steps it finished are not repeated. Looking at what the rest would do…</source>
        <translation>%1 में अधूरा जॉब फिर शुरू हो रहा है: पूरे हो चुके चरण दोहराए नहीं जाते। देखा जा रहा है कि बाकी क्या करेंगे…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show steps with &amp;nothing to do (%1)</source>
        <translation>जिन चरणों में कुछ करना नहीं है, उन्हें भी दिखाएँ (%1) (&amp;N)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 to create, %2 to change, %3 blocked, %4 with nothing to do.</source>
        <translation>%1 बनाने हैं, %2 बदलने हैं, %3 अवरुद्ध, %4 में कुछ करना नहीं।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing needs doing; a run only records that.</source>
        <translation>कुछ करने की ज़रूरत नहीं; रन केवल इसे दर्ज करता है।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GitHub&apos;s rate limits make the run take about %1.</source>
        <translation>GitHub की दर सीमाओं के कारण रन में लगभग %1 लगेगा।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blocked steps will fail: see their detail.</source>
        <translation>अवरुद्ध चरण विफल होंगे: उनका विवरण देखें।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resuming the job in %1.</source>
        <translation>%1 में जॉब फिर शुरू हो रहा है।</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 holds a “%2” job, not a “%3” job</source>
        <translation>%1 में “%2” जॉब है, “%3” जॉब नहीं</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot start: %1</source>
        <translation>शुरू नहीं हो सकता: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Resume</source>
        <translation>फिर शुरू करें (&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 steps, %3 failed</source>
        <translation>%2 में से %1 चरण, %3 विफल</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paused: no new steps start until you resume</source>
        <translation>रुका हुआ: फिर शुरू करने तक कोई नया चरण शुरू नहीं होगा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA %1</source>
        <translation>अनुमानित समय %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>estimating…</source>
        <translation>अनुमान लगाया जा रहा है…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 done, %2 already there, %3 failed (of %4 steps for %5 students).</source>
        <translation>%1 पूरे, %2 पहले से मौजूद, %3 विफल (%5 छात्रों के %4 चरणों में से)।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Journal: %1</source>
        <translation>जर्नल: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel the job?</source>
        <translation>जॉब रद्द करें?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the job now? Steps already running finish on the server; the journal keeps what was done, and Fleet offers to resume the job later.</source>
        <translation>जॉब अभी रोकें? पहले से चल रहे चरण सर्वर पर पूरे होंगे; जर्नल किया गया काम रखता है, और फ़्लीट बाद में जॉब फिर शुरू करने का विकल्प देता है।</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+7"/>
        <source>Save Report</source>
        <translation>रिपोर्ट सहेजें</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 नहीं लिखा जा सका: %2</translation>
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
        <translation>छात्र के कोड में %1 को पंक्ति %2 पर खोलने के लिए डबल-क्लिक करें</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../ui/logview.cpp" line="+157"/>
        <source>Follow</source>
        <translation>फ़ॉलो करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the newest line in view. Scrolling up stops this; press again to resume.</source>
        <translation>सबसे नई पंक्ति दृश्य में रखें। ऊपर स्क्रॉल करने पर यह रुकता है; फिर शुरू करने के लिए दोबारा दबाएँ।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold new lines back (they are kept and shown on resume).</source>
        <translation>नई पंक्तियाँ रोक कर रखें (वे रखी जाती हैं और फिर शुरू करने पर दिखती हैं)।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timestamps</source>
        <translation>टाइमस्टैम्प</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the kubelet&apos;s timestamps.</source>
        <translation>kubelet के टाइमस्टैम्प दिखाएँ।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous container</source>
        <translation>पिछला कंटेनर</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the log of the container that ran before the last restart (why it crashed).</source>
        <translation>अंतिम पुनः आरंभ से पहले चले कंटेनर का लॉग दिखाएँ (वह क्यों क्रैश हुआ)।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrap</source>
        <translation>लपेटें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wrap long lines.</source>
        <translation>लंबी पंक्तियाँ लपेटें।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>सहेजें…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear</source>
        <translation>साफ़ करें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search the log</source>
        <translation>लॉग में खोजें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the log (F3 next, Shift+F3 previous)</source>
        <translation>लॉग में खोजें (F3 अगला, Shift+F3 पिछला)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous match (Shift+F3)</source>
        <translation>पिछला मिलान (Shift+F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>पिछला मिलान</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next match (F3)</source>
        <translation>अगला मिलान (F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>अगला मिलान</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Log</source>
        <translation>लॉग</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>the whole log of the previous container is shown</source>
        <translation>पिछले कंटेनर का पूरा लॉग दिखाया गया है</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the container stopped; press Follow again when it restarts</source>
        <translation>कंटेनर रुक गया; दोबारा शुरू होने पर फिर से &apos;फ़ॉलो करें&apos; दबाएँ</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>stopped</source>
        <translation>रुका हुआ</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>no matches</source>
        <translation>कोई मिलान नहीं</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2</source>
        <translation>%2 में से %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 lines held (at most %2), %3 dropped</source>
        <translation>%1 पंक्तियाँ रखी गईं (अधिकतम %2), %3 छोड़ी गईं</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no pod selected</source>
        <translation>कोई पॉड चुना नहीं गया</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not streaming</source>
        <translation>स्ट्रीम नहीं हो रहा</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connecting to %1…</source>
        <translation>%1 से कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reading the previous container&apos;s log</source>
        <translation>पिछले कंटेनर का लॉग पढ़ा जा रहा है</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>following</source>
        <translation>फ़ॉलो कर रहा है</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>streaming (scrolled up: press Follow to resume)</source>
        <translation>स्ट्रीम हो रहा है (ऊपर स्क्रॉल किया: फिर शुरू करने के लिए &apos;फ़ॉलो करें&apos; दबाएँ)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reconnecting: %1</source>
        <translation>फिर से कनेक्ट हो रहा है: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ended: %1</source>
        <translation>समाप्त: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>paused, %1 new lines waiting</source>
        <translation>रुका हुआ, %1 नई पंक्तियाँ प्रतीक्षा में</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not save the log to %1: %2. Choose a folder you can write to.</source>
        <translation>लॉग %1 में सहेजा नहीं जा सका: %2। ऐसा फ़ोल्डर चुनें जिसमें आप लिख सकें।</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not save the log to %1: %2. Check the free space and try again.</source>
        <translation>लॉग %1 में सहेजा नहीं जा सका: %2। खाली जगह जाँचें और फिर प्रयास करें।</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save log</source>
        <translation>लॉग सहेजें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logs (*.log *.txt)</source>
        <translation>लॉग (*.log *.txt)</translation>
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
        <translation>छात्रों को नाम, लॉगिन या त्रुटि से फ़िल्टर करें (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter students</source>
        <translation>छात्र फ़िल्टर करें</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Running</source>
        <translation>चल रहे</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CrashLoop</source>
        <translation>क्रैश-लूप</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>लंबित</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind HEAD</source>
        <translation>HEAD से पीछे</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show only: %1</source>
        <translation>केवल दिखाएँ: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only students whose app is %1 (combine chips to widen)</source>
        <translation>केवल वे छात्र दिखाएँ जिनके ऐप की स्थिति %1 है (दायरा बढ़ाने के लिए चिप्स मिलाएँ)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Students</source>
        <translation>छात्र</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Error groups</source>
        <translation>त्रुटि समूह</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Errors</source>
        <translation>त्रुटियाँ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;all</source>
        <translation>सब दिखाएँ (&amp;A)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cluster: not connected</source>
        <translation>क्लस्टर: कनेक्ट नहीं</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect…</source>
        <translation>कनेक्ट करें (&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to the built-in sandbox or to a cluster from a kubeconfig</source>
        <translation>अंतर्निहित सैंडबॉक्स या kubeconfig के क्लस्टर से कनेक्ट करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to &amp;GitHub…</source>
        <translation>GitHub में साइन इन करें (&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ettings…</source>
        <translation>सेटिंग्स (&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Course…</source>
        <translation>कोर्स खोलें (&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import Roster…</source>
        <translation>रोस्टर आयात करें (&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>बाहर निकलें (&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>दृश्य (&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter Students</source>
        <translation>छात्र फ़िल्टर करें (&amp;F)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Next Failing Student</source>
        <translation>अगला विफल छात्र (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster &amp;Health</source>
        <translation>क्लस्टर स्वास्थ्य (&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Student</source>
        <translation>छात्र (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Logs</source>
        <translation>लॉग दिखाएँ (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Terminal</source>
        <translation>टर्मिनल खोलें (&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restart</source>
        <translation>पुनः आरंभ करें (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;deploy at HEAD</source>
        <translation>HEAD पर पुनः डिप्लॉय करें (&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the &amp;App</source>
        <translation>ऐप खोलें (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Re&amp;pository</source>
        <translation>रिपॉज़िटरी खोलें (&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Code</source>
        <translation>कोड खोलें (&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;leet</source>
        <translation>फ़्लीट (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Seed Course…</source>
        <translation>कोर्स सीड करें (&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeploy at HEAD in &amp;Waves…</source>
        <translation>HEAD पर लहरों में पुनः डिप्लॉय करें (&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;estart in Waves…</source>
        <translation>लहरों में पुनः आरंभ करें (&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync &amp;Template…</source>
        <translation>टेम्पलेट सिंक करें (&amp;T)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Resume Seed Job…</source>
        <translation>सीड जॉब फिर शुरू करें (&amp;R)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Resume Template Sync Job…</source>
        <translation>टेम्पलेट सिंक जॉब फिर शुरू करें (&amp;R)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Audit Log</source>
        <translation>ऑडिट लॉग (&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About CourseOps</source>
        <translation>CourseOps के बारे में (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Qt के बारे में (&amp;Q)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Students loaded from the roster: %1. Fix the lines below and open the files again; the rows listed were skipped.</source>
        <translation>रोस्टर से लोड हुए छात्र: %1। नीचे दी गई पंक्तियाँ ठीक करें और फ़ाइलें फिर से खोलें; सूचीबद्ध पंक्तियाँ छोड़ दी गईं।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problems in the course files</source>
        <translation>कोर्स फ़ाइलों में समस्याएँ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No course open — File ▸ Open Course (Ctrl+O)</source>
        <translation>कोई कोर्स खुला नहीं — फ़ाइल ▸ कोर्स खोलें (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · students in the roster: %2 · %3</source>
        <translation>%1 · रोस्टर में छात्र: %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — CourseOps</source>
        <translation>%1 — CourseOps</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open Course</source>
        <translation>कोर्स खोलें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Course files (*.yaml *.yml)</source>
        <translation>कोर्स फ़ाइलें (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open Roster</source>
        <translation>रोस्टर खोलें</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Rosters (*.csv *.yaml *.yml)</source>
        <translation>रोस्टर (*.csv *.yaml *.yml)</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+3"/>
        <source>Import Roster</source>
        <translation>रोस्टर आयात करें</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Open a course first (File ▸ Open Course).</source>
        <translation>पहले एक कोर्स खोलें (फ़ाइल ▸ कोर्स खोलें)।</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About CourseOps</source>
        <translation>CourseOps के बारे में</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;CourseOps %1&lt;/h3&gt;&lt;p&gt;A console for the staff of very large programming courses: every student&apos;s app in one live table, their code one click away.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CourseOps %1&lt;/h3&gt;&lt;p&gt;बहुत बड़े प्रोग्रामिंग कोर्सों के स्टाफ़ के लिए एक कंसोल: हर छात्र का ऐप एक लाइव तालिका में, उनका कोड बस एक क्लिक दूर।&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Starting the built-in sandbox…</source>
        <translation>अंतर्निहित सैंडबॉक्स शुरू हो रहा है…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;●&lt;/span&gt; Not connected</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;●&lt;/span&gt; कनेक्ट नहीं</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connected to %1 as %2</source>
        <translation>%2 के रूप में %1 से कनेक्ट</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Needs a connection to the cluster (File ▸ Connect)</source>
        <translation>क्लस्टर से कनेक्शन चाहिए (फ़ाइल ▸ कनेक्ट करें)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a student in the table first</source>
        <translation>पहले तालिका में एक छात्र चुनें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select exactly one student</source>
        <translation>ठीक एक छात्र चुनें</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No students in the table</source>
        <translation>तालिका में कोई छात्र नहीं</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+9"/>
        <source>Sign in to GitHub to know each repository&apos;s HEAD</source>
        <translation>हर रिपॉज़िटरी का HEAD जानने के लिए GitHub में साइन इन करें</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Sign in to GitHub to open a student&apos;s repository</source>
        <translation>छात्र की रिपॉज़िटरी खोलने के लिए GitHub में साइन इन करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to GitHub to open a student&apos;s code</source>
        <translation>छात्र का कोड खोलने के लिए GitHub में साइन इन करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to GitHub to create the students&apos; repositories</source>
        <translation>छात्रों की रिपॉज़िटरी बनाने के लिए GitHub में साइन इन करें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in to GitHub to sync the template</source>
        <translation>टेम्पलेट सिंक करने के लिए GitHub में साइन इन करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The course file names no template (github: template)</source>
        <translation>कोर्स फ़ाइल में कोई टेम्पलेट नहीं है (github: template)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The students own their forks: they bring template changes in with GitHub&apos;s Sync fork</source>
        <translation>छात्र अपने फ़ोर्क के स्वामी हैं: वे टेम्पलेट के बदलाव GitHub के Sync fork से लाते हैं</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Every student in the table is running and ready.</source>
        <translation>तालिका का हर छात्र चल रहा है और तैयार है।</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Opening %1</source>
        <translation>%1 खोला जा रहा है</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+25"/>
        <source>Seed Course</source>
        <translation>कोर्स सीड करें</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>An unfinished seed job is in %1. Resume it? (No starts a new one; steps already done are found on the server and left alone.)</source>
        <translation>%1 में एक अधूरा सीड जॉब है। उसे फिर शुरू करें? (नहीं चुनने पर नया शुरू होगा; पहले से पूरे चरण सर्वर पर मिलते हैं और छोड़ दिए जाते हैं।)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The roster has no students (File ▸ Import Roster).</source>
        <translation>रोस्टर में कोई छात्र नहीं है (फ़ाइल ▸ रोस्टर आयात करें)।</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+30"/>
        <location line="+8"/>
        <location line="+16"/>
        <location line="+4"/>
        <source>Sync Template</source>
        <translation>टेम्पलेट सिंक करें</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>An unfinished template sync is in %1. Resume it? (No starts a new one.)</source>
        <translation>%1 में एक अधूरा टेम्पलेट सिंक है। उसे फिर शुरू करें? (नहीं चुनने पर नया शुरू होगा।)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Bring the students the changes %1 made since which commit?
(a SHA, branch or tag: the one their repositories were made from or last synced to)</source>
        <translation>%1 के किस कमिट के बाद के बदलाव छात्रों तक पहुँचाएँ?
(एक SHA, ब्रांच या टैग: जिससे उनकी रिपॉज़िटरी बनी थीं या जिस तक पिछली बार सिंक हुई थीं)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading what %1 changed…</source>
        <translation>पढ़ा जा रहा है कि %1 में क्या बदला…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 did not change in %2: nothing to sync.</source>
        <translation>%1 में %2 के दौरान कोई बदलाव नहीं: सिंक करने को कुछ नहीं।</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Cluster Health — %1</source>
        <translation>क्लस्टर स्वास्थ्य — %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Redeploy in Waves</source>
        <translation>लहरों में पुनः डिप्लॉय करें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restart in Waves</source>
        <translation>लहरों में पुनः आरंभ करें</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No student in the table has a Deployment.</source>
        <translation>तालिका के किसी छात्र का Deployment नहीं है।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The repositories&apos; HEAD is not known yet; try again in a moment.</source>
        <translation>रिपॉज़िटरी का HEAD अभी ज्ञात नहीं है; थोड़ी देर में फिर प्रयास करें।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left out, their repository&apos;s HEAD is not known yet: %1</source>
        <translation>छोड़े गए, उनकी रिपॉज़िटरी का HEAD अभी ज्ञात नहीं: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The HEAD of %1&apos;s repository is not known yet; try again in a moment.</source>
        <translation>%1 की रिपॉज़िटरी का HEAD अभी ज्ञात नहीं है; थोड़ी देर में फिर प्रयास करें।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deployment.apps/%1 redeploying at %2</source>
        <translation>deployment.apps/%1 %2 पर पुनः डिप्लॉय हो रहा है</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeploy</source>
        <translation>पुनः डिप्लॉय</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not redeploy %1: %2</source>
        <translation>%1 को पुनः डिप्लॉय नहीं किया जा सका: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Audit Log</source>
        <translation>ऑडिट लॉग</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The last %n write(s) made from this computer, newest first. The file: %1</source>
        <translation>
            <numerusform>इस कंप्यूटर से किया गया अंतिम %n लेखन, नया पहले। फ़ाइल: %1</numerusform>
            <numerusform>इस कंप्यूटर से किए गए अंतिम %n लेखन, नए पहले। फ़ाइल: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing yet.</source>
        <translation>अभी तक कुछ नहीं।</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sign in to GitHub (File ▸ Sign in to GitHub) to open a student&apos;s code</source>
        <translation>छात्र का कोड खोलने के लिए GitHub में साइन इन करें (फ़ाइल ▸ GitHub में साइन इन करें)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Commit and &amp;Redeploy…</source>
        <translation>कमिट और पुनः डिप्लॉय (&amp;R)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commit, then roll the student&apos;s app out at the new commit</source>
        <translation>कमिट करें, फिर छात्र के ऐप को नए कमिट पर रोल आउट करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs a connection to the cluster</source>
        <translation>क्लस्टर से कनेक्शन चाहिए</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Open Code</source>
        <translation>कोड खोलें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no student &quot;%1&quot; in the roster of %2. Check the login (it is the student&apos;s GitHub login) or open the course they are in.</source>
        <translation>%2 के रोस्टर में &quot;%1&quot; नाम का कोई छात्र नहीं है। लॉगिन जाँचें (यह छात्र का GitHub लॉगिन है) या वह कोर्स खोलें जिसमें वे हैं।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening %1&apos;s code once GitHub and the cluster answer…</source>
        <translation>GitHub और क्लस्टर के जवाब देते ही %1 का कोड खुलेगा…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not open %1&apos;s code: GitHub did not answer. Sign in with File ▸ Sign in to GitHub and press Ctrl+E on the student&apos;s row.</source>
        <translation>%1 का कोड नहीं खुल सका: GitHub ने जवाब नहीं दिया। फ़ाइल ▸ GitHub में साइन इन करें से साइन इन करें और छात्र की पंक्ति पर Ctrl+E दबाएँ।</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Committed %1; redeploying %2…</source>
        <translation>%1 कमिट हुआ; %2 पुनः डिप्लॉय हो रहा है…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The commit is in the repository, but the redeploy failed: %1</source>
        <translation>कमिट रिपॉज़िटरी में है, पर पुनः डिप्लॉय विफल रहा: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The fix is live: %1 runs commit %2 and its app answers (%3).</source>
        <translation>सुधार लाइव है: %1 कमिट %2 चला रहा है और उसका ऐप जवाब देता है (%3)।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not live after 5 minutes: %1 is %2%3. Check the logs in the main window.</source>
        <translation>5 मिनट बाद भी लाइव नहीं: %1 %2%3 है। मुख्य विंडो में लॉग देखें।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without a pod</source>
        <translation>बिना पॉड के</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rolling out %1 at %2… (now %3)</source>
        <translation>%1 को %2 पर रोल आउट किया जा रहा है… (अभी %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New pod of %1: %2%3</source>
        <translation>%1 का नया पॉड: %2%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is running at %2; waiting for the app to answer…</source>
        <translation>%1 %2 पर चल रहा है; ऐप के जवाब की प्रतीक्षा…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>deployment.apps/%1 restarted</source>
        <translation>deployment.apps/%1 पुनः आरंभ हुआ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart</source>
        <translation>पुनः आरंभ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not restart %1: %2</source>
        <translation>%1 को पुनः आरंभ नहीं किया जा सका: %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+47"/>
        <source>GitHub: &lt;a href=&quot;signin&quot;&gt;sign in&lt;/a&gt;</source>
        <translation>GitHub: &lt;a href=&quot;signin&quot;&gt;साइन इन करें&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to GitHub to see the repositories&apos; HEAD and to patch code</source>
        <translation>रिपॉज़िटरी का HEAD देखने और कोड सुधारने के लिए GitHub में साइन इन करें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub: %1</source>
        <translation>GitHub: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in to %1 as %2</source>
        <translation>%2 के रूप में %1 में साइन इन</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <location filename="../ui/mergeview.cpp" line="+95"/>
        <source>Merge</source>
        <translation>मर्ज</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Files to merge</source>
        <translation>मर्ज करने के लिए फ़ाइलें</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conflicts in this file</source>
        <translation>इस फ़ाइल में टकराव</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Theirs: the branch now</source>
        <translation>उनका: अभी की ब्रांच</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base: when you opened the files</source>
        <translation>आधार: जब आपने फ़ाइलें खोलीं</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours: your edits</source>
        <translation>हमारा: आपके संपादन</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result of the merge</source>
        <translation>मर्ज का परिणाम</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>◀ Previous</source>
        <translation>◀ पिछला</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous conflict (Shift+F7)</source>
        <translation>पिछला टकराव (Shift+F7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>अगला ▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next conflict (F7)</source>
        <translation>अगला टकराव (F7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take ours</source>
        <translation>हमारा लें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep your edit for this conflict</source>
        <translation>इस टकराव के लिए अपना संपादन रखें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>उनका लें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep the student&apos;s version</source>
        <translation>छात्र का संस्करण रखें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take both</source>
        <translation>दोनों लें</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your lines, then the student&apos;s</source>
        <translation>आपकी पंक्तियाँ, फिर छात्र की</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark resolved</source>
        <translation>हल हुआ चिह्नित करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result of this file is right (no conflict markers may remain)</source>
        <translation>इस फ़ाइल का परिणाम सही है (कोई टकराव चिह्न नहीं बचना चाहिए)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit merge</source>
        <translation>मर्ज कमिट करें</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit the resolved files on top of the student&apos;s new head</source>
        <translation>हल की गई फ़ाइलों को छात्र के नए head के ऊपर कमिट करें</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&lt;b&gt;Result&lt;/b&gt; (editable; this is what gets committed)</source>
        <translation>&lt;b&gt;परिणाम&lt;/b&gt; (संपादन योग्य; यही कमिट होता है)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;Files&lt;/b&gt;</source>
        <translation>&lt;b&gt;फ़ाइलें&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Conflicts in this file&lt;/b&gt;</source>
        <translation>&lt;b&gt;इस फ़ाइल में टकराव&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Merge with the student&apos;s changes — %1</source>
        <translation>छात्र के बदलावों के साथ मर्ज — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Theirs&lt;/b&gt;: the branch now (%1)</source>
        <translation>&lt;b&gt;उनका&lt;/b&gt;: अभी की ब्रांच (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Base&lt;/b&gt;: when you opened the files (%1)</source>
        <translation>&lt;b&gt;आधार&lt;/b&gt;: जब आपने फ़ाइलें खोलीं (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Ours&lt;/b&gt;: your edits</source>
        <translation>&lt;b&gt;हमारा&lt;/b&gt;: आपके संपादन</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>(the student deleted this file)</source>
        <translation>(छात्र ने यह फ़ाइल हटा दी)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(the file did not exist)</source>
        <translation>(फ़ाइल मौजूद नहीं थी)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(you deleted this file)</source>
        <translation>(आपने यह फ़ाइल हटा दी)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>merged cleanly</source>
        <translation>साफ़ मर्ज हुआ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resolved</source>
        <translation>हल हुआ</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n टकराव</numerusform>
            <numerusform>%n टकराव</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not marked resolved</source>
        <translation>हल हुआ चिह्नित नहीं</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Conflict %1 at line %2</source>
        <translation>पंक्ति %2 पर टकराव %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Every file is resolved. Commit merge makes one commit on top of the student&apos;s %1.</source>
        <translation>हर फ़ाइल हल हो गई। &apos;मर्ज कमिट करें&apos; छात्र के %1 के ऊपर एक कमिट बनाता है।</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The student pushed %1 after you opened the files. %n conflict(s) left: take ours, theirs or both, or edit the result, then mark each file resolved.</source>
        <translation>
            <numerusform>आपके फ़ाइलें खोलने के बाद छात्र ने %1 पुश किया। %n टकराव बचा है: हमारा, उनका या दोनों लें, या परिणाम संपादित करें, फिर हर फ़ाइल को हल हुआ चिह्नित करें।</numerusform>
            <numerusform>आपके फ़ाइलें खोलने के बाद छात्र ने %1 पुश किया। %n टकराव बचे हैं: हमारा, उनका या दोनों लें, या परिणाम संपादित करें, फिर हर फ़ाइल को हल हुआ चिह्नित करें।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>No conflict markers left. Check the result and press Mark resolved (%n file(s) to go).</source>
        <translation>
            <numerusform>कोई टकराव चिह्न नहीं बचा। परिणाम जाँचें और &apos;हल हुआ चिह्नित करें&apos; दबाएँ (%n फ़ाइल बाकी)।</numerusform>
            <numerusform>कोई टकराव चिह्न नहीं बचा। परिणाम जाँचें और &apos;हल हुआ चिह्नित करें&apos; दबाएँ (%n फ़ाइलें बाकी)।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+119"/>
        <source>%1 still has %n conflict(s): take ours, theirs or both, or edit the markers (&lt;&lt;&lt;&lt;&lt;&lt;&lt; ======= &gt;&gt;&gt;&gt;&gt;&gt;&gt;) away, then mark it resolved.</source>
        <translation>
            <numerusform>%1 में अभी भी %n टकराव है: हमारा, उनका या दोनों लें, या चिह्न (&lt;&lt;&lt;&lt;&lt;&lt;&lt; ======= &gt;&gt;&gt;&gt;&gt;&gt;&gt;) हटाएँ, फिर इसे हल हुआ चिह्नित करें।</numerusform>
            <numerusform>%1 में अभी भी %n टकराव हैं: हमारा, उनका या दोनों लें, या चिह्न (&lt;&lt;&lt;&lt;&lt;&lt;&lt; ======= &gt;&gt;&gt;&gt;&gt;&gt;&gt;) हटाएँ, फिर इसे हल हुआ चिह्नित करें।</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The merged files are what the branch already holds: there is nothing to commit. Close this window.</source>
        <translation>मर्ज की गई फ़ाइलें वही हैं जो ब्रांच में पहले से हैं: कमिट करने को कुछ नहीं। यह विंडो बंद करें।</translation>
    </message>
</context>
<context>
    <name>NodeHealthModel</name>
    <message>
        <location filename="../ui/clusterhealthview.cpp" line="-263"/>
        <source>No metrics for this node (metrics.k8s.io).</source>
        <translation>इस नोड के लिए कोई मेट्रिक्स नहीं (metrics.k8s.io)।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use now / allocatable to pods (capacity %1 CPU, %2)</source>
        <translation>अभी का उपयोग / पॉड के लिए आवंटन योग्य (क्षमता %1 CPU, %2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Node</source>
        <translation>नोड</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU use / allocatable</source>
        <translation>CPU उपयोग / आवंटन योग्य</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory use / allocatable</source>
        <translation>मेमोरी उपयोग / आवंटन योग्य</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods</source>
        <translation>पॉड</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/wavedialog.cpp" line="+23"/>
        <source>Redeploy</source>
        <translation>पुनः डिप्लॉय</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restart</source>
        <translation>पुनः आरंभ</translation>
    </message>
    <message>
        <location filename="../core/course/clustersession.cpp" line="+24"/>
        <source>Checking what your account may do…</source>
        <translation>जाँच हो रही है कि आपका खाता क्या कर सकता है…</translation>
    </message>
    <message>
        <location filename="../core/course/job.cpp" line="+15"/>
        <source>create</source>
        <translation>बनाएँ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change</source>
        <translation>बदलें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>leave alone</source>
        <translation>रहने दें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blocked</source>
        <translation>अवरुद्ध</translation>
    </message>
    <message>
        <location filename="../core/course/jobjournal.cpp" line="+71"/>
        <source>A job already exists in %1; resume it or choose another folder.</source>
        <translation>%1 में पहले से एक जॉब है; उसे फिर शुरू करें या कोई और फ़ोल्डर चुनें।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the job folder %1: check that the disk is writable.</source>
        <translation>जॉब फ़ोल्डर %1 नहीं बनाया जा सका: जाँचें कि डिस्क में लिखा जा सकता है।</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+9"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 नहीं लिखा जा सका: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No job in %1 (%2 is missing).</source>
        <translation>%1 में कोई जॉब नहीं (%2 नहीं है)।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is damaged (%2); the job cannot be resumed. Start it again in a new folder.</source>
        <translation>%1 क्षतिग्रस्त है (%2); जॉब फिर शुरू नहीं हो सकता। इसे नए फ़ोल्डर में दोबारा शुरू करें।</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 पढ़ा नहीं जा सका: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot repair the job journal %1: %2</source>
        <translation>जॉब जर्नल %1 ठीक नहीं किया जा सका: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot write the job journal %1: %2</source>
        <translation>जॉब जर्नल %1 लिखा नहीं जा सका: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write the job journal %1: %2 (is the disk full?)</source>
        <translation>जॉब जर्नल %1 लिखा नहीं जा सका: %2 (क्या डिस्क भर गई है?)</translation>
    </message>
    <message>
        <location filename="../core/course/templatesync.cpp" line="+73"/>
        <source>deleted in the student&apos;s repository</source>
        <translation>छात्र की रिपॉज़िटरी में हटाई गई</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed from the template, changed by the student</source>
        <translation>टेम्पलेट से हटाई गई, छात्र ने बदली</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>binary file changed on both sides</source>
        <translation>बाइनरी फ़ाइल दोनों ओर बदली</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>both changed the same lines</source>
        <translation>दोनों ने वही पंक्तियाँ बदलीं</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added on both sides with different content</source>
        <translation>दोनों ओर अलग सामग्री के साथ जोड़ी गई</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The template %1 has no commit, branch or tag &apos;%2&apos; (%3). Give --from and --to as commits of the template.</source>
        <translation>टेम्पलेट %1 में &apos;%2&apos; नाम का कोई कमिट, ब्रांच या टैग नहीं है (%3)। --from और --to टेम्पलेट के कमिट के रूप में दें।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no sha in the answer</source>
        <translation>जवाब में कोई sha नहीं</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The template %1 has more files than GitHub lists in one tree; template sync handles smaller templates only.</source>
        <translation>टेम्पलेट %1 में GitHub द्वारा एक ट्री में सूचीबद्ध फ़ाइलों से अधिक फ़ाइलें हैं; टेम्पलेट सिंक केवल छोटे टेम्पलेट संभालता है।</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="+37"/>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Table refresh</source>
        <translation>तालिका ताज़ा करना</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> lines</source>
        <translation> पंक्तियाँ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log buffer</source>
        <translation>लॉग बफ़र</translation>
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
        <translation>जाँच अंतराल</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster health refresh</source>
        <translation>क्लस्टर स्वास्थ्य ताज़ा करना</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table &amp;refresh:</source>
        <translation>तालिका ताज़ा करना (&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log buffer:</source>
        <translation>लॉग बफ़र (&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App &amp;probe every:</source>
        <translation>ऐप की जाँच हर (&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster &amp;health every:</source>
        <translation>क्लस्टर स्वास्थ्य हर (&amp;H):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theme</source>
        <translation>थीम</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Theme:</source>
        <translation>थीम (&amp;T):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longer intervals mean fewer requests to the cluster and the apps. A log view drops its oldest lines past the buffer size. High contrast shows the keyboard focus with a thick yellow frame.</source>
        <translation>लंबे अंतराल का अर्थ है क्लस्टर और ऐप्स को कम अनुरोध। लॉग दृश्य बफ़र आकार से आगे की सबसे पुरानी पंक्तियाँ छोड़ देता है। उच्च कंट्रास्ट कीबोर्ड फ़ोकस को मोटे पीले फ़्रेम से दिखाता है।</translation>
    </message>
</context>
<context>
    <name>TerminalWidget</name>
    <message>
        <location filename="../ui/terminalwidget.cpp" line="+182"/>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Connecting to %1 in %2…</source>
        <translation>%2 में %1 से कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+16"/>
        <source>The session was closed. Press Enter to open a new one.</source>
        <translation>सत्र बंद कर दिया गया। नया खोलने के लिए Enter दबाएँ।</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The shell in %1 exited with code %2. Press Enter to open a new one.</source>
        <translation>%1 का शेल कोड %2 के साथ बंद हुआ। नया खोलने के लिए Enter दबाएँ।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The session ended: %1 Press Enter to try again.</source>
        <translation>सत्र समाप्त हुआ: %1 फिर प्रयास करने के लिए Enter दबाएँ।</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../ui/theme.cpp" line="+119"/>
        <source>Light</source>
        <translation>हल्की</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dark</source>
        <translation>गहरी</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High contrast</source>
        <translation>उच्च कंट्रास्ट</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow the system</source>
        <translation>सिस्टम के अनुसार</translation>
    </message>
</context>
<context>
    <name>WaveDialog</name>
    <message>
        <location filename="../ui/wavedialog.cpp" line="+13"/>
        <source>%1 1 Deployment in waves</source>
        <translation>%1 — 1 Deployment, लहरों में</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 Deployments in waves</source>
        <translation>%1 — %2 Deployment, लहरों में</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>and %1 more</source>
        <translation>और %1 अन्य</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first wave; 0 for none. Its failures stop the run before anyone else is touched.</source>
        <translation>पहली लहर; न चाहें तो 0। इसकी विफलताएँ किसी और को छूने से पहले ही रन रोक देती हैं।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> per wave</source>
        <translation> प्रति लहर</translation>
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
        <translation> % एक लहर का</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Canary wave size:</source>
        <translation>कैनरी लहर का आकार:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size:</source>
        <translation>बैच का आकार:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause between waves:</source>
        <translation>लहरों के बीच विराम:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop when failures exceed:</source>
        <translation>विफलताएँ इससे अधिक होने पर रोकें:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollout timeout per Deployment:</source>
        <translation>प्रति Deployment रोलआउट समय-सीमा:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes at once:</source>
        <translation>एक साथ लेखन:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>शुरू करें</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Starting…</source>
        <translation>शुरू हो रहा है…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%v of %m</source>
        <translation>%m में से %v</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+142"/>
        <source>Time left: estimating…</source>
        <translation>शेष समय: अनुमान लगाया जा रहा है…</translation>
    </message>
    <message>
        <location line="-136"/>
        <location line="+7"/>
        <source>Wave</source>
        <translation>लहर</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Deployments</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rolled out</source>
        <translation>रोल आउट हुए</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it failed</source>
        <translation>विफल क्यों हुआ</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+149"/>
        <source>Pause</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Cancel run</source>
        <translation>रन रद्द करें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+46"/>
        <source>Waves</source>
        <translation>लहरें</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+41"/>
        <source>Failures</source>
        <translation>विफलताएँ</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>1 wave</source>
        <translation>1 लहर</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 waves</source>
        <translation>%1 लहरें</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>: a canary of %1, then up to %2 at a time</source>
        <translation>: %1 की एक कैनरी, फिर एक बार में %2 तक</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> of up to %1</source>
        <translation> अधिकतम %1 की</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 s apart</source>
        <translation>, %1 s के अंतर पर</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run stops by itself when more than %1 % of a wave fails.</source>
        <translation>जब किसी लहर का %1 % से अधिक विफल हो, रन अपने आप रुक जाता है।</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (canary)</source>
        <translation>%1 (कैनरी)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+81"/>
        <source>waiting</source>
        <translation>प्रतीक्षा में</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Time left: about %1 s</source>
        <translation>शेष समय: लगभग %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time left: about %1 min %2 s</source>
        <translation>शेष समय: लगभग %1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left: about %1 h %2 min</source>
        <translation>शेष समय: लगभग %1 h %2 min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wave %1 of %2</source>
        <translation>लहर %1 / %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting</source>
        <translation>शुरू हो रहा है</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (canary)</source>
        <translation> (कैनरी)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting before wave %1 of %2</source>
        <translation>लहर %1 / %2 से पहले प्रतीक्षा</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 rolled out, %3 failed, %4 to go</source>
        <translation>%1 — %2 रोल आउट, %3 विफल, %4 बाकी</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> — paused: no new writes until you resume</source>
        <translation> — रुका हुआ: फिर शुरू करने तक कोई नया लेखन नहीं</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+55"/>
        <source>Finished</source>
        <translation>पूरा हुआ</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Resume</source>
        <translation>फिर शुरू करें</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+37"/>
        <source>running</source>
        <translation>चल रहा है</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>too many failures: run stopped</source>
        <translation>बहुत अधिक विफलताएँ: रन रोका गया</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done, failures within the bound</source>
        <translation>पूरा, विफलताएँ सीमा के भीतर</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>पूरा</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not run</source>
        <translation>नहीं चला</translation>
    </message>
</context>
<context>
    <name>YamlView</name>
    <message>
        <location filename="../ui/yamlview.cpp" line="+126"/>
        <source>Refresh</source>
        <translation>ताज़ा करें</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No student selected.</source>
        <translation>कोई छात्र चुना नहीं गया।</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The YAML of %1 is read when this tab is shown.</source>
        <translation>यह टैब दिखने पर %1 का YAML पढ़ा जाता है।</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reading from the cluster…</source>
        <translation>क्लस्टर से पढ़ा जा रहा है…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 %2 could not be shown as YAML: %3</source>
        <translation>%1 %2 YAML के रूप में नहीं दिखाया जा सका: %3</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Read at %1 (read-only; press Refresh for the current state).</source>
        <translation>%1 पर पढ़ा गया (केवल पढ़ने के लिए; वर्तमान स्थिति के लिए &apos;ताज़ा करें&apos; दबाएँ)।</translation>
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
        <translation>पॉड</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Deployment or Pod to show.</source>
        <translation>दिखाने के लिए कोई Deployment या पॉड नहीं।</translation>
    </message>
</context>
<context>
    <name>course::ClusterSession</name>
    <message>
        <location filename="../core/course/clustersession.cpp" line="+33"/>
        <source>pods</source>
        <translation>पॉड</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deployments</source>
        <translation>deployments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>services</source>
        <translation>services</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>watching %1 failed: %2 (retrying in %3 s)</source>
        <translation>%1 की निगरानी विफल: %2 (%3 s में फिर प्रयास)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the computer slept; catching up with the cluster</source>
        <translation>कंप्यूटर सो गया था; क्लस्टर की जानकारी से बराबरी की जा रही है</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the cluster does not answer: %1</source>
        <translation>क्लस्टर जवाब नहीं देता: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>nothing heard from the cluster</source>
        <translation>क्लस्टर से कुछ सुनाई नहीं दिया</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>data %1 s old</source>
        <translation>डेटा %1 s पुराना</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no data yet</source>
        <translation>अभी कोई डेटा नहीं</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to %1…</source>
        <translation>%1 से कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live · %1</source>
        <translation>लाइव · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting · %1</source>
        <translation>फिर से कनेक्ट हो रहा है · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stale · %1</source>
        <translation>पुराना · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected</source>
        <translation>कनेक्ट नहीं</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Could not check whether your account may %1: %2</source>
        <translation>जाँचा नहीं जा सका कि आपका खाता %1 कर सकता है या नहीं: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your account (%1) may not %2 here%3. Ask a course admin for the role.</source>
        <translation>आपका खाता (%1) यहाँ %2 नहीं कर सकता%3। किसी कोर्स व्यवस्थापक से भूमिका माँगें।</translation>
    </message>
</context>
<context>
    <name>course::EmbeddedSandbox</name>
    <message>
        <location filename="../core/course/embeddedsandbox.cpp" line="+57"/>
        <source>The built-in sandbox (courseops-sandbox) was not found next to this program or on PATH. Reinstall CourseOps, or connect to a cluster with a kubeconfig (File ▸ Connect).</source>
        <translation>अंतर्निहित सैंडबॉक्स (courseops-sandbox) इस प्रोग्राम के पास या PATH में नहीं मिला। CourseOps फिर से इंस्टॉल करें, या kubeconfig से किसी क्लस्टर से कनेक्ट करें (फ़ाइल ▸ कनेक्ट करें)।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot create the sandbox&apos;s folder %1. Check that the disk is writable and not full.</source>
        <translation>सैंडबॉक्स का फ़ोल्डर %1 नहीं बनाया जा सका। जाँचें कि डिस्क में लिखा जा सकता है और वह भरी नहीं है।</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The built-in sandbox %1 could not be started: %2.</source>
        <translation>अंतर्निहित सैंडबॉक्स %1 शुरू नहीं हो सका: %2।</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>it crashed</source>
        <translation>वह क्रैश हो गया</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>it exited with code %1</source>
        <translation>वह कोड %1 के साथ बंद हुआ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The built-in sandbox stopped: %1. Reconnect (File ▸ Connect) to start it again.</source>
        <translation>अंतर्निहित सैंडबॉक्स रुक गया: %1। इसे फिर शुरू करने के लिए दोबारा कनेक्ट करें (फ़ाइल ▸ कनेक्ट करें)।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The built-in sandbox did not start: %1. If its saved state is damaged, delete the folder %2 and start again.</source>
        <translation>अंतर्निहित सैंडबॉक्स शुरू नहीं हुआ: %1। यदि इसकी सहेजी स्थिति क्षतिग्रस्त है, तो फ़ोल्डर %2 हटाकर फिर शुरू करें।</translation>
    </message>
</context>
<context>
    <name>course::Job</name>
    <message>
        <location filename="../core/course/job.cpp" line="+118"/>
        <source>Cancelled. The journal keeps what was done; resume the job to finish it.</source>
        <translation>रद्द किया गया। जर्नल में किया गया काम दर्ज है; इसे पूरा करने के लिए जॉब फिर शुरू करें।</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n student(s) failed; see the report for why. Resume the job to retry them.</source>
        <translation>
            <numerusform>%n छात्र विफल रहा; कारण के लिए रिपोर्ट देखें। उन्हें दोबारा आज़माने के लिए जॉब फिर शुरू करें।</numerusform>
            <numerusform>%n छात्र विफल रहे; कारण के लिए रिपोर्ट देखें। उन्हें दोबारा आज़माने के लिए जॉब फिर शुरू करें।</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stopped: %1</source>
        <translation>रुका: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Every step is done.</source>
        <translation>हर चरण पूरा हो गया।</translation>
    </message>
</context>
<context>
    <name>course::SeedJob</name>
    <message>
        <location filename="../core/course/seedjob.cpp" line="+146"/>
        <location line="+72"/>
        <source>%1 is not in the roster</source>
        <translation>%1 रोस्टर में नहीं है</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+38"/>
        <location line="+50"/>
        <location line="+108"/>
        <location line="+11"/>
        <source>%1 exists</source>
        <translation>%1 मौजूद है</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>%1/%2 from %3</source>
        <translation>%3 से %1/%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 has access</source>
        <translation>%1 के पास पहुँच है</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invite %1 with push access</source>
        <translation>%1 को पुश पहुँच के साथ आमंत्रित करें</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>%1/%2 does not exist: ask %1 to fork %3 into their account, keeping the name %2</source>
        <translation>%1/%2 मौजूद नहीं है: %1 से कहें कि %3 को अपने खाते में फ़ोर्क करें और नाम %2 ही रखें</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a fork of %2: ask %3 to rename it and fork %2</source>
        <translation>%1, %2 का फ़ोर्क नहीं है: %3 से कहें कि इसका नाम बदलें और %2 को फ़ोर्क करें</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+70"/>
        <source>%1 is a fork of %2</source>
        <translation>%1, %2 का फ़ोर्क है</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+68"/>
        <source>%1 owns %1/%2</source>
        <translation>%1/%2 का स्वामी %1 है</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>at %1</source>
        <translation>%1 पर</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 from %2 to %3</source>
        <translation>%1, %2 से %3 तक</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>invited %1</source>
        <translation>%1 को आमंत्रित किया</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already has access</source>
        <translation>%1 के पास पहले से पहुँच है</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+105"/>
        <source>created %1</source>
        <translation>%1 बनाया</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>%1/%2 does not exist: seed the student first</source>
        <translation>%1/%2 मौजूद नहीं है: पहले छात्र को सीड करें</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+19"/>
        <source>deployment %1 exists</source>
        <translation>deployment %1 मौजूद है</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>deployment %1 at %2</source>
        <translation>deployment %1, %2 पर</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>deployment %1 is at %2</source>
        <translation>deployment %1, %2 पर है</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deployment %1 moved from %2 to %3</source>
        <translation>deployment %1, %2 से %3 पर गया</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+27"/>
        <source>configmap %1/%2</source>
        <translation>configmap %1/%2</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1 with server %2</source>
        <translation>%1, सर्वर %2 के साथ</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+28"/>
        <source>server %1 in %2</source>
        <translation>%2 में सर्वर %1</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>server %1 to %2 in %3</source>
        <translation>%3 में सर्वर %1 को %2 पर</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add server %1 to %2</source>
        <translation>%2 में सर्वर %1 जोड़ें</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 kept changing while adding server %2 (%3 tries): run the job again</source>
        <translation>सर्वर %2 जोड़ते समय %1 बदलता रहा (%3 प्रयास): जॉब फिर से चलाएँ</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>server %1 is in %2</source>
        <translation>सर्वर %1, %2 में है</translation>
    </message>
</context>
<context>
    <name>course::TemplateSyncJob</name>
    <message>
        <location filename="../core/course/templatesync.cpp" line="+128"/>
        <source>Template update %1 from %2</source>
        <translation>%2 से टेम्पलेट अद्यतन %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The course template %1 changed (%2). This pull request brings the change into your repository, merged with your own work; nothing of yours was overwritten.

Files:
</source>
        <translation>कोर्स टेम्पलेट %1 बदला (%2)। यह पुल रिक्वेस्ट उस बदलाव को आपके काम के साथ मर्ज करके आपकी रिपॉज़िटरी में लाता है; आपका कुछ भी अधिलेखित नहीं हुआ।

फ़ाइलें:
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>added</source>
        <translation>जोड़ी गई</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>removed</source>
        <translation>हटाई गई</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed</source>
        <translation>बदली गई</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1/%2 does not exist: seed the course first</source>
        <translation>%1/%2 मौजूद नहीं है: पहले कोर्स सीड करें</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1/%2 has more files than GitHub lists in one tree</source>
        <translation>%1/%2 में GitHub द्वारा एक ट्री में सूचीबद्ध फ़ाइलों से अधिक फ़ाइलें हैं</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>a folder in the student&apos;s repository</source>
        <translation>छात्र की रिपॉज़िटरी में एक फ़ोल्डर</translation>
    </message>
    <message>
        <location line="+73"/>
        <location line="+35"/>
        <location line="+95"/>
        <source>pull request #%1 exists (%2)</source>
        <translation>पुल रिक्वेस्ट #%1 मौजूद है (%2)</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+36"/>
        <source>conflict in %1</source>
        <translation>%1 में टकराव</translation>
    </message>
    <message numerus="yes">
        <location line="-33"/>
        <source>merge %n file(s) onto branch %1</source>
        <translation>
            <numerusform>ब्रांच %1 पर %n फ़ाइल मर्ज करें</numerusform>
            <numerusform>ब्रांच %1 पर %n फ़ाइलें मर्ज करें</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+43"/>
        <source>already has the template change</source>
        <translation>टेम्पलेट बदलाव पहले से है</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+43"/>
        <source>branch %1 has the template change</source>
        <translation>ब्रांच %1 में टेम्पलेट बदलाव है</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>pull request from %1 into %2</source>
        <translation>%1 से %2 में पुल रिक्वेस्ट</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+120"/>
        <source>nothing to propose: already has the template change</source>
        <translation>प्रस्ताव के लिए कुछ नहीं: टेम्पलेट बदलाव पहले से है</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Merge template change %1 from %2</source>
        <translation>%2 से टेम्पलेट बदलाव %1 मर्ज करें</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>committed %n file(s) to %1 (%2)</source>
        <translation>
            <numerusform>%1 में %n फ़ाइल कमिट की (%2)</numerusform>
            <numerusform>%1 में %n फ़ाइलें कमिट कीं (%2)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>someone else moved %1 while it was being merged; run the job again</source>
        <translation>मर्ज के दौरान किसी और ने %1 को आगे बढ़ा दिया; जॉब फिर से चलाएँ</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>create branch %1 in %2/%3</source>
        <translation>%2/%3 में ब्रांच %1 बनाएँ</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>opened pull request #%1</source>
        <translation>पुल रिक्वेस्ट #%1 खोला</translation>
    </message>
</context>
</TS>
