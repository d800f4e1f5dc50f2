import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns'
import type { AsbCase, CaseClosure } from './cases'
import type { CaseFile, PartyWithPerson } from './caseFile'
import type { Contact, DocumentRecord } from './caseRecords'
import { fullName, type CommunicationMethod } from './people'
import type { ClosureReason, ClosureSettings } from './settings/closure'
import { ukDate, type WorkingCalendar } from './workingDays'

/**
 * Closing a case properly. [POLICY-RULES §6; seed 001 §11]
 * Each pre-closure check is its own function returning its own message and a way to fix it, so
 * the Close case screen can show every check and the data layer can refuse with the same words.
 */

export type CheckStatus = 'met' | 'not met' | 'not needed'

export interface ClosureCheckItem {
  id: string
  label: string
  explained: boolean
}

export interface ClosureCheck {
  key: 'reason' | 'closing date' | 'reporter told the outcome' | 'quiet period' | 'malicious review' | 'open actions' | 'unserved documents'
  title: string
  status: CheckStatus
  message: string
  /** What the officer can do to meet the check. */
  fix?: string
  /** For lists (open actions, unserved documents): each item and whether it is explained. */
  items?: ClosureCheckItem[]
  /** Working-day maths crossed a date the bank-holiday data does not cover. */
  warning?: string
}

/** Rows in the `notes` table that closure writes. */
// A type alias, not an interface, so rows fit the loosely typed `notes`/`surveys` tables.
export type MaliciousInvestigationNote = {
  id: string
  caseId: string
  kind: 'malicious investigation'
  text: string
  by: string
  at: string
}

// A type alias, not an interface, so rows fit the loosely typed `notes`/`surveys` tables.
export type MaliciousReviewNote = {
  id: string
  caseId: string
  kind: 'malicious review'
  /** The investigation note this review looked at: a later note needs a fresh review. */
  investigationId: string
  decision: 'agreed' | 'not agreed'
  text: string
  by: string
  byName: string
  at: string
}

export type ClosureNote = MaliciousInvestigationNote | MaliciousReviewNote

export function isMaliciousInvestigation(row: object): row is MaliciousInvestigationNote {
  return (row as { kind?: unknown }).kind === 'malicious investigation'
}
export function isMaliciousReview(row: object): row is MaliciousReviewNote {
  return (row as { kind?: unknown }).kind === 'malicious review'
}

/** What the officer asks for when closing. `explanations` is keyed by action or document id. */
export interface ClosureRequest {
  reasonKey: string
  closedOn: string
  note: string
  explanations: Record<string, string>
}

/** Everything the checks read. Pure data, so the data layer can build it inside its transaction. */
export interface ClosureContext {
  file: Pick<CaseFile, 'case' | 'parties' | 'incidents' | 'contacts' | 'actions' | 'documents' | 'notes'>
  settings: ClosureSettings
  calendar: WorkingCalendar
  /** Today's date (ISO), for "not in the future". */
  today: string
}

/** An explanation is enough when it says something: a few words, not a dot. */
export const MIN_EXPLANATION_CHARACTERS = 5

function day(iso: string): string {
  return iso.slice(0, 10)
}

export function reporterOf(file: Pick<CaseFile, 'parties'>): PartyWithPerson | undefined {
  return file.parties.find((p) => p.role === 'reporter')
}

/** A home visit is an in-person contact; otherwise the contact method names the communication method. */
function contactMatchesMethod(contact: Contact, preferred: CommunicationMethod | undefined): boolean {
  if (!preferred) return true
  if (contact.method === 'home visit') return preferred === 'in person'
  return contact.method === preferred
}

export function reasonByKey(settings: ClosureSettings, key: string): ClosureReason | undefined {
  return settings.reasons.find((r) => r.key === key)
}

