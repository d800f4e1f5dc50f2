import { z } from 'zod'
import type { PassphraseHash } from './passphrase'

export const roles = ['officer', 'manager', 'legal', 'administrator'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  officer: 'Case officer',
  manager: 'Manager',
  legal: 'Legal team',
  administrator: 'Administrator',
}

export const userInputSchema = z.object({
  passphrase: z.string().min(8, 'must be at least 8 characters').max(256, 'must be 256 characters or fewer'),
  name: z.string().trim().min(2, 'must be at least 2 characters').max(80, 'must be 80 characters or fewer'),
  role: z.enum(roles, { message: 'must be officer, manager, legal or administrator' }),
  jobTitle: z.string().trim().max(80).default(''),
  phone: z.string().trim().max(40).regex(/^[+0-9 ()-]*$/, 'must contain only digits, spaces, +, ( ) and -').default(''),
  email: z.union([z.literal(''), z.email('must be an email address')]).default(''),
})
export type UserInput = z.input<typeof userInputSchema>

export interface User extends Omit<z.infer<typeof userInputSchema>, 'passphrase'> {
  id: string
  initials: string
  /** The first profile on a machine administers the others (assigns roles). */
  administrator: boolean
  /** Only the slow salted hash is kept, never the passphrase. */
  passphraseHash: PassphraseHash
  createdAt: string
}

/** What the rest of the app may see of a profile: never the passphrase hash. */
export type UserProfile = Omit<User, 'passphraseHash'>

export function publicProfile(user: User): UserProfile {
  const { passphraseHash: _hidden, ...profile } = user
  return profile
}

/** "Jo Smith" → "JS": used for exhibit numbers (JS/1) and the shell's avatar. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2)
  return letters.toUpperCase()
}
