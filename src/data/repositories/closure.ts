import { format } from 'date-fns'
import { z } from 'zod'
import { defaultCalendar } from '@/domain/calendarData'
import type { CaseFile } from '@/domain/caseFile'
import {
  afterClosureDates, closureChecks, closureRefusalMessage, followUpOutcomes, followUpOutstanding, isFollowUp,
  isRepeatReopening, isSatisfactionSurvey, maliciousRecords, reasonByKey, reopenProblem, reporterOf, surveyOutstanding, unmetChecks,
  type CaseWithClosureHistory, type ClosureCheck, type ClosureRequest, type FollowUpContact, type MaliciousInvestigationNote,
  type MaliciousReviewNote, type PastClosure, type SatisfactionScore, type SatisfactionSurvey,
} from '@/domain/closure'
import { fullName } from '@/domain/people'
import { closureSettings, type ClosureSettings } from '@/domain/settings/closure'
import type { TodayItem } from '@/domain/today'
import { parseOrRefuse, PolicyRefusal, ValidationError } from '@/domain/validation'
import { requireDifferentPerson, requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'
import { confirmIdentity } from './users'
import { readSettings } from './settings'

/**
 * Closing, reviewing and reopening cases, and what follows closure (survey, follow-up).
 * Every pre-closure check runs here, in the data layer, inside the closing transaction: the Close
 * case screen shows the same checks, but calling this directly cannot skip them. [POLICY-RULES §6]
 */

/** Case-record writes refuse the legal role (contracts). */
const CASE_WRITERS = ['officer', 'manager', 'administrator'] as const

function localToday(): string {
  return format(new Date(), 'yyyy-MM-dd')
}

const isoDate = z.iso.date('must be a date (YYYY-MM-DD)')
const id = (message = 'is required') => z.string().min(1, message).max(100, 'is not a valid id')
const text = (max: number) => z.string().trim().max(max, `must be ${max} characters or fewer`)

export const closeCaseSchema = z.object({
  caseId: id(),
  reasonKey: z.string().trim().min(1, 'choose a reason for closing').max(60, 'is not one of the closure reasons'),
  closedOn: isoDate,
  note: text(4000).default(''),
  /** Why each open action-plan item or unsent document is left as it is, keyed by its id. */
  explanations: z.record(z.string().max(100, 'is not a valid id'), text(1000)).default({}),
})
export type CloseCaseInput = z.input<typeof closeCaseSchema>

type ChecksFile = Pick<CaseFile, 'case' | 'parties' | 'incidents' | 'contacts' | 'actions' | 'documents' | 'notes'>

/** Reads what the checks need, in whatever transaction is open (the caller lists the tables). */
async function readChecksFile(d: WorkstationDatabase, caseId: string): Promise<ChecksFile | undefined> {
  const found = await d.cases.get(caseId)
  if (!found) return undefined
  const parties = await d.caseParties.where('caseId').equals(caseId).toArray()
  const people = await d.people.bulkGet(parties.map((p) => p.personId))
  const documents: CaseFile['documents'] = []
  await d.documents.where('caseId').equals(caseId).each((doc) => {
    const { bytes: _bytes, ...meta } = doc
    documents.push(meta)
  })
  return {
    case: found,
    parties: parties.flatMap((p, i) => (people[i] ? [{ ...p, person: people[i] }] : [])),
    incidents: await d.incidents.where('caseId').equals(caseId).toArray(),
    contacts: await d.contacts.where('caseId').equals(caseId).toArray(),
    actions: await d.actions.where('caseId').equals(caseId).toArray(),
    documents,
    notes: await d.notes.where('caseId').equals(caseId).toArray(),
  }
}

const checkTables = (d: WorkstationDatabase) => [d.cases, d.caseParties, d.people, d.incidents, d.contacts, d.actions, d.documents, d.notes]

/** The checks as they stand, for the Close case screen (read-only). */
export async function previewClosureChecks(request: ClosureRequest & { caseId: string }, database: WorkstationDatabase = db, today = localToday()): Promise<ClosureCheck[]> {
  const settings = await readSettings(closureSettings, database)
  const file = await database.transaction('r', checkTables(database), () => readChecksFile(database, request.caseId))
  if (!file) throw new ValidationError('The closure', [{ field: 'caseId', message: 'no such case' }])
  return closureChecks({ file, settings, calendar: defaultCalendar, today }, request)
}

export interface ClosureResult {
  case: CaseWithClosureHistory
  survey?: SatisfactionSurvey
  followUp?: FollowUpContact
  checks: ClosureCheck[]
}

/**
 * Closes a case. Refuses (PolicyRefusal naming every unmet check) unless every check passes; on
 * success sets the status and closure, and schedules the satisfaction survey and the proactive
 * follow-up contact with the reporter [003 §3.7, §9.1] — all in one audited transaction.
 */
export async function closeCase(input: CloseCaseInput, by: string, database: WorkstationDatabase = db, today = localToday()): Promise<ClosureResult> {
  const valid = parseOrRefuse(closeCaseSchema, input, 'The closure')
  const settings: ClosureSettings = await readSettings(closureSettings, database)
  return auditedWrite(by, (d) => [...checkTables(d), d.surveys, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Closing a case', d)
    const file = await readChecksFile(d, valid.caseId)
    if (!file) throw new ValidationError('The closure', [{ field: 'caseId', message: 'no such case' }])
    const checks = closureChecks({ file, settings, calendar: defaultCalendar, today }, valid)
    if (unmetChecks(checks).length > 0) throw new PolicyRefusal(closureRefusalMessage(file.case.ref, checks))

    const reason = reasonByKey(settings, valid.reasonKey)!
    const now = nowIso()
    const before = file.case
    const closed: CaseWithClosureHistory = {
      ...before,
      status: 'closed',
      closedAt: valid.closedOn,
      closure: { reason: reason.label, reasonKey: reason.key, closedAt: valid.closedOn, closedBy: by, note: valid.note, explanations: valid.explanations },
      updatedAt: now,
    }
    await d.cases.put(closed)

    const reporter = reporterOf(file)
    const dates = afterClosureDates(valid.closedOn, settings, defaultCalendar)
    let survey: SatisfactionSurvey | undefined
    let followUp: FollowUpContact | undefined
    // Nobody to survey or follow up on an anonymous report.
    if (reporter) {
      survey = { id: newId(), caseId: before.id, kind: 'satisfaction', personId: reporter.personId, dueAt: dates.surveyDue, createdBy: by, createdAt: now }
      followUp = { id: newId(), caseId: before.id, kind: 'follow-up', personId: reporter.personId, dueAt: dates.followUpDue, createdBy: by, createdAt: now }
      await d.surveys.bulkAdd([survey, followUp] as unknown as { id: string }[])
    }
    await audit({
      caseId: before.id, entity: 'case', entityId: before.id, action: 'closed',
      before: { status: before.status }, after: { status: 'closed', closure: closed.closure, checks: checks.map((c) => ({ check: c.title, status: c.status, message: c.message })) },
    })
    if (survey) await audit({ caseId: before.id, entity: 'survey', entityId: survey.id, action: 'scheduled', after: survey })
    if (followUp) await audit({ caseId: before.id, entity: 'follow-up', entityId: followUp.id, action: 'scheduled', after: followUp })
    return { case: closed, survey, followUp, checks }
  }, database)
}

export const maliciousInvestigationSchema = z.object({
  caseId: id(),
  text: text(8000).min(20, 'must describe the investigation (at least 20 characters)'),
})

/** The documented investigation a malicious-report closure needs. [001 §11.4] */
export async function recordMaliciousInvestigation(input: z.input<typeof maliciousInvestigationSchema>, by: string, database: WorkstationDatabase = db): Promise<MaliciousInvestigationNote> {
  const valid = parseOrRefuse(maliciousInvestigationSchema, input, 'The investigation note')
  return auditedWrite(by, (d) => [d.cases, d.notes, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Recording an investigation', d)
    const found = await d.cases.get(valid.caseId)
    if (!found) throw new ValidationError('The investigation note', [{ field: 'caseId', message: 'no such case' }])
    if (found.status !== 'open') throw new PolicyRefusal(`${found.ref} is closed; reopen it before adding to the investigation.`)
    const note: MaliciousInvestigationNote = { id: newId(), caseId: found.id, kind: 'malicious investigation', text: valid.text, by, at: nowIso() }
    await d.notes.add(note as unknown as { id: string })
    await audit({ caseId: found.id, entity: 'note', entityId: note.id, action: 'malicious investigation recorded', after: note })
    return note
  }, database)
}

export const maliciousReviewSchema = z.object({
  caseId: id(),
  reviewerId: id('choose the reviewing manager'),
  passphrase: z.string().min(1, 'the reviewing manager must type their passphrase').max(256, 'is too long'),
  decision: z.enum(['agreed', 'not agreed'], { message: 'must be agreed or not agreed' }),
  text: text(4000).min(10, 'must give the reasons for the decision (at least 10 characters)'),
})

/**
 * The managerial review of a malicious-report investigation: four-eyes, enforced here. The
 * reviewer confirms who they are with their passphrase, must hold the manager role, and must be
 * neither the case officer nor the investigation's author. [001 §11.4]
 */
export async function recordMaliciousReview(input: z.input<typeof maliciousReviewSchema>, database: WorkstationDatabase = db): Promise<MaliciousReviewNote> {
  const valid = parseOrRefuse(maliciousReviewSchema, input, 'The managerial review')
  // PBKDF2 runs before the transaction (WebCrypto must not be awaited inside one).
  const reviewer = await confirmIdentity(valid.reviewerId, valid.passphrase, database)
  return auditedWrite(reviewer.id, (d) => [d.cases, d.notes, d.users], async ({ database: d, audit }) => {
    await requireRole(reviewer.id, ['manager'], 'Reviewing a malicious-report closure', d)
    const found = await d.cases.get(valid.caseId)
    if (!found) throw new ValidationError('The managerial review', [{ field: 'caseId', message: 'no such case' }])
    if (found.status !== 'open') throw new PolicyRefusal(`${found.ref} is already closed.`)
    const { investigation } = maliciousRecords(await d.notes.where('caseId').equals(found.id).toArray())
    if (!investigation) throw new PolicyRefusal('There is no investigation note to review yet; the case officer must write it first.')
    requireDifferentPerson(found.officerId, reviewer.id, 'The managerial review of a malicious-report closure (the officer cannot be their own reviewer)')
    requireDifferentPerson(investigation.by, reviewer.id, 'The managerial review of a malicious-report closure (the investigator cannot review their own investigation)')
    const note: MaliciousReviewNote = {
      id: newId(), caseId: found.id, kind: 'malicious review', investigationId: investigation.id, decision: valid.decision, text: valid.text,
      by: reviewer.id, byName: reviewer.name, at: nowIso(),
    }
    await d.notes.add(note as unknown as { id: string })
    await audit({ caseId: found.id, entity: 'note', entityId: note.id, action: `malicious review: ${valid.decision}`, after: note })
    return note
  }, database)
}

export const reopenCaseSchema = z.object({
  caseId: id(),
  reopenedOn: isoDate,
  reason: text(2000).min(5, 'must say why the case is reopened'),
})

export interface ReopenResult {
  case: CaseWithClosureHistory
  /** Reopened within the repeat window of the closure (KPI: repeat incidents within 90 days). */
  repeat: boolean
}

/**
 * Reopens a closed case without starting again [003 §3.7]: same reference, history and parties.
 * The closure is kept in `pastClosures` with whether this is a repeat within the window; the
 * reopening date is appended to `reopenedAt` (contracts). Unsent surveys and pending follow-ups for
 * the closure are cancelled: the case is live again.
 */
export async function reopenCase(input: z.input<typeof reopenCaseSchema>, by: string, database: WorkstationDatabase = db, today = localToday()): Promise<ReopenResult> {
  const valid = parseOrRefuse(reopenCaseSchema, input, 'The reopening')
  const settings = await readSettings(closureSettings, database)
  return auditedWrite(by, (d) => [d.cases, d.surveys, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Reopening a case', d)
    const found = (await d.cases.get(valid.caseId)) as CaseWithClosureHistory | undefined
    if (!found) throw new ValidationError('The reopening', [{ field: 'caseId', message: 'no such case' }])
    const problem = reopenProblem(found, valid.reopenedOn, today)
    if (problem) throw new PolicyRefusal(problem)
    const closedAt = found.closedAt ?? found.closure?.closedAt ?? valid.reopenedOn
    const repeat = isRepeatReopening(closedAt, valid.reopenedOn, settings.repeatWindowDays)
    const past: PastClosure = {
      ...(found.closure ?? { reason: 'unknown', closedBy: '', note: '' }),
      closedAt, reopenedAt: valid.reopenedOn, reopenedBy: by, reopenReason: valid.reason, repeatWithinWindow: repeat,
    }
    const { closedAt: _closedAt, closure: _closure, ...rest } = found
    const reopened: CaseWithClosureHistory = {
      ...rest,
      status: 'open',
      reopenedAt: [...(found.reopenedAt ?? []), valid.reopenedOn],
      pastClosures: [...(found.pastClosures ?? []), past],
      updatedAt: nowIso(),
    }
    await d.cases.put(reopened)
    const now = nowIso()
    for (const row of await d.surveys.where('caseId').equals(found.id).toArray()) {
      const cancel = (isSatisfactionSurvey(row) && surveyOutstanding(row) && !row.sentAt) || (isFollowUp(row) && followUpOutstanding(row))
      if (cancel) {
        await d.surveys.update(row.id, { cancelledAt: now, cancelledReason: 'case reopened' })
        await audit({ caseId: found.id, entity: String(row.kind), entityId: row.id, action: 'cancelled: case reopened' })
      }
    }
    await audit({
      caseId: found.id, entity: 'case', entityId: found.id, action: 'reopened',
      before: { status: 'closed', closedAt, closure: found.closure }, after: { status: 'open', reopenedOn: valid.reopenedOn, reason: valid.reason, repeatWithinWindow: repeat },
    })
    return { case: reopened, repeat }
  }, database)
}

async function loadSurveyRow(d: WorkstationDatabase, id: string, what: string) {
  const row = await d.surveys.get(id)
  if (!row) throw new ValidationError(what, [{ field: 'id', message: 'no such survey or follow-up' }])
  return row
}

export const surveySentSchema = z.object({
  surveyId: id(),
  sentOn: isoDate,
  method: text(60).min(1, 'say how it was sent'),
})

export async function recordSurveySent(input: z.input<typeof surveySentSchema>, by: string, database: WorkstationDatabase = db): Promise<SatisfactionSurvey> {
  const valid = parseOrRefuse(surveySentSchema, input, 'The survey')
  return auditedWrite(by, (d) => [d.surveys, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Recording a survey', d)
    const row = await loadSurveyRow(d, valid.surveyId, 'The survey')
    if (!isSatisfactionSurvey(row)) throw new ValidationError('The survey', [{ field: 'surveyId', message: 'is not a satisfaction survey' }])
    if (row.cancelledAt) throw new PolicyRefusal('This survey was cancelled because the case was reopened.')
    const updated: SatisfactionSurvey = { ...row, sentAt: valid.sentOn, sentMethod: valid.method }
    await d.surveys.put(updated as unknown as { id: string })
    await audit({ caseId: row.caseId, entity: 'survey', entityId: row.id, action: 'sent', before: row, after: updated })
    return updated
  }, database)
}

const score = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], { message: 'must be from 1 (very dissatisfied) to 5 (very satisfied)' })

