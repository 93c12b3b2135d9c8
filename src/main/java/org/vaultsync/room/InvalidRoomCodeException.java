package org.vaultsync.room;

/** A room code that cannot be used; the message is written for the person who typed it. */
public class InvalidRoomCodeException extends Exception {
    public InvalidRoomCodeException(String message) {
        super(message);
    }
}
