package org.vaultsync.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The browser's side of export and import: saving a text as a downloaded file, reading a chosen file. */
final class VaultFiles {
    private VaultFiles() {
    }

    @JSFunctor
    interface TextReceiver extends JSObject {
        void accept(String text, String fileName, String error);
    }

    /** Offers {@code text} as a download named {@code fileName}. */
    @JSBody(params = {"fileName", "text"}, script = ""
            + "var url = URL.createObjectURL(new Blob([text], {type: 'application/json'}));"
            + "var link = document.createElement('a');"
            + "link.href = url; link.download = fileName; link.style.display = 'none';"
            + "document.body.appendChild(link); link.click(); document.body.removeChild(link);"
            + "setTimeout(function() { URL.revokeObjectURL(url); }, 1000);")
    static native void download(String fileName, String text);

    /**
     * Reads the file chosen in the file input {@code inputId} as text, then clears the input (so choosing the same
     * file again is noticed). Calls back with null text and a message when the file cannot be read.
     */
    @JSBody(params = {"inputId", "receiver"}, script = ""
            + "var input = document.getElementById(inputId);"
            + "var file = input && input.files && input.files[0];"
            + "if (!file) return;"
            + "var reader = new FileReader();"
            + "reader.onload = function() { input.value = ''; receiver(String(reader.result), file.name, null); };"
            + "reader.onerror = function() { input.value = '';"
            + "  receiver(null, file.name, 'The file could not be read' + (reader.error ? ' (' + reader.error.name + ')' : '')); };"
            + "reader.readAsText(file);")
    static native void readChosenFile(String inputId, TextReceiver receiver);

    /** Moves keyboard focus to the element {@code id} once the page has rendered it. */
    @JSBody(params = "id", script = "setTimeout(function() { var target = document.getElementById(id); if (target) target.focus(); }, 0);")
    static native void focusSoon(String id);
}
