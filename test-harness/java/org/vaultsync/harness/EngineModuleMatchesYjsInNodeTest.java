package org.vaultsync.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * The engine as TeaVM compiles it for the browser (the {@code engine-js} profile's minified ADVANCED module, which
 * {@code bin/test} builds) produces, in Node, exactly the bytes real Yjs produces for the benchmark's workloads.
 *
 * <p>Why a test of its own: the JVM tests run the Java code and the TeaVM-in-Chromium tests each compile a program of
 * their own, but TeaVM's type inference depends on the whole program. The engine-only module once compiled struct
 * merging for the wrong classes when an unrelated {@code List.sort} left it (a browser substitute wrote structs from
 * JavaScript only): wrong documents, no error, every other test green. This catches that class of miscompile.
 */
class EngineModuleMatchesYjsInNodeTest {
    private static final Path MODULE = Path.of("target", "engine-js", "engine-bench.js");
    private static final Path RUNNER = Path.of("test-harness", "node", "engine-bench", "node-run.mjs");

    @ParameterizedTest
    @ValueSource(strings = {"edits", "vault"})
    void theCompiledEngineWritesTheSameBytesAsYjs(String workload) throws Exception {
        assumeTrue(Files.exists(MODULE), "built by the engine-js Maven profile (bin/test passes -Pengine-js)");
        Map<String, Object> ours = hashes(run("ours", workload));
        Map<String, Object> yjs = hashes(run("yjs", workload));
        assertFalse(yjs.isEmpty(), "the workload hashed its outputs");
        assertEquals(yjs, ours, workload + ": every output (updates, states, state vectors, diffs, JSON) as Yjs's");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hashes(String resultLine) throws JsonException {
        Map<String, Object> result = (Map<String, Object>) Json.parse(resultLine.substring("RESULT ".length()));
        return (Map<String, Object>) result.get("hashes");
    }

    /** One fresh Node process running {@code workload} with {@code engine}; its RESULT line. */
    private static String run(String engine, String workload) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "--expose-gc", RUNNER.toString(), engine, workload,
                MODULE.toString(), "2000")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(120, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("node did not finish " + engine + " " + workload);
        }
        assertEquals(0, node.exitValue(), "node exit code for " + engine + " " + workload);
        return out.lines().filter(line -> line.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RESULT line from " + engine + " " + workload));
    }
}
