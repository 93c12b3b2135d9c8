package org.vaultsync.browser;

import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;
import org.vaultsync.sync.mesh.BroadcastPort;
import org.vaultsync.sync.mesh.BroadcastTransport;

/**
 * Tabs of one browser profile reach each other through {@code BroadcastChannel}, named after the room as y-webrtc
 * names it, with messages posted as {@code Uint8Array} as lib0 posts them. Returns null where the browser has no
 * BroadcastChannel (the mesh then works over WebRTC alone).
 */
public final class BroadcastChannelTransport implements BroadcastTransport {
    @JSFunctor
    interface BytesHandler extends JSObject {
        void handle(Int8Array bytes);
    }

    interface Channel extends JSObject {
    }

    public static BroadcastTransport ifSupported() {
        return isSupported() ? new BroadcastChannelTransport() : null;
    }

    @Override
    public BroadcastPort open(String channelName, Consumer<byte[]> onMessage) {
        Channel channel = openChannel(channelName, bytes -> onMessage.accept(bytes.copyToJavaArray()));
        return new BroadcastPort() {
            private boolean closed;

            @Override
            public void post(byte[] message) {
                if (!closed) {
                    postBytes(channel, Int8Array.fromJavaArray(message));
                }
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    closeChannel(channel);
                }
            }
        };
    }

    @JSBody(script = "return typeof BroadcastChannel === 'function';")
    private static native boolean isSupported();

    /** Anything but bytes (another app's messages on a clashing name) is not ours and is ignored. */
    @JSBody(params = {"name", "handler"}, script = ""
            + "var channel = new BroadcastChannel(name);"
            + "channel.onmessage = function(event) {"
            + "  var data = event.data;"
            + "  if (data instanceof ArrayBuffer) handler(new Int8Array(data));"
            + "  else if (ArrayBuffer.isView(data)) handler(new Int8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)));"
            + "};"
            + "return channel;")
    private static native Channel openChannel(String name, BytesHandler handler);

    @JSBody(params = {"channel", "bytes"},
            script = "channel.postMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));")
    private static native void postBytes(Channel channel, Int8Array bytes);

    @JSBody(params = "channel", script = "channel.onmessage = null; channel.close();")
    private static native void closeChannel(Channel channel);
}
