package org.vaultsync.server.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaultsync.server.signaling.PrometheusText;
import org.vaultsync.server.signaling.TopicRelay;

/**
 * Fans signaling publishes out across server nodes with Redis pub/sub (Lettuce). Each topic with a local
 * subscriber is one Redis channel {@value #CHANNEL_PREFIX}{@code <topic>}, so a node only receives the rooms it
 * serves. A message carries the sending node's id, so that node (which already delivered locally) skips its echo.
 *
 * <p>Losing Redis never stops local delivery: publishes fail fast instead of queueing (Lettuce rejects commands
 * while disconnected), Lettuce reconnects by itself, and on every (re)connection the node subscribes again to all
 * its current topics. If Redis is down when the node starts, connecting is retried in the background.
 */
public final class RedisRelay implements TopicRelay {
    static final String CHANNEL_PREFIX = "vaultsync:signal:";
    private static final Logger LOG = LoggerFactory.getLogger(RedisRelay.class);
    private static final long RETRY_MILLIS = 1_000;

    private final ClientResources resources;
    private final RedisClient client;
    private final String nodeId = UUID.randomUUID().toString();
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retry;
    private final LongAdder published = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder publishFailures = new LongAdder();
    private final String redacted;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile Inbound inbound;
    private volatile boolean stopped;

    public RedisRelay(String url) {
        RedisURI uri = RedisURI.create(url);
        this.redacted = uri.getHost() + ":" + uri.getPort();
        // Two I/O threads are plenty for two connections; reconnect quickly at first, then at most every 5 s.
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(5), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(10_000)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(5)))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                if (connection == subscriber) {
                    LOG.info("event=redis_connected redis={} topics={}", redacted, topics.size());
                    resubscribeAll();
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (connection == subscriber && !stopped) {
                    LOG.warn("event=redis_disconnected redis={} local_delivery=continues", redacted);
                }
            }
        });
        this.retry = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-connect");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start(Inbound target) {
        this.inbound = target;
        retry.execute(this::connect);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    onMessage(channel, message);
                }
            });
            StatefulRedisConnection<String, String> pub = client.connect();
            subscriber = sub;
            publisher = pub;
            LOG.info("event=redis_connected redis={} node={}", redacted, nodeId);
            resubscribeAll();
        } catch (RuntimeException e) {
            LOG.warn("event=redis_connect_failed redis={} retry_ms={} error={}", redacted, RETRY_MILLIS, e.getClass().getSimpleName());
            if (!stopped) {
                retry.schedule(this::connect, RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void resubscribeAll() {
        StatefulRedisPubSubConnection<String, String> sub = subscriber;
        if (sub == null || topics.isEmpty()) {
            return;
        }
        String[] channels = topics.stream().map(RedisRelay::channel).toArray(String[]::new);
        sub.async().subscribe(channels).exceptionally(failure -> null);
    }

    private void onMessage(String channel, String message) {
        if (!channel.startsWith(CHANNEL_PREFIX)) {
            return;
        }
        int separator = message.indexOf('\n');
        if (separator < 0 || message.regionMatches(0, nodeId, 0, separator) && separator == nodeId.length()) {
            return; // our own publish, already delivered locally
        }
        String topic = channel.substring(CHANNEL_PREFIX.length());
        if (!topics.contains(topic)) {
            // Resubscribed on reconnect after the room emptied here: tidy up instead of receiving it forever.
            StatefulRedisPubSubConnection<String, String> sub = subscriber;
            if (sub != null) {
                sub.async().unsubscribe(channel).exceptionally(failure -> null);
            }
            return;
        }
        received.increment();
        Inbound target = inbound;
        if (target != null) {
            target.deliver(topic, message.substring(separator + 1));
        }
    }

    @Override
    public void topicOpened(String topic) {
        topics.add(topic);
        StatefulRedisPubSubConnection<String, String> sub = subscriber;
        if (sub != null && sub.isOpen()) {
            try {
                sub.async().subscribe(channel(topic)).exceptionally(failure -> null);
            } catch (RuntimeException lostMeanwhile) {
                // resubscribeAll() covers it on reconnection
            }
        }
    }

    @Override
    public void topicClosed(String topic) {
        topics.remove(topic);
        StatefulRedisPubSubConnection<String, String> sub = subscriber;
        if (sub != null && sub.isOpen()) {
            try {
                sub.async().unsubscribe(channel(topic)).exceptionally(failure -> null);
            } catch (RuntimeException lostMeanwhile) {
                // a stray message for it later triggers the unsubscribe again (onMessage)
            }
        }
    }

    @Override
    public boolean publish(String topic, String frame) {
        StatefulRedisConnection<String, String> pub = publisher;
        if (pub == null || !pub.isOpen()) {
            publishFailures.increment();
            return false;
        }
        try {
            pub.async().publish(channel(topic), nodeId + '\n' + frame).exceptionally(failure -> {
                publishFailures.increment();
                return null;
            });
        } catch (RuntimeException lostMeanwhile) {
            publishFailures.increment();
            return false;
        }
        published.increment();
        return true;
    }

    @Override
    public boolean clustered() {
        return true;
    }

    /** Both connections up: this node can reach the others and hear them (they reconnect independently). */
    public boolean connected() {
        StatefulRedisPubSubConnection<String, String> sub = subscriber;
        StatefulRedisConnection<String, String> pub = publisher;
        return sub != null && sub.isOpen() && pub != null && pub.isOpen();
    }

    @Override
    public void writePrometheus(StringBuilder out) {
        PrometheusText.gauge(out, "vaultsync_cluster_redis_connected", "1 while both Redis connections (publish and subscribe) are up.", connected() ? 1 : 0);
        PrometheusText.gauge(out, "vaultsync_cluster_topics", "Redis channels this node subscribes to.", topics.size());
        PrometheusText.counter(out, "vaultsync_cluster_published_total", "Publishes handed to Redis.", published.sum());
        PrometheusText.counter(out, "vaultsync_cluster_received_total", "Publishes received from other nodes.", received.sum());
        PrometheusText.counter(out, "vaultsync_cluster_publish_failures_total", "Publishes Redis did not take (other nodes missed them).", publishFailures.sum());
    }

    @Override
    public void stop() {
        stopped = true;
        retry.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static String channel(String topic) {
        return CHANNEL_PREFIX + topic;
    }
}
