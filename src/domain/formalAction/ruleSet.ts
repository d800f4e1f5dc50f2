import { z } from 'zod'
import { tenures } from '../people'
import shipped from '../../../resources/legal/ruleset-2026-11.json'

/**
 * Law as data: notice regimes by tenure, ground texts, prescribed notes, powers and their in-force
 * switches live in a versioned rule-set file (resources/legal/). Code reads them; when the law
 * moves, a new rule-set file is added and every notice records which version made it.
 * [LEGAL-NOTES preamble, §1–5]
 */
export const regimeIds = ['form3', 'form3a', 's83', 's83za'] as const
export type RegimeId = (typeof regimeIds)[number]

/** The same words the documents register uses for service. */
export const serviceMethods = ['hand', 'first-class post', 'left at property'] as const
export type ServiceMethod = (typeof serviceMethods)[number]

const regimeSchema = z.object({
  id: z.enum(regimeIds),
  title: z.string(),
  statute: z.string(),
  form: z.string(),
  tenures: z.array(z.enum(tenures)),
  commencement: z.iso.date(),
  enabledByDefault: z.boolean(),
  grounds: z.array(z.string()).min(1),
  documentKind: z.string(),
  lapseMonths: z.number().int().positive(),
  /** Form 3: proceedings within 12 months of service (HA 1988 s8(3)(c)); s83: 12 months after the date specified (HA 1985 s83(3)). */
  lapseFrom: z.enum(['service', 'specified date']),
  reviewRequestDays: z.number().int().positive().optional(),
  verify: z.boolean().optional(),
  note: z.string().optional(),
})

const conditionSchema = z.object({
  id: z.number().int().min(1).max(5),
  label: z.string(),
  dateLabel: z.string(),
  deadlineMonths: z.number().int().positive(),
  verify: z.boolean().optional(),
})

const groundSchema = z.object({
  id: z.string(),
  number: z.string(),
  schedule: z.string(),
  mandatory: z.boolean(),
  /** How the ground sets the earliest date for proceedings. [LEGAL-NOTES §3] */
  period: z.enum(['immediate', 'two weeks', 'notice to quit', 'notice to quit or one month']),
  title: z.string(),
  text: z.string().min(20),
  limbs: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  conditions: z.array(conditionSchema).optional(),
  needsClause: z.boolean().optional(),
  verify: z.boolean().optional(),
})

const powerSchema = z.object({
  id: z.string(),
  title: z.string(),
  statute: z.string(),
  inForceByDefault: z.boolean(),
  needsNotice: z.boolean().optional(),
  minimumAge: z.number().int().optional(),
  verify: z.boolean().optional(),
})

export const ruleSetSchema = z.object({
  version: z.string().min(1),
  title: z.string(),
  lawAsAt: z.iso.date(),
  source: z.string(),
  regimes: z.array(regimeSchema),
  grounds: z.array(groundSchema),
  prescribedNotes: z.object({ verify: z.boolean().optional(), form3: z.array(z.string()), s83: z.array(z.string()), s83za: z.array(z.string()) }),
  powers: z.array(powerSchema),
  deemedService: z.record(z.enum(serviceMethods), z.object({ workingDaysAfter: z.number().int().min(0).max(10) })),
  noticeToQuitMinimumDays: z.number().int().positive(),
  checkWithLegalTeam: z.string(),
})
export type RuleSet = z.infer<typeof ruleSetSchema>
export type Regime = RuleSet['regimes'][number]
export type GroundRule = RuleSet['grounds'][number]
export type PowerRule = RuleSet['powers'][number]

/** Validated at load: a malformed rule-set must fail loudly, never produce a wrong notice. */
export const shippedRuleSet: RuleSet = ruleSetSchema.parse(shipped)

export function groundRule(ruleSet: RuleSet, id: string): GroundRule {
  const found = ruleSet.grounds.find((g) => g.id === id)
  if (!found) throw new Error(`Rule set ${ruleSet.version} has no ground "${id}".`)
  return found
}

export function regimeRule(ruleSet: RuleSet, id: RegimeId): Regime {
  const found = ruleSet.regimes.find((r) => r.id === id)
  if (!found) throw new Error(`Rule set ${ruleSet.version} has no regime "${id}".`)
  return found
}
