// The performance benchmark (issue 9): real Chromium (Debian's), the production web build, a
// synthetic caseload from the demo generator, and the figures of DESIGN.md's quality bars, each
// the median of several runs with its ratio to a raw IndexedDB read of the same rows measured in
// the same run. Prints a table and writes bench/results.json.
//
//   npm run bench                 50,000 cases (BENCH_CASES to change), 5 runs (BENCH_RUNS)
//   npm run bench:smoke           1,000 cases: proves the benchmark works, e.g. in CI
//
// WEB_OUT_DIR picks the build folder to serve (default dist-web, what `npm run build:web` writes).
import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const root = fileURLToPath(new URL('..', import.meta.url))
const CASES = Number(process.env.BENCH_CASES ?? 50_000)
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5))
const OUT_DIR = process.env.WEB_OUT_DIR ?? 'dist-web'
const SEARCH_TEXT = process.env.BENCH_SEARCH ?? 'patel'
const BIG_CASE_INCIDENTS = 500
const PASSPHRASE = 'benchmark passphrase'

function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (xs.length === 0) return null
  const mid = Math.floor(xs.length / 2)
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function startPreview(port) {
  const child = spawn('npx', ['vite', 'preview', '--config', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root, env: { ...process.env, WEB_OUT_DIR: OUT_DIR, E2E_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}/`
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${output}`)
    try {
      const response = await fetch(url)
      if (response.ok) return { child, url }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`vite preview did not start on ${url}: ${output}`)
}

function stopPreview(child) {
  // Only the preview server this run started (its own process group).
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}

// Records when the first screen is usable: its heading and its first button are in the page.
function firstScreenProbe() {
  const check = () => {
    const heading = [...document.querySelectorAll('h1')].some((h) => /Who is using the app\?|My caseload/.test(h.textContent ?? ''))
    const button = document.querySelector('main button:not([disabled])')
    if (heading && button && window.__firstScreenAt === undefined) window.__firstScreenAt = performance.now()
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true })
}

async function coldStart(browser, url, storageState) {
  const context = await browser.newContext(storageState ? { storageState } : {})
  const page = await context.newPage()
  await page.addInitScript(firstScreenProbe)
  await page.goto(url)
  await page.waitForFunction(() => window.__firstScreenAt !== undefined, null, { timeout: 30_000 })
  const ms = await page.evaluate(() => window.__firstScreenAt)
  await context.close()
  return ms
}

