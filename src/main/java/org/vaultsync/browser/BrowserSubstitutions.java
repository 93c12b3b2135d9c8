package org.vaultsync.browser;

import org.teavm.extension.spi.substitution.SimpleSubstitutionPolicy;
import org.teavm.extension.spi.substitution.SubstitutionSink;

/**
 * Tells TeaVM (which finds it through META-INF/services) to compile browser versions of some plain-Java classes in
 * their place: {@code org.vaultsync.X.Y} is replaced by {@code org.vaultsync.browser.substitutes.X.Y} where that
 * exists. Used where the JavaScript engine has the exact function natively, so the client ships neither our
 * pure-Java version nor what it depends on. Each substitute has the same methods and gives the same results.
 */
public final class BrowserSubstitutions extends SimpleSubstitutionPolicy {
    @Override
    public void contribute(SubstitutionSink sink) {
        sink.selectClasses(named("org.vaultsync.json.JsNumberFormat"))
                .replacePackage("org.vaultsync.json", "org.vaultsync.browser.substitutes.json");
    }
}
