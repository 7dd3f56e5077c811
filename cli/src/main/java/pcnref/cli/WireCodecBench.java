package pcnref.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pcnref.trace.pcap.PcapMessageReader;
import pcnref.trace.pcap.PcapOptions;
import pcnref.wire.DecodedKmsg;
import pcnref.wire.PcnKmsgCodec;

/** The codec alone, on the real messages of the recordings held in memory: decode and encode MB/s. */
final class WireCodecBench implements DecodeBenchSection {
    @Override
    public String name() {
        return "wire";
    }

    @Override
    public List<Figure> run(BenchDecodeCommand.Context ctx) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        List<DecodedKmsg> decoded = new ArrayList<>();
        long bytes = 0;
        for (var p : ctx.files(".pcap")) {
            for (var m : PcapMessageReader.readAll(p, PcapOptions.defaults())) {
                byte[] b = PcnKmsgCodec.encode(m.header(), m.message()); // byte-exact: the frame as captured
                frames.add(b);
                decoded.add(new DecodedKmsg(m.header(), m.message()));
                bytes += b.length;
            }
        }
        long[] sink = new long[1];
        timeDecode(frames, ctx.seconds(), sink);
        long t0 = System.nanoTime();
        int passes = timeDecode(frames, ctx.seconds(), sink);
        double dSecs = (System.nanoTime() - t0) / 1e9;
        timeEncode(decoded, ctx.seconds(), sink);
        t0 = System.nanoTime();
        int ePasses = timeEncode(decoded, ctx.seconds(), sink);
        double eSecs = (System.nanoTime() - t0) / 1e9;
        String note = String.format(Locale.ROOT, "%d real messages, %.2f MB per pass", frames.size(), bytes / 1e6);
        return List.of(
                new Figure("codec decode (byte[] -> record)", passes * bytes / dSecs / 1e6, "MB/s", note),
                new Figure("codec decode", passes * (double) frames.size() / dSecs, "msgs/s", ""),
                new Figure("codec encode (record -> byte[])", ePasses * bytes / eSecs / 1e6, "MB/s", note + (sink[0] == 42 ? "" : "")));
    }

    private static int timeDecode(List<byte[]> frames, double seconds, long[] sink) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        do {
            for (byte[] f : frames) sink[0] += PcnKmsgCodec.decode(f).header().size();
            n++;
        } while (System.nanoTime() < end);
        return n;
    }

    private static int timeEncode(List<DecodedKmsg> msgs, double seconds, long[] sink) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        do {
            for (DecodedKmsg d : msgs) sink[0] += PcnKmsgCodec.encode(d.header(), d.message()).length;
            n++;
        } while (System.nanoTime() < end);
        return n;
    }
}
