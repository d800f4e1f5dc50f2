import { nextTick } from 'vue'
import { router } from '@/router'
import { auditedWrite } from '@/data/write'
import { db } from '@/data/db'
import { customPeriod } from '@/domain/kpis/periods'
import type { Incident } from '@/domain/caseRecords'
import { useCaseFileStore } from '@/stores/caseFile'
import { useCaseloadStore } from '@/stores/caseload'
import { useDemoStore } from '@/stores/demo'
import { useDocumentsStore } from '@/stores/documents'
import { useReportsStore } from '@/stores/reports'
import { useSessionStore } from '@/stores/session'

/**
 * Hooks for `npm run bench` (bench/run.mjs), attached only when the page is opened with `?bench`
 * (main.ts imports this module lazily, so normal use never loads it). Each function drives the
 * same stores the screens use, so the timings are the app's own; the raw IndexedDB baselines
 * read the same rows with no library in between, for the ratios the issue asks for.
 */

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

function lastMeasure(name: string): number | undefined {
  return performance.getEntriesByName(name, 'measure').at(-1)?.duration
}

function measureCount(name: string): number {
  return performance.getEntriesByName(name, 'measure').length
}

/** Opens the database with the plain IndexedDB API (no Dexie) for the baselines. */
function rawDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('asb-workstation')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await work()
  return performance.now() - t0
}

