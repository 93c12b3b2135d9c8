package org.vaultsync.crdt.conformance;

import java.util.ArrayList;
import java.util.List;
import org.teavm.classlib.ResourceSupplier;
import org.teavm.classlib.ResourceSupplierContext;

/**
 * Tells TeaVM to embed the conformance vectors in the compiled tests, so that
 * {@code ClassLoader.getResourceAsStream} finds them in the browser. Runs at TeaVM compile time on the JVM.
 */
public class VectorResources implements ResourceSupplier {
    private static final String[] SCENARIOS = {
        "01-map-set-string.json", "02-map-set-numbers.json", "03-map-set-bool-null.json",
        "04-map-set-plain-nested.json", "05-map-set-unicode.json", "06-map-set-binary.json", "07-map-overwrite.json",
        "08-map-delete.json", "09-map-set-delete-same-transaction.json", "10-map-nested-ymap.json",
        "11-map-nested-yarray-ytext.json", "12-map-delete-nested-type-gc.json", "13-map-delete-nested-type-nogc.json",
        "14-array-insert.json", "15-array-delete.json", "16-array-mixed-and-nested.json",
        "17-array-many-in-one-transaction.json", "18-text-insert.json", "19-text-delete.json", "20-text-format.json",
        "21-text-insert-attributes-embed.json", "22-text-unicode-utf16.json", "23-all-root-types.json",
        "24-concurrent-map-same-key-2docs.json", "25-concurrent-map-same-key-2docs-reverse-order.json",
        "26-concurrent-map-same-key-swapped-ids.json", "27-concurrent-map-different-keys.json",
        "28-concurrent-map-delete-vs-set.json", "29-concurrent-array-insert-same-position.json",
        "30-concurrent-array-delete-vs-insert.json", "31-concurrent-text-insert-same-position.json",
        "32-concurrent-text-format-overlap.json", "33-concurrent-nested-map-same-key.json",
        "34-three-docs-order-abc.json", "35-three-docs-order-cba.json", "36-three-docs-out-of-order-delivery.json",
        "37-sync-then-concurrent-rounds.json"};

    @Override
    public String[] supplyResources(ResourceSupplierContext context) {
        List<String> resources = new ArrayList<>();
        resources.add("yjs-vectors/INDEX.json");
        resources.add("yjs-vectors/crypto.json");
        for (String scenario : SCENARIOS) {
            resources.add("yjs-vectors/" + scenario);
        }
        return resources.toArray(new String[0]);
    }
}
