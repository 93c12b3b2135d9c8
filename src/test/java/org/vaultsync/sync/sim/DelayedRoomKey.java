package org.vaultsync.sync.sim;

import java.util.Random;
import org.vaultsync.common.Scheduler;
import org.vaultsync.crypto.CryptoCallback;
import org.vaultsync.crypto.CryptoException;
import org.vaultsync.crypto.RoomKey;

/**
 * A real room key whose results arrive like WebCrypto's: later, on the scheduler, after a random 0-5 ms, so that
 * operations started in one order may complete in another. Proves the sync layer keeps each channel's order.
 */
final class DelayedRoomKey implements RoomKey {
    private final RoomKey key;
    private final Scheduler scheduler;
    private final Random random;

    DelayedRoomKey(RoomKey key, Scheduler scheduler, Random random) {
        this.key = key;
        this.scheduler = scheduler;
        this.random = random;
    }

    @Override
    public String roomName() {
        return key.roomName();
    }

    @Override
    public void seal(byte[] iv, byte[] plaintext, CryptoCallback<byte[]> done) {
        key.seal(iv, plaintext, later(done));
    }

    @Override
    public void open(byte[] iv, byte[] sealed, CryptoCallback<byte[]> done) {
        key.open(iv, sealed, later(done));
    }

    private <T> CryptoCallback<T> later(CryptoCallback<T> done) {
        long delay = random.nextInt(6);
        return new CryptoCallback<T>() {
            @Override
            public void succeeded(T value) {
                scheduler.schedule(delay, () -> done.succeeded(value));
            }

            @Override
            public void failed(CryptoException error) {
                scheduler.schedule(delay, () -> done.failed(error));
            }
        };
    }
}
