#!/usr/bin/env node
// Where a DevTools CPU profile's time went: self time per function (name, script, line), largest first, and per
// script. Usage: node profile-summary.mjs [--top N] [--from MS] [--to MS] [--callers NAME] FILE.cpuprofile...
// --callers NAME: for samples whose innermost function's name contains NAME, the call paths leading to it (five
// frames up), largest first.
// Several files are summed (e.g. the newcomers of one bench run). --from/--to keep samples in that window, in ms
// from the profile's start. Written for bin/bench-browser-sync --profile; works on any .cpuprofile.
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
let top = 30; let from = 0; let to = Infinity; let callers = null; let depth = 5
const files = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i])
  else if (args[i] === '--from') from = Number(args[++i])
  else if (args[i] === '--to') to = Number(args[++i])
  else if (args[i] === '--callers') callers = args[++i]
  else if (args[i] === '--depth') depth = Number(args[++i])
  else files.push(args[i])
}
if (files.length === 0) {
  console.error('usage: profile-summary.mjs [--top N] [--from MS] [--to MS] FILE.cpuprofile...')
  process.exit(2)
}

const byFunction = new Map()
const byPath = new Map()
const byScript = new Map()
let total = 0
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const nodes = new Map(profile.nodes.map(node => [node.id, node]))
  const parents = new Map()
  for (const node of profile.nodes) for (const child of node.children || []) parents.set(child, node.id)
  let at = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] / 1000 // µs → ms
    at += profile.timeDeltas[i]
    const sinceStart = (at - profile.startTime) / 1000
    if (sinceStart < from || sinceStart > to) continue
    const frame = nodes.get(profile.samples[i]).callFrame
    const script = frame.url ? frame.url.replace(/^.*\//, '') : '(' + (frame.functionName || 'native') + ')'
    const name = (frame.functionName || '(anonymous)') + ' ' + script + ':' + (frame.lineNumber + 1)
    byFunction.set(name, (byFunction.get(name) || 0) + delta)
    byScript.set(script, (byScript.get(script) || 0) + delta)
    if (callers !== null && (frame.functionName || '').includes(callers)) {
      const path = []
      for (let id = parents.get(profile.samples[i]); id !== undefined && path.length < depth; id = parents.get(id)) {
        path.push(nodes.get(id).callFrame.functionName || '(anonymous)')
      }
      const key = path.join(' < ')
      byPath.set(key, (byPath.get(key) || 0) + delta)
    }
    total += delta
  }
}

const print = (title, map, limit) => {
  console.log(`\n${title} (ms, share of ${total.toFixed(1)} ms sampled over ${files.length} profile(s))`)
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`${ms.toFixed(1).padStart(9)}  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${name}`)
  }
}
print('self time by script', byScript, 15)
print('self time by function', byFunction, top)
if (callers !== null) print(`callers of ${callers}`, byPath, top)
