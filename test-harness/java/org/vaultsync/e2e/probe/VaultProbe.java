package org.vaultsync.e2e.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.teavm.jso.JSBody;
import org.vaultsync.browser.BrowserVault;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;
import org.vaultsync.vault.InvalidItemException;
import org.vaultsync.vault.InvalidRecordException;
import org.vaultsync.vault.InvalidVaultFileException;
import org.vaultsync.vault.ItemPatch;
import org.vaultsync.vault.ItemRecords;
import org.vaultsync.common.StorageCallback;
import org.vaultsync.vault.VaultFile;
import org.vaultsync.vault.VaultItem;
import org.vaultsync.vault.VaultStore;

/**
 * The real {@link BrowserVault} of the probe page, driven through {@code window.probe.vault*}. Items go in and out as
 * JSON; a rejected call answers {@code "error: <the message the user would see>"}. {@code window.probe.vaultReady}
 * turns true once the vault is loaded ({@code vaultFailed} holds the message if it could not be).
 */
final class VaultProbe {
    private static BrowserVault vault;
    private static Supplier<VaultStore> source;
    private static final List<String> events = new ArrayList<>();

    private VaultProbe() {
    }

    static void install() {
        exportCalls(() -> vault.store());
        BrowserVault.open(new StorageCallback<>() {
            @Override
            public void done(BrowserVault opened) {
                vault = opened;
                opened.store().addListener(new org.vaultsync.vault.VaultListener() {
                    @Override
                    public void onChange(org.vaultsync.vault.VaultChange change) {
                        events.add(change.kind() + ":" + change.origin() + ":" + change.itemId());
                    }

                    @Override
                    public void onStorageError(String message) {
                        events.add("storage-error:" + message);
                    }
                });
                markVaultReady(null);
            }

            @Override
            public void failed(String message) {
                markVaultReady(message);
            }
        });
    }

    private static VaultStore store() {
        return source.get();
    }

    /**
     * Registers the {@code window.probe.vault*} calls on {@code store} (the probe page's own vault, or the app's in
     * the test-hooks build of the app).
     */
    static void exportCalls(Supplier<VaultStore> store) {
        source = store;
        SyncProbe.export1("vaultAdd", VaultProbe::add);
        SyncProbe.export2("vaultUpdate", VaultProbe::update);
        SyncProbe.export1("vaultRemove", id -> {
            store().removeItem(id);
            return "";
        });
        SyncProbe.export0("vaultItems", VaultProbe::items);
        SyncProbe.export0("vaultExport", () -> VaultFile.export(store(), null, (long) now()));
        SyncProbe.export1("vaultImport", VaultProbe::importFile);
        SyncProbe.export0("vaultUnsaved", () -> String.valueOf(vault.unsavedWrites()));
        SyncProbe.export0("vaultEvents", () -> String.join(",", events));
        SyncProbe.export2("vaultToggle", (id, enabled) -> {
            store().toggleSync(id, Boolean.parseBoolean(enabled));
            return "";
        });
    }

    /** {@code {"id"?, "type", "name", "data", "syncEnabled"?}}; answers the new item's id. */
    private static String add(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = new LinkedHashMap<>((Map<String, Object>) Json.parse(json));
            record.putIfAbsent("id", store().newId());
            VaultItem read = ItemRecords.fromMap(record, false);
            return store().addItem(VaultItem.of(read.id(), read.type(), read.name(), read.data(),
                    Boolean.TRUE.equals(record.get("syncEnabled")))).id();
        } catch (JsonException | InvalidRecordException | RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }

    /** {@code fields}: a JSON object of data fields; its {@code name}, if any, renames the item. */
    private static String update(String id, String fields) {
        try {
            return String.valueOf(store().updateItem(id, patchOf(fields)) != null);
        } catch (JsonException | InvalidItemException e) {
            return "error: " + e.getMessage();
        }
    }

    /** A JSON object of data fields as a patch; its {@code name}, if any, renames the item. */
    static ItemPatch patchOf(String fields) throws JsonException {
        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) Json.parse(fields);
        ItemPatch patch = null;
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            if (change.getKey().equals("name")) {
                patch = patch == null ? ItemPatch.name((String) change.getValue())
                        : patch.rename((String) change.getValue());
            } else {
                patch = patch == null ? ItemPatch.field(change.getKey(), change.getValue())
                        : patch.set(change.getKey(), change.getValue());
            }
        }
        return patch;
    }

    /** Every item as {@code {id, type, name, data, lastModified}}, in vault order. */
    private static String items() {
        List<Object> all = new ArrayList<>();
        for (VaultItem item : store().items()) {
            all.add(ItemRecords.toMap(item, store().getMetadata(item.id()).version(), false));
        }
        try {
            return Json.stringify(all);
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the ids the items got, as a JSON array. */
    private static String importFile(String text) {
        try {
            List<Object> ids = new ArrayList<>();
            for (VaultItem item : VaultFile.importInto(store(), text)) {
                ids.add(item.id());
            }
            return Json.stringify(ids);
        } catch (InvalidVaultFileException | JsonException e) {
            return "error: " + e.getMessage();
        }
    }

    @JSBody(script = "return Date.now();")
    private static native double now();

    @JSBody(params = "failure", script = "window.probe = window.probe || {};"
            + "if (failure === null) window.probe.vaultReady = true; else window.probe.vaultFailed = failure;")
    private static native void markVaultReady(String failure);
}
