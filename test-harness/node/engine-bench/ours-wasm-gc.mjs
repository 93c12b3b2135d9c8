// Our engine's benchmark module compiled by TeaVM's WebAssembly GC backend (target/engine-js/engine-bench.wasm,
// pom profile engine-wasm-gc), offered with the same exports as the JavaScript build (edits, vault, b4), so
// bin/bench-crdt-js measures it unchanged: bin/bench-crdt-wasm copies this file next to the .wasm and passes it
// as --ours. The module is fetched as bytes (compiled from memory: no server MIME type needed).
import { load } from './engine-bench.wasm-runtime.js'

const bytes = new Uint8Array(await (await fetch(new URL('./engine-bench.wasm', import.meta.url))).arrayBuffer())
const teavm = await load(bytes)

export const edits = (count) => teavm.exports.edits(count)
export const vault = () => teavm.exports.vault()
export const b4 = (positions, deletes, inserts, endContent) => teavm.exports.b4(positions, deletes, inserts, endContent)
