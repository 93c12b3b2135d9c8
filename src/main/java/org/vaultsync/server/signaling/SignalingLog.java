package org.vaultsync.server.signaling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structured (logfmt) log lines about connections. Never logs message payloads or topic names: topics are room
 * names, which may be secret invitations.
 */
final class SignalingLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.vaultsync.signaling");

    void opened(SignalingSession session) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("event=ws_open conn={} addr={}", session.id(), session.address());
        }
    }

    void rejected(String address, String reason) {
        LOG.info("event=ws_rejected addr={} reason={}", address, reason);
    }

    void closed(SignalingSession session, CloseReason reason) {
        LOG.info("event=ws_closed_by_server conn={} addr={} code={} reason={} topics={} messages_in={}",
                session.id(), session.address(), reason.code(), reason.label(), session.topicCount(), session.messagesIn());
    }

    void clientClosed(SignalingSession session, int code) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("event=ws_closed conn={} addr={} code={} messages_in={}",
                    session.id(), session.address(), code, session.messagesIn());
        }
    }
}
