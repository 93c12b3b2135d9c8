package org.vaultsync.server.signaling;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structured (logfmt) log lines about connections. Never logs message payloads or topic names: topics are room
 * names, which may be secret invitations. Lines about refused or closed abusers are capped at
 * {@value #LINES_PER_SECOND} per second, so an attack cannot fill the disk through the log; the number left out is
 * reported with the next line that is written.
 */
final class SignalingLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.vaultsync.signaling");
    static final int LINES_PER_SECOND = 20;

    private final AtomicLong windowSecond = new AtomicLong();
    private final AtomicLong linesInWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    void opened(SignalingSession session) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("event=ws_open conn={} addr={}", session.id(), session.address());
        }
    }

    void rejected(String address, String reason) {
        if (admitLine()) {
            LOG.info("event=ws_rejected addr={} reason={}{}", address, reason, suppressedNote());
        }
    }

    void closed(SignalingSession session, CloseReason reason) {
        if (admitLine()) {
            LOG.info("event=ws_closed_by_server conn={} addr={} code={} reason={} topics={} messages_in={}{}",
                    session.id(), session.address(), reason.code(), reason.label(), session.topicCount(),
                    session.messagesIn(), suppressedNote());
        }
    }

    void clientClosed(SignalingSession session, int code) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("event=ws_closed conn={} addr={} code={} messages_in={}",
                    session.id(), session.address(), code, session.messagesIn());
        }
    }

    private boolean admitLine() {
        long second = System.nanoTime() / 1_000_000_000L;
        long current = windowSecond.get();
        if (second != current && windowSecond.compareAndSet(current, second)) {
            linesInWindow.set(0);
        }
        if (linesInWindow.incrementAndGet() <= LINES_PER_SECOND) {
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }

    private String suppressedNote() {
        long count = suppressed.getAndSet(0);
        return count == 0 ? "" : " suppressed_before=" + count;
    }
}
