import { z } from 'zod'

export const roles = ['officer', 'manager', 'legal', 'administrator'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  officer: 'Case officer',
  manager: 'Manager',
  legal: 'Legal team',
  administrator: 'Administrator',
}

export const userInputSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(80, 'must be 80 characters or fewer'),
  role: z.enum(roles, { message: 'must be officer, manager, legal or administrator' }),
  jobTitle: z.string().trim().max(80).default(''),
  phone: z.string().trim().max(40).regex(/^[+0-9 ()-]*$/, 'must contain only digits, spaces, +, ( ) and -').default(''),
  email: z.union([z.literal(''), z.email('must be an email address')]).default(''),
})
export type UserInput = z.input<typeof userInputSchema>

export interface User extends z.infer<typeof userInputSchema> {
  id: string
  initials: string
  createdAt: string
}

/** "Jo Smith" → "JS": used for exhibit numbers (JS/1) and the shell's avatar. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2)
  return letters.toUpperCase()
}