async function main() {
  const port = await freePort()
  log(`serving ${OUT_DIR} on port ${port}`)
  const { child, url } = await startPreview(port)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
  const results = []
  const record = (figure) => {
    results.push(figure)
    log(`${figure.figure}: ${figure.median === null ? 'not available' : `${figure.median.toFixed(1)} ${figure.unit}`}`)
  }
  try {
    const benchUrl = `${url}?bench#/profile`

    log('cold start (empty profile) ×' + RUNS)
    const cold = []
    for (let i = 0; i < RUNS; i++) cold.push(await coldStart(browser, benchUrl))

    const context = await browser.newContext({ acceptDownloads: true })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await page.goto(benchUrl)
    await page.getByLabel('Your name').fill('Bench Officer')
    await page.getByLabel('Choose a passphrase').fill(PASSPHRASE)
    await page.getByLabel('Type the passphrase again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Create profile' }).click()
    await page.getByTestId('current-user').waitFor()
    await page.waitForFunction(() => window.__asbBench !== undefined)

    log(`loading ${CASES.toLocaleString('en-GB')} demo cases…`)
    const loadStart = Date.now()
    const loaded = await page.evaluate((n) => window.__asbBench.loadDemo(n), CASES)
    const loadSeconds = (Date.now() - loadStart) / 1000
    log(`loaded ${loaded} cases in ${loadSeconds.toFixed(0)} s`)

    // Heap after loading: the caseload screen holds every case's row in memory.
    await page.getByRole('link', { name: 'My caseload' }).click()
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.evaluate(() => window.__asbBench.searchKeystrokes(''))
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = await cdp.send('Runtime.getHeapUsage')
    const heapMb = heap.usedSize / 1024 / 1024

    log('cold start with the caseload stored ×' + RUNS)
    const state = await context.storageState()
    const coldLoaded = []
    for (let i = 0; i < RUNS; i++) coldLoaded.push(await coldStart(browser, benchUrl, state))

    log(`caseload search "${SEARCH_TEXT}" ×${RUNS}`)
    const perKeystroke = []
    const searchMeasures = []
    let matchingIds = []
    await page.evaluate((t) => window.__asbBench.searchKeystrokes(t), SEARCH_TEXT) // warm-up
    for (let i = 0; i < RUNS; i++) {
      const r = await page.evaluate((t) => window.__asbBench.searchKeystrokes(t), SEARCH_TEXT)
      perKeystroke.push(...r.perKeystroke)
      searchMeasures.push(...r.measures)
      matchingIds = r.matchingIds
    }
    const searchBaseline = []
    for (let i = 0; i < RUNS; i++) searchBaseline.push(await page.evaluate((ids) => window.__asbBench.rawReadCases(ids), matchingIds))

    log(`case with ${BIG_CASE_INCIDENTS} incidents ×${RUNS}`)
    const bigCase = await page.evaluate((n) => window.__asbBench.makeBigCase(n), BIG_CASE_INCIDENTS)
    await page.evaluate(([id, n]) => window.__asbBench.openCaseRendered(id, n), [bigCase, BIG_CASE_INCIDENTS]) // warm-up: loads the page's code
    const openRendered = []
    const openStore = []
    let timelineEntries = 0
    let timelineInPage = 0
    for (let i = 0; i < RUNS; i++) {
      const r = await page.evaluate(([id, n]) => window.__asbBench.openCaseRendered(id, n), [bigCase, BIG_CASE_INCIDENTS])
      openRendered.push(r.rendered)
      openStore.push(r.store)
      timelineEntries = r.entries
      timelineInPage = r.inPage ?? r.entries
    }
    const caseBaseline = []
    for (let i = 0; i < RUNS; i++) caseBaseline.push(await page.evaluate((id) => window.__asbBench.rawReadCaseFile(id), bigCase))

    log(`letter ×${RUNS}`)
    const letters = []
    let letterError = ''
    try {
      await page.evaluate((id) => window.__asbBench.buildLetter(id), bigCase) // warm-up
      for (let i = 0; i < RUNS; i++) letters.push(await page.evaluate((id) => window.__asbBench.buildLetter(id), bigCase))
    } catch (e) {
      letterError = String(e.message ?? e).split('\n')[0]
    }

    log(`legal bundle of ${BIG_CASE_INCIDENTS} incidents ×${RUNS}`)
    const bundles = []
    let bundleError = ''
    try {
      for (let i = 0; i < RUNS; i++) {
        const r = await page.evaluate((id) => window.__asbBench.buildBundle(id), bigCase)
        if (r.ms === null) {
          bundleError = r.error ?? 'not available'
          break
        }
        bundles.push(r.ms)
      }
    } catch (e) {
      bundleError = String(e.message ?? e).split('\n')[0]
    }

    log(`a year's KPIs ×${RUNS}`)
    const kpis = []
    let kpiCases = 0
    // The first run reads every case once into the reports' in-memory copy (like the caseload's);
    // the runs after it are what a manager waits for when changing period or officer.
    const kpiFirst = (await page.evaluate(() => window.__asbBench.kpisYear())).measure
    for (let i = 0; i < RUNS; i++) {
      const r = await page.evaluate(() => window.__asbBench.kpisYear())
      kpis.push(r.measure)
      kpiCases = r.cases
    }
    const kpiBaseline = []
    for (let i = 0; i < RUNS; i++) kpiBaseline.push(await page.evaluate(() => window.__asbBench.rawReadKpiYear()))

    const measures = await page.evaluate(() => window.__asbBench.measures())
    await cdp.send('HeapProfiler.collectGarbage')
    const heapEndMb = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024
    const figure = (name, target, targetMs, samples, baseline, unit, note, extra = {}) => {
      const m = median(samples)
      const b = baseline ? median(baseline) : null
      record({
        figure: name, target, unit, median: m, baselineMedian: b, ratio: m !== null && b ? m / b : null,
        pass: m === null ? null : m < targetMs && (extra.maxRatio === undefined || b === null || m / b <= extra.maxRatio),
        runs: samples.filter((x) => typeof x === 'number').length, samples, baseline: baseline ?? null, note,
      })
    }
    figure(`caseload filter + search, ${loaded.toLocaleString('en-GB')} cases (script time per keystroke)`, '< 100 ms and ≤ 2× raw read of the matching rows', 100, perKeystroke, searchBaseline, 'ms',
      `typing "${SEARCH_TEXT}" (${matchingIds.length.toLocaleString('en-GB')} matches); filter pass alone (caseload:search measure): median ${median(searchMeasures)?.toFixed(1)} ms`, { maxRatio: 2 })
    figure(`open a case with ${BIG_CASE_INCIDENTS} incidents to rendered timeline`, '< 200 ms', 200, openRendered, caseBaseline, 'ms',
      `route change to the timeline list of ${timelineEntries} entries drawn (virtualised: ${timelineInPage} items in the page for the first screenful); data ready (case:open measure): median ${median(openStore)?.toFixed(1)} ms`)
    figure('generate a letter (acknowledgement)', '< 300 ms', 300, letters, caseBaseline, 'ms', letterError ? `failed: ${letterError}` : 'letter:build measure (compose + docx bytes)')
    figure(`build a ${BIG_CASE_INCIDENTS}-incident legal bundle`, '< 3 s', 3000, bundles, caseBaseline, 'ms', bundleError ? `not available: ${bundleError}` : 'bundle:build measure (exhibits, docx, zip, stored)')
    figure(`a year's KPIs over ${loaded.toLocaleString('en-GB')} cases`, '< 1 s', 1000, kpis, kpiBaseline, 'ms', `kpis:year measure (in-memory copy current, then select + compute); ${kpiCases.toLocaleString('en-GB')} cases counted for NM01 in the year`)
    record({ figure: 'first Reports load after start (reads every case once)', target: '(no target; shown for honesty)', unit: 'ms', median: kpiFirst ?? null, baselineMedian: median(kpiBaseline), ratio: kpiFirst && median(kpiBaseline) ? kpiFirst / median(kpiBaseline) : null, pass: null, runs: 1, samples: [kpiFirst], baseline: kpiBaseline, note: 'kpis:year measure of the first run in the session: one cursor over all cases, index keys of parties and assessments' })
    record({ figure: `renderer JS heap after loading ${loaded.toLocaleString('en-GB')} cases`, target: '< 250 MB', unit: 'MB', median: heapMb, baselineMedian: null, ratio: null, pass: heapMb < 250, runs: 1, samples: [heapMb], note: 'CDP Runtime.getHeapUsage after garbage collection, caseload loaded' })
    record({ figure: 'renderer JS heap at the end of the run', target: '< 250 MB', unit: 'MB', median: heapEndMb, baselineMedian: null, ratio: null, pass: heapEndMb < 250, runs: 1, samples: [heapEndMb], note: 'same, with the caseload, the 500-incident case and the reports\' in-memory copy all loaded' })
    figure('first screen interactive from cold start (empty profile)', '< 1.5 s', 1500, cold, null, 'ms', 'new browser profile: navigation start to the profile screen heading and first button')
    figure(`first screen interactive from cold start (${loaded.toLocaleString('en-GB')} cases stored)`, '< 1.5 s', 1500, coldLoaded, null, 'ms', 'same, with the caseload already in IndexedDB')

    const missingMeasures = ['caseload:search', 'case:open', 'letter:build', 'bundle:build', 'kpis:year'].filter((n) => (measures[n] ?? []).length === 0)
    const summary = {
      date: new Date().toISOString(), cases: loaded, runs: RUNS, loadSeconds, chromium: browser.version(), build: OUT_DIR,
      measuresNotAvailable: missingMeasures, results,
    }
    await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`)
    printTable(summary)
    await context.close()
  } finally {
    await browser.close()
    stopPreview(child)
  }
}

function printTable(summary) {
  const fmt = (r, v) => (v === null || v === undefined ? '—' : r.unit === 'MB' ? `${v.toFixed(0)} MB` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`)
  const lines = [
    `Benchmark: ${summary.cases.toLocaleString('en-GB')} cases, median of ${summary.runs} runs, Chromium ${summary.chromium}, ${summary.date.slice(0, 10)}`,
    '',
    '| figure | target | median | raw IndexedDB baseline | ratio | result |',
    '|---|---|---|---|---|---|',
    ...summary.results.map((r) => `| ${r.figure} | ${r.target} | ${r.median === null ? 'not available' : fmt(r, r.median)} | ${fmt(r, r.baselineMedian)} | ${r.ratio === null ? '—' : `${r.ratio.toFixed(1)}×`} | ${r.pass === null ? (r.median === null ? 'not available' : '—') : r.pass ? 'pass' : '**miss**'} |`),
    '',
    ...summary.results.map((r) => `- ${r.figure}: ${r.note}`),
  ]
  if (summary.measuresNotAvailable.length) lines.push('', `Performance measures not recorded in this build: ${summary.measuresNotAvailable.join(', ')}.`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`)
  process.exit(1)
})
