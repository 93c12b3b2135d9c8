// One run of one workload on one engine, in whatever JavaScript engine loads this module (Node or Chromium):
// the result is plain JSON, { times, sizes, hashes }, with a SHA-256 of every output (byte arrays and JSON text).
import * as yjsWorkloads from './yjs-workloads.mjs'

export const WORKLOADS = ['edits', 'vault', 'b4']

/**
 * engine: 'yjs' or 'ours'; Y: the yjs module; ours: our TeaVM-compiled engine-bench module (ES2015 exports).
 */
export async function runOnce (engine, workload, { Y, ours, edits = 20000, b4Trace }) {
  let r
  const trace = workload === 'b4' ? await parseB4(b4Trace) : null // outside every timing
  if (engine === 'yjs') {
    r = workload === 'edits' ? yjsWorkloads.edits(Y, edits) : workload === 'b4' ? yjsWorkloads.b4(Y, trace) : yjsWorkloads.vault(Y)
  } else if (engine === 'ours') {
    r = workload === 'edits' ? ours.edits(edits)
      : workload === 'b4' ? ours.b4(trace.positions, trace.deletes, trace.inserts, trace.endContent) : ours.vault()
  } else throw new Error('unknown engine ' + engine)
  const hashes = {}
  for (const [name, value] of Object.entries(r.outputs)) hashes[name] = await sha256(value)
  return { times: { ...r.times }, sizes: { ...r.sizes }, hashes }
}

/**
 * The full state a workload of our engine produces (identical bytes to Yjs's, as bin/bench-crdt-js checks), for the
 * tools that load it again: the workload runs once, wrapped so its output is kept.
 */
export async function workloadState (ours, workload, { Y, b4Trace, edits = 20000 }) {
  const outputName = { edits: 'state', vault: 'finalState', b4: 'b4State' }[workload]
  let state
  const capture = { ...ours }
  capture[workload] = (...args) => { const r = ours[workload](...args); state = new Uint8Array(r.outputs[outputName]); return r }
  await runOnce('ours', workload, { Y, ours: capture, edits, b4Trace })
  return state
}

async function sha256 (value) {
  let bytes
  if (typeof value === 'string') bytes = new TextEncoder().encode(value)
  else bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength) // Int8Array from TeaVM, Uint8Array from Yjs
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, b => b.toString(16).padStart(2, '0')).join('')
}

/**
 * B4, the automerge-paper trace (gzip-compressed JSON bytes, as in /work/shared/bench-data) as flat arrays: one
 * entry per patch [position, deleted count, inserted text], in order.
 */
async function parseB4 (gzipped) {
  const json = await new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
  const data = JSON.parse(json)
  const positions = []; const deletes = []; const inserts = []
  for (const txn of data.txns) {
    for (const [pos, del, ins] of txn.patches) { positions.push(pos); deletes.push(del); inserts.push(ins) }
  }
  return { positions: Int32Array.from(positions), deletes: Int32Array.from(deletes), inserts, endContent: data.endContent }
}
