// Headless Chromium driven over the DevTools protocol, for the engine-bench tools that need a real page
// (chromium-profile.mjs, ab-tojson.mjs, cold-warm-load.mjs): an import map for Yjs from node_modules, a browser on a fresh profile and
// one flattened session on a new page.
import { readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs'
import { createServer } from 'node:http'
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

/**
 * Opens {@code url} in a fresh headless Chromium, waits for its load event, evaluates {@code expression} there
 * (awaiting its promise) and returns the value; the browser is closed in any case.
 */
export async function evaluateInPage (url, expression, extraFlags = []) {
  const chromium = await launchChromium(extraFlags)
  try {
    const sessionId = await chromium.newPage()
    await chromium.send('Runtime.enable', {}, sessionId)
    await chromium.send('Page.enable', {}, sessionId)
    const loaded = new Promise(resolve => chromium.onMessage(m => { if (m.method === 'Page.loadEventFired') resolve() }))
    await chromium.send('Page.navigate', { url }, sessionId)
    await loaded
    const { result, exceptionDetails } = await chromium.send('Runtime.evaluate', {
      expression, awaitPromise: true, returnByValue: true
    }, sessionId)
    if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails))
    return result.value
  } finally {
    chromium.close()
  }
}

/**
 * Serves a blank page with the import map for Yjs at /, {@code state} (bytes) at /state, each of {@code files}
 * ({path: file}) as JavaScript, this folder under /bench/ and node_modules under /nm/, on 127.0.0.1 at a free
 * port. Resolves to {url, close()}.
 */
export async function serveBenchPage (state, files = {}) {
  const here = dirname(fileURLToPath(import.meta.url))
  const page = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">${importMap()}</script></head><body>bench</body></html>`
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
    if (path === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); return }
    if (path === '/state') { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(state); return }
    const file = files[path] || (path.startsWith('/bench/') ? join(here, path.slice(7))
      : path.startsWith('/nm/') ? join(modules, path.slice(4)) : null)
    if (!file || !existsSync(file)) { res.writeHead(404); res.end(); return }
    res.writeHead(200, { 'content-type': 'text/javascript' })
    res.end(readFileSync(file))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() }
}
