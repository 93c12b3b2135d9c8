#!/usr/bin/env node
// Starts y-webrtc 10.3.0's own signaling server (bin/server.js, unchanged) on 127.0.0.1:$PORT. The reference server
// listens on every interface; tests must only use loopback, so listen() is pinned to 127.0.0.1 before it loads.
import http from 'node:http'

const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (port, ...rest) {
  return listen.call(this, port, '127.0.0.1', ...rest.filter(a => typeof a === 'function'))
}
await import('./node_modules/y-webrtc/bin/server.js')
console.log('listening')
