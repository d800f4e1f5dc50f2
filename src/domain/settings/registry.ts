import { organisationSettings } from './organisation'
import type { SettingsSection } from './section'

/**
 * Every settings section the app knows. Add a section here when a feature needs settings; the
 * settings repository validates each stored row against its section's schema.
 */
export const settingsSections: SettingsSection[] = [organisationSettings]

export function sectionByKey(key: string): SettingsSection | undefined {
  return settingsSections.find((s) => s.key === key)
}
