package org.vaultsync.crdt.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Utf8;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Loads the Yjs conformance vectors from the test classpath ({@code /yjs-vectors/}). Works on the JVM and, through
 * {@link VectorResources}, in TeaVM-compiled tests.
 */
public final class VectorFiles {
    private VectorFiles() {
    }

    public static List<String> scenarioFiles() {
        Map<?, ?> index = (Map<?, ?>) json("INDEX.json");
        List<String> files = new ArrayList<>();
        for (Object entry : (List<?>) index.get("scenarios")) {
            files.add((String) ((Map<?, ?>) entry).get("file"));
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> scenario(String file) {
        return (Map<String, Object>) json(file);
    }

    /** Any JSON file of the vectors, e.g. {@code protocol-messages.json}. */
    public static Object json(String file) {
        String path = "yjs-vectors/" + file;
        try (InputStream in = VectorFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
            return Json.parse(Utf8.decode(bytes.toByteArray()));
        } catch (IOException | DecodingException | JsonException e) {
            throw new IllegalStateException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
