package pcnref.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pcnref.pages.PageManifest;
import pcnref.pages.TlcCfg;

/** spec/pages/manifest.json lists exactly the cfgs on disk, each with its model parameters. */
class PagesManifestTest {
    private final Manifest manifest = Manifest.load(SpecLocator.protocolDir("pages").resolve("manifest.json"));

    @Test
    void everyCfgIsListedOnceAndExists() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> s = Files.list(manifest.dir())) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".cfg")).collect(Collectors.toSet());
        }
        List<String> listed = manifest.entries().stream().map(ManifestEntry::file).toList();
        assertEquals(onDisk, Set.copyOf(listed));
        assertEquals(listed.size(), Set.copyOf(listed).size(), "a cfg is listed twice");
    }

    @Test
    void entriesAreWellFormed() {
        assertTrue(manifest.entries().stream().anyMatch(e -> e.tier().equals("ci")));
        for (ManifestEntry e : manifest.entries()) {
            assertTrue(Set.of("ci", "deep").contains(e.tier()), e.file());
            assertTrue(Set.of("safety", "liveness").contains(e.mode()), e.file());
            assertTrue(e.depth() > 0, e.file());
            assertFalse(e.constants() == null || e.constants().isEmpty(), e.file() + ": no constants");
            for (String k : List.of("nodes", "origin", "threadHomes", "numValues", "maxAccesses", "maxFollowers",
                    "maxEnvOps", "bugs", "specification")) {
                assertTrue(e.constants().has(k), e.file() + ": constants." + k);
            }
        }
    }

    /**
     * The manifest repeats facts of each cfg (invariants, properties, CHECK_DEADLOCK, the model
     * constants); they must be the cfg's own, as TlcCfg reads it (and TlcCfg reads as TLC does:
     * conformance's TlcCfgAgreesWithTlcTest). The cfg is the source of truth.
     */
    @Test
    void manifestCopiesOfCfgFactsAreTheCfgs() {
        PageManifest pm = PageManifest.load(manifest.dir());
        for (ManifestEntry e : manifest.entries()) {
            String name = e.name().replaceFirst("^MCPageProtocol_", "");
            TlcCfg cfg = TlcCfg.read(manifest.dir().resolve(e.file()));
            JsonNode c = pm.config(name);
            assertEquals(cfg.invariants(), strings(c.path("invariants")), e.file() + ": manifest invariants vs cfg");
            assertEquals(cfg.properties(), strings(c.path("properties")), e.file() + ": manifest properties vs cfg");
            assertEquals(cfg.checkDeadlock(), c.path("constants").path("checkDeadlock").asBoolean(true), e.file() + ": checkDeadlock");
            assertEquals(cfg.pageConfig(), pm.pageConfig(name), e.file() + ": manifest constants vs cfg");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.elements().forEachRemaining(n -> out.add(n.asText()));
        return out;
    }
}
