import type { z } from 'zod'
import type { SettingsSection } from '@/domain/settings/section'
import { parseOrRefuse } from '@/domain/validation'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, nowIso } from '../write'

/**
 * Reads a settings section: the stored value when it still passes the section's schema, else the
 * section's defaults (a corrupt or outdated row never breaks a letter or a deadline).
 */
export async function readSettings<S extends z.ZodType>(section: SettingsSection<S>, database: WorkstationDatabase = db): Promise<z.infer<S>> {
  const row = await database.settings.get(section.key)
  if (!row) return section.defaults()
  const parsed = section.schema.safeParse(row.value)
  return parsed.success ? parsed.data : section.defaults()
}

/** Saves a section after validating it; audited with before and after. */
export async function saveSettings<S extends z.ZodType>(section: SettingsSection<S>, value: unknown, by: string, database: WorkstationDatabase = db): Promise<z.infer<S>> {
  const valid = parseOrRefuse(section.schema, value, `${section.title} settings`)
  return auditedWrite(by, (d) => [d.settings], async ({ database: d, audit }) => {
    const before = await d.settings.get(section.key)
    await d.settings.put({ key: section.key, version: section.version, value: valid, updatedAt: nowIso(), updatedBy: by })
    await audit({ entity: 'settings', entityId: section.key, action: 'updated', before: before?.value, after: valid })
    return valid
  }, database)
}
