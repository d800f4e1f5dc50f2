import { z } from 'zod'
import { defineSettingsSection } from './section'

/**
 * Limits on evidence files. A per-file limit keeps one CCTV export from filling the machine; the
 * reserve keeps room for the caseload itself (letters, audit trail) when storage runs low.
 */
export const evidenceSettingsSchema = z.object({
  /** Largest single file accepted, in megabytes (issue 11: default 200 MB). */
  maxFileSizeMb: z.number({ message: 'must be a number' }).int('must be a whole number of megabytes').min(1, 'must be at least 1 MB').max(2000, 'must be 2,000 MB or less'),
  /** Space to leave free after adding a file, in megabytes, so the caseload can still be saved. */
  reserveMb: z.number({ message: 'must be a number' }).int('must be a whole number of megabytes').min(0, 'cannot be negative').max(10_000, 'must be 10,000 MB or less'),
})
export type EvidenceSettings = z.infer<typeof evidenceSettingsSchema>

export const evidenceSettings = defineSettingsSection({
  key: 'evidence',
  title: 'Evidence files',
  version: 1,
  schema: evidenceSettingsSchema,
  defaults: (): EvidenceSettings => ({ maxFileSizeMb: 200, reserveMb: 50 }),
})
