#!/usr/bin/env node
// A y-webrtc peer for org.vaultsync.harness.YWebrtcPeerInteropTest: REAL yjs + y-protocols, handling the peer
// messages of one data connection the way y-webrtc 10.3.0 does (src/y-webrtc.js readMessage / WebrtcConn /
// Room._docUpdateHandler): on connect send sync step 1 and all awareness states; answer step 1 with step 2 and a
// query with all awareness states; broadcast every doc update [0,2,u] (no origin filter, so it echoes) and every
// awareness update [1,u]. One JSON command per stdin line, one JSON answer per stdout line:
//   {cmd:'init', clientID, name} | {cmd:'connect'} | {cmd:'message', hex} | {cmd:'set', key, value}
//   | {cmd:'push', values} | {cmd:'delete', index, length} | {cmd:'step1'} | {cmd:'leave'} | {cmd:'state'}
// ('step1' sends a sync step 1 on the open connection, as y-protocols peers other than y-webrtc do at any time.)
// Every answer has out: [hex of the messages this peer sends to its one connection, in order].
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as readline from 'node:readline'

const hex = u8 => Buffer.from(u8).toString('hex')
const unhex = h => new Uint8Array(Buffer.from(h, 'hex'))

let doc = null
let awareness = null
let out = []
const conn = { name: 'java-peer' } // origin of everything received on the connection

const send = encoder => out.push(hex(encoding.toUint8Array(encoder)))

const init = (clientID, name) => {
  doc = new Y.Doc()
  doc.clientID = clientID
  doc.getMap('m')
  doc.getArray('a')
  awareness = new awarenessProtocol.Awareness(doc)
  clearInterval(awareness._checkInterval) // timeouts are the Java side's subject; keep this process deterministic
  awareness.setLocalStateField('user', { id: 'js-' + clientID, name, color: '#0000ff' })
  doc.on('update', update => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    syncProtocol.writeUpdate(e, update)
    send(e)
  })
  awareness.on('update', ({ added, updated, removed }) => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, added.concat(updated, removed)))
    send(e)
  })
}

const onConnect = () => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  syncProtocol.writeSyncStep1(e, doc)
  send(e)
  const states = awareness.getStates()
  if (states.size > 0) {
    const a = encoding.createEncoder()
    encoding.writeVarUint(a, 1)
    encoding.writeVarUint8Array(a, awarenessProtocol.encodeAwarenessUpdate(awareness, Array.from(states.keys())))
    send(a)
  }
}

const sendStep1 = () => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  syncProtocol.writeSyncStep1(e, doc)
  send(e)
}

const onMessage = bytes => {
  const decoder = decoding.createDecoder(bytes)
  const encoder = encoding.createEncoder()
  const type = decoding.readVarUint(decoder)
  let reply = false
  if (type === 0) {
    encoding.writeVarUint(encoder, 0)
    const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, conn)
    reply = syncType === syncProtocol.messageYjsSyncStep1
  } else if (type === 3) {
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, Array.from(awareness.getStates().keys())))
    reply = true
  } else if (type === 1) {
    awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), conn)
  } else {
    throw new Error('Unable to compute message ' + type)
  }
  if (reply) send(encoder)
}

const rl = readline.createInterface({ input: process.stdin })
rl.on('line', line => {
  const cmd = JSON.parse(line)
  out = []
  const answer = {}
  try {
    switch (cmd.cmd) {
      case 'init': init(cmd.clientID, cmd.name); break
      case 'connect': onConnect(); break
      case 'message': onMessage(unhex(cmd.hex)); break
      case 'set': doc.getMap('m').set(cmd.key, cmd.value); break
      case 'push': doc.getArray('a').push(cmd.values); break
      case 'delete': doc.getArray('a').delete(cmd.index, cmd.length); break
      case 'step1': sendStep1(); break
      case 'leave': awarenessProtocol.removeAwarenessStates(awareness, [doc.clientID], 'disconnect'); break
      case 'state': {
        answer.json = { m: doc.getMap('m').toJSON(), a: doc.getArray('a').toJSON() }
        answer.stateVector = hex(Y.encodeStateVector(doc))
        answer.update = hex(Y.encodeStateAsUpdate(doc))
        answer.pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
        answer.awareness = Object.fromEntries(Array.from(awareness.getStates().entries()).map(([k, v]) => [String(k), v]))
        break
      }
      default: throw new Error('unknown command ' + cmd.cmd)
    }
  } catch (e) {
    answer.error = String(e && e.stack || e)
  }
  answer.out = out
  process.stdout.write(JSON.stringify(answer) + '\n')
})
