import { z } from 'zod'
import { tenures } from '../people'
import shippedLetterContent from '../../../resources/policy/letter-content.json'
import { defineSettingsSection } from './section'

/**
 * What letters say that a landlord decides: large-print size, plain-English target, the tenancy
 * clause each tenure breaches, where to signpost people, suggested ABA terms, support offers and
 * the wording of possible next actions. Defaults ship in resources/policy/letter-content.json.
 */
const line = (max: number) => z.string().trim().min(2, 'is required').max(max, `must be ${max} characters or fewer`)

export const signpostSchema = z.object({
  key: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lower-case letters, digits or hyphens'),
  name: line(120),
  helpsWith: line(300),
  contact: line(300),
})
export type Signpost = z.infer<typeof signpostSchema>

export const letterSettingsSchema = z
  .object({
    /** Version of the wording: stored as the rule-set version on every letter. */
    contentVersion: z.string().trim().min(1, 'is required').max(40),
    /** Large print is at least 16 pt (RNIB clear print guidance); an organisation may choose larger. */
    largePrintPt: z.number({ message: 'must be a number' }).int('must be a whole number').min(16, 'must be at least 16 pt').max(36, 'must be 36 pt or less'),
    /** Flesch reading ease the resident-facing text should reach (60 = plain English). [003 §4.1] */
    readabilityTarget: z.number({ message: 'must be a number' }).min(0, 'must be 0 or more').max(100, 'must be 100 or less'),
    tenancyClauses: z.array(z.object({ tenure: z.enum(tenures), clause: line(1000) })),
    defaultTenancyClause: line(1000),
    signposting: z.array(signpostSchema).min(1, 'needs at least one entry'),
    abaTerms: z.object({ positive: z.array(line(300)), negative: z.array(line(300)) }),
    /** ABA length and review point, in months. [LEGAL-NOTES §5: default 6 and 3] */
    abaDurationMonths: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(24, 'must be 24 or fewer'),
    abaReviewMonths: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(24, 'must be 24 or fewer'),
    supportOffers: z.array(line(300)),
    possibleNextActions: z.array(line(300)).min(1, 'needs at least one action'),
    caseReviewWording: line(1000),
  })
  .superRefine((s, ctx) => {
    if (s.abaReviewMonths > s.abaDurationMonths) ctx.addIssue({ code: 'custom', path: ['abaReviewMonths'], message: 'must not be after the end of the agreement' })
    const keys = new Set<string>()
    s.signposting.forEach((entry, i) => {
      if (keys.has(entry.key)) ctx.addIssue({ code: 'custom', path: ['signposting', i, 'key'], message: `"${entry.key}" is used by another entry` })
      keys.add(entry.key)
    })
  })
export type LetterSettings = z.infer<typeof letterSettingsSchema>

export const letterSettings = defineSettingsSection({
  key: 'letters',
  title: 'Letters',
  version: 1,
  schema: letterSettingsSchema,
  defaults: (): LetterSettings =>
    letterSettingsSchema.parse({
      contentVersion: shippedLetterContent.version,
      largePrintPt: 16,
      readabilityTarget: 60,
      tenancyClauses: shippedLetterContent.tenancyClauses,
      defaultTenancyClause: shippedLetterContent.defaultTenancyClause,
      signposting: shippedLetterContent.signposting,
      abaTerms: shippedLetterContent.abaTerms,
      abaDurationMonths: 6,
      abaReviewMonths: 3,
      supportOffers: shippedLetterContent.supportOffers,
      possibleNextActions: shippedLetterContent.possibleNextActions,
      caseReviewWording: shippedLetterContent.caseReviewWording,
    }),
})

/** The clause a tenant's behaviour breaches, by tenure; the general clause when none is set. */
export function tenancyClauseFor(settings: LetterSettings, tenure: string | undefined): string {
  return settings.tenancyClauses.find((c) => c.tenure === tenure)?.clause ?? settings.defaultTenancyClause
}
