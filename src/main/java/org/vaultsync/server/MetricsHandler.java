package org.vaultsync.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.vaultsync.server.signaling.PrometheusText;
import org.vaultsync.server.signaling.SignalingService;

/** {@code GET /metrics}: signaling counters and heap use in the Prometheus text format. */
final class MetricsHandler extends Handler.Abstract.NonBlocking {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final SignalingService signaling;

    MetricsHandler(SignalingService signaling) {
        this.signaling = signaling;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (ReadOnlyRequests.refused(request, response, callback)) {
            return true;
        }
        StringBuilder out = new StringBuilder(4096);
        signaling.writePrometheus(out);
        PrometheusText.gauge(out, "vaultsync_jvm_heap_used_bytes", "Heap in use.", MEMORY.getHeapMemoryUsage().getUsed());
        PrometheusText.gauge(out, "vaultsync_jvm_heap_max_bytes", "Largest heap the JVM may use.", MEMORY.getHeapMemoryUsage().getMax());
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, CachePolicy.NEVER_STORE);
        Content.Sink.write(response, true, out.toString(), callback);
        return true;
    }
}
