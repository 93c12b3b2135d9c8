#!/usr/bin/env node
// Reference side of org.vaultsync.bench.CrdtBench: the same workloads with real Yjs. Prints one JSON line.
// Usage: node crdt-bench.mjs mix <edits> <rounds>
//          -> {editMs, encodeMs, loadMs, syncMs, bytes, hash}
//        node crdt-bench.mjs b4 <automerge-paper.json.gz> <rounds>
//          -> {replayMs, ops, updates, updateBytes, bytes, hash, loadMs}
// B4 replays the automerge-paper trace into a Y.Text with client id 2654435769, one edit per transaction (each
// delete and insert call is its own transaction), with a v1 'update' listener; then encodes the document and loads
// it into a fresh one (applyUpdate + toString). Best of <rounds> for every time.
import * as Y from 'yjs'
import crypto from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

const mode = process.argv[2] || 'mix'
const rounds = Number(process.argv[4] || 3)
const sha256 = u8 => crypto.createHash('sha256').update(u8).digest('hex')

const mix = edits => {
  let x = 1
  const next = n => { x = (x * 48271) % 2147483647; return x % n }
  const doc = new Y.Doc()
  doc.clientID = 1
  const updates = []
  doc.on('update', u => updates.push(u))
  const m = doc.getMap('m')
  const a = doc.getArray('a')
  const t0 = performance.now()
  for (let i = 0; i < edits; i++) {
    const op = next(10)
    if (op < 4) m.set('k' + next(200), i)
    else if (op < 9 || a.length === 0) a.insert(next(a.length + 1), [i])
    else a.delete(next(a.length), 1)
  }
  const t1 = performance.now()
  const full = Y.encodeStateAsUpdate(doc)
  const t2 = performance.now()
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, full)
  const t3 = performance.now()
  const replica = new Y.Doc()
  for (const u of updates) Y.applyUpdate(replica, u)
  const t4 = performance.now()
  return { editMs: t1 - t0, encodeMs: t2 - t1, loadMs: t3 - t2, syncMs: t4 - t3, bytes: full.length, hash: sha256(full) }
}

const b4 = trace => {
  const patches = []
  for (const t of trace.txns) for (const p of t.patches) patches.push(p)
  const doc = new Y.Doc()
  doc.clientID = 2654435769
  const text = doc.getText('text')
  let updates = 0
  let updateBytes = 0
  doc.on('update', u => { updates++; updateBytes += u.length })
  const t0 = performance.now()
  for (let i = 0; i < patches.length; i++) {
    const p = patches[i]
    if (p[1] > 0) text.delete(p[0], p[1])
    if (p[2].length > 0) text.insert(p[0], p[2])
  }
  const replayMs = performance.now() - t0
  if (text.toString() !== trace.endContent) throw new Error('B4 content mismatch')
  const full = Y.encodeStateAsUpdate(doc)
  const t1 = performance.now()
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, full)
  const s = loaded.getText('text').toString()
  const loadMs = performance.now() - t1
  if (s !== trace.endContent) throw new Error('B4 loaded content mismatch')
  return { replayMs, ops: patches.length, updates, updateBytes, bytes: full.length, hash: sha256(full), loadMs }
}

const run = mode === 'b4'
  ? (() => { const trace = JSON.parse(gunzipSync(readFileSync(process.argv[3])).toString('utf8')); return () => b4(trace) })()
  : (() => { const edits = Number(process.argv[3] || 20000); return () => mix(edits) })()
let best = null
for (let r = 0; r < rounds; r++) {
  const res = run()
  if (!best) best = res
  else for (const k of ['editMs', 'encodeMs', 'loadMs', 'syncMs', 'replayMs']) if (k in res) best[k] = Math.min(best[k], res[k])
}
process.stdout.write(JSON.stringify(best) + '\n')
