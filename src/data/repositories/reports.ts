import type { AsbCase } from '@/domain/cases'
import type { KpiInput } from '@/domain/kpis/report'
import type { ReportPeriod } from '@/domain/kpis/periods'
import type { KpiAcknowledgement, KpiAssessment, KpiCase, KpiFormalAction, KpiParty, KpiPersonCharacteristics, KpiSurvey } from '@/domain/kpis/rows'
import { organisationSettings } from '@/domain/settings/organisation'
import { db, type WorkstationDatabase } from '../db'
import { readSettings } from './settings'

/**
 * Fast reads for the Reports screen. A year's KPIs over 50,000 cases must come back in under a
 * second (DESIGN quality bars), so every read goes through an index for the period and keeps only
 * the fields the KPIs use; whole tables are read only where rows are small (parties, surveys).
 */

type StoredCase = AsbCase & { pastClosures?: { closedAt: string }[] }

/** The fields the KPIs need from a case row. Earlier closures of reopened cases come from closure's `pastClosures`. */
export function toKpiCase(row: StoredCase): KpiCase {
  const closedDates = [...(row.pastClosures ?? []).map((c) => c.closedAt), ...(row.closedAt ? [row.closedAt] : [])].sort()
  return {
    id: row.id, ref: row.ref, officerId: row.officerId, category: row.category, route: row.route, riskBand: row.riskBand,
    hateRelated: row.hateRelated, status: row.status, openedAt: row.openedAt, firstContactDue: row.firstContactDue,
    acknowledgementDue: row.acknowledgementDue, firstContactAt: row.firstContactAt, firstActionAt: row.firstActionAt,
    closedAt: row.closedAt, closureReason: row.closure?.reason, acknowledgedAt: row.acknowledgedAt, reopenedAt: row.reopenedAt ?? [], closedDates,
  }
}

/**
 * Every case that matters for the period: opened in it, closed on or after its start, or open now
 * (which covers cases open at its end and cases reopened in it). Rows already read are not read
 * twice: the second and third sets are found by key and fetched only when new.
 */
async function casesForPeriod(period: Pick<ReportPeriod, 'from' | 'to'>, d: WorkstationDatabase): Promise<KpiCase[]> {
  const openedIn = await d.cases.where('openedAt').between(period.from, `${period.to}\uffff`, true, true).toArray()
  const seen = new Set(openedIn.map((c) => c.id))
  const [closedSince, openNow] = await Promise.all([
    d.cases.where('closedAt').aboveOrEqual(period.from).primaryKeys(),
    d.cases.where('status').equals('open').primaryKeys(),
  ])
  const more = [...new Set([...closedSince, ...openNow])].filter((id) => !seen.has(id))
  const extra = (await d.cases.bulkGet(more)).filter((c): c is AsbCase => c !== undefined && c.openedAt.slice(0, 10) <= period.to)
  return [...openedIn, ...extra].map((row) => toKpiCase(row as StoredCase))
}

/** Reads what `kpiReport` needs for one period (whole organisation; officer filtering is in the domain). */
export async function readKpiInput(period: Pick<ReportPeriod, 'from' | 'to'>, database: WorkstationDatabase = db): Promise<KpiInput> {
  const organisation = await readSettings(organisationSettings, database)
  return database.transaction('r', [database.cases, database.caseParties, database.assessments, database.formalActions, database.surveys], async () => {
    const cases = await casesForPeriod(period, database)
    const caseIds = new Set(cases.map((c) => c.id))
    const [partyRows, assessmentKeys, actionRows, surveyRows] = await Promise.all([
      database.caseParties.toArray(),
      // Index keys only ([caseId, kind]): the answers of big assessments are never read.
      database.assessments.orderBy('[caseId+kind]').keys(),
      database.formalActions.toArray(),
      database.surveys.toArray(),
    ])
    const parties: KpiParty[] = partyRows.filter((p) => caseIds.has(p.caseId)).map((p) => ({ caseId: p.caseId, personId: p.personId, role: p.role }))
    const formalActions: KpiFormalAction[] = actionRows
      .filter((a) => caseIds.has(String(a.caseId)))
      .map((a) => ({ id: String(a.id), caseId: String(a.caseId), kind: String(a.kind), status: String(a.status), createdAt: String(a.createdAt ?? '') }))
    const actionIds = formalActions.map((a) => a.id)
    const eiaRows = actionIds.length === 0 ? [] : await database.assessments.where('formalActionId').anyOf(actionIds).toArray()
    const assessments: KpiAssessment[] = [
      ...(assessmentKeys as unknown as [string, string][]).filter(([caseId, kind]) => kind === 'vulnerability' && caseIds.has(caseId)).map(([caseId, kind]) => ({ caseId, kind, completed: true })),
      ...eiaRows.map((a) => ({ caseId: a.caseId, kind: a.kind, formalActionId: a.formalActionId, completed: Boolean(a.completedAt) })),
    ]
    // The documents feature stamps `acknowledgedAt` on the case when the first final (not draft)
    // acknowledgement letter is stored, so the letters' bytes are never read here.
    const acknowledgements: KpiAcknowledgement[] = cases.filter((c) => c.acknowledgedAt).map((c) => ({ caseId: c.id, sentAt: c.acknowledgedAt! }))
    const answered = surveyRows.filter((s) => s.kind === 'satisfaction' && typeof s.answeredAt === 'string' && String(s.answeredAt).slice(0, 10) >= period.from && String(s.answeredAt).slice(0, 10) <= period.to)
    const officerOf = new Map(cases.map((c) => [c.id, c.officerId]))
    const missing = [...new Set(answered.map((s) => String(s.caseId)).filter((id) => !officerOf.has(id)))]
    for (const c of await database.cases.bulkGet(missing)) if (c) officerOf.set(c.id, c.officerId)
    const surveys: (KpiSurvey & { officerId?: string })[] = answered.map((s) => {
      const tp12 = (s.answers as { tp12?: unknown } | undefined)?.tp12
      return { caseId: String(s.caseId), answeredAt: String(s.answeredAt), tp12: typeof tp12 === 'number' ? tp12 : undefined, officerId: officerOf.get(String(s.caseId)) }
    })
    return { cases, parties, assessments, formalActions, acknowledgements, surveys, homesOwned: organisation.homesOwned }
  })
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