export const surveyAnswersSchema = z.object({
  surveyId: id(),
  answeredOn: isoDate,
  answers: z.record(z.string().max(40, 'is not a survey question'), score),
  comments: text(4000).default(''),
})

/** Records the reporter's answers (TP12 and the others, 1–5). Reports read `answers.tp12`. */
export async function recordSurveyAnswers(input: z.input<typeof surveyAnswersSchema>, by: string, database: WorkstationDatabase = db): Promise<SatisfactionSurvey> {
  const valid = parseOrRefuse(surveyAnswersSchema, input, 'The survey answers')
  const settings = await readSettings(closureSettings, database)
  const known = new Set(settings.surveyQuestions.map((q) => q.key))
  const unknown = Object.keys(valid.answers).filter((k) => !known.has(k))
  if (unknown.length) throw new ValidationError('The survey answers', unknown.map((k) => ({ field: `answers.${k}`, message: 'is not one of the survey questions in Settings' })))
  if (Object.keys(valid.answers).length === 0) throw new ValidationError('The survey answers', [{ field: 'answers', message: 'answer at least one question, or record that the survey was declined' }])
  return auditedWrite(by, (d) => [d.surveys, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Recording survey answers', d)
    const row = await loadSurveyRow(d, valid.surveyId, 'The survey answers')
    if (!isSatisfactionSurvey(row)) throw new ValidationError('The survey answers', [{ field: 'surveyId', message: 'is not a satisfaction survey' }])
    if (row.cancelledAt) throw new PolicyRefusal('This survey was cancelled because the case was reopened.')
    if (row.answeredAt) throw new PolicyRefusal(`This survey was already answered on ${row.answeredAt}.`)
    const updated: SatisfactionSurvey = {
      ...row, sentAt: row.sentAt ?? valid.answeredOn, answeredAt: valid.answeredOn, answers: valid.answers as Record<string, SatisfactionScore>, comments: valid.comments,
    }
    await d.surveys.put(updated as unknown as { id: string })
    await audit({ caseId: row.caseId, entity: 'survey', entityId: row.id, action: 'answered', before: row, after: updated })
    return updated
  }, database)
}

