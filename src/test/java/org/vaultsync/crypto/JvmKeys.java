package org.vaultsync.crypto;

/** Room keys for JVM tests: {@link JvmKeyDerivation} completes synchronously, so the key is returned directly. */
public final class JvmKeys {
    private JvmKeys() {
    }

    public static RoomKey derive(String password, String roomName) {
        RoomKey[] key = new RoomKey[1];
        new JvmKeyDerivation().deriveRoomKey(password, roomName, new CryptoCallback<>() {
            @Override
            public void succeeded(RoomKey value) {
                key[0] = value;
            }

            @Override
            public void failed(CryptoException error) {
                throw new IllegalStateException("Key derivation failed", error);
            }
        });
        return key[0];
    }
}
