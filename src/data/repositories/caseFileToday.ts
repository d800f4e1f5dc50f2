import type { AsbCase } from '@/domain/cases'
import { caseReviewStatus } from '@/domain/caseReview'
import { policySettings } from '@/domain/settings/policy'
import type { TodayItem } from '@/domain/today'
import { ukDate } from '@/domain/workingDays'
import { db, type WorkstationDatabase } from '../db'
import { readSettings } from './settings'

export interface TodayContext {
  officerId: string
  today: string
  horizon: string
}

async function openCasesOf(officerId: string, database: WorkstationDatabase): Promise<AsbCase[]> {
  return database.cases.where('[status+officerId]').equals(['open', officerId]).toArray()
}

/**
 * Today items from the case file: first contacts, acknowledgements and agreed updates that are
 * overdue or due by the horizon, open action-plan items, and ASB Case Review notices not yet given.
 */
export async function caseFileTodayItems(context: TodayContext, database: WorkstationDatabase = db): Promise<TodayItem[]> {
  const { officerId, today, horizon } = context
  const cases = await openCasesOf(officerId, database)
  const items: TodayItem[] = []
  const item = (c: AsbCase, kind: TodayItem['kind'], due: string, label: string) => items.push({ kind, caseId: c.id, caseRef: c.ref, due, overdue: due < today, label, officerId })
  for (const c of cases) {
    if (!c.firstContactAt && c.firstContactDue <= horizon) item(c, 'first contact', c.firstContactDue, `First contact with the reporter due ${ukDate(c.firstContactDue)}`)
    if (!c.acknowledgedAt && c.acknowledgementDue <= horizon) item(c, 'acknowledgement', c.acknowledgementDue, `Acknowledgement letter due ${ukDate(c.acknowledgementDue)}`)
    if (c.nextUpdateDue && c.nextUpdateDue <= horizon) item(c, 'agreed update', c.nextUpdateDue, `Agreed update to the reporter due ${ukDate(c.nextUpdateDue)}${c.contactFrequencyMethod ? ` (${c.contactFrequencyMethod})` : ''}`)
  }
  // Acknowledgement letters already produced count as sent, even before the case is marked.
  const ackIds = new Set((await database.documents.where('kind').equals('acknowledgement').toArray()).map((d) => d.caseId))
  const withoutSent = items.filter((i) => !(i.kind === 'acknowledgement' && ackIds.has(i.caseId)))

  const byId = new Map(cases.map((c) => [c.id, c]))
  const actions = await database.actions.where('[status+due]').between(['open', ''], ['open', horizon], true, true).toArray()
  for (const a of actions) {
    const c = byId.get(a.caseId)
    if (c) withoutSent.push({ kind: 'action', caseId: c.id, caseRef: c.ref, due: a.due, overdue: a.due < today, label: `Action due ${ukDate(a.due)}: ${a.what} (${a.owner})`, officerId })
  }

  // Intervention reviews (e.g. an ABA's review date) sit on the case clock until recorded.
  const interventions = cases.length ? await database.interventions.where('caseId').anyOf(cases.map((c) => c.id)).toArray() : []
  for (const v of interventions) {
    const c = byId.get(v.caseId)
    if (c && v.reviewDue && !v.review && v.reviewDue <= horizon) {
      withoutSent.push({ kind: 'review', caseId: c.id, caseRef: c.ref, due: v.reviewDue, overdue: v.reviewDue < today, label: `Review of the ${v.kind} due ${ukDate(v.reviewDue)}`, officerId })
    }
  }

  const policy = await readSettings(policySettings, database)
  const incidents = cases.length ? await database.incidents.where('caseId').anyOf(cases.map((c) => c.id)).toArray() : []
  const byCase = new Map<string, typeof incidents>()
  for (const i of incidents) if (i.reportedBy) byCase.set(i.caseId, [...(byCase.get(i.caseId) ?? []), i])
  for (const [caseId, list] of byCase) {
    if (list.length < 2) continue
    const c = byId.get(caseId)!
    const statuses = caseReviewStatus(list.map((i) => ({ personId: i.reportedBy!, occurredAt: i.occurredAt, reportedAt: i.reportedAt ?? i.createdAt })), today, policy.caseReview)
    for (const s of statuses) {
      if (!s.mustTellAboutReview || (c.caseReviewNoticeGivenAt && c.caseReviewNoticeGivenAt >= s.tellDueFrom!)) continue
      withoutSent.push({ kind: 'case review notice', caseId, caseRef: c.ref, due: s.tellDueFrom!, overdue: s.tellDueFrom! < today, label: s.reviewCanBeRequested ? 'ASB Case Review threshold met: tell the reporter they can request a review' : 'Second report: tell the reporter about the ASB Case Review', officerId })
    }
  }
  return withoutSent
}
