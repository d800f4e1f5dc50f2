import { addDays, format, parseISO } from 'date-fns'
import { z } from 'zod'
import type { Assessment, DocumentRecord } from '@/domain/caseRecords'
import type { CaseFile } from '@/domain/caseFile'
import { sha256Hex } from '@/domain/audit'
import { fullName } from '@/domain/people'
import type { TodayItem } from '@/domain/today'
import { defaultCalendar } from '@/domain/calendarData'
import { ukDate } from '@/domain/workingDays'
import { parseOrRefuse, PolicyRefusal, ValidationError } from '@/domain/validation'
import { organisationSettings } from '@/domain/settings/organisation'
import { enabledRegimes, kindsOffered, legalSettings, secondApprovalFor, type LegalSettings } from '@/domain/settings/legal'
import {
  absoluteGroundDeadlines, actionFingerprint, actionLabel, approverProblems, computeNoticeDates, eiaAnswersSchema, eiaProblems, formalActionKinds,
  groundChoiceSchema, groundsOffered, missedServiceDeadline, noticeActionKinds, proportionalityAnswersSchema, proportionalityGate, proportionalityProblems,
  methodWords, regimeFor, serviceMethods, shippedRuleSet, tenancySchema, tenureSchema,
  type Approval, type EiaAnswers, type FormalAction, type GateResult, type NoticeDates, type ProportionalityAnswers, type RuleSet,
} from '@/domain/formalAction'
import { buildNotice } from '@/documents/notices/possessionNotice'
import { buildInjunctionReferral } from '@/documents/notices/injunctionReferral'
import { requireDifferentPerson, requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso, type WriteContext } from '../write'
import { readSettings } from './settings'
import { loadCaseFile } from './caseFile'
import { confirmIdentity } from './users'

/**
 * Formal action behind the gate, enforced here and not only by hiding buttons: every function
 * refuses with a clear reason when the proportionality assessment, the EIA or another manager's
 * approval is missing, and any change after approval voids it (audited).
 * [POLICY-RULES §5; LEGAL-NOTES §4; 001 §10.3, 003 §5.3–5.4, §8.5]
 */
const CASE_WRITERS = ['officer', 'manager', 'administrator'] as const
const ruleSet: RuleSet = shippedRuleSet

const rows = (d: WorkstationDatabase) => d.formalActions as unknown as import('dexie').Table<FormalAction, string>

/**
 * The formal action's id, checked before any Table.get: IndexedDB throws a DataError on a key that
 * is not a string, which would reach the officer as a crash rather than a clear refusal.
 */
const formalActionIdSchema = z.object({ formalActionId: z.string({ message: 'must be a formal action id' }).min(1, 'is required').max(200, 'is not a formal action id') })

function checkActionId(actionId: unknown, what = 'The formal action'): string {
  return parseOrRefuse(formalActionIdSchema, { formalActionId: actionId }, what).formalActionId
}

async function loadAction(d: WorkstationDatabase, id: string): Promise<FormalAction> {
  checkActionId(id)
  const found = await rows(d).get(id)
  if (!found) throw new ValidationError('The formal action', [{ field: 'formalActionId', message: 'no such formal action' }])
  return found
}

/** Latest version of an assessment kind for an action (versions are kept; none is overwritten). */
export async function latestAssessment<A>(actionId: string, kind: 'proportionality' | 'eia', database: WorkstationDatabase = db): Promise<Assessment<A> | undefined> {
  const all = await database.assessments.where('formalActionId').equals(actionId).filter((a) => a.kind === kind).toArray()
  return all.sort((a, b) => b.version - a.version)[0] as Assessment<A> | undefined
}

export interface GateState {
  action: FormalAction
  proportionality?: Assessment<ProportionalityAnswers>
  eia?: Assessment<EiaAnswers>
  secondApproval: { required: boolean; title: string }
  gate: GateResult
}

