#!/usr/bin/env node
// Which garbage collections ran inside each timed phase of a run, from chromium-profile.mjs --gc-trace files:
//   node gc-in-phase.mjs [--phase NAME] trace.json...
// A phase is found by its time: the two performance.now() calls (marked in the trace) whose difference is the
// phase's reported time. Prints, per phase, its time and each collection that overlaps it: kind, wall time and the
// main thread's CPU time (a wall time far above the CPU time means the process waited for a core); and the phase's
// own main-thread CPU time where the trace has thread times.
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
let only = null
const files = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--phase') only = args[++i]
  else files.push(args[i])
}
if (files.length === 0) {
  console.error('usage: gc-in-phase.mjs [--phase NAME] trace.json...')
  process.exit(2)
}
const ms = us => (us / 1000).toFixed(1)
for (const file of files) {
  const { times, nows, marks, markThreadTimes, gc } = JSON.parse(readFileSync(file, 'utf8'))
  if (nows.length !== marks.length) throw new Error(file + ': ' + nows.length + ' clock reads, ' + marks.length + ' marks')
  console.log(file)
  for (const [phase, time] of Object.entries(times)) {
    if (only ? phase !== only : phase.includes('.')) continue
    let span = null
    for (let gap = 1; gap < nows.length && !span; gap++) {
      for (let i = 0; i + gap < nows.length; i++) {
        if (nows[i + gap] - nows[i] === time) { span = [marks[i], marks[i + gap], i, i + gap]; break }
      }
    }
    if (!span) { console.log('  ' + phase + ': not found'); continue }
    const inside = gc.filter(e => e.ts < span[1] && e.ts + e.dur > span[0] && /^(MinorGC|MajorGC)$/.test(e.name))
    const wall = inside.reduce((sum, e) => sum + e.dur, 0)
    const cpu = inside.reduce((sum, e) => sum + (e.tdur || 0), 0)
    const threadTime = markThreadTimes && markThreadTimes[span[3]] != null ? markThreadTimes[span[3]] - markThreadTimes[span[2]] : null
    console.log('  ' + phase + ' ' + time.toFixed(1) + ' ms' + (threadTime == null ? '' : ' (main thread CPU ' + ms(threadTime) + ')') + ': ' + inside.length + ' collections, ' + ms(wall) + ' ms wall, ' + ms(cpu) +
      ' ms main-thread CPU' + (inside.length ? ' (' + inside.map(e => e.name + ' +' + ms(e.ts - span[0]) + ' ' + ms(e.dur) + '/' + ms(e.tdur || 0)).join(', ') + ')' : ''))
  }
}
