package org.vaultsync.common;

import java.security.SecureRandom;

/** JVM source of {@link RandomBytes}. Never reached from the browser client, which uses WebCrypto instead. */
public final class SecureRandomBytes implements RandomBytes {
    private final SecureRandom random = new SecureRandom();

    @Override
    public void fill(byte[] target) {
        random.nextBytes(target);
    }
}
