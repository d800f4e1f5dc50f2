import { z } from 'zod'
import shippedWording from '../../../resources/legal/bundle.json'

/**
 * Wording the bundle carries that the law, not the code, decides: the statement of truth, the
 * witness-statement heading and the redaction markers. Versioned data in resources/legal so a
 * change in the Practice Direction is a data change. [LEGAL-NOTES: law as data]
 */
export const bundleRecipients = ['legal team', 'court / respondent disclosure', 'partner agency'] as const
export type BundleRecipient = (typeof bundleRecipients)[number]

export const bundleWordingSchema = z.object({
  version: z.string().min(1),
  source: z.string().optional(),
  statementOfTruth: z.string().min(20),
  statementOfTruthCheck: z.string().min(10),
  draftMarking: z.string().min(10),
  statementHeadingLines: z.array(z.string()),
  courtLine: z.string(),
  claimLine: z.string(),
  partiesLine: z.string(),
  pseudonymPrefix: z.string().min(1),
  removed: z.object({ address: z.string(), flat: z.string(), phone: z.string(), email: z.string(), postcode: z.string() }),
  recipients: z.record(z.enum(bundleRecipients), z.string()),
})
export type BundleWording = z.infer<typeof bundleWordingSchema>

export const defaultBundleWording: BundleWording = bundleWordingSchema.parse(shippedWording)

/** Fills "{name}" placeholders in a wording line. */
export function fillWording(line: string, values: Record<string, string>): string {
  return line.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}