export function reasonCheck(settings: ClosureSettings, reasonKey: string): ClosureCheck {
  const reason = reasonByKey(settings, reasonKey)
  if (!reason) {
    return {
      key: 'reason', title: 'Reason for closing', status: 'not met',
      message: reasonKey ? `"${reasonKey}" is not one of the closure reasons in Settings.` : 'No reason for closing has been chosen.',
      fix: 'Choose a reason from the list.',
    }
  }
  return { key: 'reason', title: 'Reason for closing', status: 'met', message: `Closing because: ${reason.label}.` }
}

export function closingDateCheck(caseRow: Pick<AsbCase, 'status' | 'openedAt' | 'ref'>, closedOn: string, today: string): ClosureCheck {
  const base = { key: 'closing date' as const, title: 'Closing date' }
  if (caseRow.status === 'closed') return { ...base, status: 'not met', message: `${caseRow.ref} is already closed.`, fix: 'Reopen the case first if there is more to do.' }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(closedOn)) return { ...base, status: 'not met', message: 'The closing date is missing or not a date.', fix: 'Enter the closing date.' }
  if (closedOn > today) return { ...base, status: 'not met', message: `The closing date ${ukDate(closedOn)} is in the future.`, fix: `Use today (${ukDate(today)}) or an earlier date.` }
  if (closedOn < day(caseRow.openedAt)) {
    return { ...base, status: 'not met', message: `The closing date ${ukDate(closedOn)} is before the case was opened (${ukDate(caseRow.openedAt)}).`, fix: 'Use a date on or after the day the case was opened.' }
  }
  return { ...base, status: 'met', message: `Closing on ${ukDate(closedOn)}.` }
}

export interface ContactAttemptsResult {
  attempts: Contact[]
  enough: boolean
  spanWorkingDays: number
  /** Earliest date the last needed attempt can be made to meet the span, when not yet met. */
  nextAttemptFrom?: string
  warning?: string
}

/**
 * Three attempts by the preferred method over at least 10 working days, then written closure is
 * allowed. [001 §11.2, 000 §4] Attempts are unanswered outbound contacts with the reporter by their
 * preferred method since the last time we spoke to them. The span is counted in working days, so
 * weekends and bank holidays do not count towards it.
 */
export function canCloseForNoContact(attemptsMade: Contact[], settings: Pick<ClosureSettings, 'contactAttempts' | 'contactAttemptsOverWorkingDays'>, calendar: WorkingCalendar): ContactAttemptsResult {
  const attempts = [...attemptsMade].sort((a, b) => a.at.localeCompare(b.at))
  if (attempts.length === 0) return { attempts, enough: false, spanWorkingDays: 0 }
  const first = day(attempts[0].at)
  const last = day(attempts[attempts.length - 1].at)
  const span = calendar.workingDaysBetween(first, last)
  const enough = attempts.length >= settings.contactAttempts && span.days >= settings.contactAttemptsOverWorkingDays
  const spanReached = calendar.addWorkingDays(first, settings.contactAttemptsOverWorkingDays)
  const warning = span.warning ?? spanReached.warning
  return {
    attempts,
    enough,
    spanWorkingDays: span.days,
    ...(enough ? {} : { nextAttemptFrom: span.days >= settings.contactAttemptsOverWorkingDays ? calendar.addWorkingDays(last, 1).date : spanReached.date }),
    ...(warning ? { warning } : {}),
  }
}

/** Unanswered outbound contacts with the reporter, by their preferred method, since we last spoke to them. */
export function outcomeAttempts(file: Pick<CaseFile, 'contacts'>, reporter: PartyWithPerson): Contact[] {
  const withReporter = file.contacts.filter((c) => c.personId === reporter.personId)
  const lastSpoke = withReporter.filter((c) => c.successful).map((c) => c.at).sort().at(-1) ?? ''
  return withReporter.filter((c) => !c.successful && c.direction === 'outbound' && c.at > lastSpoke && contactMatchesMethod(c, reporter.person.preferredMethod))
}

/** The written closure after unanswered attempts: the closure summary or the contact-attempt letter. */
export const writtenClosureKinds = ['closure summary', 'contact attempt'] as const

/**
 * Before closing, discuss the outcome with the reporter by their preferred method; if unreachable,
 * three attempts over 10 working days and then written closure. [001 §11.1–11.2]
 */
