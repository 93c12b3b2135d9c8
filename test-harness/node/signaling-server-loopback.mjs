// Starts y-webrtc's reference signaling server (node_modules/y-webrtc/bin/server.js, unchanged) bound to
// 127.0.0.1 only: server.js calls server.listen(port) with no host, which would listen on every interface.
// PORT comes from the environment, as server.js reads it.
import http from 'node:http'

const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (port, ...rest) {
  return listen.call(this, port, '127.0.0.1', ...rest.filter(arg => typeof arg === 'function'))
}
await import('./node_modules/y-webrtc/bin/server.js')
