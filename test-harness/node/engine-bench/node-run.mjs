#!/usr/bin/env node
// One run in a fresh Node process: node --expose-gc node-run.mjs <yjs|ours> <workload> <engine-bench.js> [edits] [trace.json.gz]
// (b4 also needs [trace.json.gz]). Prints one line: RESULT {times, sizes, hashes}.
import * as Y from 'yjs'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { runOnce } from './run.mjs'

const [engine, workload, oursPath, edits, tracePath] = process.argv.slice(2)
const ours = engine === 'ours' ? await import(pathToFileURL(resolve(oursPath)).href) : null
const b4Trace = workload === 'b4' ? readFileSync(resolve(tracePath)) : null
const r = await runOnce(engine, workload, { Y, ours, edits: Number(edits || 20000), b4Trace })
process.stdout.write('RESULT ' + JSON.stringify(r) + '\n')
