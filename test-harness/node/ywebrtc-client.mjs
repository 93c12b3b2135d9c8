#!/usr/bin/env node
// A REAL y-webrtc 10.3.0 WebrtcProvider (with yjs 13.6.33) for org.vaultsync.harness.YWebrtcProviderInteropTest.
// Signaling is the real WebSocket protocol (ws as the global WebSocket); only WebRTC itself is replaced: simple-peer
// gets a stand-in `wrtc` whose data channels are carried to the Java test over stdin/stdout. SDP strings name the
// endpoints ('bridge-js:<pc>' here, 'bridge-java:<id>' on the Java side).
// stdin lines: {cmd:'start', url, room, clientID, name, password?} | {cmd:'set', key, value} | {cmd:'push', values}
//   | {cmd:'state'} | {cmd:'dc', pc, hex} (data for our channel) | {cmd:'dc-close', pc} | {cmd:'stop'}
// stdout lines: {ev:'dc-open', pc, java} | {ev:'dc-send', pc, hex} | {ev:'dc-close', pc} | {ev:'state', ...} | {ev:'error', message}
//   | {ev:'decrypt-error', message} (y-webrtc leaves a failed decryption as an unhandled rejection: reported, not fatal)
import { WebSocket } from 'ws'
import * as readline from 'node:readline'
import * as Y from 'yjs'

globalThis.WebSocket = WebSocket
const { WebrtcProvider } = await import('y-webrtc')

const emit = o => process.stdout.write(JSON.stringify(o) + '\n')
const debug = process.env.BRIDGE_DEBUG ? (...a) => console.error('[js]', ...a) : () => {}
const hex = u8 => Buffer.from(u8).toString('hex')
const pcs = new Map()
process.on('unhandledRejection', e => emit({ ev: 'decrypt-error', message: String(e && e.name || e) }))

class BridgeChannel {
  constructor (pc, label) {
    this.pc = pc
    this.label = label
    this.readyState = 'connecting'
    this.bufferedAmount = 0
    this.bufferedAmountLowThreshold = 0
    this.binaryType = 'arraybuffer'
  }

  send (data) {
    if (this.readyState !== 'open') throw new Error('InvalidStateError: channel not open')
    const u8 = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    debug('send pc', this.pc.id, hex(u8).slice(0, 16), u8.length)
    emit({ ev: 'dc-send', pc: this.pc.id, hex: hex(u8) })
  }

  close () {
    if (this.readyState === 'closed') return
    this.readyState = 'closed'
    emit({ ev: 'dc-close', pc: this.pc.id })
    setTimeout(() => this.onclose && this.onclose(), 0)
  }

  remoteClosed () {
    if (this.readyState === 'closed') return
    this.readyState = 'closed'
    setTimeout(() => this.onclose && this.onclose(), 0)
  }
}

let nextPc = 1
class BridgePeerConnection {
  constructor () {
    this.id = nextPc++
    pcs.set(this.id, this)
    this.iceConnectionState = 'new'
    this.iceGatheringState = 'complete'
    this.connectionState = 'new'
    this.signalingState = 'stable'
    this.localDescription = null
    this.remoteDescription = null
    this.channel = null
    this.javaId = null
  }

  createDataChannel (label) {
    this.channel = new BridgeChannel(this, label)
    return this.channel
  }

  async createOffer () { return { type: 'offer', sdp: 'bridge-js:' + this.id } }
  async createAnswer () { return { type: 'answer', sdp: 'bridge-js:' + this.id } }

  async setLocalDescription (description) {
    debug('pc', this.id, 'local', description.type)
    this.localDescription = { type: description.type, sdp: description.sdp }
    this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable'
    setTimeout(() => {
      this.onsignalingstatechange && this.onsignalingstatechange()
      this.onicecandidate && this.onicecandidate({ candidate: null })
    }, 0)
    if (description.type === 'answer') this.connect()
  }

  async setRemoteDescription (description) {
    debug('pc', this.id, 'remote', description.type, description.sdp)
    this.remoteDescription = { type: description.type, sdp: description.sdp }
    const m = /^bridge-java:(\d+)$/.exec(description.sdp || '')
    if (!m) throw new Error('not a bridge description: ' + description.sdp)
    this.javaId = Number(m[1])
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable'
    setTimeout(() => this.onsignalingstatechange && this.onsignalingstatechange(), 0)
    if (description.type === 'answer') this.connect()
  }