export async function gateState(actionId: string, database: WorkstationDatabase = db, settings?: LegalSettings): Promise<GateState> {
  checkActionId(actionId)
  const legal = settings ?? (await readSettings(legalSettings, database))
  const action = await loadAction(database, actionId)
  const proportionality = await latestAssessment<ProportionalityAnswers>(actionId, 'proportionality', database)
  const eia = await latestAssessment<EiaAnswers>(actionId, 'eia', database)
  const secondApproval = secondApprovalFor(legal, action.kind)
  return { action, proportionality, eia, secondApproval, gate: proportionalityGate({ action, proportionality, eia, secondApproval, ruleSet }) }
}

/**
 * A change after approval (or while awaiting it) voids the approval and sends the action back to
 * draft, with the reason kept for the banner and the audit trail. [LEGAL-NOTES §4 last line]
 */
async function voidOnChange(ctx: WriteContext, action: FormalAction, reason: string): Promise<FormalAction> {
  if (action.status === 'served' || action.status === 'withdrawn') throw new PolicyRefusal(`This ${actionLabel(action.kind)} is ${action.status}; it can no longer be changed.`)
  const standing = action.approvals.filter((a) => !a.voided)
  if (standing.length === 0 && action.status !== 'awaiting approval' && action.status !== 'approved') return action
  const at = nowIso()
  const voided = { at, by: ctx.by, reason }
  const next: FormalAction = {
    ...action,
    status: 'draft',
    approvals: action.approvals.map((a) => (a.voided ? a : { ...a, voided })),
    ...(standing.some((a) => a.decision === 'approved') ? { approvalVoided: voided } : {}),
    updatedAt: at,
  }
  if (standing.length) await ctx.audit({ caseId: action.caseId, entity: 'formalAction', entityId: action.id, action: 'approval voided', before: { status: action.status }, after: { status: 'draft', reason } })
  return next
}

// ---------------------------------------------------------------- start

export const startActionSchema = z.object({
  caseId: z.string().min(1, 'is required'),
  kind: z.enum(formalActionKinds, { message: 'choose an action' }),
  againstPersonIds: z.array(z.string().min(1)).min(1, 'choose at least one person'),
  tenure: tenureSchema.optional(),
})
export type StartActionInput = z.input<typeof startActionSchema>

export async function startFormalAction(input: StartActionInput, by: string, database: WorkstationDatabase = db): Promise<FormalAction> {
  const valid = parseOrRefuse(startActionSchema, input, 'The formal action')
  const legal = await readSettings(legalSettings, database)
  if (!kindsOffered(legal, ruleSet).includes(valid.kind)) throw new PolicyRefusal(`${actionLabel(valid.kind)} is not in force according to the legal settings, so it cannot be started.`)
  const today = nowIso().slice(0, 10)
  return auditedWrite(by, (d) => [d.formalActions, d.cases, d.caseParties, d.people, d.users], async (ctx) => {
    const d = ctx.database
    await requireRole(by, [...CASE_WRITERS], 'Starting a formal action', d)
    const found = await d.cases.get(valid.caseId)
    if (!found) throw new ValidationError('The formal action', [{ field: 'caseId', message: 'no such case' }])
    if (found.status !== 'open') throw new PolicyRefusal('Formal action can only be started on an open case.')
    const parties = await d.caseParties.where('caseId').equals(valid.caseId).toArray()
    for (const id of valid.againstPersonIds) {
      if (!parties.some((p) => p.personId === id)) throw new ValidationError('The formal action', [{ field: 'againstPersonIds', message: 'a chosen person is not a party to this case' }])
    }
    const first = await d.people.get(valid.againstPersonIds[0])
    const tenure = valid.tenure ?? first?.tenure
    const regime = regimeFor(valid.kind, tenure, ruleSet, enabledRegimes(legal, today))
    if (regime.problem) throw new ValidationError('The formal action', [{ field: 'tenure', message: regime.problem }])
    const at = nowIso()
    const action: FormalAction = {
      id: newId(), caseId: valid.caseId, kind: valid.kind, status: 'draft', againstPersonIds: valid.againstPersonIds, authorId: by,
      createdAt: at, updatedAt: at, ...(tenure ? { tenure } : {}), ...(regime.regimeId ? { regimeId: regime.regimeId } : {}),
      grounds: [], incidentIds: [], particulars: '', prohibitions: [], requirements: [], ruleSetVersion: ruleSet.version,
      approvals: [], noticeDocumentIds: [],
    }
    await rows(d).add(action)
    await ctx.audit({ caseId: action.caseId, entity: 'formalAction', entityId: action.id, action: 'started', after: action })
    return action
  }, database)
}

