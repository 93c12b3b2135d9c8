package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.List;
import org.teavm.flavour.templates.BindTemplate;

/** One vault section's list. The vault store lands with the vault issue; until then every list is empty. */
@BindTemplate("templates/vault-list.html")
public class VaultListView implements TitledView {
    private final VaultSection section;
    private final List<String> itemNames = new ArrayList<>();

    public VaultListView(VaultSection section) {
        this.section = section;
    }

    public VaultSection getSection() {
        return section;
    }

    @Override
    public String getTitle() {
        return section.getTitle();
    }

    public List<String> getItemNames() {
        return itemNames;
    }

    public boolean isEmpty() {
        return itemNames.isEmpty();
    }
}
