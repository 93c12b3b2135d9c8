package org.vaultsync.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crdt.conformance.VectorFiles;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Checks a platform's {@link KeyDerivation} and {@link RoomKey} against {@code crypto.json} (y-webrtc 10.3.0's own
 * bytes), asynchronously, so the same check runs on the JVM and in Chromium with WebCrypto. The derived key is never
 * read (it is non-extractable in the browser): encrypting the vector's plaintext with its fixed IV must give the
 * vector's frame, which only the right key can.
 */
public final class CryptoVectorCheck {
    private final KeyDerivation derivation;
    private final List<String> failures = new ArrayList<>();
    private final List<Map<?, ?>> cases = new ArrayList<>();
    private Consumer<List<String>> done;
    /** Derived keys of the cases, for {@link #keys()}. */
    private final List<RoomKey> keys = new ArrayList<>();

    public CryptoVectorCheck(KeyDerivation derivation) {
        this.derivation = derivation;
        for (Object c : (List<?>) ((Map<?, ?>) VectorFiles.json("crypto.json")).get("cases")) {
            cases.add((Map<?, ?>) c);
        }
    }

    public List<RoomKey> keys() {
        return keys;
    }

    /** Runs every case; {@code done} gets the failures (empty when all pass). */
    public void run(Consumer<List<String>> done) {
        this.done = done;
        runCase(0);
    }

    private void runCase(int index) {
        if (index == cases.size()) {
            if (cases.isEmpty()) {
                failures.add("no cases in crypto.json");
            }
            done.accept(failures);
            return;
        }
        Map<?, ?> c = cases.get(index);
        String name = "case " + index + " (" + c.get("room") + "): ";
        Map<?, ?> signaling = (Map<?, ?>) c.get("signaling");
        Map<?, ?> broadcast = (Map<?, ?>) c.get("broadcastChannel");
        byte[] iv = Hex.parse((String) c.get("ivHex"));
        derivation.deriveRoomKey((String) c.get("password"), (String) c.get("room"), expect(name + "derive", key -> {
            keys.add(key);
            RoomCipher cipher = new RoomCipher(key, bytes -> {
                throw new AssertionError("the vectors use a fixed IV");
            });
            Lib0Writer writer = new Lib0Writer();
            writer.writeAny(signaling.get("message"));
            byte[] plainAnnounce = writer.toByteArray();
            same(name + "writeAny", (String) signaling.get("writeAnyHex"), Hex.of(plainAnnounce));
            cipher.encryptWithIv(plainAnnounce, iv, expect(name + "encrypt announce", framed -> {
                same(name + "announce frame", (String) signaling.get("framedHex"), Hex.of(framed));
                same(name + "publish.data", (String) signaling.get("publishDataBase64"),
                        Base64.getEncoder().encodeToString(framed));
                cipher.encryptWithIv(Hex.parse((String) broadcast.get("plainHex")), iv, expect(name + "encrypt bc",
                        bcFrame -> {
                            same(name + "broadcast frame", (String) broadcast.get("framedHex"), Hex.of(bcFrame));
                            cipher.decryptPayload((String) signaling.get("publishDataBase64"),
                                    expect(name + "decrypt publish.data", value -> {
                                        same(name + "decrypted announce", json(signaling.get("message")), json(value));
                                        cipher.decrypt(Hex.parse((String) broadcast.get("framedHex")),
                                                expect(name + "decrypt bc", plain -> {
                                                    same(name + "bc plaintext", (String) broadcast.get("plainHex"),
                                                            Hex.of(plain));
                                                    runCase(index + 1);
                                                }));
                                    }));
                        }));
            }));
        }));
    }

    private static String json(Object value) {
        try {
            return Json.stringify(value);
        } catch (JsonException e) {
            return "not JSON: " + e.getMessage();
        }
    }

    private void same(String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            failures.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** A callback that continues with {@code next} on success and ends the run with a failure otherwise. */
    private <T> CryptoCallback<T> expect(String what, Consumer<T> next) {
        return new CryptoCallback<T>() {
            @Override
            public void succeeded(T value) {
                next.accept(value);
            }

            @Override
            public void failed(CryptoException error) {
                failures.add(what + " failed: " + error.kind() + " " + error.getMessage());
                done.accept(failures);
            }
        };
    }
}
