import Dexie from 'dexie'
import type { AsbCase } from '@/domain/cases'
import type { KpiInput } from '@/domain/kpis/report'
import type { ReportPeriod } from '@/domain/kpis/periods'
import type { KpiAcknowledgement, KpiAssessment, KpiCase, KpiFormalAction, KpiParty, KpiPersonCharacteristics, KpiSurvey } from '@/domain/kpis/rows'
import { organisationSettings } from '@/domain/settings/organisation'
import { db, type WorkstationDatabase } from '../db'
import { onCasesChanged } from './caseload'
import { readSettings } from './settings'

/**
 * Fast reads for the Reports screen. A year's KPIs over 50,000 cases must come back in under a
 * second (DESIGN quality bars), but Chromium's IndexedDB delivers tens of thousands of full rows
 * in seconds, not milliseconds (measured by `npm run bench`). So, like the caseload, the reports
 * keep a slim in-memory copy of just the fields the KPIs use, read once and then kept current:
 * Dexie's `storagemutated` event (this tab and others) marks what changed, and only that is
 * read again. Where a whole table would be big (parties, assessments), only index keys are read.
 */

type StoredCase = AsbCase & { pastClosures?: { closedAt: string; reason?: string }[] }

/** The fields the KPIs need from a case row. Earlier closures of reopened cases come from closure's `pastClosures`. */
export function toKpiCase(row: StoredCase): KpiCase {
  const closedDates = [...(row.pastClosures ?? []).map((c) => c.closedAt), ...(row.closedAt ? [row.closedAt] : [])].sort()
  return {
    id: row.id, ref: row.ref, officerId: row.officerId, category: row.category, route: row.route, riskBand: row.riskBand,
    hateRelated: row.hateRelated, status: row.status, openedAt: row.openedAt, firstContactDue: row.firstContactDue,
    acknowledgementDue: row.acknowledgementDue, firstContactAt: row.firstContactAt, firstActionAt: row.firstActionAt,
    closedAt: row.closedAt, closureReason: row.closure?.reason, acknowledgedAt: row.acknowledgedAt, reopenedAt: row.reopenedAt ?? [], closedDates,
    ...(row.pastClosures?.length ? { pastClosures: row.pastClosures.map((p) => ({ closedAt: p.closedAt, reason: p.reason })) } : {}),
  }
}

type CachedTable = 'caseParties' | 'assessments' | 'formalActions' | 'surveys'

interface ReportCache {
  cases?: Map<string, KpiCase>
  casesChanged: Set<string> | 'all'
  /** Party links of people who are party to more than one case (only they can make a repeat report). */
  sharedParties?: KpiParty[]
  vulnerabilityAssessed?: Set<string>
  formalActions?: KpiFormalAction[]
  eiaAssessments?: KpiAssessment[]
  surveys?: (KpiSurvey & { kind: string })[]
  dirty: Set<CachedTable>
  stop: () => void
}

const caches = new WeakMap<WorkstationDatabase, ReportCache>()

function cacheFor(database: WorkstationDatabase): ReportCache {
  const cached = caches.get(database)
  if (cached) return cached
  const created: ReportCache = { casesChanged: 'all', dirty: new Set(['caseParties', 'assessments', 'formalActions', 'surveys']), stop: () => {} }
  const stopCases = onCasesChanged((ids) => {
    if (ids === 'all' || created.casesChanged === 'all') created.casesChanged = 'all'
    else for (const id of ids) created.casesChanged.add(id)
  }, database)
  const tables: CachedTable[] = ['caseParties', 'assessments', 'formalActions', 'surveys']
  const listener = (parts: Record<string, unknown>) => {
    const keys = Object.keys(parts)
    for (const table of tables) if (keys.some((k) => k.startsWith(`idb://${database.name}/${table}/`))) created.dirty.add(table)
  }
  Dexie.on('storagemutated', listener)
  created.stop = () => {
    stopCases()
    Dexie.on.storagemutated.unsubscribe(listener)
  }
  caches.set(database, created)
  return created
}

/** Drops the in-memory copy (tests; or after a restore replaces the database). */
export function forgetReportCache(database: WorkstationDatabase = db): void {
  caches.get(database)?.stop()
  caches.delete(database)
}

async function refreshCases(cache: ReportCache, d: WorkstationDatabase): Promise<Map<string, KpiCase>> {
  if (!cache.cases || cache.casesChanged === 'all') {
    cache.casesChanged = new Set()
    const cases = new Map<string, KpiCase>()
    await d.cases.each((row) => {
      cases.set(row.id, toKpiCase(row as StoredCase))
    })
    cache.cases = cases
  } else if (cache.casesChanged.size > 0) {
    const ids = [...cache.casesChanged]
    cache.casesChanged = new Set()
    const rows = await d.cases.bulkGet(ids)
    ids.forEach((id, i) => {
      const row = rows[i]
      if (row) cache.cases!.set(id, toKpiCase(row as StoredCase))
      else cache.cases!.delete(id)
    })
  }
  return cache.cases
}