// ---------------------------------------------------------------- details

export const detailsSchema = z.object({
  tenancy: tenancySchema.optional(),
  grounds: z.array(groundChoiceSchema).optional(),
  incidentIds: z.array(z.string().min(1)).optional(),
  particulars: z.string().trim().max(20000, 'must be 20,000 characters or fewer').optional(),
  prohibitions: z.array(z.string().trim().min(3, 'must be at least 3 characters').max(500)).optional(),
  requirements: z.array(z.string().trim().min(3, 'must be at least 3 characters').max(500)).optional(),
})
export type DetailsInput = z.input<typeof detailsSchema>

/** Saves grounds, particulars, tenancy, incidents relied on. A change after approval voids it. */
export async function saveFormalActionDetails(actionId: string, input: DetailsInput, by: string, database: WorkstationDatabase = db): Promise<FormalAction> {
  checkActionId(actionId)
  const valid = parseOrRefuse(detailsSchema, input, 'The formal action')
  return auditedWrite(by, (d) => [d.formalActions, d.incidents, d.users], async (ctx) => {
    const d = ctx.database
    await requireRole(by, [...CASE_WRITERS], 'Changing a formal action', d)
    const action = await loadAction(d, actionId)
    if (valid.grounds) {
      const offered = groundsOffered(action.kind, action.regimeId, ruleSet)
      for (const [i, g] of valid.grounds.entries()) {
        if (!offered.includes(g.ground)) throw new ValidationError('The formal action', [{ field: `grounds.${i}.ground`, message: `ground ${g.ground} is not offered for this notice` }])
      }
    }
    if (valid.tenancy?.type === 'fixed term' && valid.tenancy.termEnd < valid.tenancy.termStart) throw new ValidationError('The formal action', [{ field: 'tenancy.termEnd', message: 'must be after the start of the term' }])
    if (valid.incidentIds) {
      const found = await d.incidents.bulkGet(valid.incidentIds)
      if (found.some((i) => !i || i.caseId !== action.caseId)) throw new ValidationError('The formal action', [{ field: 'incidentIds', message: 'an incident chosen is not on this case' }])
    }
    const changed = Object.fromEntries(Object.entries(valid).filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify((action as unknown as Record<string, unknown>)[k])))
    if (Object.keys(changed).length === 0) return action
    const what = Object.keys(changed).map((k) => (k === 'incidentIds' ? 'incidents relied on' : k)).join(', ')
    const base = await voidOnChange(ctx, action, `the ${what} changed`)
    const next: FormalAction = { ...base, ...changed, updatedAt: nowIso() }
    await rows(d).put(next)
    await ctx.audit({ caseId: action.caseId, entity: 'formalAction', entityId: action.id, action: 'details changed', before: Object.fromEntries(Object.keys(changed).map((k) => [k, (action as unknown as Record<string, unknown>)[k]])), after: changed })
    return next
  }, database)
}

// ---------------------------------------------------------------- assessments

async function saveAssessment(kind: 'proportionality' | 'eia', actionId: string, answers: ProportionalityAnswers | EiaAnswers, complete: boolean, by: string, database: WorkstationDatabase): Promise<Assessment> {
  return auditedWrite(by, (d) => [d.formalActions, d.assessments, d.users], async (ctx) => {
    const d = ctx.database
    await requireRole(by, [...CASE_WRITERS], `Saving the ${kind === 'eia' ? 'Equality Impact Assessment' : 'proportionality assessment'}`, d)
    const action = await loadAction(d, actionId)
    const previous = (await d.assessments.where('formalActionId').equals(actionId).filter((a) => a.kind === kind).toArray()).sort((a, b) => b.version - a.version)[0]
    if (previous && JSON.stringify(previous.answers) === JSON.stringify(answers)) return previous
    const at = nowIso()
    const row: Assessment = {
      id: newId(), caseId: action.caseId, kind, version: (previous?.version ?? 0) + 1, formalActionId: actionId,
      subjectPersonId: action.againstPersonIds[0], answers: answers as unknown as Record<string, unknown>,
      result: complete ? 'complete' : 'incomplete', reason: '', by, at,
      // The record shows when the assessment was completed, so the decision can be shown to follow it. [LEGAL-NOTES §4 item 9]
      ...(complete ? { completedAt: at } : {}),
    }
    await d.assessments.add(row)
    const next = await voidOnChange(ctx, action, `the ${kind === 'eia' ? 'EIA' : 'proportionality assessment'} changed`)
    await rows(d).put({ ...next, updatedAt: at })
    await ctx.audit({ caseId: action.caseId, entity: 'assessment', entityId: row.id, action: `${kind} saved (version ${row.version}${complete ? ', complete' : ''})`, after: row })
    return row
  }, database)
}

