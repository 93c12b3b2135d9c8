// The rounds of ab-tojson.mjs, in whatever JavaScript engine loads this module (Node or the Chromium page): each
// round loads the vault's final state into a fresh document of each engine (not timed), then times the first
// getMap('vault') and its toJSON(), engines in rotating order, a collection before each when gc() is exposed.

/** {before, after, yjs}: per engine, the list of {getMap, toJSON} times (ms) of each round. */
export function toJsonRounds ({ Y, before, after, state, reps }) {
  const view = () => new Int8Array(state.buffer, state.byteOffset, state.length)
  const runs = {
    before: () => before.freshToJSON(view()).times,
    after: () => after.freshToJSON(view()).times,
    yjs: () => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      const t0 = performance.now()
      const map = doc.getMap('vault')
      const t1 = performance.now()
      map.toJSON()
      const t2 = performance.now()
      return { getMap: t1 - t0, toJSON: t2 - t1 }
    }
  }
  const times = { before: [], after: [], yjs: [] }
  const order = Object.keys(runs)
  for (let i = 0; i < reps; i++) {
    for (let k = 0; k < order.length; k++) {
      const name = order[(i + k) % order.length]
      if (globalThis.gc) globalThis.gc()
      const t = runs[name]()
      times[name].push({ getMap: t.getMap, toJSON: t.toJSON })
    }
  }
  return times
}
