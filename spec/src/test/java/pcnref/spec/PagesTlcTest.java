package pcnref.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs TLC on every spec/pages cfg and checks the manifest: expected result (holds, or which
 * invariant/property is violated), distinct states and depth (counterexample length for violations).
 */
class PagesTlcTest {
    private final Manifest manifest = Manifest.load(SpecLocator.protocolDir("pages").resolve("manifest.json"));
    private final TlcRunner runner = new TlcRunner(new TlcRunner.Duration(1800), null);

    @TestFactory
    Stream<DynamicTest> ciConfigs() {
        return tests("ci");
    }

    @Tag("deep")
    @TestFactory
    Stream<DynamicTest> deepConfigs() {
        return tests("deep");
    }

    private Stream<DynamicTest> tests(String tier) {
        return manifest.entries().stream().filter(e -> e.tier().equals(tier)).map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            TlcResult r = runner.run(manifest.dir(), manifest.module(), e.file(), e.workers());
            assertEquals("", r.outcome().equals("error") ? "TLC error: " + r.detail() : "", e.file());
            assertEquals(e.expected(), r.outcome(), e.file() + ": result");
            if (e.distinctStates() >= 0) assertEquals(e.distinctStates(), r.distinctStates(), e.file() + ": distinct states");
            assertEquals(e.depth(), r.depth(), e.file() + (e.expected().equals("holds") ? ": depth" : ": counterexample length"));
        }));
    }
}
