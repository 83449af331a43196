// Loads glossary files the way OmegaT does, with OmegaT's own classes
// (GlossaryManager picks the reader by the file name, as in a project's
// glossary/ folder), and prints what OmegaT sees:
//   FILE <TAB> path <TAB> number of entries     (IGNORED <TAB> path when
//                                                OmegaT does not load it)
//   ENTRY <TAB> source <TAB> target <TAB> comment (line breaks as \n)
// Run: groovy -cp /usr/share/omegat/OmegaT.jar omegat_glossary.groovy \
//          SOURCE_LANG TARGET_LANG FILE...
import org.omegat.core.Core
import org.omegat.core.data.IProject
import org.omegat.core.data.ProjectProperties
import org.omegat.gui.glossary.GlossaryManager
import org.omegat.util.Language

// The TBX reader asks the open project for its languages: a stand-in
// project that has only properties.
def props = new ProjectProperties(new File(System.getProperty("java.io.tmpdir")))
props.setSourceLanguage(new Language(args[0]))
props.setTargetLanguage(new Language(args[1]))
Core.setProject([getProjectProperties: { props }] as IProject)

def manager = new GlossaryManager(null)
manager.@priorityGlossary = new File("/nonexistent")
def flat = { String s -> s == null ? "" : s.replace("\n", "\\n") }
for (path in args.drop(2)) {
    def entries = manager.loadGlossaryFile(new File(path))
    if (entries == null) {
        println "IGNORED\t${path}"
        continue
    }
    println "FILE\t${path}\t${entries.size()}"
    for (e in entries) {
        println "ENTRY\t${flat(e.srcText)}\t${flat(e.locText)}\t${flat(e.commentText)}"
    }
}
