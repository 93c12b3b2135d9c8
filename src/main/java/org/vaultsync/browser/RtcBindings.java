package org.vaultsync.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Int8Array;

/** Thin JSO bindings to {@code RTCPeerConnection} and {@code RTCDataChannel}: only what {@link RtcPeerTransport} uses. */
final class RtcBindings {
    private RtcBindings() {
    }

    @JSFunctor
    interface Handler extends JSObject {
        void handle(JSObject event);
    }

    @JSFunctor
    interface EventHandler extends JSObject {
        void handle(String type, JSObject event);
    }

    /**
     * Sets {@code target.on<type>} for each of the space-separated {@code types} to call {@code handler} with the
     * event's type: one callback for all of a connection's or a channel's events, because every lambda handed to
     * JavaScript is a class of its own in the client.
     */
    @JSBody(params = {"target", "types", "handler"}, script = ""
            + "types.split(' ').forEach(function(type) {"
            + "  target['on' + type] = function(event) { handler(type, event); };"
            + "});")
    static native void listen(JSObject target, String types, EventHandler handler);

    interface PeerConnection extends JSObject {
        DataChannel createDataChannel(String label);

        JSPromise<JSObject> createOffer();

        JSPromise<JSObject> createAnswer();

        JSPromise<JSObject> setLocalDescription(JSObject description);

        JSPromise<JSObject> setRemoteDescription(JSObject description);

        JSPromise<JSObject> addIceCandidate(JSObject candidate);

        JSPromise<JSObject> getStats();

        void close();

        @JSProperty
        String getConnectionState();

        @JSProperty
        JSObject getLocalDescription();

        @JSProperty
        JSObject getRemoteDescription();

        @JSProperty("onicecandidate")
        void setOnIceCandidate(Handler handler);

        @JSProperty("onconnectionstatechange")
        void setOnConnectionStateChange(Handler handler);
    }

    interface DataChannel extends JSObject {
        void close();

        @JSProperty
        String getReadyState();

        @JSProperty
        int getBufferedAmount();

        @JSProperty
        void setBufferedAmountLowThreshold(int bytes);

        @JSProperty
        void setBinaryType(String type);

        @JSProperty("onopen")
        void setOnOpen(Handler handler);

        @JSProperty("onclose")
        void setOnClose(Handler handler);

        @JSProperty("onerror")
        void setOnError(Handler handler);

        @JSProperty("onmessage")
        void setOnMessage(Handler handler);

    }

    /** {@code iceServersJson} is the {@code iceServers} array as JSON (see {@code ClientConfig}). */
    @JSBody(params = "iceServersJson", script = "return new RTCPeerConnection({iceServers: JSON.parse(iceServersJson)});")
    static native PeerConnection create(String iceServersJson);

    @JSBody(script = "return typeof RTCPeerConnection === 'function';")
    static native boolean isSupported();

    /** The largest message the remote end accepts (SCTP {@code max-message-size}), 256 KiB until it is known. */
    @JSBody(params = "pc", script = ""
            + "var sctp = pc.sctp; var size = sctp && sctp.maxMessageSize;"
            + "return (typeof size === 'number' && size > 0 && size < 1073741824) ? size : 262144;")
    static native int maxMessageSize(PeerConnection pc);

    @JSBody(params = {"type", "sdp"}, script = "return {type: type, sdp: sdp};")
    static native JSObject description(String type, String sdp);

    @JSBody(params = "description", script = "return description.type;")
    static native String descriptionType(JSObject description);

    @JSBody(params = "description", script = "return description.sdp;")
    static native String descriptionSdp(JSObject description);

    @JSBody(params = "event", script = "return event.candidate || null;")
    static native JSObject candidateOf(JSObject event);

    @JSBody(params = "event", script = "return event.channel;")
    static native DataChannel channelOf(JSObject event);

    @JSBody(params = "candidate", script = "return candidate.candidate;")
    static native String candidateLine(JSObject candidate);

    @JSBody(params = "candidate", script = "return candidate.sdpMid === undefined ? null : candidate.sdpMid;")
    static native String candidateMid(JSObject candidate);

    /** -1 when absent. */
    @JSBody(params = "candidate", script = "return typeof candidate.sdpMLineIndex === 'number' ? candidate.sdpMLineIndex : -1;")
    static native int candidateLineIndex(JSObject candidate);

    @JSBody(params = {"line", "mid", "index"}, script = ""
            + "var init = {candidate: line};"
            + "if (mid !== null) init.sdpMid = mid;"
            + "if (index >= 0) init.sdpMLineIndex = index;"
            + "return init;")
    static native JSObject candidate(String line, String mid, int index);

    /** Binary payloads only: a text message is not part of the y-webrtc peer protocol and yields null. */
    @JSBody(params = "event", script = ""
            + "var data = event.data;"
            + "if (data instanceof ArrayBuffer) return new Int8Array(data);"
            + "if (ArrayBuffer.isView(data)) return new Int8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));"
            + "return null;")
    static native Int8Array messageBytes(JSObject event);

    /** Sends a copy of the bytes; false when the channel refused (closing, or its queue is full). */
    @JSBody(params = {"channel", "bytes"}, script = ""
            + "try { channel.send(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)); return true; }"
            + "catch (ignored) { return false; }")
    static native boolean send(DataChannel channel, Int8Array bytes);

    @JSBody(params = "error", script = "return String(error && error.message || error);")
    static native String describe(Object error);
}
