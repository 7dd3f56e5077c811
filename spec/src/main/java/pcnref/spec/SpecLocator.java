package pcnref.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a protocol's spec directory (e.g. spec/pages) from -Dpcn.home or the working directory upwards. */
public final class SpecLocator {
    private SpecLocator() {}

    public static Path protocolDir(String protocol) {
        String home = System.getProperty("pcn.home");
        if (home != null) {
            Path p = Path.of(home, "spec", protocol);
            if (Files.isRegularFile(p.resolve("manifest.json"))) return p;
            throw new SpecException(p.resolve("manifest.json") + ": not found");
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            for (Path p : new Path[] {d.resolve(protocol), d.resolve("spec").resolve(protocol)}) {
                if (Files.isRegularFile(p.resolve("manifest.json"))) return p;
            }
        }
        throw new SpecException("spec/" + protocol + "/manifest.json: not found from " + Path.of("").toAbsolutePath());
    }
}
