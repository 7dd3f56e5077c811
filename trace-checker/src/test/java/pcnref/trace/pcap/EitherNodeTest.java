package pcnref.trace.pcap;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The captures of one run, taken on different nodes, see the same link: every TCP direction present
 * in two files must decode to the same messages at the same stream offsets, whatever order the
 * crossing frames were dumped in.
 */
class EitherNodeTest {
    @Test
    void everyDirectionDecodesTheSameFromEveryNode() throws Exception {
        int compared = 0;
        try (Stream<Path> runs = Files.list(SharedTraces.tracesDir())) {
            for (Path run : runs.filter(Files::isDirectory).sorted().toList()) {
                List<Map<String, List<List<Object>>>> perFile = new ArrayList<>();
                try (Stream<Path> f = Files.list(run)) {
                    for (Path pcap : f.filter(p -> p.toString().endsWith(".pcap")).sorted().toList()) {
                        Map<String, List<List<Object>>> flows = new TreeMap<>();
                        PcapMessageReader.read(pcap, PcapOptions.defaults(), m -> flows
                                .computeIfAbsent(m.flow(), k -> new ArrayList<>())
                                .add(List.of(m.streamOffset(), m.header(), m.message()))); // record equality: pages by content
                        perFile.add(flows);
                    }
                }
                for (int i = 0; i < perFile.size(); i++) {
                    for (int j = i + 1; j < perFile.size(); j++) {
                        for (var e : perFile.get(i).entrySet()) {
                            List<List<Object>> other = perFile.get(j).get(e.getKey());
                            if (other == null) continue;
                            assertEquals(e.getValue(), other, run.getFileName() + " " + e.getKey());
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared >= 20, "directions compared: " + compared);
    }
}
