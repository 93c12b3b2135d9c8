package org.vaultsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class QrSvgTest {
    /** The library's own segment encoder (kept out of the client only for its regex) is the oracle. */
    private static QrCode libraryCode(String text) {
        return QrCode.encodeSegments(List.of(QrSegment.makeBytes(text.getBytes(StandardCharsets.UTF_8))),
                QrCode.Ecc.MEDIUM, 1, 40, -1, false);
    }

    @Test
    void shareLinksOfEveryLengthEncodeExactlyAsTheLibraryWouldModuleForModule() {
        StringBuilder link = new StringBuilder("https://vault.example/#/join/ABC-DEF");
        while (link.length() <= 213) {
            String text = link.toString();
            QrCode ours = QrSvg.encode(text);
            QrCode theirs = libraryCode(text);
            assertEquals(theirs.version, ours.version, text);
            assertEquals(theirs.mask, ours.mask, text);
            for (int y = 0; y < ours.size; y++) {
                for (int x = 0; x < ours.size; x++) {
                    assertEquals(theirs.getModule(x, y), ours.getModule(x, y), text + " at " + x + "," + y);
                }
            }
            link.insert(8, "x");
        }
    }

    @Test
    void aTypicalLinkFitsASmallCodeAndNonAsciiIsEncodedAsUtf8() {
        assertTrue(QrSvg.encode("http://127.0.0.1:8080/#/join/ABC-DEF").version <= 4);
        QrCode umlaut = QrSvg.encode("https://vault.example/#/join/ABC-DEF?ü");
        assertEquals(libraryCode("https://vault.example/#/join/ABC-DEF?ü").getModule(10, 10), umlaut.getModule(10, 10));
    }

    @Test
    void anOverlongLinkIsRefusedWithAClearError() {
        String tooLong = "https://vault.example/" + "x".repeat(300);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> QrSvg.encode(tooLong));
        assertTrue(error.getMessage().startsWith("Too long for a share-link QR code"));
    }

    @Test
    void theSvgIsOnePathWithAQuietZoneAndTheDataUrlEscapesMarkup() {
        String svg = QrSvg.of("https://vault.example/#/join/ABC-DEF");
        int size = QrSvg.encode("https://vault.example/#/join/ABC-DEF").size + 8;
        assertTrue(svg.contains("viewBox='0 0 " + size + " " + size + "'"), svg);
        assertEquals(1, svg.split("<path").length - 1);
        String url = QrSvg.dataUrl("https://vault.example/#/join/ABC-DEF");
        assertTrue(url.startsWith("data:image/svg+xml,%3Csvg"));
        assertTrue(!url.contains("<") && !url.contains(">") && !url.contains("#"));
    }
}