export async function saveProportionality(actionId: string, answers: unknown, by: string, database: WorkstationDatabase = db): Promise<Assessment> {
  checkActionId(actionId, 'The proportionality assessment')
  const valid = parseOrRefuse(proportionalityAnswersSchema, answers, 'The proportionality assessment')
  return saveAssessment('proportionality', actionId, valid, proportionalityProblems(valid).length === 0, by, database)
}

export async function saveEia(actionId: string, answers: unknown, by: string, database: WorkstationDatabase = db): Promise<Assessment> {
  checkActionId(actionId, 'The Equality Impact Assessment')
  const valid = parseOrRefuse(eiaAnswersSchema, answers, 'The Equality Impact Assessment')
  return saveAssessment('eia', actionId, valid, eiaProblems(valid).length === 0, by, database)
}

// ---------------------------------------------------------------- submit and decide

export async function submitForApproval(actionId: string, by: string, database: WorkstationDatabase = db): Promise<FormalAction> {
  checkActionId(actionId)
  const legal = await readSettings(legalSettings, database)
  return auditedWrite(by, (d) => [d.formalActions, d.assessments, d.users], async (ctx) => {
    const d = ctx.database
    await requireRole(by, [...CASE_WRITERS], 'Submitting a formal action for approval', d)
    const state = await gateState(actionId, d, legal)
    if (!['draft', 'returned'].includes(state.action.status)) throw new PolicyRefusal(`The action is ${state.action.status}; only a draft or returned action can be submitted.`)
    if (!state.gate.readyForApproval) {
      throw new PolicyRefusal(`The action cannot go for approval yet:\n${state.gate.problems.filter((p) => p.item !== 'approval' && p.item !== 'second approval').map((p) => `• ${p.message}`).join('\n')}`)
    }
    const at = nowIso()
    const next: FormalAction = { ...state.action, status: 'awaiting approval', submittedAt: at, updatedAt: at }
    await rows(d).put(next)
    await ctx.audit({ caseId: next.caseId, entity: 'formalAction', entityId: next.id, action: 'submitted for approval', before: { status: state.action.status }, after: { status: next.status } })
    return next
  }, database)
}

export const decisionSchema = z.object({
  decision: z.enum(['approved', 'returned'], { message: 'choose approve or return' }),
  reasons: z.string().trim().min(10, 'give your reasons (at least 10 characters)').max(8000, 'must be 8,000 characters or fewer'),
  passphrase: z.string().min(1, 'type your passphrase to confirm it is you'),
  level: z.enum(['quality check', 'second approval']).default('quality check'),
})
export type DecisionInput = z.input<typeof decisionSchema>

/**
 * The manager's quality check (four-eyes) or the second, senior approval. The approver re-enters
 * their passphrase; the author can never approve; the decision covers exactly the current pack.
 */