export function reporterToldOutcomeCheck(ctx: ClosureContext): ClosureCheck {
  const base = { key: 'reporter told the outcome' as const, title: 'Reporter told the outcome' }
  const { file, settings, calendar } = ctx
  const reporter = reporterOf(file)
  if (!reporter) {
    return { ...base, status: 'not needed', message: file.case.anonymous ? 'The report was anonymous, so there is nobody to tell.' : 'No reporter is recorded on this case.' }
  }
  const name = fullName(reporter.person)
  const preferred = reporter.person.preferredMethod
  const byMethod = preferred ? `by ${preferred}` : 'by any method (no preferred method is recorded)'
  const spoke = file.contacts
    .filter((c) => c.personId === reporter.personId && c.successful && c.aboutOutcome && contactMatchesMethod(c, preferred))
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1)
  if (spoke) return { ...base, status: 'met', message: `The outcome was discussed with ${name} ${spoke.method === 'home visit' ? 'on a home visit' : `by ${spoke.method}`} on ${ukDate(spoke.at)}.` }

  const result = canCloseForNoContact(outcomeAttempts(file, reporter), settings, calendar)
  const need = `${settings.contactAttempts} attempts over at least ${settings.contactAttemptsOverWorkingDays} working days`
  const warning = result.warning ? { warning: result.warning } : {}
  if (!result.enough) {
    const made = result.attempts.length
    const soFar = made === 0
      ? `No unanswered attempts ${byMethod} are recorded`
      : `${made} unanswered attempt${made === 1 ? '' : 's'} ${byMethod} so far, over ${result.spanWorkingDays} working day${result.spanWorkingDays === 1 ? '' : 's'} (${ukDate(result.attempts[0].at)} to ${ukDate(result.attempts[made - 1].at)}; weekends and bank holidays do not count)`
    const more = Math.max(settings.contactAttempts - made, 1)
    return {
      ...base,
      status: 'not met',
      message: `${name} has not been told the outcome. ${soFar}; written closure needs ${need}.`,
      fix: `Discuss the outcome with ${name} ${byMethod} and record it on the Contacts tab as about the outcome, or keep trying: ${more} more attempt${more === 1 ? '' : 's'}${result.nextAttemptFrom ? `, the last on or after ${ukDate(result.nextAttemptFrom)}` : ''}.`,
      ...warning,
    }
  }
  const firstAttempt = day(result.attempts[0].at)
  const letter = file.documents
    .filter((d) => (writtenClosureKinds as readonly string[]).includes(d.kind) && d.recipientPersonId === reporter.personId && day(d.createdAt) >= firstAttempt)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1)
  const attemptsText = `${result.attempts.length} unanswered attempts ${byMethod} over ${result.spanWorkingDays} working days (${ukDate(result.attempts[0].at)} to ${ukDate(result.attempts.at(-1)!.at)})`
  if (!letter) {
    return {
      ...base,
      status: 'not met',
      message: `${attemptsText}: written closure is allowed, but no closure letter to ${name} is saved yet.`,
      fix: 'Save the closure summary below (or the "we have tried to reach you" letter from the Documents tab), then close.',
      ...warning,
    }
  }
  return { ...base, status: 'met', message: `${attemptsText}; written closure: ${letter.kind} saved on ${ukDate(letter.createdAt)}.`, ...warning }
}

