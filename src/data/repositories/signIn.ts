import { z } from 'zod'
import { unlockDelaySeconds } from '@/domain/lock'
import { passphraseMatches } from '@/domain/passphrase'
import { publicProfile, type UserProfile } from '@/domain/users'
import { parseOrRefuse, PolicyRefusal } from '@/domain/validation'
import { db, type CounterRow, type WorkstationDatabase } from '../db'
import { auditedWrite } from '../write'

/**
 * Signing in on the profile screen. Anyone at the computer can pick a profile there and guess, so
 * wrong passphrases are audited and slowed by the same rule as the lock screen (unlockDelaySeconds
 * in src/domain/lock.ts: a few free mistakes, then a doubling wait capped at five minutes).
 * The count is kept per profile in the database, not in the tab, so reloading the page or opening
 * another window does not reset it; a right passphrase (after the wait) clears it.
 */
const signInSchema = z.object({
  userId: z.string({ message: 'choose your profile' }).min(1, 'choose your profile').max(100, 'is not a profile'),
  passphrase: z.string({ message: 'type your passphrase' }).min(1, 'type your passphrase').max(256, 'must be 256 characters or fewer'),
})
export type SignInInput = z.input<typeof signInSchema>

/** Consecutive wrong passphrases for one profile, kept in `counters` (key `sign-in-failures:<id>`). */
interface SignInFailures extends CounterRow {
  lastFailedAt: string
}

const failuresKey = (userId: string) => `sign-in-failures:${userId}`

export interface SignInWait {
  failedAttempts: number
  /** Seconds before the profile may try again (0: now). */
  waitSeconds: number
}

/** Refused because the passphrase was wrong or the wait after earlier mistakes is still running. */
export class SignInRefusal extends PolicyRefusal {
  readonly waitSeconds: number
  constructor(message: string, waitSeconds: number) {
    super(message)
    this.name = 'SignInRefusal'
    this.waitSeconds = waitSeconds
  }
}

function waitFrom(row: Partial<SignInFailures> | undefined, now: Date): SignInWait {
  const failedAttempts = Number.isInteger(row?.value) && (row?.value ?? 0) > 0 ? (row?.value as number) : 0
  const lastFailed = row?.lastFailedAt ? Date.parse(row.lastFailedAt) : Number.NaN
  if (!failedAttempts || Number.isNaN(lastFailed)) return { failedAttempts, waitSeconds: 0 }
  const notBefore = lastFailed + unlockDelaySeconds(failedAttempts) * 1000
  return { failedAttempts, waitSeconds: Math.max(0, Math.ceil((notBefore - now.getTime()) / 1000)) }
}

/** How long a profile must wait before the next try (for the profile screen's countdown). */
export async function signInWait(userId: string, database: WorkstationDatabase = db, now = new Date()): Promise<SignInWait> {
  const valid = parseOrRefuse(signInSchema.pick({ userId: true }), { userId }, 'The sign-in')
  return waitFrom((await database.counters.get(failuresKey(valid.userId))) as Partial<SignInFailures> | undefined, now)
}

/**
 * Checks the passphrase and records the attempt (audited either way). Refuses without checking
 * the passphrase while the wait runs, so guesses made then cost nothing and teach nothing.
 */
export async function signIn(input: SignInInput, database: WorkstationDatabase = db, now = new Date()): Promise<UserProfile> {
  const valid = parseOrRefuse(signInSchema, input, 'The sign-in')
  const user = await database.users.get(valid.userId)
  if (!user) throw new PolicyRefusal('That profile no longer exists.')
  const waiting = await signInWait(user.id, database, now)
  if (waiting.waitSeconds > 0) {
    throw new SignInRefusal(`Too many wrong passphrases for ${user.name}. Wait ${waiting.waitSeconds} seconds before trying again.`, waiting.waitSeconds)
  }
  // WebCrypto before the transaction: IndexedDB would commit it while PBKDF2 runs.
  const matches = await passphraseMatches(valid.passphrase, user.passphraseHash)
  const key = failuresKey(user.id)
  const outcome = await auditedWrite(user.id, (d) => [d.counters], async ({ database: d, audit }) => {
    const before = waitFrom((await d.counters.get(key)) as Partial<SignInFailures> | undefined, now)
    if (matches) {
      if (before.failedAttempts) await d.counters.delete(key)
      await audit({ entity: 'session', entityId: user.id, action: 'signed in', after: { wrongPassphrasesBefore: before.failedAttempts } })
      return { failedAttempts: 0, waitSeconds: 0 }
    }
    const failures: SignInFailures = { key, value: before.failedAttempts + 1, lastFailedAt: now.toISOString() }
    await d.counters.put(failures)
    const waitSeconds = unlockDelaySeconds(failures.value)
    await audit({ entity: 'session', entityId: user.id, action: 'sign-in refused (wrong passphrase)', after: { failedAttempts: failures.value, waitSeconds } })
    return { failedAttempts: failures.value, waitSeconds }
  }, database)
  if (!matches) {
    throw new SignInRefusal(`That passphrase is not right for ${user.name}.${outcome.waitSeconds ? ` Wait ${outcome.waitSeconds} seconds before trying again.` : ''}`, outcome.waitSeconds)
  }
  return publicProfile(user)
}
