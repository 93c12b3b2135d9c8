#!/usr/bin/env node
// Two builds of our engine and Yjs loading the same full state into fresh documents, alternating in one Node
// process (so all three see the same machine load), for before/after comparisons of the load path:
// node --expose-gc ab-load.mjs <before engine-bench.js> <after engine-bench.js> <edits|vault|b4> [reps] [trace.json.gz] [--read-text]
// --read-text (b4): times reading the loaded document's text instead (toString; the load itself is not timed).
import * as Y from 'yjs'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { workloadState } from './run.mjs'

const readText = process.argv.includes('--read-text')
const [beforePath, afterPath, workload, repsText, tracePath] = process.argv.slice(2).filter(a => a !== '--read-text')
const before = await import(pathToFileURL(resolve(beforePath)).href)
const after = await import(pathToFileURL(resolve(afterPath)).href)
const reps = Number(repsText || 10)
const state = await workloadState(after, workload, { Y, b4Trace: workload === 'b4' ? readFileSync(resolve(tracePath)) : null })
const view = () => new Int8Array(state.buffer, state.byteOffset, state.length)
const runs = readText ? {
  before: () => before.readText(view()),
  after: () => after.readText(view()),
  yjs: () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    const t0 = performance.now(); doc.getText('text').toString(); return performance.now() - t0
  }
} : {
  before: () => before.loadState(view()),
  after: () => after.loadState(view()),
  yjs: () => { const t0 = performance.now(); Y.applyUpdate(new Y.Doc(), state); return performance.now() - t0 }
}
const times = { before: [], after: [], yjs: [] }
const order = Object.keys(runs)
for (let i = 0; i < reps; i++) {
  for (let k = 0; k < order.length; k++) {
    const name = order[(i + k) % order.length] // rotate who goes first
    if (globalThis.gc) globalThis.gc()
    times[name].push(runs[name]())
  }
}
const median = xs => xs.slice().sort((a, b) => a - b)[xs.length >> 1]
const m = Object.fromEntries(order.map(n => [n, median(times[n])]))
console.log(`${workload}${readText ? ' read text' : ''} (${state.length} bytes, ${reps} rounds, median ms): before ${m.before.toFixed(1)}, after ${m.after.toFixed(1)}, yjs ${m.yjs.toFixed(1)}; ours/yjs before ${(m.before / m.yjs).toFixed(2)}, after ${(m.after / m.yjs).toFixed(2)}`)
