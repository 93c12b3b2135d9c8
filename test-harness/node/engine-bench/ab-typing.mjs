#!/usr/bin/env node
// B4 typing (b4Replay: 259,778 single-edit transactions) for two builds of our engine and Yjs, alternating in one
// Node process so all three see the same machine load; also checks that both builds give identical outputs:
// node --expose-gc ab-typing.mjs <before engine-bench.js> <after engine-bench.js> <trace.json.gz> [reps]
import * as Y from 'yjs'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { runOnce } from './run.mjs'

const [beforePath, afterPath, tracePath, repsText] = process.argv.slice(2)
const builds = {
  before: await import(pathToFileURL(resolve(beforePath)).href),
  after: await import(pathToFileURL(resolve(afterPath)).href)
}
const b4Trace = readFileSync(resolve(tracePath))
const reps = Number(repsText || 7)
const runs = {
  before: () => runOnce('ours', 'b4', { Y, ours: builds.before, b4Trace }),
  after: () => runOnce('ours', 'b4', { Y, ours: builds.after, b4Trace }),
  yjs: () => runOnce('yjs', 'b4', { Y, b4Trace })
}
const times = { before: [], after: [], yjs: [] }
const hashes = {}
const order = Object.keys(runs)
for (let i = 0; i < reps; i++) {
  for (let k = 0; k < order.length; k++) {
    const name = order[(i + k) % order.length] // rotate who goes first
    if (globalThis.gc) globalThis.gc()
    const r = await runs[name]()
    times[name].push(r.times.b4Replay)
    const h = JSON.stringify(r.hashes)
    if (hashes[name] !== undefined && hashes[name] !== h) throw new Error(name + ' outputs changed between runs')
    hashes[name] = h
  }
}
if (hashes.before !== hashes.after || hashes.after !== hashes.yjs) throw new Error('outputs differ: ' + JSON.stringify(hashes))
const median = xs => xs.slice().sort((a, b) => a - b)[xs.length >> 1]
const m = Object.fromEntries(order.map(n => [n, median(times[n])]))
console.log(`b4Replay (${reps} rounds, median ms): before ${m.before.toFixed(1)}, after ${m.after.toFixed(1)}, yjs ${m.yjs.toFixed(1)}; ours/yjs before ${(m.before / m.yjs).toFixed(2)}, after ${(m.after / m.yjs).toFixed(2)}; outputs identical`)
console.log(JSON.stringify(times))
