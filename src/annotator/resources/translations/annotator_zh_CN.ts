<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../gui/accessibility.py" line="+30"/>
        <location line="+31"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The documents you have opened; Enter opens the selected one.</source>
        <translation>您打开过的文档；按 Enter 打开所选文档。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy areas</source>
        <translation>政策领域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each area with its passage count; Space shows or hides its highlights, Enter steps through its passages.</source>
        <translation>各政策领域及其段落数；按空格键显示或隐藏其高亮，按 Enter 逐段浏览其段落。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your highlights and notes in document order; Enter goes to the passage.</source>
        <translation>按文档顺序排列的高亮和笔记；按 Enter 转到该段落。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search the library</source>
        <translation>搜索文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter opens the document at the match.</source>
        <translation>按 Enter 打开文档并定位到匹配处。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chapters</source>
        <translation>章节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter goes to the chapter.</source>
        <translation>按 Enter 转到该章节。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The note of the selected highlight, in Markdown; saved as you type.</source>
        <translation>所选高亮的笔记，使用 Markdown 格式；输入时自动保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags of the selected highlight, separated by commas.</source>
        <translation>所选高亮的标签，用逗号分隔。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter annotations by words</source>
        <translation>按词语筛选批注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter annotations by colour</source>
        <translation>按颜色筛选批注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter annotations by policy area</source>
        <translation>按政策领域筛选批注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter annotations by tag</source>
        <translation>按标签筛选批注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter annotations by author</source>
        <translation>按作者筛选批注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find in page</source>
        <translation>页内查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Sidebar</source>
        <translation>侧边栏</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Highlight: {label}.</source>
        <translation>高亮：{label}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: {note}</source>
        <translation>笔记：{note}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy area {area}, suggested.</source>
        <translation>建议的政策领域：{area}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matched: {terms}.</source>
        <translation>匹配词：{terms}。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../gui/actions.py" line="+96"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the &amp;Sample Article</source>
        <translation>打开示例文章(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近文件(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sidebar</source>
        <translation>侧边栏(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Next Passage of the Selected Area</source>
        <translation>所选领域的下一段落(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Annotator</source>
        <translation>关于批注阅读器(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Where Data Lives</source>
        <translation>数据存放位置(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reader Settings…</source>
        <translation>阅读设置(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Highlight {color}</source>
        <translation>高亮为{color}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Custom &amp;Colour…</source>
        <translation>自定义颜色(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add or Edit &amp;Note…</source>
        <translation>添加或编辑笔记(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+58"/>
        <source>Edit &amp;Tags…</source>
        <translation>编辑标签(&amp;T)…</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+62"/>
        <source>&amp;Delete Highlight</source>
        <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Accept All Suggestions of the Selected Area</source>
        <translation>接受所选领域的全部建议(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identity…</source>
        <translation>身份(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search Library…</source>
        <translation>搜索文库(&amp;S)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Find in Page…</source>
        <translation>页内查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find Ne&amp;xt</source>
        <translation>查找下一个(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the Find Bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign Policy &amp;Area</source>
        <translation>指定政策领域(&amp;A)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit &amp;Note…</source>
        <translation>编辑笔记(&amp;N)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;olour</source>
        <translation>颜色(&amp;O)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Suggested: {area}</source>
        <translation>建议：{area}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept “{area}”</source>
        <translation>接受“{area}”(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject “{area}”</source>
        <translation>拒绝“{area}”(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../gui/annotation_controller.py" line="+182"/>
        <source>Annotations moved to the new version: {kept} kept, {moved} moved, {unplaced} unplaced</source>
        <translation>批注已移至新版本：{kept} 条保持原位，{moved} 条已移动，{unplaced} 条未能定位</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Your change could not be saved</source>
        <translation>您的更改未能保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was lost: what you see is what is stored, and a note you are typing stays in its editor until it can be saved.</source>
        <translation>没有任何内容丢失：您看到的就是已保存的内容，正在输入的笔记会留在编辑框中，直到可以保存为止。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This document is not in the library yet.</source>
        <translation>此文档尚未加入文库。</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+88"/>
        <source>Select some text first, then choose a colour.</source>
        <translation>请先选择一段文字，再选择颜色。</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept {n} suggestions</source>
        <translation>接受 {n} 条建议</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Highlight Colour</source>
        <translation>高亮颜色</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../gui/annotations_panel.py" line="+208"/>
        <source>Filter by words in quotes, notes and tags</source>
        <translation>按引文、笔记和标签中的词语筛选</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All areas</source>
        <translation>所有领域</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All authors</source>
        <translation>所有作者</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>{shown} of {total} annotations</source>
        <translation>{total} 条批注中显示 {shown} 条</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No annotation matches these filters.</source>
        <translation>没有符合这些筛选条件的批注。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No annotations yet.

Select text in the article, then press 1–6 to highlight it in a colour, or Ctrl+Shift+M to add a note.</source>
        <translation>还没有批注。

在文章中选择文字，然后按 1–6 用某种颜色高亮，或按 Ctrl+Shift+M 添加笔记。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Go to Passage</source>
        <translation>转到段落</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit Note and Tags…</source>
        <translation>编辑笔记和标签…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete ({n})</source>
        <translation>删除（{n}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="-298"/>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>question to the class</source>
        <translation>向全班提出的问题</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>Your notes</source>
        <translation>我的笔记</translation>
    </message>
</context>
<context>
    <name>AnswersDialog</name>
    <message>
        <location filename="../../gui/answers_view.py" line="+47"/>
        <source>Answers by Question</source>
        <translation>按问题查看答案</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export Grading &amp;CSV…</source>
        <translation>导出评分 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not answered: {names}</source>
        <translation>未作答：{names}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{questions}, {students}, {answered} of {total} answers in.</source>
        <translation>{questions}，{students}，已收到 {answered}/{total} 份答案。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n 名学生</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No questions with students to answer them yet: mark a note as a question, share the copy, then collect the hand-ins.</source>
        <translation>尚无可供学生作答的问题：先将一条笔记标记为问题，分享副本，再收集学生提交的文件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export Grading CSV</source>
        <translation>导出评分 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet (*.csv)</source>
        <translation>电子表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>AreasPanel</name>
    <message>
        <location filename="../../gui/areas_panel.py" line="+88"/>
        <source>Tick an area to show its highlights. Click an area to step through its passages (Alt+N for the next one). Hover a highlight to see why it was marked.</source>
        <translation>勾选一个领域以显示其高亮。点击领域可逐段浏览其段落（Alt+N 跳到下一段）。将鼠标悬停在高亮上可查看标记原因。</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n 个段落</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackgroundImport</name>
    <message>
        <location filename="../../gui/import_progress.py" line="+38"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
</context>
<context>
    <name>Colors</name>
    <message>
        <location filename="../../gui/actions.py" line="-212"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agree / evidence</source>
        <translation>赞同 / 证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Definition / background</source>
        <translation>定义 / 背景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>疑问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disagree / doubt</source>
        <translation>不赞同 / 存疑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To follow up</source>
        <translation>待跟进</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../gui/conflicts_dialog.py" line="+50"/>
        <source>Resolve Conflicts</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These notes were changed on this device and on another of yours before they could sync. Keep one text, or write the text to keep; the group gets it at the next sync.</source>
        <translation>这些笔记在同步之前已在本设备和您的另一台设备上被修改。请保留其中一个文本，或写下要保留的文本；下次同步时小组会收到它。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No conflicts left: every note has one text.</source>
        <translation>没有冲突了：每条笔记都只有一个文本。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your other device</source>
        <translation>您的另一台设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep &amp;This Device&apos;s Text</source>
        <translation>保留本设备的文本(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the &amp;Other Device&apos;s Text</source>
        <translation>保留另一台设备的文本(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Or write the text to keep (both are copied here to combine):</source>
        <translation>或写下要保留的文本（两个文本都已复制到这里，便于合并）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep the Text &amp;Written Here</source>
        <translation>保留此处写的文本(&amp;W)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Note on “{passage}”</source>
        <translation>关于“{passage}”的笔记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;This device&lt;/b&gt; ({device}) — changed {when}</source>
        <translation>&lt;b&gt;本设备&lt;/b&gt;（{device}）— 修改于 {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Your other device&lt;/b&gt; — changed {when}</source>
        <translation>&lt;b&gt;您的另一台设备&lt;/b&gt; — 修改于 {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;From {device}&lt;/b&gt;, {when}</source>
        <translation>&lt;b&gt;来自 {device}&lt;/b&gt;，{when}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving your choice…</source>
        <translation>正在保存您的选择…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="+43"/>
        <source>Written to {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="+155"/>
        <source>Export “{title}”</source>
        <translation>导出“{title}”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Untitled document</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{label} ({suffix})</source>
        <translation>{label}（{suffix}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Policy &amp;areas:</source>
        <translation>政策领域(&amp;A)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A&amp;uthors:</source>
        <translation>作者(&amp;U)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Colours:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unchecking a tag keeps only passages with a checked tag.</source>
        <translation>取消勾选某个标签后，只保留带有已勾选标签的段落。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The full text, with its highlights</source>
        <translation>全文及其高亮</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Machine suggestions not yet accepted</source>
        <translation>尚未接受的机器建议</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Include:</source>
        <translation>包含：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US Letter</source>
        <translation>美式信纸（Letter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Page size:</source>
        <translation>纸张大小(&amp;P)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Notes:</source>
        <translation>笔记(&amp;N)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show in &amp;Folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This document has no highlights or notes yet: the export holds its policy areas and machine passages.</source>
        <translation>此文档还没有高亮或笔记：导出内容包含其政策领域和机器标记的段落。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This document is not in the library, so the export holds its policy areas and machine passages, without highlights or notes.</source>
        <translation>此文档不在文库中，因此导出内容只包含其政策领域和机器标记的段落，不含高亮或笔记。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Export As</source>
        <translation>导出为</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} (*{suffix})</source>
        <translation>{label}（*{suffix}）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose where to save the export.</source>
        <translation>请选择导出文件的保存位置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one policy area.</source>
        <translation>请至少选择一个政策领域。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one author.</source>
        <translation>请至少选择一位作者。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one colour.</source>
        <translation>请至少选择一种颜色。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Preparing… %p%</source>
        <translation>正在准备… %p%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing {format}… %p%</source>
        <translation>正在写入 {format}… %p%</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved {name} in {folder}</source>
        <translation>已将 {name} 保存到 {folder}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export cancelled. Nothing was written; an earlier file there is unchanged.</source>
        <translation>导出已取消。没有写入任何内容；该位置原有的文件保持不变。</translation>
    </message>
</context>
<context>
    <name>ExportWording</name>
    <message>
        <location filename="../../gui/export_wording.py" line="+25"/>
        <source>en</source>
        <translation>zh-CN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untitled document</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy areas</source>
        <translation>政策领域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader’s colours</source>
        <translation>读者的颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solid bars mark the reader’s highlights and accepted policy areas; dashed bars, suggested policy areas.</source>
        <translation>实线条表示读者的高亮和已接受的政策领域；虚线条表示建议的政策领域。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the text per policy area</source>
        <translation>各政策领域在正文中的占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the text each policy area covers, with the number of passages.</source>
        <translation>各政策领域覆盖正文的比例，以及段落数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All notes</source>
        <translation>全部笔记</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Full text</source>
        <translation>全文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlighted passages are in **bold**.</source>
        <translation>高亮段落以**粗体**显示。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy area (accepted)</source>
        <translation>政策领域（已接受）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy area (suggested)</source>
        <translation>政策领域（建议）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>terms: {terms}</source>
        <translation>匹配词：{terms}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not found in the current text</source>
        <translation>在当前文本中未找到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotated summary generated {time} · {passages} · {notes}</source>
        <translation>批注摘要生成于 {time} · {passages} · {notes}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} passage</source>
        <translation>{n} 个段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} passages</source>
        <translation>{n} 个段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} note</source>
        <translation>{n} 条笔记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} notes</source>
        <translation>{n} 条笔记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%-d %B %Y</source>
        <translation>%Y年%-m月%-d日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy area</source>
        <translation>政策领域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covers</source>
        <translation>涵盖内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader colour</source>
        <translation>读者颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passages</source>
        <translation>段落数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of text</source>
        <translation>正文占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group summary: {title}</source>
        <translation>小组摘要：{title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marks</source>
        <translation>标记数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hot spots</source>
        <translation>热点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No passage was marked by more than one member.</source>
        <translation>没有被多名成员共同标记的段落。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} member</source>
        <translation>{n} 名成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} members</source>
        <translation>{n} 名成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>highlight, no note</source>
        <translation>仅高亮，无笔记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other highlights</source>
        <translation>其他高亮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlights with no policy area.</source>
        <translation>未归入任何政策领域的高亮。</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Custom colour</source>
        <translation>自定义颜色</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Unknown area &apos;{area}&apos;</source>
        <translation>未知领域“{area}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes classified under an area the current taxonomy does not have.</source>
        <translation>归入当前政策领域列表中已没有的领域的笔记。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/find_bar.py" line="+42"/>
        <source>Find in page</source>
        <translation>页内查找</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next match (F3, Enter)</source>
        <translation>下一个匹配（F3、Enter）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} of {total}</source>
        <translation>第 {n} 个，共 {total} 个</translation>
    </message>
</context>
<context>
    <name>GroupCommands</name>
    <message>
        <location filename="../../gui/group_menu.py" line="+73"/>
        <source>&amp;Join…</source>
        <translation>加入(&amp;J)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Share Document to Group</source>
        <translation>将文档分享到小组(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync &amp;Now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Group</source>
        <translation>小组(&amp;G)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Open a document from the library to share it.</source>
        <translation>请先从文库中打开一篇文档，再分享它。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The library cannot be opened, so no group can be joined.</source>
        <translation>无法打开文库，因此无法加入小组。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Joined group {group} as {name}.</source>
        <translation>已以 {name} 的身份加入小组 {group}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Shared “{title}” with group {group}.</source>
        <translation>已将“{title}”分享到小组 {group}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot Share</source>
        <translation>无法分享</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Group sync needs {package}: pip install &apos;annotator[server]&apos;.</source>
        <translation>小组同步需要 {package}：请运行 pip install &apos;annotator[server]&apos;。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The server did not accept this token: it is wrong or has expired. Ask your teacher for a new one.</source>
        <translation>服务器不接受此令牌：它有误或已过期。请向老师索取新的令牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This token is for another group than the one in the address: check the address your teacher gave.</source>
        <translation>此令牌属于另一个小组，而不是地址中的小组：请核对老师给您的地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server in {url} cannot be found: check the address and your internet connection.</source>
        <translation>找不到 {url} 中的服务器：请检查地址和您的网络连接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server at {url} did not answer in time: check your connection and try again.</source>
        <translation>{url} 上的服务器未及时响应：请检查您的连接后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No secure connection to {url} could be made: check the address (http:// or https://), or ask whoever runs the server about its certificate.</source>
        <translation>无法与 {url} 建立安全连接：请检查地址（http:// 或 https://），或向服务器管理员询问其证书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{url} is not an Annotator group server: check the address.</source>
        <translation>{url} 不是 Annotator 小组服务器：请检查地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot reach a group server at {url}: check the address and your connection.</source>
        <translation>无法连接到位于 {url} 的小组服务器：请检查地址和网络连接。</translation>
    </message>
    <message>
        <location line="-326"/>
        <source>&amp;Resolve Conflicts…</source>
        <translation>解决冲突(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../gui/group_view.py" line="+60"/>
        <source>Study Group: {title}</source>
        <translation>学习小组：{title}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Members: {list}</source>
        <translation>成员：{list}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} (marked: {marks}, with notes: {notes})</source>
        <translation>{name}（标记 {marks} 处，含笔记 {notes} 处）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No passage was marked by more than one member.</source>
        <translation>没有被多名成员共同标记的段落。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hot Spots</source>
        <translation>热点</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>and</source>
        <translation>与</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Compare Two Members</source>
        <translation>比较两名成员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export Group Summary…</source>
        <translation>导出小组摘要(&amp;E)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export Group Summary</source>
        <translation>导出小组摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web page (*.html);;Markdown (*.md);;Spreadsheet (*.csv)</source>
        <translation>网页 (*.html);;Markdown (*.md);;电子表格 (*.csv)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{count} members: “{quote}”
{names}</source>
        <translation>{count} 名成员：“{quote}”
{names}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(highlight, no note)</source>
        <translation>（仅高亮，无笔记）</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n passage(s) both marked.</source>
        <translation>
            <numerusform>两人都标记了 %n 个段落。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose two different members.</source>
        <translation>请选择两名不同的成员。</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../../gui/help_dialogs.py" line="+37"/>
        <source>Library database</source>
        <translation>文库数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups of the library</source>
        <translation>文库备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings folder</source>
        <translation>设置文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window state, recent files, lock</source>
        <translation>窗口状态、最近文件、锁文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your policy areas (copy the bundled file here)</source>
        <translation>您的政策领域文件（将内置文件复制到这里）</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every command of the window that has a key. Select text first for the highlight and note commands.</source>
        <translation>窗口中所有带快捷键的命令。使用高亮和笔记命令前，请先选择文字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Where Data Lives</source>
        <translation>数据存放位置</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Annotator keeps everything on this computer, in these places. Set ANNOTATOR_HOME to keep all of it under one folder instead.</source>
        <translation>批注阅读器把所有内容都保存在这台电脑上的以下位置。设置 ANNOTATOR_HOME 环境变量可将其全部存放在同一个文件夹下。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;&lt;b&gt;Annotator&lt;/b&gt; {version}&lt;br&gt;Read and annotate articles offline, with their policy areas highlighted. Annotator is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;Python {python} · Qt {qt} · PySide6 {pyside}&lt;br&gt;Your library: {folder}&lt;/p&gt;&lt;p&gt;It is built on these components, each under its own licence:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;批注阅读器&lt;/b&gt; {version}&lt;br&gt;离线阅读和批注文章，并突出显示其政策领域。批注阅读器是依据 MIT 许可证发布的自由软件。&lt;/p&gt;&lt;p&gt;Python {python} · Qt {qt} · PySide6 {pyside}&lt;br&gt;您的文库：{folder}&lt;/p&gt;&lt;p&gt;它基于以下组件构建，各组件遵循其各自的许可证：&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Annotator</source>
        <translation>关于批注阅读器</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Your library lives in the PostgreSQL database {url}, which its server&apos;s administrator backs up. Everything else is on this computer, in these places.</source>
        <translation>您的文库位于 PostgreSQL 数据库 {url} 中，由该服务器的管理员负责备份。其余内容都保存在这台电脑上的以下位置。</translation>
    </message>
</context>
<context>
    <name>IdentityBar</name>
    <message>
        <location filename="../../gui/identity_bar.py" line="+46"/>
        <source>Your name on highlights and notes:</source>
        <translation>您在高亮和笔记上的署名：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../gui/identity_dialog.py" line="+28"/>
        <source>Your Name in Annotations</source>
        <translation>您在批注中的署名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotator writes this name on your highlights and notes, so others can tell who wrote what when you share them.</source>
        <translation>批注阅读器会把这个名字写在您的高亮和笔记上，这样在分享时，别人能分辨出每条内容的作者。</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../gui/group_join_dialog.py" line="+28"/>
        <source>Join a Group</source>
        <translation>加入小组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>https://school.example/annotator</source>
        <translation>https://school.example/annotator</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Shown on your other devices when a note was changed on two of them. Join again with the same token to rename this device.</source>
        <translation>当一条笔记在您的两台设备上都被修改时，会在另一台设备上显示此名称。使用同一令牌再次加入即可重命名本设备。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;token:</source>
        <translation>你的令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This &amp;device&apos;s name:</source>
        <translation>本设备名称(&amp;D)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your teacher gives you the server&apos;s address and your own token.</source>
        <translation>服务器地址和你自己的令牌由老师提供。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter both the server&apos;s address and your token.</source>
        <translation>请同时输入服务器地址和你的令牌。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Joining…</source>
        <translation>正在加入…</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../gui/language_menu.py" line="+30"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LearningCommands</name>
    <message>
        <location filename="../../gui/learning_commands.py" line="+37"/>
        <source>Reset &amp;Learning…</source>
        <translation>重置学习(&amp;L)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo Reset Learning</source>
        <translation>撤销重置学习(&amp;U)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Learned from your decisions: {what}</source>
        <translation>已从您的决定中学习：{what}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library is not open yet.</source>
        <translation>文库尚未打开。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing learned yet: your accepted and rejected suggestions teach the highlighting.</source>
        <translation>尚未学到任何内容：您接受和拒绝的建议会调整高亮。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset learning?</source>
        <translation>重置学习？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget what your decisions taught the highlighting? The suggestions go back to the policy areas file as it is.</source>
        <translation>忘记您的决定对高亮的调整吗？建议将恢复为政策领域文件的原样。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset Learning</source>
        <translation>重置学习</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Learning reset: the highlighting follows the policy areas file again.</source>
        <translation>学习已重置：高亮重新按照政策领域文件进行。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What your decisions taught is back.</source>
        <translation>您的决定所带来的调整已恢复。</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../gui/library_panel.py" line="+66"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opening your library…</source>
        <translation>正在打开您的文库…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Documents you open are kept here.</source>
        <translation>您打开过的文档会保存在这里。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Delete from the library?</source>
        <translation>从文库中删除？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{title}” from the library?</source>
        <translation>从文库中删除“{title}”？</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Its %n annotation(s) are removed with it. Opening the same file again brings them back.</source>
        <translation>
            <numerusform>其 %n 条批注将一并删除。再次打开同一文件即可恢复它们。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="+288"/>
        <source>Areas</source>
        <translation>领域</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Chapters</source>
        <translation>章节</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sidebar</source>
        <translation>侧边栏</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+749"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="-729"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Your policy areas file has a problem</source>
        <translation>您的政策领域文件有问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundled policy areas are used until the file is fixed.</source>
        <translation>在该文件修复之前，将使用内置的政策领域。</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Cannot open this file</source>
        <translation>无法打开此文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current document stays open. Choose another file with File ▸ Open (text, Markdown, web page or EPUB).</source>
        <translation>当前文档保持打开。请通过“文件 ▸ 打开”选择其他文件（文本、Markdown、网页或 EPUB）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open an Article</source>
        <translation>打开文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles ({patterns});;All files (*)</source>
        <translation>文章（{patterns}）;;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{title} — Annotator</source>
        <translation>{title} — 批注阅读器</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>by {who}</source>
        <translation>作者：{who}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>suggested, accepted by {who}</source>
        <translation>机器建议，由{who}接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you</source>
        <translation>您</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{words}, {characters} selected</source>
        <translation>已选择 {words}，{characters}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>1 word</source>
        <translation>1 个词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} words</source>
        <translation>{count} 个词</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 character</source>
        <translation>1 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} characters</source>
        <translation>{count} 个字符</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>{area}: no passages</source>
        <translation>{area}：没有段落</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{area}: passage {n} of {total}</source>
        <translation>{area}：第 {n} 段，共 {total} 段</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>No recent files</source>
        <translation>没有最近文件</translation>
    </message>
    <message>
        <location line="-642"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location line="+832"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Highlight Selection</source>
        <translation>高亮所选内容(&amp;H)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Areas</source>
        <translation>领域(&amp;A)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>&amp;Undo {what}</source>
        <translation>撤销{what}(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo {what}</source>
        <translation>重做{what}(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>This annotation is unplaced: its text is not in this version.</source>
        <translation>此批注未能定位：其原文不在这个版本中。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Select an area in the Areas tab first.</source>
        <translation>请先在“领域”标签页中选择一个领域。</translation>
    </message>
</context>
<context>
    <name>MembersMenu</name>
    <message>
        <location filename="../../gui/author_layers.py" line="+54"/>
        <source>&amp;Members</source>
        <translation>成员(&amp;M)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No annotations yet</source>
        <translation>尚无批注</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show &amp;Everyone</source>
        <translation>显示所有人(&amp;E)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../gui/merge_dialog.py" line="+75"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个文件…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+96"/>
        <source>Kept version</source>
        <translation>保留的版本</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+96"/>
        <source>Other version</source>
        <translation>另一版本</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Apply Choices</source>
        <translation>应用选择(&amp;A)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading file {number} of {count}…</source>
        <translation>正在读取第 {number}/{count} 个文件…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Added {added}, updated {updated}, unchanged {unchanged}, in conflict {conflicts}.</source>
        <translation>新增 {added}，更新 {updated}，未变 {unchanged}，冲突 {conflicts}。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Yours (never replaced)</source>
        <translation>你的版本（不会被替换）</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../gui/note_editor.py" line="+54"/>
        <source>Write a note… (Markdown: *emphasis*, **bold**, - lists, [links](https://…))</source>
        <translation>写一条笔记…（Markdown：*强调*、**加粗**、- 列表、[链接](https://…)）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved yet — kept here; it will be retried.</source>
        <translation>尚未保存——内容保留在此处，稍后会重试。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Editing…</source>
        <translation>正在编辑…</translation>
    </message>
</context>
<context>
    <name>NoteLayoutBox</name>
    <message>
        <location filename="../../gui/note_layout_box.py" line="+17"/>
        <source>At the end</source>
        <translation>放在文末</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As cards in the margin</source>
        <translation>以卡片放在页边</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left out</source>
        <translation>不包含</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Margin cards sit beside the full text; a note with no room beside its passage is printed at the end.</source>
        <translation>页边卡片位于全文旁边；段落旁放不下的笔记打印在文末。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../gui/printing.py" line="+174"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>&amp;Notes:</source>
        <translation>笔记(&amp;N)：</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>&amp;Continue…</source>
        <translation>继续(&amp;C)…</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+66"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The document could not be printed</source>
        <translation>无法打印此文档</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Notes:</source>
        <translation>笔记：</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../gui/highlighting.py" line="+355"/>
        <source>matched:</source>
        <translation>匹配词：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../gui/reader_view.py" line="+231"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>RecoveryDialogs</name>
    <message>
        <location filename="../../gui/recovery_dialogs.py" line="+34"/>
        <source>Your library cannot be opened</source>
        <translation>无法打开您的文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can keep reading; highlights and notes cannot be saved until this is fixed.</source>
        <translation>您可以继续阅读；在问题解决之前，高亮和笔记无法保存。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your library was damaged</source>
        <translation>您的文库已损坏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore the newest good backup now? The damaged file is kept where it was moved.</source>
        <translation>现在恢复最新的完好备份吗？损坏的文件会保留在其被移至的位置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start Empty</source>
        <translation>从空文库开始</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The backup could not be restored</source>
        <translation>无法恢复备份</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A new version of a document?</source>
        <translation>这是某篇文档的新版本吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library holds a document titled “{title}” with different text.</source>
        <translation>文库中有一篇标题为“{title}”但正文不同的文档。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move its highlights and notes onto this version? Annotations whose text is gone are kept and listed as unplaced.</source>
        <translation>要把它的高亮和笔记移到这个版本吗？原文已不存在的批注会被保留，并列为未定位。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move Annotations Here</source>
        <translation>将批注移到这里</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep Separate</source>
        <translation>分开保存</translation>
    </message>
</context>
<context>
    <name>RestartOffer</name>
    <message>
        <location filename="../../gui/restart_offer.py" line="+20"/>
        <source>the system’s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change Language</source>
        <translation>更改语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator speaks {language} from its next start. Restart it now?</source>
        <translation>Annotator 将在下次启动时使用 {language}。现在重新启动吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your notes and your place in the article are kept.</source>
        <translation>您的笔记和文章中的阅读位置都会保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restart Now</source>
        <translation>立即重新启动(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../gui/search_panel.py" line="+81"/>
        <source>Search all documents and notes</source>
        <translation>搜索所有文档和笔记</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Words match their beginnings: “climat” finds “climate”. Notes are listed first.</source>
        <translation>按词首匹配：“climat”可找到“climate”。笔记排在前面。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The library is not open yet.</source>
        <translation>文库尚未打开。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing found for “{q}”.</source>
        <translation>未找到“{q}”。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/settings_dialog.py" line="+52"/>
        <source>Reader Settings</source>
        <translation>阅读设置</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Puts back the default font, size, line spacing and page width</source>
        <translation>恢复默认的字体、字号、行距和版面宽度</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Font size in points</source>
        <translation>字号（磅）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line spacing in percent of the font&apos;s height</source>
        <translation>行距（字体高度的百分比）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page width in characters per line</source>
        <translation>版面宽度（每行字符数）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Font:</source>
        <translation>字体(&amp;F)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page &amp;width:</source>
        <translation>版面宽度(&amp;W)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The language changes the next time Annotator starts.</source>
        <translation>语言将在下次启动批注阅读器时更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Line s&amp;pacing:</source>
        <translation>行距(&amp;P)：</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change your &amp;name in annotations…</source>
        <translation>更改您在批注中的署名(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name written on your highlights and notes when you share them</source>
        <translation>分享时写在您的高亮和笔记上的名字</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../gui/share_dialog.py" line="+66"/>
        <source>Hand In</source>
        <translation>提交作业</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share Annotated Copy</source>
        <translation>分享带批注的副本</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Your own notes and answers go to the teacher, with the document&apos;s fingerprint so they land on the right text.</source>
        <translation>只把你自己的笔记和答案交给老师，并附上文档指纹，以便对应到正确的文本。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Send Feedback to {name}</source>
        <translation>向 {name} 发送反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your notes and questions, and your replies to {name}&apos;s notes (no one else&apos;s copy has them).</source>
        <translation>你的笔记和问题，以及你对 {name} 笔记的回复（其他人的副本中没有这些回复）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write a .annot file a class or a study group can open in Annotator.</source>
        <translation>写入一个 .annot 文件，班级或学习小组可以在 Annotator 中打开。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;My notes and questions</source>
        <translation>我的笔记和问题(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted &amp;policy areas</source>
        <translation>已接受的政策领域(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Everyone&apos;s notes in my library</source>
        <translation>文库中所有人的笔记(&amp;E)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Annotator bundles (*.annot)</source>
        <translation>Annotator 批注包 (*.annot)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not written: {reason}</source>
        <translation>未写入：{reason}</translation>
    </message>
</context>
<context>
    <name>SharingCommands</name>
    <message>
        <location filename="../../gui/sharing_commands.py" line="+78"/>
        <source>&amp;Share Annotated Copy…</source>
        <translation>分享带批注的副本(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand In…</source>
        <translation>提交作业(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;Feedback…</source>
        <translation>发送反馈(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Collect Answers…</source>
        <translation>收集答案(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Merge Notes…</source>
        <translation>合并笔记(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Answers by Question…</source>
        <translation>按问题查看答案(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Study &amp;Group…</source>
        <translation>学习小组(&amp;G)…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This document is not in the library yet.</source>
        <translation>此文档尚未加入文库。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open it again once the library is available.</source>
        <translation>文库可用后请重新打开它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot do that here</source>
        <translation>此处无法执行该操作</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Nobody else has notes in this document yet.</source>
        <translation>此文档中还没有其他人的笔记。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collect the students&apos; hand-ins first.</source>
        <translation>请先收集学生提交的文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send Feedback</source>
        <translation>发送反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback for:</source>
        <translation>反馈对象：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Collect Answers</source>
        <translation>收集答案</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Merge Notes</source>
        <translation>合并笔记</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Annotations (*.annot *.jsonld *.json);;All files (*)</source>
        <translation>批注 (*.annot *.jsonld *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open {name}</source>
        <translation>打开 {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ask the &amp;Class…</source>
        <translation>向全班提问(&amp;C)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Read-only: {author}</source>
        <translation>只读：{author}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Answer…</source>
        <translation>回答(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reply…</source>
        <translation>回复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ask the Class</source>
        <translation>向全班提问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your question about this passage:</source>
        <translation>你对这段文字的问题：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{note}

Your reply (it travels only in feedback sent to its author):</source>
        <translation>{note}

你的回复（只会随发给该作者的反馈一同发送）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{question}

Your answer:</source>
        <translation>{question}

你的回答：</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../gui/sync_status.py" line="+24"/>
        <source>Group sync</source>
        <translation>小组同步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>离线——%n 项更改等待发送</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>{reason}
Click to try again now.</source>
        <translation>{reason}
点击立即重试。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 项更改等待发送</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click to sync now.</source>
        <translation>点击立即同步。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything is on the group server.
Click to sync now.</source>
        <translation>所有内容都已在小组服务器上。
点击立即同步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message numerus="yes">
        <location line="-11"/>
        <source>%n note(s) were changed on two devices; this device&apos;s text was kept and the other is saved.
Click to choose the text to keep.</source>
        <translation>
            <numerusform>%n 条笔记在两台设备上被修改；已保留本设备的文本，另一个文本也已保存。
点击选择要保留的文本。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <location filename="../../gui/theme_menu.py" line="+25"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>WindowHost</name>
    <message>
        <location filename="../../gui/sharing_commands.py" line="+97"/>
        <source>You</source>
        <translation>你</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../gui/workers.py" line="+150"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong ({error}). Please report this.</source>
        <translation>出现了问题（{error}）。请报告此问题。</translation>
    </message>
</context>
</TS>