/** "No further incidents for over 28 days" only when the incident log shows it. [001 §11.4] */
export function quietPeriodCheck(ctx: ClosureContext, reasonKey: string, closedOn: string): ClosureCheck {
  const base = { key: 'quiet period' as const, title: `No incidents for over ${ctx.settings.quietPeriodDays} days` }
  const reason = reasonByKey(ctx.settings, reasonKey)
  if (reason?.rule !== 'quiet period') return { ...base, status: 'not needed', message: 'Only needed when closing because there have been no further incidents.' }
  const lastIncident = ctx.file.incidents.map((i) => i.occurredAt).sort().at(-1)
  const since = day(lastIncident ?? ctx.file.case.reportedAt)
  const days = differenceInCalendarDays(parseISO(closedOn), parseISO(since))
  const what = lastIncident ? `The last incident was on ${ukDate(since)}` : `No incidents are logged; the report was made on ${ukDate(since)}`
  if (days > ctx.settings.quietPeriodDays) return { ...base, status: 'met', message: `${what}, ${days} days before closing.` }
  const earliest = format(addDays(parseISO(since), ctx.settings.quietPeriodDays + 1), 'yyyy-MM-dd')
  return {
    ...base,
    status: 'not met',
    message: `${what}, only ${days} day${days === 1 ? '' : 's'} before closing; this reason needs more than ${ctx.settings.quietPeriodDays} days without incidents.`,
    fix: `Choose another reason, or close on or after ${ukDate(earliest)} if nothing more happens.`,
  }
}

/** The latest investigation note and the review that looked at it, if any. */
export function maliciousRecords(notes: CaseFile['notes']): { investigation?: MaliciousInvestigationNote; review?: MaliciousReviewNote } {
  const investigation = (notes as object[]).filter(isMaliciousInvestigation).sort((a, b) => a.at.localeCompare(b.at)).at(-1)
  const review = investigation
    ? (notes as object[]).filter(isMaliciousReview).filter((r) => r.investigationId === investigation.id).sort((a, b) => a.at.localeCompare(b.at)).at(-1)
    : undefined
  return { investigation, review }
}

/**
 * Malicious or bad-faith reports: "only concluded following a documented investigation and
 * managerial review" [001 §11.4]. The reviewer must be a manager who is not the case officer and
 * did not write the investigation (four-eyes; the manager role is enforced in the data layer).
 */
export function maliciousReviewCheck(ctx: ClosureContext, reasonKey: string): ClosureCheck {
  const base = { key: 'malicious review' as const, title: 'Investigation and managerial review' }
  const reason = reasonByKey(ctx.settings, reasonKey)
  if (reason?.rule !== 'malicious') return { ...base, status: 'not needed', message: 'Only needed when closing a report as malicious.' }
  const { investigation, review } = maliciousRecords(ctx.file.notes)
  if (!investigation) {
    return { ...base, status: 'not met', message: 'Closing as malicious needs a documented investigation note.', fix: 'Write up the investigation: what was checked and why the reports appear malicious.' }
  }
  if (!review) {
    return {
      ...base,
      status: 'not met',
      message: 'Closing as malicious needs a managerial review of the investigation; none is recorded.',
      fix: 'Ask a manager who is not the case officer to review the investigation and confirm with their passphrase.',
    }
  }
  if (review.by === ctx.file.case.officerId || review.by === investigation.by) {
    return {
      ...base,
      status: 'not met',
      message: `The review was recorded by ${review.byName}, who ${review.by === ctx.file.case.officerId ? 'is the case officer' : 'wrote the investigation'}; the officer cannot be their own reviewer.`,
      fix: 'Ask a different manager to review the investigation.',
    }
  }
  if (review.decision !== 'agreed') {
    return { ...base, status: 'not met', message: `${review.byName} did not agree the reports were malicious: ${review.text}`, fix: 'Choose another reason for closing.' }
  }
  return { ...base, status: 'met', message: `${review.byName} reviewed the investigation on ${ukDate(review.at)} and agreed.` }
}

function explained(explanations: Record<string, string>, id: string): boolean {
  return (explanations[id] ?? '').trim().length >= MIN_EXPLANATION_CHARACTERS
}

