package org.vaultsync.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * TeaVM's minifier renames a {@code @JSBody} method's parameters to {@code b, c, d, ...} but leaves the names the
 * script declares alone, so a script local {@code var c} silently replaced the second parameter. That broke the
 * shipped client (and only it: the test pages are not minified): ICE candidates got a candidate object as their
 * {@code sdpMid}, other tabs' messages were handed to the channel itself, and a closed signaling socket called the
 * close event instead of the handler, so two players never connected. This test keeps such names out of every
 * script: nothing a script declares (var, let, const, function parameters, catch) may be one of the names its
 * parameters get after minifying.
 */
class JsBodyScriptsTest {
    private static final Pattern JS_BODY = Pattern.compile("@JSBody\\((.*?)\\)\\s*\\n\\s*(?:public |private |protected )?static native",
            Pattern.DOTALL);
    private static final Pattern PARAMS = Pattern.compile("params\\s*=\\s*(\\{[^}]*\\}|\"[^\"]*\")");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DECLARED = Pattern.compile(
            "\\b(?:var|let|const)\\s+(\\w+)|function\\s*\\w*\\s*\\(([^)]*)\\)|catch\\s*\\(\\s*(\\w+)\\s*\\)|(\\w+)\\s*=>");

    @Test
    void noScriptDeclaresANameItsParametersGetWhenMinified() throws IOException {
        List<String> clashes = new ArrayList<>();
        int scripts = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("test-harness/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    Matcher body = JS_BODY.matcher(Files.readString(file));
                    while (body.find()) {
                        scripts++;
                        clashes.addAll(clashes(file, body.group(1)));
                    }
                }
            }
        }
        assertTrue(scripts > 50, "found only " + scripts + " @JSBody scripts: the pattern no longer matches");
        assertEquals(List.of(), clashes);
    }

    @Test
    void theCheckCatchesTheClashThatBrokeIceCandidates() {
        String broken = "params = {\"line\", \"mid\", \"index\"}, script = \"\"\n + \"var c = {candidate: line};\"";
        assertEquals(1, clashes(Path.of("RtcBindings.java"), broken).size());
    }

    private static List<String> clashes(Path file, String annotation) {
        List<String> parameters = new ArrayList<>();
        Matcher params = PARAMS.matcher(annotation);
        if (params.find()) {
            Matcher names = STRING.matcher(params.group(1));
            while (names.find()) {
                parameters.add(names.group(1));
            }
        }
        int scriptAt = annotation.indexOf("script");
        StringBuilder script = new StringBuilder();
        Matcher parts = STRING.matcher(scriptAt < 0 ? "" : annotation.substring(scriptAt));
        while (parts.find()) {
            script.append(parts.group(1));
        }
        Set<String> minified = new LinkedHashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            minified.add(String.valueOf((char) ('b' + i)));
        }
        List<String> out = new ArrayList<>();
        Matcher declared = DECLARED.matcher(script);
        while (declared.find()) {
            for (int group = 1; group <= 4; group++) {
                String names = declared.group(group);
                if (names == null) {
                    continue;
                }
                for (String name : names.split("\\s*,\\s*")) {
                    if (minified.contains(name.trim())) {
                        out.add(file.getFileName() + " " + parameters + ": declares '" + name.trim() + "'");
                    }
                }
            }
        }
        return out;
    }
}
