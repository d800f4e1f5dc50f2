import { z } from 'zod'
import { formalActionKinds, type FormalActionKind } from '../formalAction/actions'
import { regimeIds, serviceMethods, shippedRuleSet, type RegimeId, type RuleSet, type ServiceMethod } from '../formalAction/ruleSet'
import { defineSettingsSection } from './section'

/**
 * Legal settings: which notice regimes are switched on (and from when), which powers are in force,
 * the tenancy agreement's deemed-service rule, and who gives the second approval per action.
 * Defaults come from the shipped rule set (LEGAL-NOTES §1, §3, §5) and POLICY-RULES §5 / seed 003 §8.5.
 */
const days = z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(10, 'must be 10 or fewer')

export const legalSchema = z.object({
  ruleSetVersion: z.string().min(1),
  regimes: z.record(z.enum(regimeIds), z.object({ enabled: z.boolean(), commencement: z.iso.date('must be a date (YYYY-MM-DD)') })),
  powersInForce: z.record(z.string(), z.boolean()),
  deemedServiceWorkingDays: z.record(z.enum(serviceMethods), days),
  secondApproval: z.partialRecord(z.enum(formalActionKinds), z.object({
    required: z.boolean(),
    title: z.string().trim().max(80, 'must be 80 characters or fewer'),
  })),
}).superRefine((value, ctx) => {
  for (const [kind, rule] of Object.entries(value.secondApproval)) {
    if (rule?.required && rule.title.length < 3) ctx.addIssue({ code: 'custom', path: ['secondApproval', kind, 'title'], message: 'name the role that gives the second approval' })
  }
})
export type LegalSettings = z.infer<typeof legalSchema>

export function legalDefaults(ruleSet: RuleSet = shippedRuleSet): LegalSettings {
  return {
    ruleSetVersion: ruleSet.version,
    regimes: Object.fromEntries(ruleSet.regimes.map((r) => [r.id, { enabled: r.enabledByDefault, commencement: r.commencement }])) as LegalSettings['regimes'],
    powersInForce: Object.fromEntries(ruleSet.powers.map((p) => [p.id, p.inForceByDefault])),
    deemedServiceWorkingDays: Object.fromEntries(serviceMethods.map((m) => [m, ruleSet.deemedService[m]?.workingDaysAfter ?? 0])) as Record<ServiceMethod, number>,
    // Possession action approved by a named role; the more senior sign-off before going to court. [003 §8.5]
    secondApproval: {
      'possession claim': { required: true, title: 'Head of Customer Experience' },
      'absolute ground 7A': { required: false, title: 'Head of Customer Experience' },
    },
  }
}

export const legalSettings = defineSettingsSection({
  key: 'legal',
  title: 'Legal',
  version: 1,
  schema: legalSchema,
  defaults: (): LegalSettings => legalDefaults(),
})

/** A regime is usable on a date when switched on and commenced by then. */
export function enabledRegimes(settings: LegalSettings, onIsoDate: string): Partial<Record<RegimeId, boolean>> {
  return Object.fromEntries(regimeIds.map((id) => [id, Boolean(settings.regimes[id]?.enabled && settings.regimes[id].commencement <= onIsoDate)]))
}

/** Powers not in force are never offered (LEGAL-NOTES §5: Crime and Policing Act 2026 powers). */
export function kindsOffered(settings: LegalSettings, ruleSet: RuleSet = shippedRuleSet): FormalActionKind[] {
  return formalActionKinds.filter((kind) => {
    const power = ruleSet.powers.find((p) => p.id === kind)
    return power ? (settings.powersInForce[kind] ?? power.inForceByDefault) : false
  })
}

export function secondApprovalFor(settings: LegalSettings, kind: FormalActionKind): { required: boolean; title: string } {
  return settings.secondApproval[kind] ?? { required: false, title: '' }
}
