package org.vaultsync.server.signaling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignalingLogTest {
    @Test
    void aFloodOfRefusalsIsCappedAndTheGapIsReported() throws Exception {
        SignalingLog log = new SignalingLog();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // Start at the beginning of a second so the flood falls into one window.
            Thread.sleep(1_000 - (System.nanoTime() / 1_000_000 % 1_000));
            for (int i = 0; i < 500; i++) {
                log.rejected("192.0.2.7", "per_address_limit");
            }
            Thread.sleep(1_100);
            log.rejected("192.0.2.7", "per_address_limit");
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        long lines = text.lines().filter(line -> line.contains("event=ws_rejected")).count();
        assertTrue(lines <= 2 * SignalingLog.LINES_PER_SECOND + 1, lines + " lines:\n" + text);
        assertTrue(text.contains("suppressed_before="), text);
        assertTrue(!text.contains("{") , "no payloads or JSON in the log");
    }
}
