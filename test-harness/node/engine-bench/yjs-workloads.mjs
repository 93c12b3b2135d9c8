// Yjs's side of bin/bench-crdt-js: the 20,000-edit mix of ../crdt-bench.mjs and the vault workload of the
// reference bench (/work/shared/bench-data/yjs-reference-bench.mjs), unchanged in what they do and measure, but
// returning { times, sizes, outputs } like our engine's side (test-harness/java/.../bench/js/EngineBench.java) so
// the driver can hash every produced byte and compare. Runs in Node and in Chromium: Y is passed in.

const now = () => performance.now()

export function edits (Y, n) {
  const r = result()
  let x = 1
  const next = k => { x = (x * 48271) % 2147483647; return x % k }
  const doc = newDoc(Y, 1)
  const updates = []
  doc.on('update', u => updates.push(u))
  const m = doc.getMap('m')
  const a = doc.getArray('a')
  const t0 = now()
  for (let i = 0; i < n; i++) {
    const op = next(10)
    if (op < 4) m.set('k' + next(200), i)
    else if (op < 9 || a.length === 0) a.insert(next(a.length + 1), [i])
    else a.delete(next(a.length), 1)
  }
  const t1 = now()
  const full = Y.encodeStateAsUpdate(doc)
  const t2 = now()
  const loaded = newDoc(Y, 2)
  Y.applyUpdate(loaded, full)
  const t3 = now()
  const replica = newDoc(Y, 3)
  for (const u of updates) Y.applyUpdate(replica, u)
  const t4 = now()
  r.times.edits = t1 - t0
  r.times.encodeStateAsUpdate = t2 - t1
  r.times.loadFullState = t3 - t2
  r.times.replayUpdates = t4 - t3
  r.sizes.stateBytes = full.length
  r.outputs.state = full
  r.outputs.updates = concat(updates)
  r.outputs.loadedState = Y.encodeStateAsUpdate(loaded)
  r.outputs.replicaState = Y.encodeStateAsUpdate(replica)
  return r
}

// deterministic PRNG (mulberry32), as in the reference bench
const rng = (seed) => () => {
  seed |= 0; seed = seed + 0x6D2B79F5 | 0
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed)
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
  return ((t ^ t >>> 14) >>> 0) / 4294967296
}

const TYPES = ['unit', 'pilot', 'force']
const WORDS = 'atlas marauder warhammer locust commando jenner panther hunchback griffin shadowhawk wolverine thunderbolt catapult crusader archer rifleman orion battlemaster stalker zeus awesome victor highlander king crab'.split(' ')
const FACTIONS = ['Davion', 'Kurita', 'Steiner', 'Liao', 'Marik', 'ComStar', 'Wolf', 'Jade Falcon', 'Mercenary']

function makeItem (rand, i) {
  const w = () => WORDS[Math.floor(rand() * WORDS.length)]
  const int = (n) => Math.floor(rand() * n)
  const sentence = (n) => { const a = []; for (let k = 0; k < n; k++) a.push(w()); return a.join(' ') }
  return {
    id: 'item-' + String(i).padStart(6, '0'),
    name: w() + ' ' + w().toUpperCase().slice(0, 3) + '-' + int(10) + w()[0].toUpperCase(),
    type: TYPES[i % 3],
    faction: FACTIONS[int(FACTIONS.length)],
    era: ['Star League', 'Succession Wars', 'Clan Invasion', 'Jihad', 'Dark Age'][int(5)],
    role: ['Brawler', 'Skirmisher', 'Striker', 'Sniper', 'Scout', 'Juggernaut'][int(6)],
    tonnage: 20 + 5 * int(17),
    bv: 500 + int(2500),
    pv: 10 + int(60),
    gunnery: int(6),
    piloting: int(7),
    walk: 2 + int(6),
    run: 3 + int(9),
    jump: int(6),
    armor: 40 + int(280),
    structure: 20 + int(150),
    heatSinks: 10 + int(20),
    cost: Math.round(rand() * 1e7) / 100,
    active: rand() < 0.5,
    created: 1700000000000 + int(1e10),
    notes: sentence(62),
    tags: [w(), w(), w()],
    weapons: [
      { name: w(), loc: 'RA', dmg: int(20) },
      { name: w(), loc: 'LT', dmg: int(20) },
      { name: w(), loc: 'CT', dmg: int(20) }
    ]
  }
}

const NUM_FIELDS = ['tonnage', 'bv', 'pv', 'gunnery', 'piloting', 'walk', 'run', 'jump', 'armor', 'structure', 'heatSinks', 'cost', 'created']
const STR_FIELDS = ['name', 'faction', 'era', 'role', 'notes']
const CLIENT_A = 2654435769
const CLIENT_B = 1640531527
const CLIENT_C = 12345

function syncRound (Y, r, name, docA, docB) {
  const t0 = now()
  const sv = Y.encodeStateVector(docB) // B -> A
  const t1 = now()
  const diff = Y.encodeStateAsUpdate(docA, sv) // A -> B
  const t2 = now()
  Y.applyUpdate(docB, diff)
  const t3 = now()
  r.times[name] = t3 - t0
  r.times[name + '.stateVector'] = t1 - t0
  r.times[name + '.diff'] = t2 - t1
  r.times[name + '.apply'] = t3 - t2
  r.sizes[name + '.diffBytes'] = diff.length
  r.outputs[name + '.stateVector'] = sv
  r.outputs[name + '.diff'] = diff
  r.outputs[name + '.stateAfter'] = Y.encodeStateAsUpdate(docB)
}

