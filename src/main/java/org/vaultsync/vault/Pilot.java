package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A pilot item seen through its fields: skills 1–8 (lower is better), wounds 0–6, status, abilities. */
public final class Pilot extends ItemView {
    public Pilot(VaultItem item) {
        super(item, ItemType.PILOT);
    }

    /** A new pilot with the template's skills and experience (regular: 4/5) and {@code fields} on top. */
    public static VaultItem create(String id, String name, SkillTemplate template, Map<String, ?> fields) {
        Map<String, Object> data = ItemSchema.defaults(ItemType.PILOT);
        data.put("gunnery", (double) template.gunnery());
        data.put("piloting", (double) template.piloting());
        data.put("xp", (double) template.xp());
        data.putAll(fields);
        return VaultItem.of(id, ItemType.PILOT, name, data, false);
    }

    public String callsign() {
        return text("callsign");
    }

    public String affiliation() {
        return text("affiliation");
    }

    public PilotStatus status() {
        return choice(PilotStatus.values(), "status");
    }

    /** Whether the pilot may take a slot in a force: not MIA, KIA or retired. */
    public boolean assignable() {
        PilotStatus status = status();
        return status == PilotStatus.ACTIVE || status == PilotStatus.INJURED;
    }

    public int gunnery() {
        return whole("gunnery");
    }

    public int piloting() {
        return whole("piloting");
    }

    public int wounds() {
        return whole("wounds");
    }

    public int xp() {
        return whole("xp");
    }

    public List<String> abilities() {
        List<String> out = new ArrayList<>();
        if (item.get("abilities") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof String text) {
                    out.add(text);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    public String notes() {
        return text("notes");
    }
}