const bench = {
  async loadDemo(cases: number): Promise<number> {
    return useDemoStore().load(cases)
  },

  /** A case with `count` incidents (synthetic, audited like the demo loader) for the open-case figure. */
  async makeBigCase(count: number): Promise<string> {
    const session = useSessionStore()
    const target = await db.cases.orderBy('openedAt').first()
    if (!target) throw new Error('Load a caseload first.')
    const incidents: Incident[] = Array.from({ length: count }, (_, i) => ({
      id: `bench-incident-${i}`, caseId: target.id, occurredAt: new Date(Date.parse(target.openedAt) + i * 3_600_000).toISOString().slice(0, 19),
      location: 'Communal stairwell', category: target.category, description: `Benchmark incident ${i + 1}: loud music and shouting late at night.`,
      witnesses: [], evidenceRefs: [], policeRef: '', createdAt: target.openedAt, updatedAt: target.openedAt, createdBy: session.userId,
    }))
    const against = await db.caseParties.where('caseId').equals(target.id).filter((p) => p.role === 'alleged perpetrator').first()
    // The bundle is only prepared for an approved formal action. This synthetic row stands in for
    // one that went through the gate (issue 6), as the demo caseload stands in for real cases.
    const action = {
      id: `bench-action-${target.id}`, caseId: target.id, kind: 'NOSP', status: 'approved', againstPersonIds: against ? [against.personId] : [],
      authorId: session.userId, createdAt: new Date().toISOString(), grounds: [{ ground: '14', limbs: ['a'] }], incidentIds: incidents.map((i) => i.id),
      particulars: 'Benchmark particulars: repeated loud music and shouting late at night.', actionSought: 'Possession of the property',
      approvals: [{ by: 'bench-manager', byName: 'Benchmark Manager', decision: 'approved', reasons: 'Benchmark fixture', at: new Date().toISOString() }],
    }
    await auditedWrite(session.userId, (d) => [d.incidents, d.formalActions], async ({ database, audit }) => {
      await database.incidents.bulkPut(incidents)
      await database.formalActions.put(action)
      await audit({ caseId: target.id, entity: 'demo', entityId: target.id, action: 'added benchmark incidents and an approved formal action', after: { count } })
    })
    return target.id
  },

  /** Types `text` into the caseload search one character at a time; script time per keystroke. */
  async searchKeystrokes(text: string): Promise<{ perKeystroke: number[]; measures: number[]; matches: number; matchingIds: string[] }> {
    const caseload = useCaseloadStore()
    await caseload.refresh()
    caseload.scope = 'all'
    caseload.filter.text = ''
    await nextTick()
    void caseload.results.length
    const perKeystroke: number[] = []
    const measures: number[] = []
    for (let i = 1; i <= text.length; i++) {
      const t0 = performance.now()
      caseload.filter.text = text.slice(0, i)
      void caseload.results.length
      await nextTick()
      perKeystroke.push(performance.now() - t0)
      measures.push(lastMeasure('caseload:search') ?? Number.NaN)
    }
    return { perKeystroke, measures, matches: caseload.results.length, matchingIds: caseload.results.map((r) => r.id) }
  },

  /** Raw IndexedDB read of the same rows the search matched. */
  async rawReadCases(ids: string[]): Promise<number> {
    const idb = await rawDatabase()
    try {
      return await timed(async () => {
        const store = idb.transaction('cases', 'readonly').objectStore('cases')
        await Promise.all(ids.map((id) => done(store.get(id))))
      })
    } finally {
      idb.close()
    }
  },

  /**
   * Navigates to the case page and waits until its timeline is on screen: the case:open measure
   * recorded and the timeline list drawn with at least `expected` entries. The list is virtualised,
   * so "drawn" means its first screenful of items is in the page and each item reports the list's
   * full size (aria-setsize); `entries` is that size, `inPage` how many items the page holds.
   */
  async openCaseRendered(caseId: string, expected: number): Promise<{ rendered: number; store: number | undefined; entries: number; inPage: number }> {
    await router.push('/caseload')
    await nextTick()
    await frame()
    const before = measureCount('case:open')
    const t0 = performance.now()
    await router.push(`/cases/${caseId}`)
    let entries = 0
    let inPage = 0
    const deadline = t0 + 20_000
    for (;;) {
      await frame()
      const items = document.querySelectorAll('ol.timeline > li')
      inPage = items.length
      entries = Number(items[0]?.getAttribute('aria-setsize') ?? 0)
      if ((measureCount('case:open') > before && inPage > 0 && entries >= expected) || performance.now() > deadline) break
    }
    return { rendered: performance.now() - t0, store: lastMeasure('case:open'), entries, inPage }
  },

  /** Raw IndexedDB read of a case file's rows: the case and everything indexed by its id. */
  async rawReadCaseFile(caseId: string): Promise<number> {
    const idb = await rawDatabase()
    const tables = ['caseParties', 'incidents', 'contacts', 'actions', 'interventions', 'assessments', 'formalActions', 'documents', 'evidence', 'surveys', 'notes']
    try {
      return await timed(async () => {
        const tx = idb.transaction(['cases', 'people', ...tables], 'readonly')
        const [, parties] = await Promise.all([
          done(tx.objectStore('cases').get(caseId)),
          done(tx.objectStore('caseParties').index('caseId').getAll(caseId)) as Promise<{ personId: string }[]>,
          ...tables.slice(1).map((t) => done(tx.objectStore(t).index('caseId').getAll(caseId))),
        ])
        await Promise.all(parties.map((p) => done(tx.objectStore('people').get(p.personId))))
      })
    } finally {
      idb.close()
    }
  },

  /** Builds an acknowledgement letter for the open case through the documents store. */
  async buildLetter(caseId: string): Promise<number | undefined> {
    const caseFile = useCaseFileStore()
    if (caseFile.file?.case.id !== caseId) await caseFile.open(caseId)
    const documents = useDocumentsStore()
    await documents.loadSettings()
    const reporter = caseFile.file!.parties.find((p) => p.role === 'reporter')
    if (!reporter) throw new Error('The benchmark case has no reporter.')
    await documents.saveLetter({ kind: 'acknowledgement', recipientPersonId: reporter.personId }, caseFile.file!)
    return lastMeasure('letter:build')
  },

  /** A year's KPIs (the 365 days to today), read afresh each time. */
  async kpisYear(): Promise<{ measure: number | undefined; nm01: number | undefined; cases: number }> {
    const reports = useReportsStore()
    reports.invalidate()
    const today = reports.today
    const from = new Date(Date.parse(today) - 364 * 86_400_000).toISOString().slice(0, 10)
    const report = await reports.run(customPeriod(from, today), undefined)
    return { measure: lastMeasure('kpis:year'), nm01: report.headline[0].numerator, cases: report.nm01.countedCaseIds.length }
  },

  /** Raw IndexedDB read of the rows the year's KPIs come from: the year's cases, the parties, the surveys. */
  async rawReadKpiYear(): Promise<number> {
    const reports = useReportsStore()
    const from = new Date(Date.parse(reports.today) - 364 * 86_400_000).toISOString().slice(0, 10)
    const idb = await rawDatabase()
    try {
      return await timed(async () => {
        const tx = idb.transaction(['cases', 'caseParties', 'surveys'], 'readonly')
        await Promise.all([
          done(tx.objectStore('cases').index('openedAt').getAll(IDBKeyRange.bound(from, `${reports.today}\uffff`))),
          done(tx.objectStore('caseParties').getAll()),
          done(tx.objectStore('surveys').getAll()),
        ])
      })
    } finally {
      idb.close()
    }
  },

  measures(): Record<string, number[]> {
    const out: Record<string, number[]> = {}
    for (const name of ['caseload:search', 'case:open', 'letter:build', 'bundle:build', 'kpis:year']) {
      out[name] = performance.getEntriesByName(name, 'measure').map((m) => m.duration)
    }
    return out
  },

  /**
   * Builds the legal bundle for a case relying on all its incidents, through the bundle store
   * (issue 8). Found with a glob so this hook still builds before that feature lands: null means
   * "not available", undefined that the build was refused (its error is returned instead).
   */
  async buildBundle(caseId: string): Promise<{ ms: number | null; error?: string }> {
    const load = Object.values(import.meta.glob('../stores/bundle.ts'))[0]
    if (!load) return { ms: null, error: 'the bundle feature is not in this build' }
    const mod = (await load()) as { useBundleStore?: () => { prepare: (caseId: string, recipient: string, incidentIds: string[]) => Promise<unknown>; error: string } }
    if (!mod.useBundleStore) return { ms: null, error: 'the bundle store has no useBundleStore' }
    const store = mod.useBundleStore()
    const incidentIds = await db.incidents.where('caseId').equals(caseId).primaryKeys()
    const before = measureCount('bundle:build')
    await store.prepare(caseId, 'legal team', incidentIds)
    return measureCount('bundle:build') > before ? { ms: lastMeasure('bundle:build')! } : { ms: null, error: store.error || 'no bundle:build measure was recorded' }
  },
}

export type AsbBench = typeof bench

declare global {
  interface Window {
    __asbBench?: AsbBench
  }
}

window.__asbBench = bench