export function vault (Y) {
  const r = result()
  const N_ITEMS = 5000
  const N_UPD = 20000
  const rand = rng(42)
  const items = []
  for (let i = 0; i < N_ITEMS; i++) items.push(makeItem(rand, i))

  const docA = newDoc(Y, CLIENT_A)
  const map = docA.getMap('vault')
  let updates = []
  docA.on('update', (u) => { updates.push(u) })
  let t0 = now()
  for (let i = 0; i < N_ITEMS; i++) {
    const it = items[i]
    docA.transact(() => { map.set(it.id, it) })
  }
  r.times.insert = now() - t0
  r.outputs.insertUpdates = concat(updates)
  updates = []
  let t1 = now()
  const stateAfterInsert = Y.encodeStateAsUpdate(docA)
  r.times.insertEncode = now() - t1
  r.sizes.insertStateBytes = stateAfterInsert.length
  r.outputs.insertState = stateAfterInsert

  let docB = newDoc(Y, CLIENT_B)
  syncRound(Y, r, 'syncFull', docA, docB)
  if (docB.getMap('vault').size !== N_ITEMS) throw new Error('sync mismatch')

  const urand = rng(7)
  t0 = now()
  for (let k = 0; k < N_UPD; k++) {
    const idx = Math.floor(urand() * N_ITEMS)
    const key = items[idx].id
    const cur = map.get(key)
    const copy = { ...cur }
    if (urand() < 0.7) {
      const f = NUM_FIELDS[Math.floor(urand() * NUM_FIELDS.length)]
      copy[f] = cur[f] + 1
    } else {
      const f = STR_FIELDS[Math.floor(urand() * STR_FIELDS.length)]
      copy[f] = cur[f] + '*'
    }
    docA.transact(() => { map.set(key, copy) })
  }
  r.times.replace = now() - t0
  r.outputs.replaceUpdates = concat(updates)
  updates = []
  t1 = now()
  const full = Y.encodeStateAsUpdate(docA)
  r.times.finalEncode = now() - t1
  r.sizes.finalStateBytes = full.length
  r.outputs.finalState = full

  docB = newDoc(Y, CLIENT_B)
  Y.applyUpdate(docB, stateAfterInsert)
  syncRound(Y, r, 'syncCatchup', docA, docB)
  docB = newDoc(Y, CLIENT_B)
  syncRound(Y, r, 'syncFullAfterReplace', docA, docB)

  t1 = now()
  const docC = newDoc(Y, CLIENT_C)
  Y.applyUpdate(docC, full)
  r.times.freshApply = now() - t1
  const t2 = now()
  const json = docC.getMap('vault').toJSON()
  r.times.freshToJSON = now() - t2
  if (Object.keys(json).length !== N_ITEMS) throw new Error('vault mismatch')
  r.outputs.freshJson = JSON.stringify(json)

  docB = newDoc(Y, CLIENT_B)
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA))
  for (let k = 0; k < 100; k++) {
    const key = items[Math.floor(urand() * N_ITEMS)].id
    const copy = { ...map.get(key) }
    copy.bv = copy.bv + 1
    docA.transact(() => { map.set(key, copy) })
  }
  syncRound(Y, r, 'syncSmall', docA, docB)
  if (JSON.stringify(docB.getMap('vault').toJSON()) !== JSON.stringify(map.toJSON())) throw new Error('small sync mismatch')
  return r
}

function newDoc (Y, clientId) {
  const doc = new Y.Doc()
  doc.clientID = clientId
  return doc
}

function result () {
  return { times: {}, sizes: {}, outputs: {} }
}

function concat (parts) {
  let length = 0
  for (const p of parts) length += p.length
  const all = new Uint8Array(length)
  let at = 0
  for (const p of parts) { all.set(p, at); at += p.length }
  return all
}

// B4: the automerge-paper trace typed into one Y.Text, one transaction per patch, as bin/bench-crdt does on the
// JVM; then the document's state, a fresh doc loading it, and the final text.
export function b4 (Y, trace) {
  const r = result()
  const doc = newDoc(Y, 2654435769)
  const text = doc.getText('text')
  const { positions, deletes, inserts } = trace
  const t0 = now()
  for (let i = 0; i < positions.length; i++) {
    if (deletes[i] > 0) text.delete(positions[i], deletes[i])
    if (inserts[i] !== '') text.insert(positions[i], inserts[i])
  }
  const t1 = now()
  const full = Y.encodeStateAsUpdate(doc)
  const t2 = now()
  const loaded = newDoc(Y, 2)
  Y.applyUpdate(loaded, full)
  const content = loaded.getText('text').toString()
  const t3 = now()
  if (text.toString() !== trace.endContent || content !== trace.endContent) throw new Error('B4 text differs from the trace')
  r.times.b4Replay = t1 - t0
  r.times.b4Encode = t2 - t1
  r.times.b4Load = t3 - t2
  r.sizes.b4StateBytes = full.length
  r.outputs.b4State = full
  r.outputs.b4Text = content
  return r
}
