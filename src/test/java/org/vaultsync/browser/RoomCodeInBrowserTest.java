package org.vaultsync.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.SkipJVM;
import org.teavm.junit.TeaVMTestRunner;
import org.vaultsync.room.InvalidRoomCodeException;
import org.vaultsync.room.RoomCode;

/** The shared room-code logic, compiled by TeaVM and run in Chromium with the browser's own random source. */
@RunWith(TeaVMTestRunner.class)
@SkipJVM
public class RoomCodeInBrowserTest {
    @Test
    public void parsesAndFormatsLikeOnTheJvm() throws InvalidRoomCodeException {
        assertEquals("ABCDEF", RoomCode.parse("abc-def").value());
        assertEquals("ABC-DEF", RoomCode.format("abcdef"));
        assertFalse(RoomCode.isValid("ABCDEFG"));
    }

    @Test
    public void webCryptoGeneratesValidDistinctCodes() {
        CryptoRandomBytes random = new CryptoRandomBytes();
        RoomCode first = RoomCode.generate(random);
        RoomCode second = RoomCode.generate(random);
        assertTrue(RoomCode.isValid(first.value()));
        assertNotEquals(first, second);
    }
}
