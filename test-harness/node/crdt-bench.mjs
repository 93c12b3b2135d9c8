#!/usr/bin/env node
// Reference side of org.vaultsync.harness.CrdtBenchmark: the same workload with real Yjs.
// Usage: node crdt-bench.mjs <edits> <rounds>. Prints one JSON line {editMs, encodeMs, loadMs, syncMs, bytes, hash}.
import * as Y from 'yjs'
import crypto from 'node:crypto'

const edits = Number(process.argv[2] || 20000)
const rounds = Number(process.argv[3] || 3)

const workload = () => {
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
  return { editMs: t1 - t0, encodeMs: t2 - t1, loadMs: t3 - t2, syncMs: t4 - t3, bytes: full.length,
    hash: crypto.createHash('sha256').update(full).digest('hex') }
}

let best = null
for (let r = 0; r < rounds; r++) {
  const res = workload()
  if (!best) best = res
  else for (const k of ['editMs', 'encodeMs', 'loadMs', 'syncMs']) best[k] = Math.min(best[k], res[k])
}
process.stdout.write(JSON.stringify(best) + '\n')
