package org.vaultsync.server;

/**
 * Cache-Control per asset. The app shell and compiled client keep fixed names, so browsers must revalidate them
 * (cheap with ETags) or a deployed fix would not reach users; icons change rarely and may be kept for a day.
 */
final class CachePolicy {
    static final String REVALIDATE = "no-cache";
    static final String ONE_DAY = "public, max-age=86400";
    static final String NEVER_STORE = "no-store";

    private CachePolicy() {
    }

    static String forPath(String path) {
        if (path.startsWith("/icons/")) {
            return ONE_DAY;
        }
        return REVALIDATE;
    }
}
