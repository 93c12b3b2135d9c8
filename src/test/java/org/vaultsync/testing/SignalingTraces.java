package org.vaultsync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/** The recorded y-webrtc signaling sessions ({@code /signaling/*.jsonl} on the test classpath), one event a line. */
public final class SignalingTraces {
    private SignalingTraces() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> events(String name) throws IOException, JsonException {
        try (InputStream in = SignalingTraces.class.getResourceAsStream("/signaling/" + name)) {
            if (in == null) {
                throw new IOException("Missing test resource /signaling/" + name);
            }
            List<Map<String, Object>> events = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    events.add((Map<String, Object>) Json.parse(line));
                }
            }
            return events;
        }
    }
}
