import { z } from 'zod'
import { defineSettingsSection } from './section'

/**
 * The caseload holds victims' details, children and safeguarding notes on a laptop: an unattended
 * screen must lock itself. Default 10 minutes (issue 10). Fractions of a minute are allowed so a
 * shared-office policy (or a test) can set a very short lock.
 */
export const lockSchema = z.object({
  idleMinutes: z
    .number({ message: 'must be a number' })
    .min(0.25, 'must be at least 0.25 minutes (15 seconds)')
    .max(240, 'must be 240 minutes (4 hours) or fewer'),
})
export type LockSettings = z.infer<typeof lockSchema>

export const lockSettings = defineSettingsSection({
  key: 'lock',
  title: 'Screen lock',
  version: 1,
  schema: lockSchema,
  defaults: (): LockSettings => ({ idleMinutes: 10 }),
})

export const backupSchedules = ['daily', 'weekly', 'off'] as const

/** Automatic backups: daily, keeping the last 14, by default (issue 10). */
export const backupSchema = z.object({
  schedule: z.enum(backupSchedules, { message: 'must be daily, weekly or off' }),
  keep: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be 365 or fewer'),
})
export type BackupSettings = z.infer<typeof backupSchema>

export const backupSettings = defineSettingsSection({
  key: 'backup',
  title: 'Backups',
  version: 1,
  schema: backupSchema,
  defaults: (): BackupSettings => ({ schedule: 'daily', keep: 14 }),
})
