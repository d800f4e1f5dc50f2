import { z } from 'zod'
import { tenures, type Tenure } from '../people'
import type { RegimeId, RuleSet, ServiceMethod } from './ruleSet'

/**
 * Formal and legal action, always behind the gate. [POLICY-RULES §5; 001 §10.2, 003 §8, 002 §5.6]
 * The first seven are the tools in the seeds; the Crime and Policing Act 2026 powers exist only as
 * switches that stay off until the legal settings say they are in force (LEGAL-NOTES §5).
 */
export const formalActionKinds = [
  'NOSP', 'civil injunction referral', 'closure order request', 'CPN', 'demotion', 'possession claim', 'absolute ground 7A',
  'Respect Order application', 'housing injunction', 'youth injunction',
] as const
export type FormalActionKind = (typeof formalActionKinds)[number]

/** Actions whose output is a statutory notice built from the tenure regime. */
export const noticeActionKinds: FormalActionKind[] = ['NOSP', 'absolute ground 7A']

export const formalActionStatuses = ['draft', 'awaiting approval', 'approved', 'returned', 'served', 'withdrawn'] as const
export type FormalActionStatus = (typeof formalActionStatuses)[number]

export const rentPeriods = ['weekly', 'fortnightly', 'four-weekly', 'monthly'] as const
export type RentPeriod = (typeof rentPeriods)[number]

/** The tenancy the notice is served under: its type decides the notice period for 7A and s83. */
export const tenancySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('periodic'),
    rentPeriod: z.enum(rentPeriods, { message: 'choose weekly, fortnightly, four-weekly or monthly' }),
    /** Any date on which a rent period begins (e.g. the tenancy start date, or a Monday for weekly rent). */
    periodStartDate: z.iso.date('must be a date (YYYY-MM-DD)'),
  }),
  z.object({
    type: z.literal('fixed term'),
    termStart: z.iso.date('must be a date (YYYY-MM-DD)'),
    termEnd: z.iso.date('must be a date (YYYY-MM-DD)'),
  }),
])
export type Tenancy = z.infer<typeof tenancySchema>

export const groundChoiceSchema = z.object({
  ground: z.string().min(1, 'choose a ground'),
  limbs: z.array(z.enum(['a', 'aa', 'b'])).default([]),
  /** Ground 12 / Ground 1: the tenancy clause that was broken. */
  clause: z.string().trim().max(500).default(''),
  /** Ground 7A / absolute ground: which condition, and the date of the conviction, finding or order. */
  condition: z.number().int().min(1).max(5).optional(),
  conditionDate: z.iso.date('must be a date (YYYY-MM-DD)').optional(),
  /** If there was an appeal, the date it ended: the 7A service clock runs from the later date. */
  appealEndedAt: z.iso.date('must be a date (YYYY-MM-DD)').optional(),
})
export type GroundChoice = z.infer<typeof groundChoiceSchema>

export interface Approval {
  id: string
  /** 'quality check' by a manager (four-eyes); 'second approval' by the senior role the settings name. */
  level: 'quality check' | 'second approval'
  decision: 'approved' | 'returned'
  by: string
  byName: string
  /** The job title they approved in (e.g. "Head of Customer Experience" for a second approval). */
  asTitle: string
  reasons: string
  at: string
  /** What was approved: any later change to these voids the approval. */
  approvedFingerprint: string
  voided?: { at: string; by: string; reason: string }
}

export interface NoticeServiceRecord {
  documentId: string
  date: string
  method: ServiceMethod
  servedBy: string
  recordedBy: string
  recordedAt: string
  deemedServedOn: string
  proceedingsFrom: string
  /** Form 3: 12 months from service; s83/s83ZA: before the notice lapses. */
  lastDayForProceedings: string
}

/** A row of the formalActions table (contract agreed with the bundle and reports engineers). */
export interface FormalAction {
  id: string
  caseId: string
  kind: FormalActionKind
  status: FormalActionStatus
  againstPersonIds: string[]
  authorId: string
  createdAt: string
  updatedAt: string
  /** Tenure the officer confirmed for this action (defaults from the person's record). */
  tenure?: Tenure
  regimeId?: RegimeId
  tenancy?: Tenancy
  grounds: GroundChoice[]
  /** Incidents the particulars are drafted from (and the ground is proved by). */
  incidentIds: string[]
  particulars: string
  /** Civil injunction referral: proposed prohibitions and requirements. */
  prohibitions: string[]
  requirements: string[]
  ruleSetVersion: string
  approvals: Approval[]
  submittedAt?: string
  /** Shown as a banner: the last approval voided by a change, and why. */
  approvalVoided?: { at: string; by: string; reason: string }
  noticeDocumentIds: string[]
  /** What each generated notice states, so service on a later day than planned can be checked. */
  statedDates?: { documentId: string; plannedServiceDate: string; method: ServiceMethod; proceedingsFrom: string }[]
  service?: NoticeServiceRecord
  withdrawn?: { at: string; by: string; reason: string }
}

export const tenureSchema = z.enum(tenures)

/**
 * The regime a notice is served under, from the tenure and the enabled regimes. [LEGAL-NOTES §1]
 * The absolute ground on a secure tenancy uses s83ZA; a plain NOSP on a secure tenancy uses s83.
 */
export function regimeFor(kind: FormalActionKind, tenure: Tenure | undefined, ruleSet: RuleSet, enabled: Partial<Record<RegimeId, boolean>>): { regimeId?: RegimeId; problem?: string } {
  if (!noticeActionKinds.includes(kind)) return {}
  if (!tenure) return { problem: 'Record the tenure of the person the notice is against first.' }
  const candidates = ruleSet.regimes.filter((r) => r.tenures.includes(tenure))
  const wanted = tenure === 'secure (legacy)' ? candidates.filter((r) => (kind === 'absolute ground 7A' ? r.id === 's83za' : r.id === 's83')) : candidates
  if (wanted.length === 0) return { problem: `No notice seeking possession applies to a ${tenure} tenure.` }
  const on = wanted.find((r) => enabled[r.id] ?? r.enabledByDefault)
  if (!on) return { problem: `${wanted[0].title} is switched off in the legal settings, so no notice can be prepared for a ${tenure} tenure.` }
  return { regimeId: on.id }
}

/** The grounds offered for an action under its regime. [LEGAL-NOTES §2] */
export function groundsOffered(kind: FormalActionKind, regimeId: RegimeId | undefined, ruleSet: RuleSet): string[] {
  if (!regimeId) return []
  const regime = ruleSet.regimes.find((r) => r.id === regimeId)
  if (!regime) return []
  // The absolute-ground action relies on 7A (assured) or the s84A ground (secure) and may add others.
  return kind === 'absolute ground 7A' && regimeId !== 's83za' ? ['7A', ...regime.grounds.filter((g) => g !== '7A')] : regime.grounds
}

export function actionLabel(kind: FormalActionKind): string {
  return kind === 'NOSP' ? 'Notice seeking possession' : kind === 'CPN' ? 'Community Protection Notice' : kind === 'absolute ground 7A' ? 'Absolute ground (Ground 7A)' : kind.charAt(0).toUpperCase() + kind.slice(1)
}
