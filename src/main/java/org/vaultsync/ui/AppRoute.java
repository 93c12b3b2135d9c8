package org.vaultsync.ui;

import org.teavm.flavour.routing.Path;
import org.teavm.flavour.routing.PathParameter;
import org.teavm.flavour.routing.PathSet;
import org.teavm.flavour.routing.Route;

/** Every page of the app, addressed by the URL fragment so deep links and Back work without a server round trip. */
@PathSet
public interface AppRoute extends Route {
    @Path("/vault/units")
    void units();

    @Path("/vault/pilots")
    void pilots();

    @Path("/vault/forces")
    void forces();

    @Path("/vault/units/new")
    void newUnit();

    @Path("/vault/pilots/new")
    void newPilot();

    @Path("/vault/forces/new")
    void newForce();

    /** One item: the player's own, or one a peer shares in the current room. */
    @Path("/vault/item/{id}")
    void item(@PathParameter("id") String id);

    @Path("/settings/sync")
    void syncSettings();

    /** What the others in the current room share, to read and import. */
    @Path("/shared")
    void shared();

    /** A share link: {@code #/join/ABC-DEF} (the code stays in the fragment, out of every server log). */
    @Path("/join/{code}")
    void join(@PathParameter("code") String code);
}
