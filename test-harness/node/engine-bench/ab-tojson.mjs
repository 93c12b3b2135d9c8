#!/usr/bin/env node
// Two builds of our engine and Yjs timing the vault figure "fresh doc: map.toJSON()" (the first getMap of a root
// an update created, then toJSON), alternating in one process, in Node or in one headless Chromium page:
//   node [--expose-gc] ab-tojson.mjs <before engine-bench.js> <after engine-bench.js> [rounds] [--chromium [--gc]] [--state FILE]
// With gc() exposed (--expose-gc in Node, --gc in Chromium) a full collection runs before each round: everything
// older than the round is then in the old generation, which makes the root's take-over dearer (every parent
// pointer it writes is an old-to-new store); without, the heap is as the previous rounds left it.
// The state is the vault workload's final state, made by the "after" build (its hash is the bench's, identical in
// both engines) and kept in FILE when given (made once, reused). Prints medians of getMap, toJSON and their sum.
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as Y from 'yjs'
import { workloadState } from './run.mjs'
import { toJsonRounds } from './tojson-rounds.mjs'
import { evaluateInPage, serveBenchPage } from './chromium-page.mjs'

const args = process.argv.slice(2)
const inChromium = args.includes('--chromium')
const stateAt = args.indexOf('--state')
const stateFile = stateAt >= 0 ? args[stateAt + 1] : null
const [beforePath, afterPath, repsText] = args.filter((a, i) => !a.startsWith('--') && (stateAt < 0 || i !== stateAt + 1))
const reps = Number(repsText || 15)
const before = await import(pathToFileURL(resolve(beforePath)).href)
const after = await import(pathToFileURL(resolve(afterPath)).href)

let state
if (stateFile && existsSync(stateFile)) {
  state = new Uint8Array(readFileSync(stateFile))
} else {
  state = await workloadState(after, 'vault', { Y })
  if (stateFile) writeFileSync(stateFile, state)
}

let times
if (!inChromium) {
  times = toJsonRounds({ Y, before, after, state, reps })
} else {
  const server = await serveBenchPage(state, { '/before.js': resolve(beforePath), '/after.js': resolve(afterPath) })
  try {
    times = await evaluateInPage(server.url, `(async () => {
        const Y = await import('yjs')
        const { toJsonRounds } = await import('/bench/tojson-rounds.mjs')
        const before = await import('/before.js')
        const after = await import('/after.js')
        const state = new Uint8Array(await (await fetch('/state')).arrayBuffer())
        return toJsonRounds({ Y, before, after, state, reps: ${reps} })
      })()`, args.includes('--gc') ? ['--js-flags=--expose-gc'] : [])
  } finally {
    server.close()
  }
}

const median = xs => xs.slice().sort((a, b) => a - b)[xs.length >> 1]
const fmt = x => x.toFixed(2)
console.log(`fresh vault doc in ${inChromium ? 'Chromium' : 'Node'} (${state.length} bytes, ${reps} rounds, median ms):`)
for (const name of ['before', 'after', 'yjs']) {
  const t = times[name]
  const getMap = median(t.map(x => x.getMap))
  const toJSON = median(t.map(x => x.toJSON))
  const sum = median(t.map(x => x.getMap + x.toJSON))
  console.log(`  ${name.padEnd(6)} getMap ${fmt(getMap)}  toJSON ${fmt(toJSON)}  both ${fmt(sum)}` +
    (name === 'yjs' ? '' : `  (ours/yjs ${(sum / median(times.yjs.map(x => x.getMap + x.toJSON))).toFixed(2)})`))
}