/** Open action-plan items must be done, cancelled, or explained before closing. */
export function openActionsCheck(ctx: ClosureContext, explanations: Record<string, string>): ClosureCheck {
  const base = { key: 'open actions' as const, title: 'Open action-plan items' }
  const open = ctx.file.actions.filter((a) => a.status === 'open')
  if (open.length === 0) return { ...base, status: 'met', message: 'No action-plan items are open.' }
  const items = open.map((a) => ({ id: a.id, label: `${a.what} (${a.owner}, due ${ukDate(a.due)})`, explained: explained(explanations, a.id) }))
  const unexplained = items.filter((i) => !i.explained).length
  if (unexplained === 0) return { ...base, status: 'met', message: `${open.length} open item${open.length === 1 ? ' is' : 's are'} explained.`, items }
  return {
    ...base,
    status: 'not met',
    message: `${unexplained} open action-plan item${unexplained === 1 ? ' is' : 's are'} not resolved or explained.`,
    fix: 'Mark each item done or cancelled on the Action plan tab, or explain below why it is left open.',
    items,
  }
}

/** Internal documents that are never served on anyone; the closure summary is sent after closing. */
const neverServedKinds = ['bundle', 'bundle part', 'witness statement', 'board report', 'closure summary']

export function unservedDocuments(documents: Omit<DocumentRecord, 'bytes'>[]): Omit<DocumentRecord, 'bytes'>[] {
  return documents.filter((d) => !d.served && !neverServedKinds.includes(d.kind))
}

/** Letters and notices made but never sent must be sent or explained before closing. */
export function unservedDocumentsCheck(ctx: ClosureContext, explanations: Record<string, string>): ClosureCheck {
  const base = { key: 'unserved documents' as const, title: 'Documents not sent' }
  const unserved = unservedDocuments(ctx.file.documents)
  if (unserved.length === 0) return { ...base, status: 'met', message: 'Every letter and notice on the case has been sent.' }
  const items = unserved.map((d) => ({ id: d.id, label: `${d.title} to ${d.recipientName}${d.draft ? ' (draft)' : ''}, made ${ukDate(d.createdAt)}`, explained: explained(explanations, d.id) }))
  const unexplained = items.filter((i) => !i.explained).length
  if (unexplained === 0) return { ...base, status: 'met', message: `${unserved.length} unsent document${unserved.length === 1 ? ' is' : 's are'} explained.`, items }
  return {
    ...base,
    status: 'not met',
    message: `${unexplained} document${unexplained === 1 ? ' was' : 's were'} made but not recorded as sent.`,
    fix: 'Record how each was sent on the Documents tab, or explain below why it was not sent.',
    items,
  }
}

/** Every check, in the order the Close case screen shows them. */
export function closureChecks(ctx: ClosureContext, request: ClosureRequest): ClosureCheck[] {
  return [
    reasonCheck(ctx.settings, request.reasonKey),
    closingDateCheck(ctx.file.case, request.closedOn, ctx.today),
    reporterToldOutcomeCheck(ctx),
    quietPeriodCheck(ctx, request.reasonKey, request.closedOn),
    maliciousReviewCheck(ctx, request.reasonKey),
    openActionsCheck(ctx, request.explanations),
    unservedDocumentsCheck(ctx, request.explanations),
  ]
}

export function unmetChecks(checks: ClosureCheck[]): ClosureCheck[] {
  return checks.filter((c) => c.status === 'not met')
}

/** The refusal text when checks fail: every unmet check with its message. */
export function closureRefusalMessage(ref: string, checks: ClosureCheck[]): string {
  const unmet = unmetChecks(checks)
  return `${ref} was not closed: ${unmet.map((c) => `${c.title} — ${c.message}`).join(' ')}`
}

// ── after closure: survey, follow-up, reopening ──────────────────────────────

export type SatisfactionScore = 1 | 2 | 3 | 4 | 5

/** Row in `surveys` (see the surveys contract; reports read TP12 from `answers.tp12`). */
// A type alias, not an interface, so rows fit the loosely typed `notes`/`surveys` tables.
export type SatisfactionSurvey = {
  id: string
  caseId: string
  kind: 'satisfaction'
  personId?: string
  dueAt: string
  sentAt?: string
  sentMethod?: string
  answeredAt?: string
  answers?: Record<string, SatisfactionScore>
  comments?: string
  declinedAt?: string
  cancelledAt?: string
  cancelledReason?: string
  createdBy: string
  createdAt: string
}

