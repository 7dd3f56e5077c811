package pcnref.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import pcnref.trace.dmesg.DmesgReader;
import pcnref.trace.ftrace.FtraceReader;

/** What kind of log a file is, from its first bytes: pcap magic, else ftrace or kernel-log text. */
public enum LogKind {
    PCAP, PCAPNG, FTRACE, DMESG, UNKNOWN;

    private static final int SNIFF = 8192;

    public static LogKind detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        }
        if (head.length >= 4) {
            int m = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
            // microsecond and nanosecond pcap, either byte order
            if (m == 0xa1b2c3d4 || m == 0xd4c3b2a1 || m == 0xa1b23c4d || m == 0x4d3cb2a1) return PCAP;
            if (m == 0x0a0d0d0a) return PCAPNG;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (FtraceReader.looksLikeFtrace(text)) return FTRACE;
        if (DmesgReader.looksLikeDmesg(text)) return DMESG;
        return UNKNOWN;
    }
}
