package org.vaultsync.crypto;

/**
 * Where the result of an asynchronous crypto operation goes. Exactly one of the two methods is called, once, on the
 * caller's thread: possibly before the operation's method returns (the JVM implementation) or later (WebCrypto's
 * promises in the browser). Callers must work with both; {@link OrderedCompletions} restores the call order.
 */
public interface CryptoCallback<T> {
    void succeeded(T value);

    void failed(CryptoException error);
}
