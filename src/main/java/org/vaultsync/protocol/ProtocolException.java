package org.vaultsync.protocol;

/** A message that does not follow the y-webrtc signaling or peer protocol; the message says what is wrong. */
public class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }
}
