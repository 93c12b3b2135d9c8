#!/usr/bin/env node
// Loading one workload's full state into fresh documents, ours and Yjs, many times in one headless Chromium page:
// the first load of each engine runs code the page has not run before, as bin/bench-crdt-js's one load per browser
// does; the later ones show the same code warmed up. Alternates which engine goes first each round (ours in the
// first round, Yjs with --yjs-first).
//   node cold-warm-load.mjs <engine-bench.js> <edits|vault|b4> [rounds] [trace.json.gz] [--yjs-first]
// Prints the first load and the median of the rest for each engine (ms, apply only, no toString/toJSON).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as Y from 'yjs'
import { workloadState } from './run.mjs'
import { evaluateInPage, serveBenchPage } from './chromium-page.mjs'

const yjsFirst = process.argv.includes('--yjs-first')
const [oursPath, workload, roundsText, tracePath] = process.argv.slice(2).filter(a => a !== '--yjs-first')
const rounds = Number(roundsText || 15)
const ours = await import(pathToFileURL(resolve(oursPath)).href)
const state = await workloadState(ours, workload, { Y, b4Trace: workload === 'b4' ? readFileSync(resolve(tracePath)) : null })
const server = await serveBenchPage(state, { '/ours.js': resolve(oursPath) })
try {
  const times = await evaluateInPage(server.url, `(async () => {
      const Y = await import('yjs')
      const ours = await import('/ours.js')
      const state = new Uint8Array(await (await fetch('/state')).arrayBuffer())
      const times = { ours: [], yjs: [] }
      const loadOurs = () => times.ours.push(ours.loadState(new Int8Array(state.buffer, state.byteOffset, state.length)))
      const loadYjs = () => { const t0 = performance.now(); Y.applyUpdate(new Y.Doc(), state); times.yjs.push(performance.now() - t0) }
      for (let r = 0; r < ${rounds}; r++) {
        if ((r % 2 === 0) !== ${yjsFirst}) { loadOurs(); loadYjs() } else { loadYjs(); loadOurs() }
      }
      return times
    })()`)
  const median = xs => xs.slice().sort((a, b) => a - b)[xs.length >> 1]
  const fmt = xs => `first ${xs[0].toFixed(1)}, then median ${median(xs.slice(1)).toFixed(1)}`
  console.log(`${workload}: ${state.length} bytes, ${rounds} loads each in one Chromium page (ms): ours ${fmt(times.ours)}; yjs ${fmt(times.yjs)}`)
} finally {
  server.close()
}
