package org.vaultsync.ui;

import org.teavm.flavour.templates.BindTemplate;

/** Shown for a link to a page that does not exist (a mistyped or outdated deep link). */
@BindTemplate("templates/not-found.html")
public class NotFoundView implements TitledView {
    @Override
    public String getTitle() {
        return "Page not found";
    }

}
