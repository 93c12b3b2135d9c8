package org.vaultsync.bench;

/** The two stacks the browser sync benchmark sets side by side. */
enum BenchStack {
    OURS("Vault Sync"), Y_WEBRTC("y-webrtc");

    final String label;

    BenchStack(String label) {
        this.label = label;
    }
}
