import { z } from 'zod'

/** Report channels. [001 §6.2] */
export const reportChannels = [
  'online form', 'telephone', 'email', 'in person', 'estate visit', 'third-party referral', 'police referral',
] as const
export type ReportChannel = (typeof reportChannels)[number]

/** Where triage sends a report: the routing table's columns. [003 Appendix 1] */
export const routes = ['ASB team', 'Community & Environmental', 'Tenancy Management', 'No landlord involvement', 'Another agency'] as const
export type Route = (typeof routes)[number]

export const riskBands = ['High', 'Medium', 'Standard'] as const
export type RiskBand = (typeof riskBands)[number]

/** Characteristics a hate incident may target. [002 §4.6, 003 §2.3] */
export const hateCharacteristics = [
  'disability', 'race/ethnicity', 'religion or belief', 'sex/gender', 'sexual orientation',
  'transgender identity', 'age', 'alternative subculture',
] as const
export type HateCharacteristic = (typeof hateCharacteristics)[number]

export const caseStatuses = ['open', 'closed'] as const
export type CaseStatus = (typeof caseStatuses)[number]

export interface CaseClosure {
  reason: string
  closedAt: string
  closedBy: string
  note: string
}

/** A case as stored. Dates are ISO strings (date or date-time) so they index and sort as text. */
export interface AsbCase {
  id: string
  ref: string
  status: CaseStatus
  category: string
  route: Route
  /** Named agency when route is 'Another agency'. */
  agency?: string
  /** Triage decision and reason when the report is not handled as ASB. */
  triageReason?: string
  riskBand: RiskBand
  hateRelated: boolean
  hateCharacteristics: HateCharacteristic[]
  domesticAbuse: boolean
  highHarm: boolean
  historic: boolean
  anonymous: boolean
  channel: ReportChannel
  officerId: string
  reportedAt: string
  openedAt: string
  firstContactDue: string
  acknowledgementDue: string
  firstContactAt?: string
  firstActionAt?: string
  closedAt?: string
  closure?: CaseClosure
  reopenedAt?: string[]
  /** Agreed contact frequency with the reporter, in working days, and method. [000 §4, 001 §14.3] */
  contactFrequencyDays?: number
  contactFrequencyMethod?: string
  /** When the frequency was agreed with the reporter: the next update counts from here or the latest contact. */
  contactFrequencyAgreedAt?: string
  nextUpdateDue?: string
  /** Set by the documents feature when the acknowledgement letter is produced. [001 §6.3] */
  acknowledgedAt?: string
  /** When the reporter was told about the ASB Case Review (after a second report). [001 §12.2] */
  caseReviewNoticeGivenAt?: string
  /** Coverage warning when a deadline fell outside the bank-holiday data. */
  deadlineWarning?: string
  summary: string
  /** Denormalised, lower-cased text for caseload search: ref, names, addresses, postcodes. */
  searchText: string
  createdAt: string
  updatedAt: string
}

export const caseRefPattern = /^ASB-\d{4}-\d{5}$/

/** Case references ASB-YYYY-NNNNN: the year the case opened and a running number within that year. */
export function formatCaseRef(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99999) throw new RangeError(`case sequence ${sequence} is outside 1–99999`)
  return `ASB-${year}-${String(sequence).padStart(5, '0')}`
}

export const caseSummarySchema = z.string().trim().max(4000, 'must be 4,000 characters or fewer')

/** The text the caseload's free-text search looks in: reference, names, addresses, postcodes. */
export function caseSearchText(ref: string, people: { firstName?: string; surname: string; address?: { line1: string; line2?: string; town?: string; postcode: string }; flat?: string }[]): string {
  const parts = [ref]
  for (const p of people) {
    parts.push(p.firstName ?? '', p.surname, p.flat ?? '')
    if (p.address) parts.push(p.address.line1, p.address.line2 ?? '', p.address.town ?? '', p.address.postcode, p.address.postcode.replace(/\s/g, ''))
  }
  return parts.filter(Boolean).join(' ').toLowerCase()
}
