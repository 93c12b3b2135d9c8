// Headless Chromium driven over the DevTools protocol, for the engine-bench tools that need a real page
// (chromium-profile.mjs, ab-tojson.mjs): an import map for Yjs from node_modules, a browser on a fresh profile and
// one flattened session on a new page.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { resolve, dirname, join } from 'node:path'
import { tmpdir } from 'node:os'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'

export const modules = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules')

/** An import map from the bare specifiers of yjs and lib0 to /nm/ paths (the "import" or "default" target of each export). */
export function importMap () {
  const imports = {}
  const target = value => typeof value === 'string' ? value
    : value && (target(value.browser) || target(value.import) || target(value.module) || target(value.default))
  for (const pkg of ['yjs', 'lib0']) {
    const manifest = JSON.parse(readFileSync(join(modules, pkg, 'package.json'), 'utf8'))
    for (const [key, value] of Object.entries(manifest.exports)) {
      const file = target(value)
      if (key.includes('*') || !file || !file.endsWith('js')) continue
      imports[key === '.' ? pkg : pkg + key.slice(1)] = '/nm/' + pkg + '/' + file.replace(/^\.\//, '')
    }
  }
  return JSON.stringify({ imports })
}

/**
 * Starts headless Chromium (extra command-line flags appended) and connects to it: {send(method, params, sessionId),
 * onMessage(listener), newPage() -> sessionId, close()}.
 */
export async function launchChromium (extraFlags = []) {
  const profileDir = mkdtempSync(join(tmpdir(), 'chromium-page-'))
  const chromium = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--remote-debugging-port=0',
    '--user-data-dir=' + profileDir, ...extraFlags, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] })
  const wsUrl = await new Promise((resolve, reject) => {
    let text = ''
    chromium.stderr.on('data', chunk => {
      text += chunk
      const match = /DevTools listening on (ws:\S+)/.exec(text)
      if (match) resolve(match[1])
    })
    chromium.on('exit', () => reject(new Error('chromium exited: ' + text)))
  })
  const browser = new WebSocket(wsUrl)
  await new Promise(resolve => browser.once('open', resolve))
  let nextId = 1
  const pending = new Map()
  const listeners = []
  browser.on('message', data => {
    const message = JSON.parse(data)
    for (const listener of listeners) listener(message)
    if (message.id && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id)
      pending.delete(message.id)
      if (message.error) reject(new Error(JSON.stringify(message.error)))
      else resolve(message.result)
    }
  })
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const id = nextId++
    pending.set(id, { resolve, reject })
    browser.send(JSON.stringify({ id, method, params, sessionId }))
  })
  return {
    send,
    onMessage: listener => listeners.push(listener),
    async newPage () {
      const { targetId } = await send('Target.createTarget', { url: 'about:blank' })
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true })
      return sessionId
    },
    close () {
      browser.close()
      chromium.kill()
      try { rmSync(profileDir, { recursive: true, force: true }) } catch {}
    }
  }
}
