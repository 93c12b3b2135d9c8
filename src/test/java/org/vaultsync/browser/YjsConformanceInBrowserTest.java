package org.vaultsync.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.SkipJVM;
import org.teavm.junit.TeaVMTestRunner;
import org.vaultsync.crdt.ConvergenceScenario;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crdt.conformance.ScenarioRunner;
import org.vaultsync.crdt.conformance.VectorFiles;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.types.YText;
import org.vaultsync.crdt.update.InvalidUpdateException;

/**
 * The Yjs conformance suite compiled by TeaVM and run in Chromium: float32 rounding, UTF-8, unsigned client IDs
 * and 64-bit arithmetic are where the JavaScript build could differ from the JVM. One class, so TeaVM compiles
 * once; the vectors are embedded by {@code VectorResources}.
 */
@RunWith(TeaVMTestRunner.class)
@SkipJVM
public class YjsConformanceInBrowserTest {
    @Test
    public void everyScenarioMatchesYjsByteForByte() {
        List<String> files = VectorFiles.scenarioFiles();
        assertEquals(37, files.size());
        List<String> failures = new ArrayList<>();
        for (String file : files) {
            try {
                new ScenarioRunner(VectorFiles.scenario(file)).run(new CryptoRandomBytes());
            } catch (Throwable e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void randomReplicasConverge() throws InvalidUpdateException {
        for (int seed = 0; seed < 40; seed++) {
            ConvergenceScenario.run(seed, 2 + seed % 4, seed % 3 != 0, new CryptoRandomBytes());
        }
    }

    @Test
    public void lib0PrimitivesMatchTheSpec() throws DecodingException {
        Lib0Writer writer = new Lib0Writer();
        writer.writeAny(2147483648.0);
        writer.writeAny(-0.0);
        writer.writeAny(0.1);
        writer.writeAny(Double.NaN);
        writer.writeVarUint((int) 3000000000L);
        writer.writeVarString("\uD83D😀");
        writer.writeBigInt64(-2);
        assertEquals("7c4f0000007d407b3fb999999999999a7b7ff800000000000080bcc1960b07efbfbdf09f9880fffffffffffffffe",
                Hex.of(writer.toByteArray()));
        Lib0Reader reader = new Lib0Reader(writer.toByteArray());
        assertEquals(2147483648.0, (Double) reader.readAny(), 0);
        assertTrue(1 / (Double) reader.readAny() < 0);
        assertEquals(0.1, (Double) reader.readAny(), 0);
        assertTrue(Double.isNaN((Double) reader.readAny()));
        assertEquals((int) 3000000000L, reader.readVarUint32());
        assertEquals("\uFFFD😀", reader.readVarString());
        assertEquals(-2, reader.readBigInt64());
    }

    /** The browser build writes and reads doubles through a DataView (substitutes.crdt.encoding.Float64Bytes). */
    @Test
    public void numbersAreWrittenAndReadAsLib0Does() throws DecodingException {
        double[] values = {-0.1, 5e-324, -1.7976931348623157e308, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            3.4028234663852886e38, 3.4028235677973366e38 * (1 + Math.pow(2, -40)), 1.401298464324817e-45,
            1700000012345.5, 123456.789, -2147483649.0};
        Lib0Writer writer = new Lib0Writer();
        for (double value : values) {
            writer.writeAny(value);
        }
        // lib0 0.2's writeAny of the same numbers in Node
        assertEquals("7bbfb999999999999a7b00000000000000017bffefffffffffffff7c7f8000007cff8000007c7f7fffff"
                + "7b47effffff00020007c000000017b4278bcfe598398007b40fe240c9fbe76c97bc1e0000000200000",
                Hex.of(writer.toByteArray()));
        Lib0Reader reader = new Lib0Reader(writer.toByteArray());
        for (double value : values) {
            assertEquals(value, (Double) reader.readAny(), 0);
        }
    }

    /** The browser build joins a text's pieces with JavaScript's + (substitutes.crdt.types.TextPieces). */
    @Test
    public void aTextOfManyPiecesReadsBackInOrder() {
        YText text = new Doc(new CryptoRandomBytes()).getText("t");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String piece = i % 7 == 0 ? "\uD83D\uDE00" : Integer.toString(i); // each at 0: 300 items, never merged
            text.insert(0, piece);
            expected.insert(0, piece);
        }
        text.delete(5, 10); // "299298297296295😀..." loses "8297296295"
        expected.delete(5, 15);
        assertEquals(expected.toString(), text.toString());
        assertEquals("", new Doc(new CryptoRandomBytes()).getText("empty").toString());
    }
}
