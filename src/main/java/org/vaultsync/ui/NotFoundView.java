package org.vaultsync.ui;

import java.util.function.Consumer;
import org.teavm.flavour.routing.Routing;
import org.teavm.flavour.templates.BindTemplate;

/** Shown for a link to a page that does not exist (a mistyped or outdated deep link). */
@BindTemplate("templates/not-found.html")
public class NotFoundView implements TitledView {
    @Override
    public String getTitle() {
        return "Page not found";
    }

    public AppRoute route(Consumer<String> consumer) {
        return Routing.build(AppRoute.class, consumer);
    }
}
