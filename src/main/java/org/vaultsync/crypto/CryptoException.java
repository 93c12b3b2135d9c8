package org.vaultsync.crypto;

/** A crypto operation that did not produce a result; {@link #kind()} says whether it is the data's fault or ours. */
public final class CryptoException extends Exception {
    public enum Kind {
        /** Not an encrypted frame at all (truncated, wrong layout, not base64, not a lib0 value inside). */
        MALFORMED,
        /** A well-formed frame whose authentication tag does not verify: another key (password) or tampering. */
        NOT_AUTHENTIC,
        /** The platform refused the operation (no WebCrypto, unsupported algorithm, ...). */
        UNAVAILABLE
    }

    private final Kind kind;

    public CryptoException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CryptoException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNotAuthentic() {
        return kind == Kind.NOT_AUTHENTIC;
    }
}
