package org.vaultsync.server.signaling;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import static org.vaultsync.server.signaling.PrometheusText.counter;
import static org.vaultsync.server.signaling.PrometheusText.gauge;
import static org.vaultsync.server.signaling.PrometheusText.header;

/** Counters of the signaling endpoint, written as Prometheus text by {@link #writePrometheus(StringBuilder)}. */
public final class SignalingMetrics {
    final LongAdder connectionsOpened = new LongAdder();
    final LongAdder messagesIn = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder flushes = new LongAdder();
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);
    private final Map<CloseReason, LongAdder> closes = new EnumMap<>(CloseReason.class);
    private final LongAdder rejectedPerAddress = new LongAdder();
    private final LongAdder rejectedServerFull = new LongAdder();
    private LongSupplier openConnections = () -> 0;
    private LongSupplier topics = () -> 0;

    public SignalingMetrics() {
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, new LongAdder());
        }
        for (CloseReason reason : CloseReason.values()) {
            closes.put(reason, new LongAdder());
        }
    }

    void gauges(LongSupplier openConnections, LongSupplier topics) {
        this.openConnections = openConnections;
        this.topics = topics;
    }

    public void dropped(DropReason reason) {
        drops.get(reason).increment();
    }

    void closed(CloseReason reason) {
        closes.get(reason).increment();
    }

    void rejected(boolean perAddress) {
        (perAddress ? rejectedPerAddress : rejectedServerFull).increment();
    }

    public long drops(DropReason reason) {
        return drops.get(reason).sum();
    }

    public long closes(CloseReason reason) {
        return closes.get(reason).sum();
    }

    public long messagesOut() {
        return messagesOut.sum();
    }

    public void writePrometheus(StringBuilder out) {
        gauge(out, "vaultsync_signaling_connections", "Open signaling WebSocket connections.", openConnections.getAsLong());
        gauge(out, "vaultsync_signaling_topics", "Topics (rooms) with at least one local subscriber.", topics.getAsLong());
        counter(out, "vaultsync_signaling_connections_opened_total", "Signaling connections accepted.", connectionsOpened.sum());
        header(out, "vaultsync_signaling_connections_rejected_total", "Upgrades refused before a connection opened.", "counter");
        out.append("vaultsync_signaling_connections_rejected_total{reason=\"per_address_limit\"} ").append(rejectedPerAddress.sum()).append('\n');
        out.append("vaultsync_signaling_connections_rejected_total{reason=\"server_full\"} ").append(rejectedServerFull.sum()).append('\n');
        header(out, "vaultsync_signaling_connections_closed_by_server_total", "Connections the server closed, by reason.", "counter");
        for (Map.Entry<CloseReason, LongAdder> e : closes.entrySet()) {
            out.append("vaultsync_signaling_connections_closed_by_server_total{reason=\"").append(e.getKey().label())
                    .append("\",code=\"").append(e.getKey().code()).append("\"} ").append(e.getValue().sum()).append('\n');
        }
        counter(out, "vaultsync_signaling_messages_received_total", "Messages received from clients.", messagesIn.sum());
        counter(out, "vaultsync_signaling_messages_sent_total", "Messages sent to clients.", messagesOut.sum());
        counter(out, "vaultsync_signaling_flushes_total", "Socket flushes of batched messages (messages sent per flush: "
                + "how many deliveries share a write).", flushes.sum());
        counter(out, "vaultsync_signaling_bytes_received_total", "Characters of message text received.", bytesIn.sum());
        counter(out, "vaultsync_signaling_bytes_sent_total", "UTF-8 bytes of message text queued for clients.", bytesOut.sum());
        header(out, "vaultsync_signaling_messages_dropped_total", "Incoming messages not acted upon, by reason.", "counter");
        for (Map.Entry<DropReason, LongAdder> e : drops.entrySet()) {
            out.append("vaultsync_signaling_messages_dropped_total{reason=\"").append(e.getKey().label()).append("\"} ")
                    .append(e.getValue().sum()).append('\n');
        }
    }

}