export async function decideFormalAction(actionId: string, input: DecisionInput, approverId: string, database: WorkstationDatabase = db): Promise<FormalAction> {
  const valid = parseOrRefuse(decisionSchema, input, 'The decision')
  // Passphrase first (WebCrypto cannot run inside the transaction).
  const approver = await confirmIdentity(approverId, valid.passphrase, database)
  const legal = await readSettings(legalSettings, database)
  return auditedWrite(approverId, (d) => [d.formalActions, d.assessments, d.users], async (ctx) => {
    const d = ctx.database
    await requireRole(approverId, ['manager'], valid.level === 'second approval' ? 'The second approval' : "The manager's quality check", d)
    const state = await gateState(actionId, d, legal)
    const { action } = state
    requireDifferentPerson(action.authorId, approverId, 'Approving a formal action')
    const fingerprint = actionFingerprint(action, state.proportionality, state.eia)
    const refusals = approverProblems(action, approverId, valid.level, fingerprint)
    if (valid.level === 'second approval' && !state.secondApproval.required) refusals.push('The legal settings do not ask for a second approval for this action.')
    if (valid.decision === 'approved' && !state.gate.readyForApproval) refusals.push(...state.gate.problems.filter((p) => p.item !== 'approval' && p.item !== 'second approval').map((p) => p.message))
    if (refusals.length) throw new PolicyRefusal(refusals.join(' '))
    const at = nowIso()
    const approval: Approval = {
      id: newId(), level: valid.level, decision: valid.decision, by: approverId, byName: approver.name,
      asTitle: valid.level === 'second approval' ? state.secondApproval.title : approver.jobTitle || 'Manager',
      reasons: valid.reasons, at, approvedFingerprint: fingerprint,
    }
    const needsSecond = state.secondApproval.required && valid.level === 'quality check'
    const status: FormalAction['status'] = valid.decision === 'returned' ? 'returned' : needsSecond ? 'awaiting approval' : 'approved'
    const next: FormalAction = { ...action, status, approvals: [...action.approvals, approval], updatedAt: at }
    if (valid.decision === 'approved' && !needsSecond) delete next.approvalVoided
    await rows(d).put(next)
    await ctx.audit({ caseId: action.caseId, entity: 'formalAction', entityId: action.id, action: `${valid.level} ${valid.decision}`, before: { status: action.status }, after: { status, approval } })
    return next
  }, database)
}

// ---------------------------------------------------------------- notices

export const noticeRequestSchema = z.object({
  /** The day the officer means to serve it (hand it over, post it, leave it). */
  serviceDate: z.iso.date('must be a date (YYYY-MM-DD)'),
  method: z.enum(serviceMethods, { message: 'choose hand, first-class post or left at property' }),
  draft: z.boolean().default(false),
})
export type NoticeRequest = z.input<typeof noticeRequestSchema>

export interface NoticePlan {
  dates: NoticeDates
  deadlines: ReturnType<typeof absoluteGroundDeadlines>['deadlines']
  /** Set when a 7A deadline would be missed: generation is refused. */
  blocked?: string
}

/** The dates a notice served that day by that method would carry, with the working. */
export function planNotice(action: FormalAction, serviceDate: string, method: (typeof serviceMethods)[number], legal: LegalSettings): NoticePlan {
  if (!action.regimeId || !action.tenancy) throw new ValidationError('The notice', [{ field: 'tenancy', message: 'record the tenancy type and the grounds first' }])
  const dates = computeNoticeDates({
    regimeId: action.regimeId, grounds: action.grounds.map((g) => g.ground), tenancy: action.tenancy, serviceDate, method,
    deemedServiceWorkingDays: legal.deemedServiceWorkingDays, calendar: defaultCalendar, ruleSet,
  })
  const { deadlines, problems } = absoluteGroundDeadlines(action.grounds, ruleSet)
  const blocked = problems[0] ?? missedServiceDeadline(deadlines, dates.deemedServedOn)
  return { dates, deadlines, ...(blocked ? { blocked } : {}) }
}

async function buildPackBytes(caseFile: CaseFile, action: FormalAction, request: z.infer<typeof noticeRequestSchema>, by: string, draft: boolean, legal: LegalSettings, database: WorkstationDatabase) {
  const organisation = await readSettings(organisationSettings, database)
  const officer = await database.users.get(by)
  const officerLetter = { name: officer?.name ?? '', jobTitle: officer?.jobTitle, phone: officer?.phone, email: officer?.email }
  const date = nowIso().slice(0, 10)
  if (action.kind === 'civil injunction referral') {
    const state = await gateState(action.id, database, legal)
    const built = await buildInjunctionReferral({ action, caseFile, organisation, officer: officerLetter, ruleSet, draft, date, proportionality: state.proportionality, eia: state.eia })
    return { ...built, plan: undefined }
  }
  const plan = planNotice(action, request.serviceDate, request.method, legal)
  if (plan.blocked) throw new PolicyRefusal(plan.blocked)
  const large = caseFile.parties.find((p) => p.personId === action.againstPersonIds[0])?.person.accessibleFormats.includes('large print')
  const built = await buildNotice({ action, caseFile, organisation, officer: officerLetter, ruleSet, dates: plan.dates, draft, date, largePrint: large })
  return { ...built, plan }
}

