#!/usr/bin/env node
// Loading a full state into a fresh document, ours and Yjs, in one Node process, for a CPU profile of the load path
// alone: node [--cpu-prof] profile-load.mjs <engine-bench.js> <edits|vault|b4> [reps] [yjs|ours|both] [trace.json.gz]
// The state is the one the workload itself produces (our run; identical bytes to Yjs's, as bin/bench-crdt-js checks).
import * as Y from 'yjs'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { workloadState } from './run.mjs'

const [oursPath, workload, repsText, which = 'both', tracePath] = process.argv.slice(2)
const ours = await import(pathToFileURL(resolve(oursPath)).href)
const reps = Number(repsText || 20)
const state = await workloadState(ours, workload, { Y, b4Trace: workload === 'b4' ? readFileSync(resolve(tracePath)) : null })
const median = xs => xs.slice().sort((a, b) => a - b)[xs.length >> 1]
const times = { ours: [], yjs: [] }
for (let i = 0; i < reps; i++) {
  if (which !== 'yjs') times.ours.push(ours.loadState(new Int8Array(state.buffer, state.byteOffset, state.length)))
  if (which !== 'ours') {
    const t0 = performance.now()
    Y.applyUpdate(new Y.Doc(), state)
    times.yjs.push(performance.now() - t0)
  }
}
const fmt = xs => xs.length ? `first ${xs[0].toFixed(1)}, median ${median(xs).toFixed(1)}` : '-'
const ratio = times.ours.length && times.yjs.length ? (median(times.ours) / median(times.yjs)).toFixed(2) : '-'
console.log(`${workload}: state ${state.length} bytes, ${reps} loads (ms): ours ${fmt(times.ours)}; yjs ${fmt(times.yjs)}; median ours/yjs ${ratio}`)
