package org.vaultsync.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.junit.SkipJVM;
import org.teavm.junit.TeaVMTestRunner;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crypto.CryptoCallback;
import org.vaultsync.crypto.CryptoException;
import org.vaultsync.crypto.CryptoVectorCheck;
import org.vaultsync.crypto.OrderedCompletions;
import org.vaultsync.crypto.RoomCipher;
import org.vaultsync.crypto.RoomKey;

/** Room encryption with WebCrypto in Chromium: y-webrtc's vectors, non-extractable keys that survive a clone, order. */
@RunWith(TeaVMTestRunner.class)
@SkipJVM
public class RoomCryptoInBrowserTest {
    private static final String ROOM = "vault-sync/ABCDEF";

    /** Waits (TeaVM suspends the test) until {@code start} hands over its result. */
    private static Object await(Consumer<Consumer<Object>> start) {
        Object[] box = new Object[1];
        JSPromise<JSObject> settled = new JSPromise<>((resolve, reject) -> start.accept(value -> {
            box[0] = value;
            resolve.accept(null);
        }));
        settled.await();
        return box[0];
    }

    /** A callback that hands over the value, or the exception's kind as a string on failure. */
    private static <T> CryptoCallback<T> to(Consumer<Object> out) {
        return new CryptoCallback<T>() {
            @Override
            public void succeeded(T value) {
                out.accept(value);
            }

            @Override
            public void failed(CryptoException error) {
                out.accept(error.kind().name());
            }
        };
    }

    private static RoomKey derive(String password) {
        return (RoomKey) await(out -> new WebCryptoKeyDerivation().deriveRoomKey(password, ROOM, to(out)));
    }

    @Test
    public void yWebrtcCryptoVectorsPassWithWebCryptoAndKeysAreNonExtractable() {
        CryptoVectorCheck check = new CryptoVectorCheck(new WebCryptoKeyDerivation());
        @SuppressWarnings("unchecked")
        List<String> failures = (List<String>) await(out -> check.run(out::accept));
        assertTrue(String.join("\n", failures), failures.isEmpty());
        assertEquals(2, check.keys().size());
        for (RoomKey key : check.keys()) {
            assertFalse(((WebCryptoRoomKey) key).cryptoKey().isExtractable());
            assertEquals("secret", ((WebCryptoRoomKey) key).cryptoKey().getType());
        }
    }

    @Test
    public void aKeyClonedAsIndexedDbStoresItStillOpensTheRoomAndStaysNonExtractable() {
        WebCryptoRoomKey key = (WebCryptoRoomKey) derive("correct horse");
        RoomCipher cipher = new RoomCipher(key, new CryptoRandomBytes());
        byte[] frame = (byte[]) await(out -> cipher.encrypt(Hex.parse("000102"), to(out)));

        CryptoKey clone = structuredClone(key.cryptoKey());
        assertFalse(clone.isExtractable());
        RoomCipher restored = new RoomCipher(WebCryptoRoomKey.restore(ROOM, clone), new CryptoRandomBytes());
        Object plain = await(out -> restored.decrypt(frame, to(out)));
        assertEquals("000102", Hex.of((byte[]) plain));

        RoomCipher other = new RoomCipher(derive("wrong horse"), new CryptoRandomBytes());
        assertEquals("NOT_AUTHENTIC", await(out -> other.decrypt(frame, to(out))));
        assertEquals("MALFORMED", await(out -> other.decrypt(Hex.parse("000000"), to(out))));
    }

    @Test
    public void restoringSomethingThatIsNotANonExtractableRoomKeyIsRefused() {
        CryptoKey extractable = (CryptoKey) await(out -> extractableAesKey(out::accept));
        try {
            WebCryptoRoomKey.restore(ROOM, extractable);
            fail("an extractable key must not be accepted as a stored room key");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("non-extractable"));
        }
    }

    @Test
    public void resultsKeepTheirOrderWhateverOrderWebCryptoSettlesIn() {
        RoomCipher cipher = new RoomCipher(derive("order"), new CryptoRandomBytes());
        List<byte[]> frames = new ArrayList<>();
        int count = 40;
        await(done -> {
            OrderedCompletions<byte[]> queue = new OrderedCompletions<>(frames::add, e -> fail(e.getMessage()));
            for (int i = 0; i < count; i++) {
                byte[] message = new byte[i % 2 == 0 ? 200_000 : 1]; // big and tiny messages interleaved
                message[0] = (byte) i;
                cipher.encrypt(message, queue.next());
            }
            queue.whenIdle(() -> done.accept(null));
        });
        List<Integer> order = new ArrayList<>();
        await(done -> {
            OrderedCompletions<byte[]> queue = new OrderedCompletions<>(plain -> order.add((int) plain[0]),
                    e -> fail(e.getMessage()));
            for (byte[] frame : frames) {
                cipher.decrypt(frame, queue.next());
            }
            queue.whenIdle(() -> done.accept(null));
        });
        assertEquals(count, order.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i, order.get(i).intValue());
        }
    }

    @JSBody(params = "key", script = "return structuredClone(key);")
    private static native CryptoKey structuredClone(CryptoKey key);

    @org.teavm.jso.JSFunctor
    interface KeyOut extends JSObject {
        void accept(CryptoKey key);
    }

    @JSBody(params = "out", script = "crypto.subtle.generateKey({name: 'AES-GCM', length: 256}, true,"
            + " ['encrypt', 'decrypt']).then(function(k) { out(k); });")
    private static native void extractableAesKey(KeyOut out);
}
