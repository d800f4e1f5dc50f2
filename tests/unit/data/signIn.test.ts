import { describe, expect, it } from 'vitest'
import { signIn, signInWait, SignInRefusal } from '@/data/repositories/signIn'
import { unlockDelaySeconds } from '@/domain/lock'
import { ValidationError } from '@/domain/validation'
import type { WorkstationDatabase } from '@/data/db'
import { freshDatabase, TEST_PASSPHRASE, userIn } from '../helpers/db'

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 9, 0, seconds))

async function signInActions(database: WorkstationDatabase, userId: string) {
  return (await database.audit.orderBy('seq').toArray()).filter((e) => e.entity === 'session' && e.entityId === userId).map((e) => e.action)
}

describe('signing in on the profile screen', () => {
  it('signs in with the right passphrase and audits it', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database, 'Jo Smith')
    const profile = await signIn({ userId: jo.id, passphrase: TEST_PASSPHRASE }, database, at(0))
    expect(profile).toMatchObject({ id: jo.id, name: 'Jo Smith' })
    expect(profile).not.toHaveProperty('passphraseHash')
    expect(await signInActions(database, jo.id)).toEqual(['signed in'])
  })

  it('slows wrong passphrases by the lock screen rule, audits each, and refuses during the wait without checking', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database, 'Jo Smith')
    const wrong = (seconds: number) => signIn({ userId: jo.id, passphrase: 'not my passphrase' }, database, at(seconds))
    // The first mistakes cost nothing (people mistype) …
    await expect(wrong(0)).rejects.toThrow('That passphrase is not right for Jo Smith.')
    await expect(wrong(1)).rejects.toThrow(/^That passphrase is not right for Jo Smith\.$/)
    // … then each further one waits, by the same rule as unlocking.
    const third = await wrong(2).catch((e: unknown) => e)
    expect(third).toBeInstanceOf(SignInRefusal)
    expect((third as SignInRefusal).waitSeconds).toBe(unlockDelaySeconds(3))
    expect((third as Error).message).toBe(`That passphrase is not right for Jo Smith. Wait ${unlockDelaySeconds(3)} seconds before trying again.`)
    expect(await signInWait(jo.id, database, at(3))).toEqual({ failedAttempts: 3, waitSeconds: unlockDelaySeconds(3) - 1 })

    // Even the right passphrase is refused until the wait is over, and the refusal is not audited as a guess.
    await expect(signIn({ userId: jo.id, passphrase: TEST_PASSPHRASE }, database, at(4))).rejects.toThrow(`Too many wrong passphrases for Jo Smith. Wait ${unlockDelaySeconds(3) - 2} seconds before trying again.`)
    expect(await signInActions(database, jo.id)).toEqual(Array(3).fill('sign-in refused (wrong passphrase)'))

    // The next mistake after the wait doubles it.
    await expect(wrong(2 + unlockDelaySeconds(3))).rejects.toThrow(`Wait ${unlockDelaySeconds(4)} seconds`)
    expect(unlockDelaySeconds(4)).toBe(2 * unlockDelaySeconds(3))

    // The right passphrase after the wait signs in and clears the count.
    const after = 2 + unlockDelaySeconds(3) + unlockDelaySeconds(4)
    await signIn({ userId: jo.id, passphrase: TEST_PASSPHRASE }, database, at(after))
    expect(await signInWait(jo.id, database, at(after))).toEqual({ failedAttempts: 0, waitSeconds: 0 })
    expect((await signInActions(database, jo.id)).slice(-2)).toEqual(['sign-in refused (wrong passphrase)', 'signed in'])
  })

  it('keeps the count per profile: one profile being guessed does not hold up another', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database, 'Jo Smith')
    const sam = await userIn(database, 'Sam Jones')
    for (let i = 0; i < 4; i++) await signIn({ userId: jo.id, passphrase: 'guess' }, database, at(0)).catch(() => undefined)
    expect((await signInWait(jo.id, database, at(0))).waitSeconds).toBeGreaterThan(0)
    await expect(signIn({ userId: sam.id, passphrase: TEST_PASSPHRASE }, database, at(0))).resolves.toMatchObject({ name: 'Sam Jones' })
  })

  it('refuses a missing passphrase on its field without counting it as a guess, and unknown profiles plainly', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database, 'Jo Smith')
    const empty = await signIn({ userId: jo.id, passphrase: '' }, database, at(0)).catch((e: unknown) => e)
    expect(empty).toBeInstanceOf(ValidationError)
    expect((empty as ValidationError).problems).toEqual([{ field: 'passphrase', message: 'type your passphrase' }])
    expect(await signInWait(jo.id, database, at(0))).toEqual({ failedAttempts: 0, waitSeconds: 0 })
    await expect(signIn({ userId: 'no-such-profile', passphrase: 'anything at all' }, database, at(0))).rejects.toThrow('That profile no longer exists.')
    await expect(signIn({ userId: 42 as never, passphrase: 'anything at all' }, database, at(0))).rejects.toBeInstanceOf(ValidationError)
    expect(await signInActions(database, jo.id)).toEqual([])
  })
})
