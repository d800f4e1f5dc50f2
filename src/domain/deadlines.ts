import type { AsbCase, RiskBand } from './cases'
import type { Contact } from './caseRecords'
import type { PolicySettings } from './settings/policy'
import type { WorkingCalendar, WorkingDayResult } from './workingDays'

/**
 * Policy deadlines, all in working days (weekends and England & Wales bank holidays excluded).
 * A result carries the calendar's coverage warning when a date falls outside the bank-holiday
 * data, so the officer sees it instead of a silent guess.
 */

/** First contact with the reporter: High 1 / Medium 3 / Standard 5 working days by default. [001 §6.4] */
export function firstContactDue(reportedAt: string, band: RiskBand, policy: Pick<PolicySettings, 'firstContactWorkingDays'>, calendar: WorkingCalendar): WorkingDayResult {
  return calendar.addWorkingDays(reportedAt, policy.firstContactWorkingDays[band])
}

/** Every report is acknowledged within 5 working days by default. [001 §6.3] */
export function acknowledgementDue(reportedAt: string, policy: Pick<PolicySettings, 'acknowledgementWorkingDays'>, calendar: WorkingCalendar): WorkingDayResult {
  return calendar.addWorkingDays(reportedAt, policy.acknowledgementWorkingDays)
}

/**
 * The next agreed update to the reporter: the agreed frequency counted from the latest successful
 * contact, or from when the frequency was agreed if there has been none since. [000 §4, 001 §14.3]
 */
export function nextUpdateDue(frequencyWorkingDays: number, agreedAt: string, contacts: Pick<Contact, 'at' | 'successful'>[], calendar: WorkingCalendar): WorkingDayResult {
  let from = agreedAt.slice(0, 10)
  for (const c of contacts) if (c.successful && c.at.slice(0, 10) > from) from = c.at.slice(0, 10)
  return calendar.addWorkingDays(from, frequencyWorkingDays)
}

/** The last day the Today panel looks at: the end of the next `n` working days. */
export function todayHorizon(today: string, workingDays: number, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(today, workingDays).date
}

export type DeadlineKind = 'first contact' | 'acknowledgement' | 'agreed update'
export interface CaseDeadline {
  kind: DeadlineKind
  label: string
  due: string
  /** When it was met (first contact made, letter sent); undefined while outstanding. */
  metAt?: string
  overdue: boolean
  /** Met after the due date (a KPI miss), or still outstanding past it. */
  late: boolean
}

/**
 * The deadlines shown in the case header and on Today. The acknowledgement is met when an
 * acknowledgement letter exists (`acknowledgedAt`, from the documents feature).
 */
export function caseDeadlines(c: Pick<AsbCase, 'status' | 'firstContactDue' | 'firstContactAt' | 'acknowledgementDue' | 'nextUpdateDue'>, today: string, acknowledgedAt?: string): CaseDeadline[] {
  const open = c.status === 'open'
  const one = (kind: DeadlineKind, label: string, due: string, metAt: string | undefined): CaseDeadline => {
    const met = metAt?.slice(0, 10)
    return { kind, label, due, ...(metAt ? { metAt } : {}), overdue: open && !met && due < today, late: met ? met > due : due < today }
  }
  const out = [
    one('first contact', 'First contact with the reporter', c.firstContactDue, c.firstContactAt),
    one('acknowledgement', 'Acknowledgement letter', c.acknowledgementDue, acknowledgedAt),
  ]
  if (c.nextUpdateDue && open) out.push(one('agreed update', 'Next agreed update', c.nextUpdateDue, undefined))
  return out
}
