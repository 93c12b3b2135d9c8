package org.vaultsync.sync;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;
import org.vaultsync.protocol.PasswordMismatchNotice;

/**
 * Wrong-password detection for one password room (docs/security.md). Evidence that someone in the room uses another
 * password: a signaling message our key cannot open, or another peer's {@link PasswordMismatchNotice}. Whoever cannot
 * open a message publishes a notice (at most one a second), so the other side learns too, even though it received
 * nothing it could not read. Two seconds after the first evidence we decide:
 * <ul>
 * <li>we can read some other peer's messages, or nothing says we are the odd one: the room works for us, and
 * someone else uses another password ({@link SyncEvent.PasswordMismatch}, once);</li>
 * <li>we read nobody and a notice came from a peer that reads others ({@code readers > 0}) or has been in the room
 * longer than we have: our password is the wrong one (the state machine goes to WRONG_PASSWORD).</li>
 * </ul>
 * The wait lets a newcomer with the right password read the offers answering its announce before it judges. With
 * one peer on each side nobody can know whose password is "right"; the newcomer is told it has the wrong one.
 */
final class PasswordCheck {
    /** How long evidence is gathered before deciding; with one round trip for the notice, well inside 5 s. */
    static final long SETTLE_MILLIS = 2_000;
    static final long NOTICE_INTERVAL_MILLIS = 1_000;

    private final Scheduler scheduler;
    private final String noticeId;
    private final SyncEvents events;
    private final Runnable onWrongPassword;
    private final Set<String> readablePeers = new HashSet<>();
    private Consumer<Map<String, Object>> publish;
    private boolean active;
    private long joinedAt;
    private boolean toldWeAreTheOddOne;
    private long lastNoticeAt;
    private boolean mismatchReported;
    private Cancellable decision;

    /**
     * @param noticeId        a random id for our notices in this room (not our peer id: it links to nothing)
     * @param onWrongPassword called once when we conclude that our password does not open this room
     */
    PasswordCheck(Scheduler scheduler, String noticeId, SyncEvents events, Runnable onWrongPassword) {
        this.scheduler = scheduler;
        this.noticeId = noticeId;
        this.events = events;
        this.onWrongPassword = onWrongPassword;
    }

    /** Signaling is up (again): evidence is gathered afresh, notices go out through {@code plaintextPublish}. */
    void start(Consumer<Map<String, Object>> plaintextPublish) {
        publish = plaintextPublish;
        active = true;
        joinedAt = scheduler.now();
        lastNoticeAt = joinedAt - NOTICE_INTERVAL_MILLIS;
        readablePeers.clear();
        toldWeAreTheOddOne = false;
        cancelDecision();
    }

    void stop() {
        active = false;
        publish = null;
        cancelDecision();
    }

    boolean mismatchReported() {
        return mismatchReported;
    }

    /** A payload from another peer opened with our key: that peer shares our password. */
    void readable(String peerId) {
        readablePeers.add(peerId);
    }

    /** A signaling message our key cannot open. */
    void unreadable() {
        if (!active) {
            return;
        }
        long now = scheduler.now();
        if (now - lastNoticeAt >= NOTICE_INTERVAL_MILLIS && publish != null) {
            lastNoticeAt = now;
            publish.accept(new PasswordMismatchNotice(noticeId, readablePeers.size(), ageSeconds()).toJson());
        }
        decideSoon();
    }

    void notice(PasswordMismatchNotice notice) {
        if (!active || notice.from().equals(noticeId)) {
            return;
        }
        if (notice.readers() > 0 || notice.ageSeconds() > ageSeconds()) {
            toldWeAreTheOddOne = true;
        }
        decideSoon();
    }

    private int ageSeconds() {
        return (int) ((scheduler.now() - joinedAt) / 1000);
    }

    private void decideSoon() {
        if (decision == null) {
            decision = scheduler.schedule(SETTLE_MILLIS, this::decide);
        }
    }

    private void decide() {
        decision = null;
        if (!active) {
            return;
        }
        if (readablePeers.isEmpty() && toldWeAreTheOddOne) {
            stop();
            onWrongPassword.run();
        } else if (!mismatchReported) {
            mismatchReported = true;
            events.emit(new SyncEvent.PasswordMismatch());
        }
    }

    private void cancelDecision() {
        if (decision != null) {
            decision.cancel();
            decision = null;
        }
    }
}
