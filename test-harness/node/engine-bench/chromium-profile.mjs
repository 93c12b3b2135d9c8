#!/usr/bin/env node
// One run of one workload in headless Chromium with a DevTools CPU profile of the whole run, for profile-summary.mjs:
//   node chromium-profile.mjs <engine-bench.js> <edits|vault|b4> <yjs|ours> <out.cpuprofile> [--interval US] [--flags "--js-flags=..."]
//     [--gc-trace out.json]
// --gc-trace also records a DevTools trace of V8's garbage collections (MinorGC, MajorGC, ... with start and
// duration, on the same clock as the profile's samples), for gc-in-phase.mjs: a gap in the samples may be a
// collection or the process waiting for a core; the trace tells which.
// bin/bench-crdt-js measures; this explains. Build the module readable to see Java names
// (mvn -Pengine-js process-test-classes -Dengine.js.minifying=false). Prints the run's times (ms) and where the
// profile went. The page is the bench's (run.mjs, the same workloads), served with an import map for Yjs.
import { createServer } from 'node:http'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { resolve, dirname, join, extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { importMap, launchChromium, modules } from './chromium-page.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const positional = []
let interval = 100
const extraFlags = []
let gcTraceFile = null
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--interval') interval = Number(args[++i])
  else if (args[i] === '--flags') extraFlags.push(args[++i])
  else if (args[i] === '--gc-trace') gcTraceFile = args[++i]
  else positional.push(args[i])
}
const [oursPath, workload, engine, outFile] = positional
if (!outFile) {
  console.error('usage: chromium-profile.mjs <engine-bench.js> <workload> <yjs|ours> <out.cpuprofile> [--interval US]')
  process.exit(2)
}

const page = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">${importMap()}</script>
<script type="module">
import * as Y from 'yjs'
import { runOnce } from '/bench/run.mjs'
if (${JSON.stringify(!!gcTraceFile)}) { // every performance.now() of the workloads leaves a mark in the trace
  const clock = performance.now.bind(performance)
  window.benchNows = []
  performance.now = () => { console.timeStamp('bench-now'); const at = clock(); window.benchNows.push(at); return at }
}
const ours = ${JSON.stringify(engine)} === 'ours' ? await import('/ours.js') : null
const b4Trace = ${JSON.stringify(workload)} === 'b4' ? new Uint8Array(await (await fetch('/b4-trace')).arrayBuffer()) : undefined
try {
  window.benchResult = await runOnce(${JSON.stringify(engine)}, ${JSON.stringify(workload)}, { Y, ours, edits: 20000, b4Trace })
} catch (e) { window.benchError = String(e && e.stack || e) }
</script></head><body>profile</body></html>`

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  let file = null
  if (path === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); return }
  if (path === '/ours.js') file = resolve(oursPath)
  else if (path === '/b4-trace') file = resolve(here, '../../../src/test/resources/bench-data/automerge-paper.json.gz')
  else if (path.startsWith('/bench/')) file = join(here, path.slice(7))
  else if (path.startsWith('/nm/')) file = join(modules, path.slice(4))
  if (!file || !existsSync(file)) { res.writeHead(404); res.end(); return }
  res.writeHead(200, { 'content-type': ['.js', '.mjs'].includes(extname(file)) ? 'text/javascript' : 'application/octet-stream' })
  res.end(readFileSync(file))
})
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
const port = server.address().port

const chromium = await launchChromium(extraFlags)
const send = chromium.send
const traceEvents = []
let traceComplete = null
chromium.onMessage(message => {
  if (message.method === 'Tracing.dataCollected') traceEvents.push(...message.params.value)
  if (message.method === 'Tracing.tracingComplete' && traceComplete) traceComplete()
})

if (gcTraceFile) {
  await send('Tracing.start', {
    categories: 'v8,devtools.timeline,disabled-by-default-v8.gc',
    transferMode: 'ReportEvents'
  })
}
const sessionId = await chromium.newPage()
await send('Profiler.enable', {}, sessionId)
await send('Profiler.setSamplingInterval', { interval }, sessionId)
await send('Runtime.enable', {}, sessionId)
await send('Profiler.start', {}, sessionId)
await send('Page.navigate', { url: `http://127.0.0.1:${port}/` }, sessionId)
let outcome
for (;;) {
  await new Promise(resolve => setTimeout(resolve, 250)) // polling the page, which cannot call us back
  const { result } = await send('Runtime.evaluate', {
    expression: 'window.benchError ? {error: window.benchError} : window.benchResult ? {times: window.benchResult.times, nows: window.benchNows} : null',
    returnByValue: true
  }, sessionId)
  if (result.value) { outcome = result.value; break }
}
const { profile } = await send('Profiler.stop', {}, sessionId)
writeFileSync(outFile, JSON.stringify(profile))
if (gcTraceFile) {
  const done = new Promise(resolve => { traceComplete = resolve })
  await send('Tracing.end')
  await done
  const gcNames = /^(MinorGC|MajorGC|V8\.GCFinalizeMC|V8\.GCIncrementalMarkingStart|V8\.GC_MC_INCREMENTAL)$/
  const marks = traceEvents.filter(e => e.name === 'TimeStamp' && e.args.data && e.args.data.message === 'bench-now')
  writeFileSync(gcTraceFile, JSON.stringify({
    times: outcome.times, nows: outcome.nows, marks: marks.map(e => e.ts), markThreadTimes: marks.map(e => e.tts),
    gc: traceEvents.filter(e => e.ph === 'X' && gcNames.test(e.name)).map(e => ({ name: e.name, ts: e.ts, dur: e.dur, tdur: e.tdur, tid: e.tid }))
  }))
  console.log('gc trace: ' + gcTraceFile)
}
chromium.close()
server.close()
if (outcome.error) { console.error(outcome.error); process.exit(1) }
console.log(JSON.stringify(outcome.times))
console.log('profile: ' + outFile)