export const surveyDeclinedSchema = z.object({ surveyId: id(), declinedOn: isoDate })

/** The reporter did not want to answer: the survey leaves the Today panel and counts as no response. */
export async function recordSurveyDeclined(input: z.input<typeof surveyDeclinedSchema>, by: string, database: WorkstationDatabase = db): Promise<SatisfactionSurvey> {
  const valid = parseOrRefuse(surveyDeclinedSchema, input, 'The survey')
  return auditedWrite(by, (d) => [d.surveys, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Recording a survey', d)
    const row = await loadSurveyRow(d, valid.surveyId, 'The survey')
    if (!isSatisfactionSurvey(row) || !surveyOutstanding(row)) throw new PolicyRefusal('This survey is already answered, declined or cancelled.')
    const updated: SatisfactionSurvey = { ...row, declinedAt: valid.declinedOn }
    await d.surveys.put(updated as unknown as { id: string })
    await audit({ caseId: row.caseId, entity: 'survey', entityId: row.id, action: 'declined', before: row, after: updated })
    return updated
  }, database)
}

export const followUpSchema = z.object({
  followUpId: id(),
  doneOn: isoDate,
  outcome: z.enum(followUpOutcomes, { message: 'choose what the follow-up found' }),
  method: text(60).min(1, 'say how you made contact'),
  note: text(4000).default(''),
})

