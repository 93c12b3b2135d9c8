// One run of one workload on one engine, in whatever JavaScript engine loads this module (Node or Chromium):
// the result is plain JSON, { times, sizes, hashes }, with a SHA-256 of every output (byte arrays and JSON text).
import * as yjsWorkloads from './yjs-workloads.mjs'

export const WORKLOADS = ['edits', 'vault']

/**
 * engine: 'yjs' or 'ours'; Y: the yjs module; ours: our TeaVM-compiled engine-bench module (ES2015 exports).
 */
export async function runOnce (engine, workload, { Y, ours, edits = 20000 }) {
  let r
  if (engine === 'yjs') r = workload === 'edits' ? yjsWorkloads.edits(Y, edits) : yjsWorkloads.vault(Y)
  else if (engine === 'ours') r = workload === 'edits' ? ours.edits(edits) : ours.vault()
  else throw new Error('unknown engine ' + engine)
  const hashes = {}
  for (const [name, value] of Object.entries(r.outputs)) hashes[name] = await sha256(value)
  return { times: { ...r.times }, sizes: { ...r.sizes }, hashes }
}

async function sha256 (value) {
  let bytes
  if (typeof value === 'string') bytes = new TextEncoder().encode(value)
  else bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength) // Int8Array from TeaVM, Uint8Array from Yjs
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, b => b.toString(16).padStart(2, '0')).join('')
}
