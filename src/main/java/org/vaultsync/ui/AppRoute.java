package org.vaultsync.ui;

/**
 * Every page of the app, addressed by the URL fragment so deep links and Back work without a server round trip.
 * {@link Routes} reads a fragment and calls the matching page; it also builds each page's address.
 */
public interface AppRoute {
    /** {@code #/vault/units} (also where an empty fragment leads). */
    void units();

    /** {@code #/vault/pilots} */
    void pilots();

    /** {@code #/vault/forces} */
    void forces();

    /** {@code #/vault/units/new} */
    void newUnit();

    /** {@code #/vault/pilots/new} */
    void newPilot();

    /** {@code #/vault/forces/new} */
    void newForce();

    /** {@code #/vault/item/{id}}: the player's own item, or one a peer shares in the current room. */
    void item(String id);

    /** {@code #/settings/sync} */
    void syncSettings();

    /** {@code #/shared}: what the others in the current room share, to read and import. */
    void shared();

    /** {@code #/join/{code}}: a share link (the code stays in the fragment, out of every server log). */
    void join(String code);
}
