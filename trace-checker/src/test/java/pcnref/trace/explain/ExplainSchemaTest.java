package pcnref.trace.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pcnref.trace.event.EventJson;

/** The --json document of every recording (real and synthetic) validates against docs/explain.schema.json. */
class ExplainSchemaTest {
    private static JsonSchema schema;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../docs/explain.schema.json").normalize();
        try (InputStream in = Files.newInputStream(p)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode json(Explanation x) throws IOException {
        return EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(x));
    }

    @ParameterizedTest
    @MethodSource("pcnref.trace.explain.ExplainTracesTest#runs")
    void everyRecordingValidates(Path dir) throws IOException {
        JsonNode j = json(Explainer.explain(dir, Explainer.Options.defaults()));
        assertEquals(java.util.Set.of(), schema.validate(j), dir.toString());
    }

    @Test
    void syntheticVariantsValidate() throws Exception {
        for (SyntheticRun.Mode m : SyntheticRun.Mode.values()) {
            SyntheticRun r = new SyntheticRun();
            r.mode = m;
            JsonNode j = json(Explainer.explain(r.write(tmp.resolve(m.name())), Explainer.Options.defaults()));
            assertEquals(java.util.Set.of(), schema.validate(j), m.name());
        }
    }

    @Test
    void theSchemaRejectsAnUnknownVerdict() throws Exception {
        SyntheticRun r = new SyntheticRun();
        ObjectNode j = (ObjectNode) json(Explainer.explain(r.write(tmp.resolve("x")), Explainer.Options.defaults()));
        assertTrue(schema.validate(j).isEmpty());
        ((ObjectNode) j.get("verdict")).put("kind", "probably fine");
        assertFalse(schema.validate(j).isEmpty());
    }
}