/**
 * Generates the notice (or the injunction referral pack) and stores its exact bytes and SHA-256.
 * REFUSES a document for service unless the gate is complete: proportionality, EIA and a valid
 * approval by another manager (and the second approval where required). Drafts are always
 * allowed but labelled DRAFT — NOT FOR SERVICE. A missed Ground 7A service deadline blocks both.
 */
export async function generateNotice(actionId: string, input: NoticeRequest, by: string, database: WorkstationDatabase = db): Promise<Omit<DocumentRecord, 'bytes'> & { plan?: NoticePlan }> {
  const request = parseOrRefuse(noticeRequestSchema, input, 'The notice')
  const legal = await readSettings(legalSettings, database)
  const profile = await requireRole(by, [...CASE_WRITERS], 'Generating a notice', database)
  const state = await gateState(actionId, database, legal)
  const { action } = state
  if (action.status === 'withdrawn') throw new PolicyRefusal('This action was withdrawn.')
  if (!noticeActionKinds.includes(action.kind) && action.kind !== 'civil injunction referral') throw new PolicyRefusal(`${actionLabel(action.kind)} does not produce a notice from this app; record it on the case and work with your partners.`)
  if (!request.draft && !state.gate.ready) {
    throw new PolicyRefusal(`A notice for service cannot be generated yet:\n${state.gate.problems.map((p) => `• ${p.message}`).join('\n')}`)
  }
  const caseFile = await loadCaseFile(action.caseId, database)
  if (!caseFile) throw new ValidationError('The notice', [{ field: 'caseId', message: 'no such case' }])
  // Build (async docx) and hash before the transaction: only Dexie may be awaited inside it.
  const { composed, bytes, plan } = await buildPackBytes(caseFile, action, request, profile.id, request.draft, legal, database)
  const sha256 = sha256Hex(bytes)
  return auditedWrite(by, (d) => [d.formalActions, d.documents, d.users], async (ctx) => {
    const d = ctx.database
    await requireRole(by, [...CASE_WRITERS], 'Generating a notice', d)
    const now = await loadAction(d, actionId)
    if (now.updatedAt !== action.updatedAt) throw new PolicyRefusal('The action changed while the notice was being prepared; generate it again.')
    const record: DocumentRecord = {
      id: newId(), caseId: action.caseId, kind: composed.kind, title: composed.title, recipientPersonId: composed.recipientPersonId,
      recipientName: composed.recipientName, fileName: composed.fileName, bytes, size: bytes.byteLength, sha256,
      templateVersion: composed.templateVersion, ruleSetVersion: ruleSet.version, draft: request.draft, formalActionId: action.id,
      createdBy: by, createdAt: nowIso(),
    }
    await d.documents.add(record)
    const stated = plan ? [...(now.statedDates ?? []), { documentId: record.id, plannedServiceDate: request.serviceDate, method: request.method, proceedingsFrom: plan.dates.proceedingsFrom }] : now.statedDates
    await rows(d).put({ ...now, noticeDocumentIds: [...now.noticeDocumentIds, record.id], ...(stated ? { statedDates: stated } : {}) })
    const { bytes: _bytes, ...meta } = record
    await ctx.audit({ caseId: action.caseId, entity: 'document', entityId: record.id, action: request.draft ? 'draft notice generated' : 'notice generated for service', after: { ...meta, ...(plan ? { dates: plan.dates } : {}) } })
    return { ...meta, ...(plan ? { plan } : {}) }
  }, database)
}

export const serviceSchema = z.object({
  documentId: z.string().min(1, 'choose the notice that was served'),
  date: z.iso.date('must be a date (YYYY-MM-DD)'),
  method: z.enum(serviceMethods, { message: 'choose hand, first-class post or left at property' }),
  servedBy: z.string().trim().min(2, 'name the person who served it').max(80),
})
export type ServiceInput = z.input<typeof serviceSchema>

