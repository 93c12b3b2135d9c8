package org.vaultsync.crdt.update;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.Id;
import org.vaultsync.crdt.structs.Content;
import org.vaultsync.crdt.structs.ContentAny;
import org.vaultsync.crdt.structs.ContentBinary;
import org.vaultsync.crdt.structs.ContentDeleted;
import org.vaultsync.crdt.structs.ContentDoc;
import org.vaultsync.crdt.structs.ContentEmbed;
import org.vaultsync.crdt.structs.ContentFormat;
import org.vaultsync.crdt.structs.ContentJson;
import org.vaultsync.crdt.structs.ContentString;
import org.vaultsync.crdt.structs.ContentType;
import org.vaultsync.crdt.structs.GcStruct;
import org.vaultsync.crdt.structs.Item;
import org.vaultsync.crdt.structs.SkipStruct;
import org.vaultsync.crdt.structs.Struct;
import org.vaultsync.crdt.types.GenericType;
import org.vaultsync.crdt.types.PlainValues;
import org.vaultsync.crdt.types.SharedType;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.types.YText;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Reads update v1 into unintegrated structs, checking everything that can be checked without a document: sizes
 * against the remaining input, clocks within 31 bits, no zero-length structs, known content and type kinds,
 * valid UTF-8 and JSON, and no reference from an item to its own client's future.
 */
public final class UpdateDecoder {
    private UpdateDecoder() {
    }

    public static DecodedUpdate decode(byte[] update) throws DecodingException {
        Lib0Reader reader = new Lib0Reader(update);
        int clientCount = reader.readCount(3);
        List<DecodedUpdate.ClientBlock> blocks = new ArrayList<>(Math.min(clientCount, 64));
        for (int i = 0; i < clientCount; i++) {
            int structCount = reader.readCount(1);
            int client = reader.readVarUint32();
            int clock = reader.readVarUintAsInt();
            // at most one struct per byte left (readCount checked it): sized once instead of grown by copies
            List<Struct> structs = new ArrayList<>(structCount);
            for (int s = 0; s < structCount; s++) {
                Struct struct = readStruct(reader, client, clock);
                if (struct.length <= 0 || struct.length > Integer.MAX_VALUE - clock) {
                    throw new DecodingException("Struct " + struct + " has an invalid length or passes clock 2^31 - 1");
                }
                structs.add(struct);
                clock += struct.length;
            }
            blocks.add(new DecodedUpdate.ClientBlock(client, structs));
        }
        DeleteSet ds = DeleteSet.read(reader);
        return new DecodedUpdate(blocks, ds);
    }

    private static Struct readStruct(Lib0Reader reader, int client, int clock) throws DecodingException {
        int at = reader.position();
        int info = reader.readUint8();
        int ref = info & 0x1F;
        if (ref == GcStruct.REF) {
            return new GcStruct(client, clock, reader.readVarUintAsInt());
        }
        if (ref == SkipStruct.REF) {
            return new SkipStruct(client, clock, reader.readVarUintAsInt());
        }
        if (ref > 9) {
            throw new DecodingException("Unknown struct kind " + ref + " at byte " + at);
        }
        Id origin = (info & 0x80) != 0 ? readOwnPastId(reader, client, clock, "origin") : null;
        Id rightOrigin = (info & 0x40) != 0 ? readOwnPastId(reader, client, clock, "right origin") : null;
        String parentName = null;
        Id parentId = null;
        String parentSub = null;
        if ((info & 0xC0) == 0) {
            if (reader.readVarUint() == 1) {
                parentName = reader.readSharedString(); // the same few root names over and over
            } else {
                parentId = readOwnPastId(reader, client, clock, "parent");
            }
            if ((info & 0x20) != 0) {
                parentSub = reader.readVarString();
            }
        }
        Item item = new Item(client, clock, origin, rightOrigin, readContent(reader, ref));
        item.parentName = parentName;
        item.parentId = parentId;
        item.parentSub = parentSub;
        return item;
    }

    /** An ID; one of the item's own client must lie before the item (valid updates never point forward). */
    private static Id readOwnPastId(Lib0Reader reader, int client, int clock, String what) throws DecodingException {
        Id id = new Id(reader.readVarUint32(), reader.readVarUintAsInt());
        if (id.client == client && id.clock >= clock) {
            throw new DecodingException("Item " + new Id(client, clock) + " has " + what + " " + id
                    + " that is not older than the item");
        }
        return id;
    }

    private static Content readContent(Lib0Reader reader, int ref) throws DecodingException {
        switch (ref) {
            case ContentDeleted.REF:
                return new ContentDeleted(reader.readVarUintAsInt());
            case ContentJson.REF: {
                int count = reader.readCount(1);
                List<Object> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String text = reader.readVarString();
                    values.add("undefined".equals(text) ? Undefined.VALUE : parseJson(text));
                }
                return new ContentJson(values);
            }
            case ContentBinary.REF:
                return new ContentBinary(reader.readVarBytes());
            case ContentString.REF:
                return new ContentString(reader.readVarString());
            case ContentEmbed.REF:
                return new ContentEmbed(parseJson(reader.readVarString()));
            case ContentFormat.REF: {
                String key = reader.readVarString();
                return new ContentFormat(key, parseJson(reader.readVarString()));
            }
            case ContentType.REF:
                return new ContentType(readType(reader));
            case ContentAny.REF: {
                int count = reader.readCount(1);
                if (count == 1) { // every map value, most array inserts: one object instead of a list and its array
                    return new ContentAny(Collections.singletonList(reader.readAny()));
                }
                List<Object> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(reader.readAny());
                }
                return new ContentAny(values);
            }
            case ContentDoc.REF: {
                String guid = reader.readVarString();
                return new ContentDoc(guid, reader.readAny());
            }
            default:
                throw new DecodingException("Unknown content kind " + ref);
        }
    }

    private static SharedType readType(Lib0Reader reader) throws DecodingException {
        int typeRef = reader.readVarUintAsInt();
        switch (typeRef) {
            case YArray.TYPE_REF:
                return new YArray();
            case YMap.TYPE_REF:
                return new YMap();
            case GenericType.XML_ELEMENT:
            case GenericType.XML_HOOK:
                return new GenericType(typeRef, reader.readVarString());
            case YText.TYPE_REF:
                return new YText();
            case 4:
            case GenericType.XML_TEXT:
                return new GenericType(typeRef, null);
            default:
                throw new DecodingException("Unknown shared type reference " + typeRef);
        }
    }

    /** JSON text as JavaScript's JSON.parse reads it, objects with keys in JavaScript order. */
    private static Object parseJson(String text) throws DecodingException {
        try {
            return PlainValues.copy(Json.parse(text));
        } catch (JsonException e) {
            throw new DecodingException("Invalid JSON content: " + e.getMessage(), e);
        }
    }
}
