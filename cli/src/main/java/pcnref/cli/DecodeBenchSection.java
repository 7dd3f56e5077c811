package pcnref.cli;

import java.util.List;

/**
 * One section of {@code ./pcn bench decode}: a decoder measured on real inputs. To add one (e.g. the
 * ftrace or dmesg readers), implement this and list it in {@link BenchDecodeCommand#SECTIONS}.
 */
public interface DecodeBenchSection {
    /** Section title in the report, e.g. "pcap". */
    String name();

    /** Runs the measurement; each figure is one line of the report. */
    List<Figure> run(BenchDecodeCommand.Context ctx) throws Exception;

    /** One measured figure: e.g. ("pcap decode", 123.4, "MB/s", "22 files, 19.7 MB x 12 passes"). */
    record Figure(String what, double value, String unit, String note) {
    }
}
