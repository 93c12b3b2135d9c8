package org.vaultsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultsync.presence.MapPreferenceStore;
import org.vaultsync.room.InvalidRoomCodeException;
import org.vaultsync.room.RoomCode;
import org.vaultsync.room.RoomName;
import org.vaultsync.common.StorageCallback;
import org.vaultsync.sync.persistence.MemoryRoomStorage;
import org.vaultsync.sync.persistence.RoomStorage;
import org.vaultsync.sync.persistence.RoomStore;
import org.vaultsync.sync.persistence.StoredUpdates;
import org.vaultsync.sync.sim.SimRoom;

/** The app's sync API on the simulated network, with the real engine and in-memory room storage. */
class SyncClientTest {
    private final SimRoom world = new SimRoom(42);
    private final MemoryRoomStorage storageA = new MemoryRoomStorage(world.network.clock);
    private final MemoryRoomStorage storageB = new MemoryRoomStorage(world.network.clock);
    private final MapPreferenceStore prefsA = new MapPreferenceStore();
    private final MapPreferenceStore prefsB = new MapPreferenceStore();
    private final org.vaultsync.sync.persistence.MemoryRoomKeyStore keys =
            new org.vaultsync.sync.persistence.MemoryRoomKeyStore(world.network.clock);
    private int nodes;
    /** Each page's calls to its signaling transport, in order ("page-0 connect"). */
    private final List<String> signalingCalls = new ArrayList<>();
    /** The pages whose peer transport was asked to get ready for connections, in order. */
    private final List<String> prepared = new ArrayList<>();

    private SyncClient client(MapPreferenceStore preferences, RoomStorage storage) {
        return client(preferences, storage, frame -> { });
    }

