package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * TeaVM's minifier renames a {@code @JSBody} method's parameters to single letters but leaves the script's own
 * locals as written, so a script declaring {@code var c} overwrote a parameter that had become {@code c}: tab
 * messages failed with "c is not a function" and ICE candidates were built from the wrong value, so app pages never
 * connected. This reads the shipped client and finds any function that declares, at its top level, a local with a
 * parameter's name.
 */
class ClientScriptLocalsTest {
    private static final Pattern FUNCTION = Pattern.compile("=\\(([\\w$,]+)\\)=>\\{|=([\\w$]+)=>\\{");
    private static final Pattern LOCAL = Pattern.compile("\\b(?:var|let|const) ([\\w$]+)");

    @Test
    void noScriptLocalShadowsAMinifiedParameter() throws Exception {
        String client;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("webapp/js/app.js")) {
            assertNotNull(in, "the compiled client is on the classpath");
            client = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> clashes = new ArrayList<>();
        Matcher function = FUNCTION.matcher(client);
        while (function.find()) {
            List<String> params = Arrays.asList((function.group(1) != null ? function.group(1) : function.group(2))
                    .split(","));
            Matcher local = LOCAL.matcher(topLevelOf(client, function.end()));
            while (local.find()) {
                if (params.contains(local.group(1))) {
                    clashes.add(client.substring(function.start(), Math.min(client.length(), function.end() + 120)));
                }
            }
        }
        assertEquals(List.of(), clashes, "script locals that overwrite a parameter");
    }

    /** The text of the body starting at {@code from}, without nested blocks (their locals are their own). */
    private static String topLevelOf(String code, int from) {
        StringBuilder out = new StringBuilder();
        int depth = 1;
        for (int i = from; i < code.length() && depth > 0; i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 1) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
