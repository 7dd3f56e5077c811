package pcnref.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pcnref.trace.DecodeStats;
import pcnref.trace.Decoder;
import pcnref.trace.event.EventJson;
import pcnref.trace.event.EventText;
import pcnref.trace.event.TraceEvent;
import pcnref.trace.pcap.PcapOptions;

/**
 * {@code ./pcn decode FILE...}: pcap, ftrace and dmesg/console logs to one event stream (docs/trace-format.md).
 * Files are decoded one after the other, each streamed: nothing is kept per event.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode real Popcorn logs: pcap captures, ftrace text (popcorn:pgfault), dmesg / serial console.",
                "The kind of each file is detected from its content. Output: a table, or NDJSON with --json "
                        + "(schema: trace-checker/src/main/resources/trace-event.schema.json)."})
public final class DecodeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Logs to decode.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "One JSON event per line (NDJSON); with --stats, one JSON summary per file and a total.")
    boolean json;

    @Option(names = "--stats", description = "Print counts per type, message bytes, pages transferred, unrecognised lines instead of the events.")
    boolean stats;

    @Option(names = "--node", paramLabel = "N", description = "The node the files belong to (default: from the file name nodeN.*, or the dmesg node table).")
    Integer node;

    @Option(names = "--port", paramLabel = "PORT", description = "Message-layer TCP port in captures (default: ${DEFAULT-VALUE}).")
    int port = PcapOptions.DEFAULT_PORT;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        int failed = 0;
        DecodeStats total = new DecodeStats();
        long totalUnrecognised = 0;
        if (!json && !stats) out.write(EventText.header() + "\n");
        for (Path f : files) {
            DecodeStats st = new DecodeStats();
            Decoder.FileSummary s;
            try {
                s = Decoder.decode(f, node, port, e -> {
                    st.accept(e);
                    total.accept(e);
                    if (!stats) write(out, e);
                });
            } catch (IOException e) {
                out.flush();
                err.println("pcn decode: " + e.getMessage());
                failed++;
                continue;
            }
            out.flush();
            for (String p : s.problems()) err.println("pcn decode: " + p);
            long unrec = s.text() == null ? 0 : s.text().unrecognisedLines();
            totalUnrecognised += unrec;
            if (stats) printStats(out, f.toString(), s, st, unrec);
        }
        if (stats && files.size() > 1) printStats(out, "total", null, total, totalUnrecognised);
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private void write(Writer out, TraceEvent e) {
        try {
            if (json) EventJson.write(out, e);
            else out.write(EventText.row(e) + "\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void printStats(Writer out, String name, Decoder.FileSummary s, DecodeStats st, long unrecognised)
            throws IOException {
        if (json) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("file", name);
            if (s != null) {
                o.put("kind", s.kind().name());
                if (s.node() != null) o.put("node", s.node());
            }
            o.put("events", st.events());
            ObjectNode c = o.putObject("counts");
            st.counts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> c.put(e.getKey(), e.getValue()));
            ObjectNode b = o.putObject("messageBytes");
            st.bytes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.put(e.getKey(), e.getValue()));
            o.put("totalMessageBytes", st.totalBytes());
            o.put("pagesTransferred", st.pages());
            o.put("pagesLogged", st.loggedPages());
            o.put("unrecognisedLines", unrecognised);
            if (s != null && s.text() != null) {
                o.put("lines", s.text().lines());
                o.put("otherLines", s.text().otherLines());
            }
            if (s != null && s.pcap() != null) {
                o.put("frames", s.pcap().frames());
                o.put("streamBytes", s.pcap().streamBytes());
                o.put("errors", s.pcap().errorCount());
            }
            out.write(EventJson.mapper().writeValueAsString(o) + "\n");
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("== ").append(name);
        if (s != null) sb.append(" (").append(s.kind()).append(s.node() == null ? "" : ", node " + s.node()).append(')');
        sb.append('\n');
        sb.append(String.format("  %-50s %8d%n", "events", st.events()));
        st.counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(String.format("  %-50s %8d%n", e.getKey(), e.getValue())));
        if (!st.bytes().isEmpty()) {
            st.bytes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> sb.append(String.format("  %-50s %8d%n", "bytes " + e.getKey(), e.getValue())));
            sb.append(String.format("  %-50s %8d%n", "bytes total (header.size)", st.totalBytes()));
        }
        sb.append(String.format("  %-50s %8d%n", "pages transferred (REMOTE_PAGE_RESPONSE with data)", st.pages()));
        if (st.loggedPages() > 0) sb.append(String.format("  %-50s %8d%n", "pages in logs (REMOTE_PAGE_RESPONSE lines)", st.loggedPages()));
        if (s != null && s.text() != null) {
            sb.append(String.format("  %-50s %8d%n", "lines", s.text().lines()));
            sb.append(String.format("  %-50s %8d%n", "lines not for us (headers, blank, boot, other events)",
                    s.text().headerLines() + s.text().blankLines() + s.text().otherLines()));
        }
        if (s != null && s.pcap() != null) {
            sb.append(String.format("  %-50s %8d%n", "frames", s.pcap().frames()));
            sb.append(String.format("  %-50s %8d%n", "capture errors", s.pcap().errorCount()));
        }
        sb.append(String.format("  %-50s %8d%n", "unrecognised lines", unrecognised));
        out.write(sb.toString());
    }
}
