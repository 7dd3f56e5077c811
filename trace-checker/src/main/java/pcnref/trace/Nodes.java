package pcnref.trace;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The node a log file belongs to, when its name says it ("node1.ftrace.txt", as in shared/traces). */
public final class Nodes {
    private static final Pattern NODE = Pattern.compile("node(\\d{1,2})(?!\\d)");

    private Nodes() {
    }

    /** The node number in the file name, or null. */
    public static Integer fromFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) return null;
        Matcher m = NODE.matcher(name.toString());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
