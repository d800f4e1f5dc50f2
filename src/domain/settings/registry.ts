import { closureSettings } from './closure'
import { evidenceSettings } from './evidence'
import { legalSettings } from './legal'
import { letterSettings } from './letters'
import { organisationSettings } from './organisation'
import { policySettings } from './policy'
import { routingSettings } from './routingSettings'
import { bankHolidaySettings } from './bankHolidays'
import type { SettingsSection } from './section'
import { backupSettings, lockSettings } from './trust'

/**
 * Every settings section the app knows. Add a section here when a feature needs settings; the
 * settings repository validates each stored row against its section's schema.
 */
export const settingsSections: SettingsSection[] = [organisationSettings, policySettings, routingSettings, bankHolidaySettings, lockSettings, backupSettings, evidenceSettings, letterSettings, legalSettings, closureSettings]

export function sectionByKey(key: string): SettingsSection | undefined {
  return settingsSections.find((s) => s.key === key)
}
