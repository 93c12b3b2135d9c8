package org.vaultsync.browser;

import org.teavm.extension.spi.substitution.SimpleSubstitutionPolicy;
import org.teavm.extension.spi.substitution.SubstitutionSink;

/**
 * Tells TeaVM (which finds it through META-INF/services) to compile browser versions of some plain-Java classes in
 * their place: {@code org.vaultsync.X.Y} is replaced by {@code org.vaultsync.browser.substitutes.X.Y} where that
 * exists. Used where the JavaScript engine has the exact function natively, so the client ships neither our
 * pure-Java version nor what it depends on. Each substitute has the same methods and gives the same results.
 * The same goes for two classes of TeaVM's runtime library, {@code org.teavm.classlib.impl.text.DoubleAnalyzer}
 * and {@code DoubleSynthesizer} (see {@code substitutes.teavm}).
 */
public final class BrowserSubstitutions extends SimpleSubstitutionPolicy {
    @Override
    public void contribute(SubstitutionSink sink) {
        sink.selectClasses(named("org.vaultsync.json.JsNumberFormat"))
                .replacePackage("org.vaultsync.json", "org.vaultsync.browser.substitutes.json");
        sink.selectClasses(named("org.vaultsync.crdt.encoding.Float64Bytes"))
                .replacePackage("org.vaultsync.crdt.encoding", "org.vaultsync.browser.substitutes.crdt.encoding");
        sink.selectClasses(named("org.vaultsync.crdt.id.IntSort"))
                .replacePackage("org.vaultsync.crdt.id", "org.vaultsync.browser.substitutes.crdt.id");
        sink.selectClasses(named("org.vaultsync.crdt.structs.StructArrays")
                        .or(named("org.vaultsync.crdt.structs.StringConcat")))
                .replacePackage("org.vaultsync.crdt.structs", "org.vaultsync.browser.substitutes.crdt.structs");
        sink.selectClasses(named("org.vaultsync.crdt.types.TextPieces"))
                .replacePackage("org.vaultsync.crdt.types", "org.vaultsync.browser.substitutes.crdt.types");
        // TeaVM's own shortest-digits search for Double.toString and its reading of decimal digits for
        // Double.parseDouble, with their tables of powers of ten
        sink.selectClasses(named("org.teavm.classlib.impl.text.DoubleAnalyzer")
                        .or(named("org.teavm.classlib.impl.text.DoubleAnalyzer$Result"))
                        .or(named("org.teavm.classlib.impl.text.DoubleSynthesizer")))
                .replacePackage("org.teavm.classlib.impl.text", "org.vaultsync.browser.substitutes.teavm");
    }
}
