#!/usr/bin/env node
// Loading one workload's full state into fresh documents, ours and Yjs, many times in one headless Chromium page:
// the first load of each engine runs code the page has not run before, as bin/bench-crdt-js's one load per browser
// does; the later ones show the same code warmed up. Alternates which engine goes first each round (ours in the
// first round, Yjs with --yjs-first).
//   node cold-warm-load.mjs <engine-bench.js> <edits|vault|b4> [rounds] [trace.json.gz] [--yjs-first]
// Prints the first load and the median of the rest for each engine (ms, apply only, no toString/toJSON).
import { createServer } from 'node:http'
import { readFileSync, existsSync } from 'node:fs'
import { resolve, dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as Y from 'yjs'
import { runOnce } from './run.mjs'
import { importMap, launchChromium, modules } from './chromium-page.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const yjsFirst = process.argv.includes('--yjs-first')
const [oursPath, workload, roundsText, tracePath] = process.argv.slice(2).filter(a => a !== '--yjs-first')
const rounds = Number(roundsText || 15)
const ours = await import(pathToFileURL(resolve(oursPath)).href)
const outputName = { edits: 'state', vault: 'finalState', b4: 'b4State' }[workload]
let state
{
  const b4Trace = workload === 'b4' ? readFileSync(resolve(tracePath)) : null
  const capture = { ...ours }
  capture[workload] = (...args) => { const r = ours[workload](...args); state = new Uint8Array(r.outputs[outputName]); return r }
  await runOnce('ours', workload, { Y, ours: capture, edits: 20000, b4Trace })
}
const page = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">${importMap()}</script></head><body>load</body></html>`
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  if (path === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); return }
  if (path === '/state') { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(state); return }
  const file = path === '/ours.js' ? resolve(oursPath) : path.startsWith('/nm/') ? join(modules, path.slice(4)) : null
  if (!file || !existsSync(file)) { res.writeHead(404); res.end(); return }
  res.writeHead(200, { 'content-type': 'text/javascript' })
  res.end(readFileSync(file))
})
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
const chromium = await launchChromium([])
try {
  const sessionId = await chromium.newPage()
  await chromium.send('Runtime.enable', {}, sessionId)
  await chromium.send('Page.enable', {}, sessionId)
  const loaded = new Promise(resolve => chromium.onMessage(m => { if (m.method === 'Page.loadEventFired') resolve() }))
  await chromium.send('Page.navigate', { url: `http://127.0.0.1:${server.address().port}/` }, sessionId)
  await loaded
  const { result, exceptionDetails } = await chromium.send('Runtime.evaluate', {
    expression: `(async () => {
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
    })()`,
    awaitPromise: true,
    returnByValue: true
  }, sessionId)
  if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails))
  const times = result.value
  const median = xs => xs.slice().sort((a, b) => a - b)[xs.length >> 1]
  const fmt = xs => `first ${xs[0].toFixed(1)}, then median ${median(xs.slice(1)).toFixed(1)}`
  console.log(`${workload}: ${state.length} bytes, ${rounds} loads each in one Chromium page (ms): ours ${fmt(times.ours)}; yjs ${fmt(times.yjs)}`)
} finally {
  chromium.close()
  server.close()
}
