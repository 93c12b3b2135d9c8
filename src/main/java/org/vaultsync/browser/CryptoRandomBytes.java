package org.vaultsync.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Int8Array;
import org.vaultsync.common.RandomBytes;

/** Browser source of {@link RandomBytes}: {@code crypto.getRandomValues}, the only secure source a page has. */
public final class CryptoRandomBytes implements RandomBytes {
    @Override
    public void fill(byte[] target) {
        // byte[] compiles to an Int8Array, and fromJavaArray aliases it, so the browser fills our array in place.
        getRandomValues(Int8Array.fromJavaArray(target));
    }

    @JSBody(params = "array", script = "crypto.getRandomValues(array);")
    private static native void getRandomValues(Int8Array array);
}
