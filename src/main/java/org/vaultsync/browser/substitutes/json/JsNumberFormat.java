package org.vaultsync.browser.substitutes.json;

import org.teavm.jso.JSBody;

/**
 * Browser build of {@code org.vaultsync.json.JsNumberFormat} (TeaVM substitutes this class for it, see
 * {@link org.vaultsync.browser.BrowserSubstitutions}): the JavaScript engine's own {@code Number::toString} and
 * number parsing, which are the specification the JVM version reimplements. Same methods, same results; no
 * {@code java.math} and no TeaVM double formatting in the client.
 */
final class JsNumberFormat {
    private JsNumberFormat() {
    }

    @JSBody(params = "value", script = "return String(value);")
    static native String format(double value);

    @JSBody(params = "text", script = "return Number(text);")
    static native double parse(String text);
}
