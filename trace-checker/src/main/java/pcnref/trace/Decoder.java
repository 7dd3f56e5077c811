package pcnref.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import pcnref.trace.dmesg.DmesgReader;
import pcnref.trace.event.MessageEvent;
import pcnref.trace.event.TraceEvent;
import pcnref.trace.ftrace.FtraceReader;
import pcnref.trace.pcap.PcapMessageReader;
import pcnref.trace.pcap.PcapOptions;
import pcnref.trace.pcap.Stats;

/** Decodes any supported log into {@link TraceEvent}s, streaming: the file's kind is sniffed from its first bytes. */
public final class Decoder {
    private Decoder() {
    }

    /**
     * What one file gave.
     *
     * @param text  line statistics for ftrace / dmesg (null for a pcap)
     * @param pcap  capture statistics (null for text)
     */
    public record FileSummary(Path file, LogKind kind, Integer node, ReadStats text, Stats pcap) {
        /** Problems to show the user, one line each, naming the file and the line or frame. */
        public List<String> problems() {
            if (pcap != null) return pcap.errors();
            if (text != null && text.unrecognisedLines() > 0) {
                return List.of(file + ": " + text.unrecognisedLines() + " unrecognised line(s), first: "
                        + text.unrecognisedSamples().getFirst().substring(file.toString().length() + 1));
            }
            return List.of();
        }
    }

    /** A file that cannot be decoded at all: one line, naming it. */
    public static final class DecodeException extends IOException {
        private static final long serialVersionUID = 1L;

        public DecodeException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /**
     * @param node the node the file belongs to; null: from the file name ("node1.*") or, for dmesg, its node table
     * @param port the message layer's TCP port (pcap)
     */
    public static FileSummary decode(Path file, Integer node, int port, Consumer<? super TraceEvent> sink)
            throws IOException {
        if (!Files.isRegularFile(file)) throw new DecodeException(file + ": no such file");
        LogKind kind;
        try {
            kind = LogKind.detect(file);
        } catch (NoSuchFileException e) {
            throw new DecodeException(file + ": no such file");
        }
        Integer n = node != null ? node : Nodes.fromFileName(file);
        return switch (kind) {
            case PCAP -> {
                Stats st = PcapMessageReader.read(file, PcapOptions.defaults().withPort(port),
                        m -> sink.accept(MessageEvent.of(m, n)));
                yield new FileSummary(file, kind, n, null, st);
            }
            case FTRACE -> new FileSummary(file, kind, n, FtraceReader.read(file, n, sink), null);
            case DMESG -> new FileSummary(file, kind, n, DmesgReader.read(file, n, sink), null);
            case PCAPNG -> throw new DecodeException(file + ": offset 0: pcapng is not supported; convert with "
                    + "'editcap -F pcap IN OUT'");
            case UNKNOWN -> throw new DecodeException(file + ": offset 0: neither a pcap, ftrace text nor a kernel log");
        };
    }
}