/** Records service (date, method, who): starts the notice clocks shown on the Today panel. */
export async function recordNoticeService(actionId: string, input: ServiceInput, by: string, database: WorkstationDatabase = db): Promise<{ action: FormalAction; warnings: string[] }> {
  const valid = parseOrRefuse(serviceSchema, input, 'The service record')
  if (valid.date > nowIso().slice(0, 10)) throw new ValidationError('The service record', [{ field: 'date', message: 'cannot be in the future' }])
  const legal = await readSettings(legalSettings, database)
  return auditedWrite(by, (d) => [d.formalActions, d.documents, d.assessments, d.users], async (ctx) => {
    const d = ctx.database
    await requireRole(by, [...CASE_WRITERS], 'Recording service of a notice', d)
    const state = await gateState(actionId, d, legal)
    const { action } = state
    if (action.status === 'served') throw new PolicyRefusal('Service of this notice is already recorded.')
    if (!state.gate.ready) throw new PolicyRefusal(`Service cannot be recorded: the action is not approved for service.\n${state.gate.problems.map((p) => `• ${p.message}`).join('\n')}`)
    const doc = await d.documents.get(valid.documentId)
    if (!doc || doc.formalActionId !== actionId) throw new ValidationError('The service record', [{ field: 'documentId', message: 'that document is not a notice for this action' }])
    if (doc.draft) throw new PolicyRefusal(`"${doc.title}" is a DRAFT — NOT FOR SERVICE; generate the notice for service first.`)
    if (valid.date < doc.createdAt.slice(0, 10)) throw new ValidationError('The service record', [{ field: 'date', message: 'cannot be before the notice was generated' }])
    const warnings: string[] = []
    let dates: NoticeDates | undefined
    if (noticeActionKinds.includes(action.kind)) {
      const plan = planNotice(action, valid.date, valid.method, legal)
      if (plan.blocked) warnings.push(plan.blocked)
      dates = plan.dates
      warnings.push(...plan.dates.warnings)
      // A notice served later than planned may state a date that is now too early. [LEGAL-NOTES §3]
      const stated = action.statedDates?.find((s) => s.documentId === doc.id)
      if (stated && plan.dates.proceedingsFrom > stated.proceedingsFrom) {
        warnings.push(`The notice states ${ukDate(stated.proceedingsFrom)}, but served ${methodWords(valid.method)} on ${ukDate(valid.date)} the earliest date is ${ukDate(plan.dates.proceedingsFrom)}. The notice may be invalid: speak to your legal team, and generate and serve a new notice if they advise it.`)
      }
    }
    const at = nowIso()
    const served = { date: valid.date, method: valid.method, by, recordedAt: at }
    await d.documents.update(doc.id, { served })
    const next: FormalAction = {
      ...action, status: 'served', updatedAt: at,
      service: {
        documentId: doc.id, date: valid.date, method: valid.method, servedBy: valid.servedBy, recordedBy: by, recordedAt: at,
        deemedServedOn: dates?.deemedServedOn ?? valid.date, proceedingsFrom: dates?.proceedingsFrom ?? valid.date, lastDayForProceedings: dates?.lastDayForProceedings ?? valid.date,
      },
    }
    await rows(d).put(next)
    await ctx.audit({ caseId: action.caseId, entity: 'formalAction', entityId: action.id, action: 'notice served', before: { status: action.status }, after: { status: 'served', service: next.service, warnings } })
    return { action: next, warnings }
  }, database)
}

export async function withdrawFormalAction(actionId: string, reason: string, by: string, database: WorkstationDatabase = db): Promise<FormalAction> {
  const why = parseOrRefuse(z.string().trim().min(10, 'give a reason (at least 10 characters)').max(2000), reason, 'The withdrawal')
  return auditedWrite(by, (d) => [d.formalActions, d.users], async (ctx) => {
    const d = ctx.database
    await requireRole(by, [...CASE_WRITERS], 'Withdrawing a formal action', d)
    const action = await loadAction(d, actionId)
    if (action.status === 'withdrawn') return action
    const at = nowIso()
    const next: FormalAction = { ...action, status: 'withdrawn', withdrawn: { at, by, reason: why }, updatedAt: at }
    await rows(d).put(next)
    await ctx.audit({ caseId: action.caseId, entity: 'formalAction', entityId: action.id, action: 'withdrawn', before: { status: action.status }, after: { status: 'withdrawn', reason: why } })
    return next
  }, database)
}

