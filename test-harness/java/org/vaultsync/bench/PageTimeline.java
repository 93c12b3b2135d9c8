package org.vaultsync.bench;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The same instrumentation in the pages of both stacks, so their phases can be compared from one run: a script run
 * before any page script (DevTools {@code Page.addScriptToEvaluateOnNewDocument}) wraps {@code WebSocket} and
 * {@code RTCPeerConnection}/{@code RTCDataChannel} and stamps the first time each step of joining a room happens
 * ({@code window.__timeline}), the time of the first data-channel send after an edit ({@code window.__firstSendAt}),
 * the bytes handed to data channels ({@code window.__channelBytes}, largest message
 * {@code window.__largestChannelMessage}), the start of
 * the data-channel message handler now running ({@code window.__recvStart}, read by the pages' arrival observers),
 * a promise of the arrival times of a latency run's keys ({@code window.__whenAllArrived(count)}), and the run
 * itself, paced in the page ({@code window.__editRun(count, gap)}).
 * Neither stack's code changes; both pay the same small wrapper cost.
 */
final class PageTimeline {
    /** Steps in the order a newcomer goes through them. */
    static final List<String> STEPS = List.of("wsCreate", "wsOpen", "subscribeOut", "announceOut", "announceIn",
            "pcNew", "pcCreate", "createOffer", "offerMade", "offerOut", "offerIn", "setRemote", "setRemoteDone", "createAnswer",
            "answerMade", "setLocal", "setLocalDone", "answerOut", "answerIn", "candidateOut", "candidateIn",
            "pcConnected", "dcOpen", "dcMessageIn");

    private static final String SCRIPT = """
            (() => {
              const clock = () => performance.timeOrigin + performance.now();
              const timeline = window.__timeline = {};
              const mark = key => { if (!timeline[key]) timeline[key] = clock(); };
              window.__resetTimeline = () => { for (const key of Object.keys(timeline)) delete timeline[key]; };
              const NativeSocket = window.WebSocket;
              const Socket = function(url, protocols) {
                const socket = protocols === undefined ? new NativeSocket(url) : new NativeSocket(url, protocols);
                mark('wsCreate');
                socket.addEventListener('open', () => mark('wsOpen'));
                socket.addEventListener('message', event => {
                  const text = event.data;
                  if (typeof text !== 'string') return;
                  if (text.includes('"offer"')) mark('offerIn');
                  if (text.includes('"answer"')) mark('answerIn');
                  if (text.includes('"candidate"')) mark('candidateIn');
                  if (text.includes('"announce"')) mark('announceIn');
                });
                return socket;
              };
              Socket.prototype = NativeSocket.prototype;
              for (const key of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Socket[key] = NativeSocket[key];
              window.WebSocket = Socket;
              const socketSend = NativeSocket.prototype.send;
              NativeSocket.prototype.send = function(data) {
                if (typeof data === 'string') {
                  if (data.includes('"subscribe"')) mark('subscribeOut');
                  if (data.includes('"announce"')) mark('announceOut');
                  if (data.includes('"offer"')) mark('offerOut');
                  if (data.includes('"answer"')) mark('answerOut');
                }
                return socketSend.call(this, data);
              };
              const NativePeer = window.RTCPeerConnection;
              const watchChannel = channel => {
                channel.addEventListener('open', () => mark('dcOpen'));
                channel.addEventListener('message', () => mark('dcMessageIn'));
              };
              const Peer = function(config) {
                mark('pcNew');
                const pc = new NativePeer(config);
                mark('pcCreate');
                pc.addEventListener('icecandidate', event => { if (event.candidate) mark('candidateOut'); });
                pc.addEventListener('connectionstatechange', () => { if (pc.connectionState === 'connected') mark('pcConnected'); });
                pc.addEventListener('datachannel', event => watchChannel(event.channel));
                return pc;
              };
              Peer.prototype = NativePeer.prototype;
              Peer.generateCertificate = NativePeer.generateCertificate;
              window.RTCPeerConnection = Peer;
              const createChannel = NativePeer.prototype.createDataChannel;
              NativePeer.prototype.createDataChannel = function(...args) {
                const channel = createChannel.apply(this, args);
                watchChannel(channel);
                return channel;
              };
              // each browser call and its completion: the time between is the browser's, the rest the page's
              const timed = (method, called, done) => {
                const native = NativePeer.prototype[method];
                NativePeer.prototype[method] = function(...args) {
                  mark(called);
                  const result = native.apply(this, args);
                  result.then(() => mark(done), () => {});
                  return result;
                };
              };
              timed('setRemoteDescription', 'setRemote', 'setRemoteDone');
              timed('setLocalDescription', 'setLocal', 'setLocalDone');
              timed('createOffer', 'createOffer', 'offerMade');
              timed('createAnswer', 'createAnswer', 'answerMade');
              // IndexedDB, per database name: open requested/succeeded, getAll requested/succeeded
              const markDb = (key, name) => { const full = key + ':' + name; if (!timeline[full]) timeline[full] = clock(); };
              const openDb = IDBFactory.prototype.open;
              IDBFactory.prototype.open = function(name, ...rest) {
                markDb('idbOpen', name);
                const request = openDb.call(this, name, ...rest);
                request.addEventListener('success', () => markDb('idbOpened', name));
                return request;
              };
              const getAll = IDBObjectStore.prototype.getAll;
              IDBObjectStore.prototype.getAll = function(...args) {
                const name = this.transaction.db.name;
                markDb('idbGetAll', name);
                const request = getAll.apply(this, args);
                request.addEventListener('success', () => markDb('idbGotAll', name));
                return request;
              };
              // arrivals of benchmark keys, reported by both pages' observers: the harness awaits them with a single
              // DevTools call (Runtime.evaluate, awaitPromise) instead of polling the receiving page
              const arrived = {};
              const waiters = {};
              window.__onArrival = (key, at) => {
                arrived[key] = at;
                const waiter = waiters[key];
                if (waiter) { delete waiters[key]; waiter(at); }
              };
              const whenArrived = key => key in arrived ? Promise.resolve(arrived[key])
                  : new Promise(resolve => { waiters[key] = resolve; });
              window.__whenAllArrived = count => Promise.all(Array.from({length: count}, (_, i) => whenArrived('lat-' + i)));
              // a latency run made by the page itself, one edit every gap ms: [made at], [its first message sent at].
              // The send is read at the next step, in case a stack sends after the edit's call returns.
              window.__editRun = (count, gap) => new Promise(resolve => {
                const stamp = window.probe ? key => window.probe.stamp(key) : key => window.peer.stamp(key);
                const made = [];
                const sent = [];
                const step = () => {
                  if (made.length > 0) sent.push(window.__firstSendAt);
                  if (made.length === count) { resolve([made, sent]); return; }
                  window.__firstSendAt = 0;
                  window.__awaitingSend = true;
                  made.push(Number(stamp('lat-' + made.length)));
                  setTimeout(step, made.length === count ? 0 : gap);
                };
                step();
              });
              const channelSend = RTCDataChannel.prototype.send;
              RTCDataChannel.prototype.send = function(data) {
                const at = clock();
                const size = typeof data === 'string' ? data.length : (data.byteLength !== undefined ? data.byteLength : (data.size || 0));
                window.__channelBytes = (window.__channelBytes || 0) + size;
                if (size > (window.__largestChannelMessage || 0)) window.__largestChannelMessage = size;
                if (window.__awaitingSend) { window.__awaitingSend = false; window.__firstSendAt = at; }
                return channelSend.call(this, data);
              };
              const onmessage = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage');
              Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
                configurable: true, enumerable: true, get() { return onmessage.get.call(this); },
                set(handler) {
                  onmessage.set.call(this, typeof handler !== 'function' ? handler : function(event) {
                    window.__recvStart = clock();
                    return handler.call(this, event);
                  });
                }
              });
            })();
            """;

    /** IndexedDB steps of loading one database, marked per database name. */
    static final List<String> STORAGE_STEPS = List.of("idbOpen", "idbOpened", "idbGetAll", "idbGotAll");

    private PageTimeline() {
    }

    static void install(ChromeDriver driver) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SCRIPT));
    }
}
