import { z } from 'zod'
import { roles, type Role, type UserProfile } from './users'

/**
 * Who may give roles. The first profile on a computer is its administrator (flag set at creation);
 * an administrator may also give another profile the administrator role. Without this, anyone
 * could call themselves a manager and four-eyes approval would mean nothing. [issue 10]
 */
export function canAdministerProfiles(user: Pick<UserProfile, 'administrator' | 'role'> | undefined): boolean {
  return user !== undefined && (user.administrator || user.role === 'administrator')
}

/**
 * How later profiles get their roles: anyone may create a profile for themselves, but it starts
 * as a case officer; only an administrator changes a role (audited, before and after).
 */
export const SELF_SERVICE_ROLE: Role = 'officer'

export const roleChangeSchema = z.object({
  userId: z.string().min(1, 'is required').max(100, 'is not a profile id'),
  role: z.enum(roles, { message: 'must be officer, manager, legal or administrator' }),
})
export type RoleChange = z.input<typeof roleChangeSchema>