/** Actions waiting for a manager's decision (the review queue), oldest first. */
export async function actionsAwaitingApproval(database: WorkstationDatabase = db): Promise<FormalAction[]> {
  return (await rows(database).where('status').equals('awaiting approval').toArray()).sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
}

// ---------------------------------------------------------------- Today: notice clocks

/**
 * Today items from served notices: when proceedings may begin and the last day to begin them
 * (Form 3: 12 months from service; s83: the notice lapses), and 7A service deadlines for approved
 * notices not yet served. [LEGAL-NOTES §2–3]
 */
export async function noticeClockItems(context: { officerId: string; today: string; horizon: string }, database: WorkstationDatabase = db): Promise<TodayItem[]> {
  const items: TodayItem[] = []
  // Managers see every pack waiting for a quality check they may give (never their own). [003 §5.3]
  const user = await database.users.get(context.officerId)
  if (user?.role === 'manager') {
    const waiting = (await rows(database).where('status').equals('awaiting approval').toArray())
      .filter((a) => a.authorId !== user.id && !a.approvals.some((x) => !x.voided && x.decision === 'approved' && x.by === user.id))
    const waitingCases = await database.cases.bulkGet(waiting.map((a) => a.caseId))
    for (const [i, action] of waiting.entries()) {
      const found = waitingCases[i]
      if (!found) continue
      items.push({ kind: 'review', caseId: found.id, caseRef: found.ref, officerId: user.id, due: (action.submittedAt ?? action.updatedAt).slice(0, 10), overdue: false, label: `${actionLabel(action.kind)} awaiting your quality check` })
    }
  }
  const live = await rows(database).where('status').anyOf('served', 'approved').toArray()
  if (live.length === 0) return items
  const cases = await database.cases.bulkGet(live.map((a) => a.caseId))
  const people = await database.people.bulkGet([...new Set(live.flatMap((a) => a.againstPersonIds))])
  const nameOf = (id: string) => { const p = people.find((x) => x?.id === id); return p ? fullName(p) : 'the tenant' }
  for (const [i, action] of live.entries()) {
    const found = cases[i]
    if (!found || found.officerId !== context.officerId || found.status !== 'open') continue
    const who = action.againstPersonIds.map(nameOf).join(' and ')
    const base = { kind: 'notice clock' as const, caseId: found.id, caseRef: found.ref, officerId: context.officerId }
    if (action.status === 'served' && action.service) {
      const s = action.service
      if (context.today <= s.lastDayForProceedings) {
        if (s.proceedingsFrom >= context.today && s.proceedingsFrom <= context.horizon) items.push({ ...base, due: s.proceedingsFrom, overdue: false, label: `Court proceedings against ${who} may begin after ${ukDate(s.proceedingsFrom)}` })
        // The expiry shows from four weeks ahead, so there is time to issue the claim.
        if (s.lastDayForProceedings <= format(addDays(parseISO(context.today), 28), 'yyyy-MM-dd')) items.push({ ...base, due: s.lastDayForProceedings, overdue: false, label: `Last day to begin proceedings on the notice to ${who}: ${ukDate(s.lastDayForProceedings)}` })
      } else {
        items.push({ ...base, due: s.lastDayForProceedings, overdue: true, label: `The notice to ${who} has expired (last day for proceedings was ${ukDate(s.lastDayForProceedings)})` })
      }
    } else if (action.status === 'approved') {
      for (const deadline of absoluteGroundDeadlines(action.grounds, ruleSet).deadlines) {
        items.push({ ...base, due: deadline.deadline, overdue: deadline.deadline < context.today, label: `Serve the ${deadline.ground} notice on ${who} by ${ukDate(deadline.deadline)}` })
      }
    }
  }
  return items
}