  async addIceCandidate () {}
  // simple-peer only reports 'connect' once the stats name a selected candidate pair
  async getStats () {
    return new Map([
      ['t', { id: 't', type: 'transport', selectedCandidatePairId: 'p' }],
      ['p', { id: 'p', type: 'candidate-pair', localCandidateId: 'l', remoteCandidateId: 'r' }],
      ['l', { id: 'l', type: 'local-candidate', address: '127.0.0.1', port: 1 }],
      ['r', { id: 'r', type: 'remote-candidate', address: '127.0.0.1', port: 2 }]
    ])
  }
  getTransceivers () { return [] }

  connect () {
    setTimeout(() => {
      if (!this.channel) {
        this.channel = new BridgeChannel(this, 'bridge')
        this.ondatachannel && this.ondatachannel({ channel: this.channel })
      }
      this.channel.readyState = 'open'
      this.channel.onopen && this.channel.onopen()
      this.iceConnectionState = 'connected'
      this.connectionState = 'connected'
      this.oniceconnectionstatechange && this.oniceconnectionstatechange()
      this.onconnectionstatechange && this.onconnectionstatechange()
      // only now can the Java side's messages be received, as with a real data channel
      emit({ ev: 'dc-open', pc: this.id, java: this.javaId })
    }, 0)
  }

  close () {
    if (this.channel) this.channel.close()
    this.iceConnectionState = 'closed'
    pcs.delete(this.id)
  }
}

const wrtc = {
  RTCPeerConnection: BridgePeerConnection,
  RTCSessionDescription: class { constructor (d) { this.type = d.type; this.sdp = d.sdp } },
  RTCIceCandidate: class { constructor (c) { Object.assign(this, c) } }
}

let doc = null
let provider = null

const rl = readline.createInterface({ input: process.stdin })
rl.on('line', line => {
  const cmd = JSON.parse(line)
  try {
    switch (cmd.cmd) {
      case 'start':
        doc = new Y.Doc()
        doc.clientID = cmd.clientID
        doc.getMap('m')
        doc.getArray('a')
        provider = new WebrtcProvider(cmd.room, doc, { signaling: [cmd.url], password: cmd.password || null, peerOpts: { wrtc }, filterBcConns: true })
        provider.awareness.setLocalStateField('user', { id: 'js-install', name: cmd.name, color: '#0000ff' })
        break
      case 'set': doc.getMap('m').set(cmd.key, cmd.value); break
      case 'push': doc.getArray('a').push(cmd.values); break
      case 'dc': {
        const pc = pcs.get(cmd.pc)
        debug('recv pc', cmd.pc, cmd.hex.slice(0, 16), cmd.hex.length / 2, pc ? pc.channel && pc.channel.readyState : 'no pc')
        if (pc && pc.channel && pc.channel.readyState === 'open' && pc.channel.onmessage) {
          const u8 = new Uint8Array(Buffer.from(cmd.hex, 'hex'))
          pc.channel.onmessage({ data: u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) })
        }
        break
      }
      case 'dc-close': { const pc = pcs.get(cmd.pc); if (pc && pc.channel) pc.channel.remoteClosed(); break }
      case 'state':
        emit({
          ev: 'state',
          json: { m: doc.getMap('m').toJSON(), a: doc.getArray('a').toJSON() },
          stateVector: hex(Y.encodeStateVector(doc)),
          pending: doc.store.pendingStructs !== null,
          awareness: Object.fromEntries(Array.from(provider.awareness.getStates().entries()).map(([k, v]) => [String(k), v])),
          webrtcPeers: provider.room ? provider.room.webrtcConns.size : -1
        })
        break
      case 'stop': provider.destroy(); setTimeout(() => process.exit(0), 100); break
      default: throw new Error('unknown command ' + cmd.cmd)
    }
  } catch (e) {
    emit({ ev: 'error', message: String(e && e.stack || e) })
  }
})
