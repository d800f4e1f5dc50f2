import type { z } from 'zod'

/**
 * Law and policy as data: every organisation setting lives in a named section with a zod schema
 * and a default (seeded from the policies in shared/seeds). Views never hold these numbers.
 * A section's `version` goes up whenever its shape changes, so stored rows can be migrated.
 */
export interface SettingsSection<S extends z.ZodType = z.ZodType> {
  key: string
  title: string
  version: number
  schema: S
  defaults: () => z.infer<S>
}

export function defineSettingsSection<S extends z.ZodType>(section: SettingsSection<S>): SettingsSection<S> {
  return section
}