export const followUpOutcomes = ['no further problems', 'problems have returned', 'could not reach'] as const
export type FollowUpOutcome = (typeof followUpOutcomes)[number]

/** Proactive follow-up contact after closure. [003 §3.7] */
// A type alias, not an interface, so rows fit the loosely typed `notes`/`surveys` tables.
export type FollowUpContact = {
  id: string
  caseId: string
  kind: 'follow-up'
  personId?: string
  dueAt: string
  doneAt?: string
  outcome?: FollowUpOutcome
  method?: string
  note?: string
  cancelledAt?: string
  cancelledReason?: string
  createdBy: string
  createdAt: string
}

export function isSatisfactionSurvey(row: object): row is SatisfactionSurvey {
  return (row as { kind?: unknown }).kind === 'satisfaction'
}
export function isFollowUp(row: object): row is FollowUpContact {
  return (row as { kind?: unknown }).kind === 'follow-up'
}

export function surveyOutstanding(s: SatisfactionSurvey): boolean {
  return !s.answeredAt && !s.declinedAt && !s.cancelledAt
}
export function followUpOutstanding(f: FollowUpContact): boolean {
  return !f.doneAt && !f.cancelledAt
}

/** When the survey and the follow-up fall due after a closure. [003 §3.7, §9.1] */
export function afterClosureDates(closedOn: string, settings: Pick<ClosureSettings, 'surveyDueWorkingDays' | 'followUpWeeks'>, calendar: WorkingCalendar): { surveyDue: string; followUpDue: string } {
  return {
    surveyDue: calendar.addWorkingDays(closedOn, settings.surveyDueWorkingDays).date,
    followUpDue: format(addDays(parseISO(closedOn), settings.followUpWeeks * 7), 'yyyy-MM-dd'),
  }
}

/** An earlier closure kept on the case when it is reopened, so repeat-reopening KPIs can be counted. */
export interface PastClosure extends CaseClosure {
  reopenedAt: string
  reopenedBy: string
  reopenReason: string
  /** Reopened within the repeat window of this closure. [001 §15.3] */
  repeatWithinWindow: boolean
}

/** The closure as stored: the contract's fields plus the reason key and the explanations given. */
export interface ClosureRecord extends CaseClosure {
  reasonKey?: string
  /** Why each open action-plan item or unsent document was left, keyed by its id. */
  explanations?: Record<string, string>
}

/** A case row as closure writes it: the earlier closures of a reopened case are kept beside it. */
export type CaseWithClosureHistory = AsbCase & { closure?: ClosureRecord; pastClosures?: PastClosure[] }

/** A reopening within `windowDays` of the closure counts as a repeat. [001 §15.3: repeat incidents within 90 days] */
export function isRepeatReopening(closedAt: string, reopenedOn: string, windowDays: number): boolean {
  const days = differenceInCalendarDays(parseISO(day(reopenedOn)), parseISO(day(closedAt)))
  return days >= 0 && days <= windowDays
}

/** Why a reopening is refused, or undefined when it may go ahead. */
export function reopenProblem(caseRow: Pick<AsbCase, 'status' | 'closedAt' | 'ref'>, reopenedOn: string, today: string): string | undefined {
  if (caseRow.status !== 'closed') return `${caseRow.ref} is not closed, so it cannot be reopened.`
  if (reopenedOn > today) return `The reopening date ${ukDate(reopenedOn)} is in the future.`
  if (caseRow.closedAt && reopenedOn < day(caseRow.closedAt)) return `The reopening date ${ukDate(reopenedOn)} is before the case was closed (${ukDate(caseRow.closedAt)}).`
  return undefined
}

/** Every reopening of a case with whether it was a repeat — for the repeat KPI and the case page. */
export function reopenings(caseRow: CaseWithClosureHistory): { closedAt: string; reopenedAt: string; repeat: boolean; reason: string }[] {
  return (caseRow.pastClosures ?? []).map((c) => ({ closedAt: c.closedAt, reopenedAt: c.reopenedAt, repeat: c.repeatWithinWindow, reason: c.reopenReason }))
}
