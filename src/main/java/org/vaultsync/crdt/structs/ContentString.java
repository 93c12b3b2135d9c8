package org.vaultsync.crdt.structs;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.crdt.encoding.Lib0Writer;

/** Text; its length is counted in UTF-16 code units, as in JavaScript and in Java. */
public final class ContentString extends Content {
    public static final int REF = 4;
    private String text;

    public ContentString(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public boolean countable() {
        return true;
    }

    @Override
    public List<Object> values() {
        List<Object> chars = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            chars.add(String.valueOf(text.charAt(i)));
        }
        return chars;
    }

    @Override
    public void write(Lib0Writer writer, int offset) {
        writer.writeVarString(offset == 0 ? text : text.substring(offset));
    }

    @Override
    public Content copy() {
        return new ContentString(text);
    }

    /** Splitting inside a surrogate pair replaces both halves with U+FFFD, exactly as Yjs does. */
    @Override
    public Content splice(int offset) {
        ContentString right = new ContentString(text.substring(offset));
        text = text.substring(0, offset);
        if (Character.isHighSurrogate(text.charAt(offset - 1))) {
            text = text.substring(0, offset - 1) + '\uFFFD';
            right.text = '\uFFFD' + right.text.substring(1);
        }
        return right;
    }

    @Override
    public boolean mergeWith(Content right) {
        text = StringConcat.concat(text, ((ContentString) right).text);
        return true;
    }
}
