/**
 * The records an officer keeps while working a case. Stored one table each (see src/data/db.ts).
 * Dates are ISO strings.
 */

/** Diary-sheet fields. [001 §12.2] */
export interface Incident {
  id: string
  caseId: string
  occurredAt: string
  location: string
  category: string
  description: string
  reportedBy?: string
  witnesses: string[]
  evidenceRefs: string[]
  policeRef: string
  /** When it was reported to us (defaults to when it was recorded): counts for the ASB Case Review. */
  reportedAt?: string
  createdAt: string
  updatedAt: string
  createdBy: string
  /** Earlier versions, newest last: edits keep history. */
  history?: { at: string; by: string; reason?: string; before: Omit<Incident, 'history'> }[]
}

export const contactMethods = ['telephone', 'email', 'letter', 'text message', 'in person', 'home visit', 'video call'] as const
export interface Contact {
  id: string
  caseId: string
  at: string
  personId?: string
  withWhom: string
  method: (typeof contactMethods)[number]
  direction: 'inbound' | 'outbound'
  successful: boolean
  summary: string
  /** A contact about the outcome of the case, before closure. [001 §11.1] */
  aboutOutcome?: boolean
  createdBy: string
  createdAt: string
}

export const actionStatuses = ['open', 'done', 'cancelled'] as const
export interface ActionItem {
  id: string
  caseId: string
  what: string
  owner: string
  due: string
  status: (typeof actionStatuses)[number]
  agreedWithReporterAt?: string
  note?: string
  createdAt: string
  updatedAt: string
}

/** Early intervention and non-legal tools. [001 §9.2, 002 §5.4.3] */
export const interventionKinds = [
  'verbal warning', 'written warning', 'acceptable behaviour agreement', 'mediation', 'support referral',
  'police referral', 'good neighbour agreement', 'parenting contract', 'restorative justice', 'CPN warning', 'other',
] as const
export type InterventionKind = (typeof interventionKinds)[number]
export interface Intervention {
  id: string
  caseId: string
  kind: InterventionKind
  date: string
  againstPersonId?: string
  outcome: string
  reviewDue?: string
  /** The review held on or after `reviewDue` (e.g. an ABA's 3-month review). [LEGAL-NOTES §5] */
  review?: { date: string; outcome: string; by: string; recordedAt: string }
  documentId?: string
  createdBy: string
  createdAt: string
}

export const assessmentKinds = ['risk', 'vulnerability', 'proportionality', 'eia'] as const
export type AssessmentKind = (typeof assessmentKinds)[number]
/** Versioned answers: a reassessment adds a row; none is overwritten. */
export interface Assessment<Answers = Record<string, unknown>> {
  id: string
  caseId: string
  kind: AssessmentKind
  version: number
  subjectPersonId?: string
  formalActionId?: string
  answers: Answers
  result: string
  reason: string
  completedAt?: string
  by: string
  at: string
}

export interface DocumentRecord {
  id: string
  caseId?: string
  kind: string
  title: string
  recipientPersonId?: string
  recipientName: string
  fileName: string
  bytes: Uint8Array
  size: number
  sha256: string
  templateVersion: string
  ruleSetVersion: string
  draft: boolean
  formalActionId?: string
  served?: { date: string; method: string; by: string; recordedAt: string }
  /** Exhibit number in the legal bundle (e.g. "JS/3"), given once and never changed (issue 8). */
  exhibitNumber?: string
  /** For bundle documents: the bundle (its whole .docx) this part belongs to. */
  bundleId?: string
  createdBy: string
  createdAt: string
}