/** The proactive follow-up after closure [003 §3.7]; if problems have returned, the case can be reopened. */
export async function recordFollowUp(input: z.input<typeof followUpSchema>, by: string, database: WorkstationDatabase = db): Promise<FollowUpContact> {
  const valid = parseOrRefuse(followUpSchema, input, 'The follow-up')
  return auditedWrite(by, (d) => [d.surveys, d.cases, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Recording a follow-up', d)
    const row = await loadSurveyRow(d, valid.followUpId, 'The follow-up')
    if (!isFollowUp(row)) throw new ValidationError('The follow-up', [{ field: 'followUpId', message: 'is not a follow-up contact' }])
    if (!followUpOutstanding(row)) throw new PolicyRefusal('This follow-up is already recorded or was cancelled.')
    const found = await d.cases.get(row.caseId)
    if (found?.closedAt && valid.doneOn < found.closedAt.slice(0, 10)) {
      throw new ValidationError('The follow-up', [{ field: 'doneOn', message: 'must be on or after the day the case was closed' }])
    }
    const updated: FollowUpContact = { ...row, doneAt: valid.doneOn, outcome: valid.outcome, method: valid.method, note: valid.note }
    await d.surveys.put(updated as unknown as { id: string })
    await audit({ caseId: row.caseId, entity: 'follow-up', entityId: row.id, action: 'recorded', before: row, after: updated })
    return updated
  }, database)
}

