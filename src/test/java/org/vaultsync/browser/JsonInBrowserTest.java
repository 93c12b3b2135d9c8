package org.vaultsync.browser;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.jso.JSBody;
import org.teavm.junit.SkipJVM;
import org.teavm.junit.TeaVMTestRunner;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/** Our JSON codec compiled by TeaVM must agree with the browser's own JSON.stringify. */
@RunWith(TeaVMTestRunner.class)
@SkipJVM
public class JsonInBrowserTest {
    private static final double[] TRICKY = {0.1, 0.30000000000000004, 1e21, 1e-7, 123e-20, 5e-324, 1.7976931348623157e308,
        9007199254740993.0, -1.25e-10, 1.0 / 3, 9.999999999999999e22, 1e23, 2e-3, 4294967296.0, 123456.789e3};

    @Test
    public void numbersMatchTheBrowser() throws JsonException {
        for (double value : TRICKY) {
            assertEquals(nativeStringify(value), Json.stringify(value));
        }
    }

    @Test
    public void stringsMatchTheBrowser() throws JsonException {
        String text = "a\"b\\c\n\t\u0001/é😀\ud800x";
        assertEquals(nativeStringify(text), Json.stringify(text));
    }

    @JSBody(params = "value", script = "return JSON.stringify(value);")
    private static native String nativeStringify(double value);

    @JSBody(params = "value", script = "return JSON.stringify(value);")
    private static native String nativeStringify(String value);
}
