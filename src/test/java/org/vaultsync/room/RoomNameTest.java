package org.vaultsync.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoomNameTest {
    @Test
    void roomNameIsTheNormalisedCodeUnderOurNamespace() throws Exception {
        assertEquals("vault-sync/ABCDEF", RoomName.of(RoomCode.parse("abc-def")));
    }
}
