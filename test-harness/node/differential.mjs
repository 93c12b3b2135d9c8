#!/usr/bin/env node
// Differential peer for org.vaultsync.harness.YjsDifferentialTest: replays scenarios with REAL Yjs.
// stdin: JSON array of scenarios {docs:[{clientID, gc, lateRoots?}], steps:[{doc, ops} | {sync:'diff', from, to} |
//   {sync:'deliver', to, ref:{doc, step}} | {sync:'merged', to, refs:[{doc, step}], diff} | {sync:'all'}],
//   javaFinal:[hex]}; roots are always map 'm', array 'a' and text 't'. 'merged' applies Y.mergeUpdates of the
//   referenced step updates (then Y.diffUpdate against the receiver's state vector if diff is set).
// stdout: JSON array of results {emitted:[{docIndex:[hex]}] per step, deltas:[{docIndex:[delta]}] per step (the
//   delta of every event of text 't', read inside the observer), payloads:{step: hex} for merged steps,
//   final:[{update, stateVector, json}],
//   reencodedJavaFinal:[{update, json}], error?}. One process handles a whole batch.
import * as Y from 'yjs'

const hex = u8 => Buffer.from(u8).toString('hex')
const unhex = h => new Uint8Array(Buffer.from(h, 'hex'))
const toPlain = v => {
  if (v instanceof Uint8Array) return { $bytes: hex(v) }
  if (v === undefined) return { $undefined: true }
  if (Array.isArray(v)) return v.map(toPlain)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]))
  return v
}
const fromSpec = v => {
  if (Array.isArray(v)) return v.map(fromSpec)
  if (v && typeof v === 'object') {
    if (v.$bytes !== undefined) return unhex(v.$bytes)
    if (v.$undefined) return undefined
    if (v.$type === 'Y.Map') return new Y.Map(Object.entries(v.entries || {}).map(([k, x]) => [k, fromSpec(x)]))
    if (v.$type === 'Y.Array') return Y.Array.from((v.values || []).map(fromSpec))
    if (v.$type === 'Y.Text') return new Y.Text(v.text || '')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromSpec(x)]))
  }
  return v
}
const openRoots = doc => { doc.getMap('m'); doc.getArray('a'); doc.getText('t') }
const json = doc => ({ m: toPlain(doc.getMap('m').toJSON()), a: toPlain(doc.getArray('a').toJSON()), t: doc.getText('t').toString(), tDelta: toPlain(doc.getText('t').toDelta()) })
const resolve = (doc, path) => {
  let cur = path[0] === 'm' ? doc.getMap('m') : path[0] === 'a' ? doc.getArray('a') : doc.getText('t')
  for (const k of path.slice(1)) cur = cur.get(k)
  return cur
}
const applyOp = (doc, op) => {
  const t = resolve(doc, op.path)
  switch (`${op.type}.${op.action}`) {
    case 'map.set': return t.set(op.key, fromSpec(op.value))
    case 'map.delete': return t.delete(op.key)
    case 'array.insert': return t.insert(op.index, op.values.map(fromSpec))
    case 'array.push': return t.push(op.values.map(fromSpec))
    case 'array.delete': return t.delete(op.index, op.length)
    case 'text.insert': return t.insert(op.index, op.text, op.attributes)
    case 'text.delete': return t.delete(op.index, op.length)
    case 'text.format': return t.format(op.index, op.length, op.attributes)
    case 'text.insertEmbed': return t.insertEmbed(op.index, fromSpec(op.embed), op.attributes)
    default: throw new Error(`unknown op ${op.type}.${op.action}`)
  }
}

const run = sc => {
  let current = null
  let currentDeltas = null
  const opened = []
  // a doc with lateRoots asks for its root types only before its first local edit (or at the end): updates that
  // arrive before land in untyped placeholders, which getMap/getArray/getText then convert
  const open = (doc, i) => {
    if (opened[i]) return
    opened[i] = true
    openRoots(doc)
    doc.getText('t').observe(e => { if (currentDeltas) (currentDeltas[i] = currentDeltas[i] || []).push(toPlain(e.delta)) })
  }
  const docs = sc.docs.map(d => { const doc = new Y.Doc({ gc: d.gc }); doc.clientID = d.clientID; return doc })
  docs.forEach((doc, i) => { if (!sc.docs[i].lateRoots) open(doc, i) })
  const byStep = {}
  docs.forEach((doc, i) => doc.on('update', u => { if (current) (current[i] = current[i] || []).push(u) }))
  const emitted = []
  const deltas = []
  const payloads = {}
  sc.steps.forEach((st, si) => {
    current = {}
    currentDeltas = {}
    if (st.ops) {
      open(docs[st.doc], st.doc)
      docs[st.doc].transact(() => st.ops.forEach(op => applyOp(docs[st.doc], op)), 'local')
    } else if (st.sync === 'diff') {
      Y.applyUpdate(docs[st.to], Y.encodeStateAsUpdate(docs[st.from], Y.encodeStateVector(docs[st.to])), 'remote')
    } else if (st.sync === 'deliver') {
      Y.applyUpdate(docs[st.to], byStep[`${st.ref.doc}:${st.ref.step}`], 'remote')
    } else if (st.sync === 'merged') {
      let payload = Y.mergeUpdates(st.refs.map(r => byStep[`${r.doc}:${r.step}`]))
      if (st.diff) payload = Y.diffUpdate(payload, Y.encodeStateVector(docs[st.to]))
      payloads[si] = hex(payload)
      Y.applyUpdate(docs[st.to], payload, 'remote')
    } else if (st.sync === 'all') {
      for (let round = 0; round < 5; round++) {
        let changed = false
        for (let a = 0; a < docs.length; a++) {
          for (let b = 0; b < docs.length; b++) {
            if (a === b) continue
            const before = current[b] ? current[b].length : 0
            Y.applyUpdate(docs[b], Y.encodeStateAsUpdate(docs[a], Y.encodeStateVector(docs[b])), 'remote')
            if ((current[b] ? current[b].length : 0) !== before) changed = true
          }
        }
        if (!changed) break
      }
    }
    for (const [i, ups] of Object.entries(current)) if (ups.length === 1) byStep[`${i}:${si}`] = ups[0]
    emitted.push(Object.fromEntries(Object.entries(current).map(([i, ups]) => [i, ups.map(hex)])))
    deltas.push(currentDeltas)
  })
  current = null
  currentDeltas = null
  docs.forEach((doc, i) => open(doc, i))
  const final = docs.map(d => ({ update: hex(Y.encodeStateAsUpdate(d)), stateVector: hex(Y.encodeStateVector(d)), json: json(d) }))
  const reencodedJavaFinal = (sc.javaFinal || []).map((h, i) => {
    const fresh = new Y.Doc({ gc: sc.docs[i].gc })
    openRoots(fresh)
    Y.applyUpdate(fresh, unhex(h))
    return { update: hex(Y.encodeStateAsUpdate(fresh)), json: json(fresh) }
  })
  return { emitted, deltas, payloads, final, reencodedJavaFinal }
}

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', chunk => { input += chunk })
process.stdin.on('end', () => {
  const results = JSON.parse(input).map(sc => {
    try { return run(sc) } catch (e) { return { error: String(e && e.stack || e) } }
  })
  process.stdout.write(JSON.stringify(results))
})
