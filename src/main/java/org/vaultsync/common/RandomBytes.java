package org.vaultsync.common;

/**
 * A cryptographically secure source of random bytes. The JVM uses {@code SecureRandom}; the browser uses
 * {@code crypto.getRandomValues}, because TeaVM's {@code SecureRandom} is not backed by a secure source.
 */
@FunctionalInterface
public interface RandomBytes {
    void fill(byte[] target);
}
