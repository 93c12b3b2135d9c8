package org.vaultsync.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JoinLinkTest {
    @Test
    void aLinkCarriesTheCodeInTheFragment() throws Exception {
        assertEquals("https://vault.example/#/join/ABC-DEF", JoinLink.of("https://vault.example/", RoomCode.parse("abcdef")));
        assertEquals("http://localhost:8080/#/join/XY5-678", JoinLink.of("http://localhost:8080", RoomCode.parse("XY5678")));
    }

    @Test
    void parsingTakesBareCodesAndWholeLinks() throws Exception {
        assertEquals("ABCDEF", JoinLink.parse("abc-def").value());
        assertEquals("ABCDEF", JoinLink.parse("  https://vault.example/#/join/ABC-DEF  ").value());
        assertEquals("ABCDEF", JoinLink.parse("https://vault.example/#/join/abcdef?utm=x").value());
        assertEquals("ABCDEF", JoinLink.parse("#/join/ABC-DEF").value());
    }

    @Test
    void aLinkWithABadCodeGivesTheCodeMessage() {
        InvalidRoomCodeException e = assertThrows(InvalidRoomCodeException.class,
                () -> JoinLink.parse("https://vault.example/#/join/ABCDEFGHI"));
        assertEquals("Room code must be 6 characters", e.getMessage());
        e = assertThrows(InvalidRoomCodeException.class, () -> JoinLink.parse("https://vault.example/#/join/ABC-0OI"));
        assertEquals("Room code contains invalid characters (I, O, 0 and 1 are not used)", e.getMessage());
    }

    @Test
    void aLinkToSomethingElseIsNotTakenForACode() {
        InvalidRoomCodeException e = assertThrows(InvalidRoomCodeException.class,
                () -> JoinLink.parse("https://vault.example/#/vault/units"));
        assertEquals(JoinLink.NOT_A_ROOM_LINK, e.getMessage());
        assertThrows(InvalidRoomCodeException.class, () -> JoinLink.parse("https://evil.example/ABCDEF"));
    }
}
