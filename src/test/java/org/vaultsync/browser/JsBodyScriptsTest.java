package org.vaultsync.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.teavm.jso.JSBody;

/**
 * TeaVM's minifier renames the parameters of a {@code @JSBody} script to one- or two-letter names ({@code b},
 * {@code c}, ...) without looking at the names the script declares itself. A script that declares
 * {@code function(e)} or {@code var c} therefore works in tests (not minified) and breaks in the shipped client
 * when a parameter is renamed to the same letter: {@code onClose} became {@code e} inside
 * {@code ws.onclose = function(e) { e(e.reason) }}. Names a script declares must be three characters or longer.
 */
class JsBodyScriptsTest {
    private static final Pattern DECLARED = Pattern.compile(
            "\\b(?:var|let|const)\\s+([A-Za-z_$][\\w$]*)"
                    + "|\\bcatch\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*\\)"
                    + "|\\bfunction\\s*[A-Za-z_$]?[\\w$]*\\s*\\(([^)]*)\\)"
                    + "|\\(([^()]*)\\)\\s*=>"
                    + "|\\b([A-Za-z_$][\\w$]*)\\s*=>");

    @Test
    void noScriptDeclaresANameTheMinifierMayGiveAParameter() throws Exception {
        List<String> problems = new ArrayList<>();
        int scripts = 0;
        for (Class<?> type : compiledClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                JSBody body = method.getAnnotation(JSBody.class);
                if (body == null) {
                    continue;
                }
                scripts++;
                for (String name : declaredNames(body.script())) {
                    if (name.length() < 3) {
                        problems.add(type.getName() + "." + method.getName() + " declares '" + name + "'");
                    }
                }
            }
        }
        assertTrue(scripts > 20, "found the scripts (" + scripts + ")");
        assertEquals(List.of(), problems);
    }

    @Test
    void findsTheNamesAScriptDeclares() {
        assertEquals(List.of("ws", "e", "e", "v", "i", "x", "y", "k"), declaredNames(
                "var ws; try { } catch (e) {} ws.onclose = function(e) {}; let v = 1; for (var i = 0;;) {}"
                        + " f((x, y) => x); g(k => k);"));
    }

    private static List<String> declaredNames(String script) {
        List<String> names = new ArrayList<>();
        Matcher m = DECLARED.matcher(script);
        while (m.find()) {
            for (int group = 1; group <= m.groupCount(); group++) {
                String found = m.group(group);
                if (found == null) {
                    continue;
                }
                for (String name : found.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return names;
    }

    private static List<Class<?>> compiledClasses() throws IOException, ClassNotFoundException {
        Path root = Path.of("target", "classes");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org").resolve("vaultsync"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = root.relativize(file).toString();
                if (name.endsWith(".class")) {
                    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    // not initialised: some static initialisers call into the browser
                    classes.add(Class.forName(className, false, JsBodyScriptsTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