/**
 * Today panel items: satisfaction surveys and follow-up contacts due by `horizon` (or overdue) on
 * the officer's cases.
 */
export async function closureTodayItems(context: { officerId: string; today: string; horizon: string }, database: WorkstationDatabase = db): Promise<TodayItem[]> {
  const due = (await database.surveys.where('dueAt').belowOrEqual(context.horizon).toArray()).filter(
    // A survey is the officer's task until it is sent (or answered by phone, or declined).
    (r) => (isSatisfactionSurvey(r) && surveyOutstanding(r) && !r.sentAt) || (isFollowUp(r) && followUpOutstanding(r)),
  ) as unknown as (SatisfactionSurvey | FollowUpContact)[]
  if (due.length === 0) return []
  const cases = await database.cases.bulkGet([...new Set(due.map((r) => r.caseId))])
  const byId = new Map(cases.filter((c) => c !== undefined).map((c) => [c.id, c]))
  const people = await database.people.bulkGet([...new Set(due.map((r) => r.personId ?? ''))])
  const names = new Map(people.filter((p) => p !== undefined).map((p) => [p.id, fullName(p)]))
  const items: TodayItem[] = []
  for (const row of due) {
    const c = byId.get(row.caseId)
    // A survey or follow-up belongs to a closed case; if it was reopened these were cancelled.
    if (!c || c.officerId !== context.officerId) continue
    const who = names.get(row.personId ?? '') ?? 'the reporter'
    items.push({
      kind: row.kind === 'satisfaction' ? 'satisfaction survey' : 'follow-up contact',
      caseId: c.id,
      caseRef: c.ref,
      due: row.dueAt,
      overdue: row.dueAt < context.today,
      label: row.kind === 'satisfaction' ? `Satisfaction survey for ${who} due` : `Follow-up contact with ${who} due`,
      officerId: c.officerId,
    })
  }
  return items
}
