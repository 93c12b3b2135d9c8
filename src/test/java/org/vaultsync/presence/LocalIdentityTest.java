package org.vaultsync.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.common.Uuid;

class LocalIdentityTest {
    private final MapPreferenceStore store = new MapPreferenceStore();

    @Test
    void firstLoadCreatesAnIdAndNameThatLaterLoadsKeep() {
        LocalIdentity first = LocalIdentity.load(store, new SecureRandomBytes());
        LocalIdentity again = LocalIdentity.load(store, new SecureRandomBytes());
        assertTrue(Uuid.isV4(first.identity().id()), first.identity().id());
        assertEquals(first.identity(), again.identity());
        assertTrue(first.identity().name().startsWith("Player "));
    }

    @Test
    void twoInstallsGetDifferentIds() {
        String a = LocalIdentity.load(new MapPreferenceStore(), new SecureRandomBytes()).identity().id();
        String b = LocalIdentity.load(new MapPreferenceStore(), new SecureRandomBytes()).identity().id();
        assertNotEquals(a, b);
    }

    @Test
    void renameIsStoredAndTheIdStays() {
        LocalIdentity identity = LocalIdentity.load(store, new Random(1)::nextBytes);
        String id = identity.identity().id();
        identity.rename("  Natasha Kerensky\n ");
        assertEquals("Natasha Kerensky", identity.identity().name());
        LocalIdentity reloaded = LocalIdentity.load(store, new Random(2)::nextBytes);
        assertEquals(id, reloaded.identity().id());
        assertEquals("Natasha Kerensky", reloaded.identity().name());
        assertThrows(IllegalArgumentException.class, () -> identity.rename(" \t "));
        assertEquals("Natasha Kerensky", identity.identity().name());
    }

    @Test
    void awarenessUserFieldIsIdNameColor() {
        LocalIdentity identity = LocalIdentity.load(store, new Random(1)::nextBytes);
        Map<String, Object> user = identity.awarenessUser();
        assertEquals(java.util.List.of("id", "name", "color"), java.util.List.copyOf(user.keySet()));
        assertEquals(identity.identity().color(), user.get("color"));
        assertEquals(LocalIdentity.colorFor(identity.identity().id()), identity.identity().color());
    }

    @Test
    void corruptStoredIdIsReplacedAndLongNamesAreCut() {
        store.put(LocalIdentity.ID_KEY, "not-a-uuid");
        store.put(LocalIdentity.NAME_KEY, "x".repeat(100));
        LocalIdentity identity = LocalIdentity.load(store, new Random(3)::nextBytes);
        assertTrue(Uuid.isV4(identity.identity().id()));
        assertEquals(LocalIdentity.MAX_NAME_LENGTH, identity.identity().name().length());
        assertEquals("ab", LocalIdentity.cleanName("a\u0000b"));
        assertEquals(39, LocalIdentity.cleanName("x".repeat(39) + "\uD83D\uDE00").length(), "no half emoji");
    }

    @Test
    void paletteIndexFindsAPeersColourInEitherCaseAndNothingElse() {
        assertEquals(0, LocalIdentity.paletteIndex("#e6194b"));
        assertEquals(0, LocalIdentity.paletteIndex("#E6194B"));
        assertEquals(LocalIdentity.COLORS.length - 1, LocalIdentity.paletteIndex("#2F4F4F"));
        assertEquals(-1, LocalIdentity.paletteIndex("#123456"));
        assertEquals(-1, LocalIdentity.paletteIndex(null));
    }
}