async function refreshTables(cache: ReportCache, d: WorkstationDatabase): Promise<void> {
  const dirty = new Set(cache.dirty)
  cache.dirty.clear()
  if (dirty.has('caseParties') || !cache.sharedParties) {
    // [caseId, personId] from the index alone: who is on more than one case. Only their party rows are read.
    const links = (await d.caseParties.orderBy('[caseId+personId]').keys()) as unknown as [string, string][]
    const casesOf = new Map<string, number>()
    for (const [, personId] of links) casesOf.set(personId, (casesOf.get(personId) ?? 0) + 1)
    const shared = [...casesOf.entries()].filter(([, n]) => n > 1).map(([personId]) => personId)
    const rows = shared.length === 0 ? [] : await d.caseParties.where('personId').anyOf(shared).toArray()
    cache.sharedParties = rows.map((p) => ({ caseId: p.caseId, personId: p.personId, role: p.role }))
  }
  if (dirty.has('formalActions') || !cache.formalActions) {
    cache.formalActions = (await d.formalActions.toArray()).map((a) => ({ id: String(a.id), caseId: String(a.caseId), kind: String(a.kind), status: String(a.status), createdAt: String(a.createdAt ?? '') }))
    dirty.add('assessments')
  }
  if (dirty.has('assessments') || !cache.vulnerabilityAssessed || !cache.eiaAssessments) {
    // Index keys ([caseId, kind]) only: the answers of big assessments are never read.
    const keys = (await d.assessments.orderBy('[caseId+kind]').keys()) as unknown as [string, string][]
    cache.vulnerabilityAssessed = new Set(keys.filter(([, kind]) => kind === 'vulnerability').map(([caseId]) => caseId))
    const actionIds = cache.formalActions.map((a) => a.id)
    const eia = actionIds.length === 0 ? [] : await d.assessments.where('formalActionId').anyOf(actionIds).toArray()
    cache.eiaAssessments = eia.map((a) => ({ caseId: a.caseId, kind: a.kind, formalActionId: a.formalActionId, completed: Boolean(a.completedAt) }))
  }
  if (dirty.has('surveys') || !cache.surveys) {
    cache.surveys = (await d.surveys.toArray()).map((s) => {
      const tp12 = (s.answers as { tp12?: unknown } | undefined)?.tp12
      return { kind: String(s.kind), caseId: String(s.caseId), answeredAt: typeof s.answeredAt === 'string' ? s.answeredAt : undefined, tp12: typeof tp12 === 'number' ? tp12 : undefined }
    })
  }
}

/** Is the case any use to a report on the period: opened by its end, and not closed for good before it began? */
function matters(c: KpiCase, period: Pick<ReportPeriod, 'from' | 'to'>): boolean {
  if (c.openedAt.slice(0, 10) > period.to) return false
  if (c.status === 'open') return true
  return c.closedDates.some((d) => d.slice(0, 10) >= period.from) || c.reopenedAt.some((d) => d.slice(0, 10) >= period.from)
}

/** Reads what `kpiReport` needs for one period (whole organisation; officer filtering is in the domain). */
export async function readKpiInput(period: Pick<ReportPeriod, 'from' | 'to'>, database: WorkstationDatabase = db): Promise<KpiInput> {
  const organisation = await readSettings(organisationSettings, database)
  const cache = cacheFor(database)
  const all = await database.transaction('r', [database.cases, database.caseParties, database.assessments, database.formalActions, database.surveys], async () => {
    const cases = await refreshCases(cache, database)
    await refreshTables(cache, database)
    return cases
  })
  const cases = [...all.values()].filter((c) => matters(c, period))
  const caseIds = new Set(cases.map((c) => c.id))
  const formalActions = cache.formalActions!.filter((a) => caseIds.has(a.caseId))
  const assessments: KpiAssessment[] = [
    ...cases.filter((c) => cache.vulnerabilityAssessed!.has(c.id)).map((c) => ({ caseId: c.id, kind: 'vulnerability', completed: true })),
    ...cache.eiaAssessments!.filter((a) => caseIds.has(a.caseId)),
  ]
  // The documents feature stamps `acknowledgedAt` on the case when the first final (not draft)
  // acknowledgement letter is stored, so the letters' bytes are never read here.
  const acknowledgements: KpiAcknowledgement[] = cases.filter((c) => c.acknowledgedAt).map((c) => ({ caseId: c.id, sentAt: c.acknowledgedAt! }))
  const surveys = cache.surveys!
    .filter((s) => s.kind === 'satisfaction' && s.answeredAt !== undefined && s.answeredAt.slice(0, 10) >= period.from && s.answeredAt.slice(0, 10) <= period.to)
    .map((s) => ({ caseId: s.caseId, answeredAt: s.answeredAt, tp12: s.tp12, officerId: all.get(s.caseId)?.officerId }))
  const parties = cache.sharedParties!.filter((p) => caseIds.has(p.caseId))
  return { cases, parties, assessments, formalActions, acknowledgements, surveys, homesOwned: organisation.homesOwned }
}

/** Every party link of the given cases (for the equality tables, read on request). */
export async function readPartiesOf(caseIds: Set<string>, database: WorkstationDatabase = db): Promise<KpiParty[]> {
  const out: KpiParty[] = []
  await database.caseParties.each((p) => {
    if (caseIds.has(p.caseId)) out.push({ caseId: p.caseId, personId: p.personId, role: p.role })
  })
  return out
}

/**
 * Protected characteristics of victims and perpetrators on the given cases, only where the person
 * consented to them being recorded. Read on request (special-category data).
 */
export async function readCharacteristics(parties: KpiParty[], database: WorkstationDatabase = db): Promise<KpiPersonCharacteristics[]> {
  const ids = [...new Set(parties.map((p) => p.personId))]
  const people = await database.people.bulkGet(ids)
  const out: KpiPersonCharacteristics[] = []
  for (const person of people) {
    const pc = person?.protectedCharacteristics
    if (person && pc?.consentGiven) out.push({ personId: person.id, values: pc.values })
  }
  return out
}