    /** A page whose every frame to the signaling server is also given to {@code sent}. */
    private SyncClient client(MapPreferenceStore preferences, RoomStorage storage,
                              java.util.function.Consumer<String> sent) {
        String node = "page-" + nodes++;
        Random random = new Random(nodes * 7919L);
        org.vaultsync.sync.mesh.SignalingTransport server = world.server.transportFor(node);
        org.vaultsync.sync.mesh.SignalingTransport signaling = new org.vaultsync.sync.mesh.SignalingTransport() {
          @Override
          public void preconnect() {
              signalingCalls.add(node + " preconnect");
          }

          @Override
          public org.vaultsync.sync.mesh.SignalingConnection connect(
                  org.vaultsync.sync.mesh.SignalingConnection.Listener listener) {
            signalingCalls.add(node + " connect");
            org.vaultsync.sync.mesh.SignalingConnection connection = server.connect(listener);
            return new org.vaultsync.sync.mesh.SignalingConnection() {
                @Override
                public void send(String frame) {
                    sent.accept(frame);
                    connection.send(frame);
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
          }
        };
        org.vaultsync.sync.mesh.PeerTransport network = world.peers.transportFor(node);
        org.vaultsync.sync.mesh.PeerTransport peers = new org.vaultsync.sync.mesh.PeerTransport() {
            @Override
            public org.vaultsync.sync.mesh.PeerConnection create(boolean initiator,
                                                                  org.vaultsync.sync.mesh.PeerConnection.Listener l) {
                return network.create(initiator, l);
            }

            @Override
            public void prepare() {
                prepared.add(node);
            }
        };
        return new SyncClient(new SyncClient.Platform(signaling, peers,
                world.broadcasts.transportFor("profile-" + node), world.network.clock, random::nextDouble,
                random::nextBytes, preferences, storage, new org.vaultsync.crypto.JvmKeyDerivation(),
                keys, "https://vault.example"));
    }

    private static String read(SyncClient client, String key) {
        Object value = client.currentDocument().getMap("vault").get(key);
        return value == null ? null : value.toString();
    }

    private static void write(SyncClient client, String key, String value) {
        client.currentDocument().transact(t -> client.currentDocument().getMap("vault").set(key, value), "test");
    }

    @Test
    void joiningStartsTheSignalingConnectionBeforeTheRoomIsSetUpButNotWhileOffline() throws Exception {
        SyncClient a = client(prefsA, storageA);
        RoomCode code = a.createSyncRoom();
        assertEquals(List.of("page-0 preconnect", "page-0 connect"), signalingCalls);
        world.run(1_000);
        assertEquals(ConnectionState.CONNECTED, a.getConnectionState());

        SyncClient b = client(prefsB, storageB);
        b.networkChanged(false);
        b.joinSyncRoom(code.value());
        world.run(1_000);
        assertEquals(List.of("page-0 preconnect", "page-0 connect"), signalingCalls, "offline: no socket is opened");
    }

    @Test
    void theJoinScreenReadiesWebRtcBeforeAnyRoomAndTheFirstJoinTakesIt() throws Exception {
        SyncClient a = client(prefsA, storageA);
        assertEquals(List.of(), prepared);
        a.prepareToConnect();
        assertEquals(List.of("page-0"), prepared, "readied outside a room, before the player joins");
        a.createSyncRoom();
        world.run(1_000);
        assertEquals(ConnectionState.CONNECTED, a.getConnectionState());
        int readied = prepared.size();
        a.prepareToConnect();
        assertEquals(readied, prepared.size(), "in a room the room readies WebRTC itself, not the screen");
    }

    @Test
    void aCreatedRoomIsConnectedWhileAloneAndSyncsBothWaysWithAJoiner() throws Exception {
        SyncClient a = client(prefsA, storageA);
        SyncClient b = client(prefsB, storageB);
        RoomCode code = a.createSyncRoom();
        world.run(1_000);
        assertEquals(ConnectionState.CONNECTED, a.getConnectionState());
        assertEquals("Waiting for peers", a.getStatus().describe(world.network.clock.now()));

        b.joinSyncRoom(code.display().toLowerCase());
        world.run(2_000);
        assertEquals(1, a.getConnectedPeerCount());
        assertEquals(1, b.getConnectedPeerCount());
        assertEquals("1 peer", b.getStatus().describe(world.network.clock.now()));

        write(a, "unit", "Atlas AS7-D");
        world.run(500);
        assertEquals("Atlas AS7-D", read(b, "unit"));
        write(b, "pilot", "Natasha Kerensky");
        world.run(500);
        assertEquals("Natasha Kerensky", read(a, "pilot"));
        assertEquals(a.getPeers().get(0), a.identity().identity(), "(you) first");
        assertEquals(2, a.getPeers().size());
    }

    @Test
    void aNewDisplayNameReachesPeersAtOnceAndABlankOneChangesNothing() throws Exception {
        SyncClient a = client(prefsA, storageA);
        SyncClient b = client(prefsB, storageB);
        RoomCode code = a.createSyncRoom();
        b.joinSyncRoom(code.value());
        world.run(2_000);
        assertEquals(1, b.getConnectedPeerCount());

        a.rename("  Natasha Kerensky ");
        world.run(500);
        assertEquals("Natasha Kerensky", a.getPeers().get(0).name());
        assertEquals("Natasha Kerensky", b.getPeers().get(1).name(), "peers see the new name without a rejoin");
        assertEquals(1, b.getConnectedPeerCount(), "still one person");

        IllegalArgumentException blank = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> a.rename(" \t "));
        assertEquals("Display name must not be empty", blank.getMessage());
        world.run(500);
        assertEquals("Natasha Kerensky", b.getPeers().get(1).name());
    }

    @Test
    void joiningByShareLinkJoinsThatRoom() throws Exception {
        SyncClient a = client(prefsA, storageA);
        SyncClient b = client(prefsB, storageB);
        RoomCode code = a.createSyncRoom();
        String link = a.shareLink();
        assertEquals("https://vault.example/#/join/" + code.display(), link);
        assertEquals(code, b.joinSyncRoom(link));
        world.run(2_000);
        assertEquals(1, b.getConnectedPeerCount());
    }

    @Test
    void badCodesAndLinksAreRefusedWithTheSpecMessagesAndChangeNothing() {
        SyncClient a = client(prefsA, storageA);
        InvalidRoomCodeException shortCode = assertThrows(InvalidRoomCodeException.class, () -> a.joinSyncRoom("ABCDE"));
        assertEquals("Room code must be 6 characters", shortCode.getMessage());
        InvalidRoomCodeException lookAlike = assertThrows(InvalidRoomCodeException.class, () -> a.joinSyncRoom("ABCIOO"));
        assertEquals("Room code contains invalid characters (I, O, 0 and 1 are not used)", lookAlike.getMessage());
        assertThrows(InvalidRoomCodeException.class, () -> a.joinSyncRoom("https://vault.example/#/units"));
        assertEquals(ConnectionState.DISCONNECTED, a.getConnectionState());
        assertNull(a.currentDocument());
    }

    @Test
    void theStoredDocumentIsBackBeforeAnyConnectionAfterAReload() throws Exception {
        SyncClient a = client(prefsA, storageA);
        RoomCode code = a.createSyncRoom();
        world.run(1_000);
        write(a, "unit", "Marauder MAD-3R");
        world.run(100);

        world.server.stop();
        SyncClient reloaded = client(prefsA, storageA); // same profile: same storage and preferences
        List<String> seen = new ArrayList<>();
        reloaded.onSyncEvent(event -> {
            if (event instanceof SyncEvent.RoomLoaded) {
                seen.add(read(reloaded, "unit") + " while " + reloaded.session().status().state());
            }
        });
        assertEquals(RoomName.of(code), SyncClient.lastRoomName(prefsA), "what a page may read ahead");
        assertTrue(reloaded.resumeLastRoom());
        assertEquals(code, reloaded.currentRoom());
        world.run(100);
        // the signaling side may already be trying (the server is down), but no peer or tab is connected
        assertEquals(List.of("Marauder MAD-3R while CONNECTING"), seen);
        assertTrue(reloaded.isRoomLoaded());
        assertEquals(0, reloaded.session().reachablePeerCount());
    }

    @Test
    void theRoomAnnouncesAndConnectsWhileTheStoredDocumentLoadsButNoPeerHearsFromItBeforeItIsApplied() throws Exception {
        SyncClient a = client(prefsA, storageA);
        SyncClient b = client(prefsB, storageB);
        RoomCode code = a.createSyncRoom();
        b.joinSyncRoom(code.value());
        world.run(2_000);
        b.networkChanged(false);
        write(b, "pilot", "Natasha Kerensky"); // stored on B's device only
        world.run(1_000);

        long loadMillis = 3_000;
        List<String> sent = new ArrayList<>();
        SyncClient reloaded = client(prefsB, new SlowLoadingStorage(storageB, loadMillis), sent::add);
        List<String> loadedWith = new ArrayList<>();
        reloaded.onSyncEvent(event -> {
            if (event instanceof SyncEvent.RoomLoaded) {
                loadedWith.add(read(reloaded, "pilot") + ", " + reloaded.session().reachablePeerCount() + " peers");
            }
        });
        int connectionsBefore = world.server.connectionCount();
        assertTrue(reloaded.resumeLastRoom());
        world.run(loadMillis - 500);

        assertEquals(connectionsBefore + 1, world.server.connectionCount(), "signaling is joined during the load");
        assertEquals(ConnectionState.CONNECTED, reloaded.session().status().state());
        assertEquals(ConnectionState.CONNECTING, reloaded.getConnectionState(), "the page shows connecting until loaded");
        // as y-webrtc: subscribed and announced at once, so A's offer and our answer overlap the load
        assertTrue(sent.get(0).startsWith("{\"type\":\"subscribe\""), sent.get(0));
        assertTrue(sent.get(1).contains("\"type\":\"announce\""), sent.get(1));
        assertTrue(sent.stream().anyMatch(frame -> frame.contains("\"type\":\"answer\"")), "answered A's offer: " + sent);
        // but nothing of the half-loaded document reaches anyone, and nothing received is applied before it
        assertEquals(0, a.getConnectedPeerCount(), "A has not even our awareness");
        assertEquals(0, reloaded.getConnectedPeerCount());
        assertEquals(0, reloaded.session().reachablePeerCount());
        assertNull(read(a, "pilot"));
        assertNull(read(reloaded, "pilot"), "the stored state is not applied yet");
        assertFalse(prepared.contains("page-2"), "WebRTC is not readied while the stored room loads: " + prepared);
        reloaded.prepareToConnect(); // the Sync screen opened meanwhile
        assertFalse(prepared.contains("page-2"), "nor by the join screen while a room loads: " + prepared);

        world.run(3_000);
        assertEquals(List.of("Natasha Kerensky, 0 peers"), loadedWith, "stored state applied before any channel");
        assertTrue(prepared.contains("page-2"), "loaded and announced: WebRTC readied for the next offers");
        assertEquals(1, a.getConnectedPeerCount());
        assertEquals(1, reloaded.getConnectedPeerCount());
        assertEquals(ConnectionState.CONNECTED, reloaded.getConnectionState());
        assertEquals("Natasha Kerensky", read(a, "pilot"));
        write(a, "unit", "Atlas AS7-D");
        world.run(500);
        assertEquals("Atlas AS7-D", read(reloaded, "unit"));
    }

    /** A device whose storage takes {@code delay} to read a room (a large room, a slow disk). */
    private final class SlowLoadingStorage implements RoomStorage {
        private final RoomStorage storage;
        private final long delay;

        SlowLoadingStorage(RoomStorage storage, long delay) {
            this.storage = storage;
            this.delay = delay;
        }

        @Override
        public void open(String roomName,
                         StorageCallback<RoomStore> callback) {
            storage.open(roomName, new StorageCallback<>() {
                @Override
                public void done(RoomStore store) {
                    callback.done(new RoomStore() {
                        @Override
                        public void load(StorageCallback<StoredUpdates> loaded) {
                            store.load(new StorageCallback<>() {
                                @Override
                                public void done(StoredUpdates updates) {
                                    world.network.clock.schedule(delay, () -> loaded.done(updates));
                                }

                                @Override
                                public void failed(String message) {
                                    loaded.failed(message);
                                }
                            });
                        }

                        @Override
                        public void append(byte[] update, StorageCallback<Integer> appended) {
                            store.append(update, appended);
                        }

                        @Override
                        public void replace(byte[] state, List<Integer> replacedKeys,
                                            StorageCallback<Integer> replaced) {
                            store.replace(state, replacedKeys, replaced);
                        }

                        @Override
                        public void close() {
                            store.close();
                        }
                    });
                }

                @Override
                public void failed(String message) {
                    callback.failed(message);
                }
            });
        }

        @Override
        public void delete(String roomName, StorageCallback<Void> callback) {
            storage.delete(roomName, callback);
        }
    }

    @Test
    void editsMadeOfflineAreKeptAndSyncWhenTheBrowserIsBackOnline() throws Exception {
        SyncClient a = client(prefsA, storageA);
        SyncClient b = client(prefsB, storageB);
        RoomCode code = a.createSyncRoom();
        b.joinSyncRoom(code.value());
        world.run(2_000);

        b.networkChanged(false);
        world.run(1_000);
        assertEquals(ConnectionState.OFFLINE, b.getConnectionState());
        assertEquals("Offline: changes are kept and will sync", b.getStatus().describe(0));
        write(a, "a-online", "1");
        write(b, "b-offline", "2");
        world.run(2_000);
        assertNull(read(a, "b-offline"));
        assertNull(read(b, "a-online"));
        assertFalse(storageB.contents(RoomName.of(code)).isEmpty(), "the offline edit is saved on B's device");

        b.networkChanged(true);
        world.run(3_000);
        assertEquals(ConnectionState.CONNECTED, b.getConnectionState());
        assertEquals("2", read(a, "b-offline"));
        assertEquals("1", read(b, "a-online"));
        assertEquals(1, a.getConnectedPeerCount(), "the rejoined page counts once, under its new client id");
    }

    @Test
    void leavingForgetsTheLastRoomButKeepsItsDataUntilForgotten() throws Exception {
        SyncClient a = client(prefsA, storageA);
        RoomCode code = a.createSyncRoom();
        world.run(1_000);
        write(a, "unit", "Warhammer WHM-6R");
        world.run(100);
        a.leaveCurrentRoom();
        assertEquals(ConnectionState.DISCONNECTED, a.getConnectionState());
        assertFalse(client(prefsA, storageA).resumeLastRoom());
        assertEquals(null, SyncClient.lastRoomName(prefsA), "nothing to read ahead after a leave");
        assertFalse(storageA.contents(RoomName.of(code)).isEmpty());

        boolean[] forgotten = new boolean[1];
        a.forgetRoomData(code, new StorageCallback<>() {
            @Override
            public void done(Void value) {
                forgotten[0] = true;
            }

            @Override
            public void failed(String message) {
                throw new AssertionError(message);
            }
        });
        world.run(10);
        assertTrue(forgotten[0]);
        assertTrue(storageA.contents(RoomName.of(code)).isEmpty());
    }

    @Test
    void thePasswordOpensTheRoomAndAWrongOneIsToldWhileTheOthersKeepSyncing() throws Exception {
        SyncClient a = client(prefsA, storageA);
        SyncClient b = client(prefsB, storageB);
        SyncClient c = client(new MapPreferenceStore(), new MemoryRoomStorage(world.network.clock));
        RoomCode code = a.createSyncRoom(RoomOptions.withPassword("correct horse"));
        b.joinSyncRoom(a.shareLink(), "correct horse");
        world.run(3_000);
        assertTrue(a.isPasswordRoom());
        assertEquals(1, b.getConnectedPeerCount());
        write(a, "unit", "Atlas");
        world.run(500);
        assertEquals("Atlas", read(b, "unit"));

        c.joinSyncRoom(code.value(), "battery staple");
        world.run(5_000);
        assertEquals(ConnectionState.WRONG_PASSWORD, c.getConnectionState());
        assertEquals("Wrong password for this room", c.getStatus().describe(0));
        write(b, "pilot", "Kerensky");
        world.run(500);
        assertEquals("Kerensky", read(a, "pilot"));
        assertNull(read(c, "unit"));
    }

    @Test
    void aPasswordRoomResumesAfterAReloadWithItsStoredKeyAndNeverStoresThePassword() throws Exception {
        SyncClient a = client(prefsA, storageA);
        SyncClient b = client(prefsB, storageB);
        RoomCode code = a.createSyncRoom(RoomOptions.withPassword("correct horse"));
        b.joinSyncRoom(code.value(), "correct horse");
        world.run(3_000);
        assertTrue(keys.holds(RoomName.of(code)));
        assertFalse(prefsA.snapshot().values().stream().anyMatch(value -> value.contains("correct horse")),
                "the password is never stored: " + prefsA.snapshot());

        a.networkChanged(false); // the old page goes away
        SyncClient reloaded = client(prefsA, storageA);
        assertTrue(reloaded.resumeLastRoom());
        world.run(3_000);
        assertTrue(reloaded.isPasswordRoom());
        assertEquals(ConnectionState.CONNECTED, reloaded.getConnectionState());
        write(b, "after", "reload");
        world.run(500);
        assertEquals("reload", read(reloaded, "after"));
    }

    @Test
    void joiningARoomWithoutItsPasswordForgetsItsStoredKeySoonAfterTheRoomHasLoaded() throws Exception {
        SyncClient a = client(prefsA, storageA);
        RoomCode code = a.createSyncRoom(RoomOptions.withPassword("correct horse"));
        world.run(1_000);
        assertTrue(keys.holds(RoomName.of(code)));
        a.leaveCurrentRoom();

        SyncClient reloaded = client(prefsA, storageA);
        reloaded.joinSyncRoom(code.value());
        assertFalse(reloaded.isRoomLoaded());
        assertTrue(keys.holds(RoomName.of(code)), "the key's store (the room's database) waits for the room to load");
        world.run(100);
        assertTrue(reloaded.isRoomLoaded());
        assertTrue(keys.holds(RoomName.of(code)), "nor while the first peers connect");
        world.run(SyncClient.FORGET_KEY_DELAY_MILLIS);
        assertFalse(keys.holds(RoomName.of(code)), "an open room keeps no password key");
    }

    @Test
    void aPasswordGivenWhileTheOpenRoomStillLoadsKeepsItsKey() throws Exception {
        SyncClient a = client(prefsA, storageA);
        RoomCode code = a.createSyncRoom();
        a.joinSyncRoom(code.value(), "correct horse"); // before the open room's document has loaded
        world.run(3_000);
        assertTrue(a.isPasswordRoom());
        assertTrue(keys.holds(RoomName.of(code)));
    }

    @Test
    void resumingAPasswordRoomWithoutItsKeyAsksForThePassword() throws Exception {
        SyncClient a = client(prefsA, storageA);
        RoomCode code = a.createSyncRoom(RoomOptions.withPassword("correct horse"));
        world.run(1_000);
        keys.delete(RoomName.of(code), new StorageCallback<>() {
            @Override
            public void done(Void value) {
            }

            @Override
            public void failed(String message) {
            }
        });
        world.run(10);
        SyncClient reloaded = client(prefsA, storageA);
        List<SyncEvent> events = new ArrayList<>();
        reloaded.onSyncEvent(events::add);
        assertTrue(reloaded.resumeLastRoom());
        world.run(100);
        assertEquals(List.of(new SyncEvent.PasswordRequired(code.value())), events);
        assertEquals(ConnectionState.DISCONNECTED, reloaded.getConnectionState());
    }
}
