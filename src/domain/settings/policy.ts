import { z } from 'zod'
import { defineSettingsSection } from './section'

const wholeDays = (max: number) =>
  z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(max, `must be ${max} or fewer`)

/** The five risk-matrix factors. [000 §4, 002 §5.1] Each is scored 1 (low) to 5 (severe). */
export const riskFactors = ['harm', 'frequency', 'vulnerability', 'impact', 'escalation'] as const
export type RiskFactor = (typeof riskFactors)[number]

export const riskFactorLabels: Record<RiskFactor, string> = {
  harm: 'Harm caused or threatened',
  frequency: 'How often it happens',
  vulnerability: 'Vulnerability of the victim',
  impact: 'Impact on the victim and community',
  escalation: 'Risk of escalation',
}

/**
 * The organisation's ASB policy numbers. Defaults from the seed policies; every landlord sets its
 * own. Category → band defaults live on the routing table rows (Settings › Routing).
 */
export const policySchema = z
  .object({
    /** Initial response targets by band, in working days from the report. [001 §6.4] */
    firstContactWorkingDays: z.object({ High: wholeDays(30), Medium: wholeDays(30), Standard: wholeDays(30) }),
    /** Acknowledge every report within this many working days. [001 §6.3] */
    acknowledgementWorkingDays: wholeDays(30),
    /** Latest incident older than this (with nothing recent) makes a report historic. [001 §3.2] */
    historicMonths: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(36, 'must be 36 or fewer'),
    /** Default agreed contact frequency with the reporter, in working days. [000 §4, 001 §14.3] */
    defaultContactFrequencyWorkingDays: wholeDays(60).min(1, 'must be at least 1'),
    /** How far ahead the Today panel looks, in working days. */
    todayHorizonWorkingDays: wholeDays(10),
    /** ASB Case Review threshold set by the local authority. [001 §12.2; ASBCPA 2014 s104] */
    caseReview: z.object({
      // The statutory guidance caps the threshold at three complaints in six months; a council may
      // set a lower bar (fewer complaints, or a longer window) but never a higher one.
      threshold: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(3, 'must be no higher than 3 qualifying complaints (statutory maximum)'),
      windowMonths: z.number({ message: 'must be a number' }).int('must be a whole number').min(6, 'must be at least 6 months (a shorter window would raise the bar above the statutory maximum)').max(24, 'must be 24 or fewer'),
      /** A complaint counts when made within this many days of the behaviour (Home Office guidance). */
      reportWithinDays: wholeDays(365).min(1, 'must be at least 1'),
      localAuthorityLink: z.string().trim().max(300).default(''),
    }),
    /** Risk matrix: weight per factor and the weighted-score thresholds for each band. */
    riskMatrix: z.object({
      weights: z.object(Object.fromEntries(riskFactors.map((f) => [f, z.number({ message: 'must be a number' }).min(0, 'must be 0 or more').max(10, 'must be 10 or fewer')])) as Record<RiskFactor, z.ZodNumber>),
      highFrom: z.number({ message: 'must be a number' }).min(0, 'must be 0 or more'),
      mediumFrom: z.number({ message: 'must be a number' }).min(0, 'must be 0 or more'),
    }),
  })
  .superRefine((p, ctx) => {
    if (p.riskMatrix.mediumFrom >= p.riskMatrix.highFrom) {
      ctx.addIssue({ code: 'custom', path: ['riskMatrix', 'mediumFrom'], message: 'must be lower than the High threshold' })
    }
    if (p.firstContactWorkingDays.High > p.firstContactWorkingDays.Medium) {
      ctx.addIssue({ code: 'custom', path: ['firstContactWorkingDays', 'High'], message: 'must not be longer than the Medium target' })
    }
    if (p.firstContactWorkingDays.Medium > p.firstContactWorkingDays.Standard) {
      ctx.addIssue({ code: 'custom', path: ['firstContactWorkingDays', 'Medium'], message: 'must not be longer than the Standard target' })
    }
  })
export type PolicySettings = z.infer<typeof policySchema>

export function defaultPolicy(): PolicySettings {
  return {
    firstContactWorkingDays: { High: 1, Medium: 3, Standard: 5 }, // seed 001 §6.4
    acknowledgementWorkingDays: 5, // seed 001 §6.3
    historicMonths: 6, // seed 001 §3.2
    defaultContactFrequencyWorkingDays: 10,
    todayHorizonWorkingDays: 2,
    caseReview: { threshold: 3, windowMonths: 6, reportWithinDays: 31, localAuthorityLink: '' }, // seed 001 §12.2
    // Equal weights, factors scored 1–5: a weighted score of 5–25. High from 18 (most factors
    // severe), Medium from 12 (typically moderate on every factor).
    riskMatrix: { weights: { harm: 1, frequency: 1, vulnerability: 1, impact: 1, escalation: 1 }, highFrom: 18, mediumFrom: 12 },
  }
}

export const policySettings = defineSettingsSection({
  key: 'policy',
  title: 'Response targets and thresholds',
  version: 1,
  schema: policySchema,
  defaults: defaultPolicy,
})
