package org.vaultsync.browser;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * A WebCrypto {@code CryptoKey}. Ours are AES-GCM keys made non-extractable: script (ours or injected) can use them
 * but never read their bytes. IndexedDB stores them as they are (structured clone keeps them non-extractable).
 */
public interface CryptoKey extends JSObject {
    @JSProperty("extractable")
    boolean isExtractable();

    /** {@code "secret"} for AES keys. */
    @JSProperty
    String getType();
}
