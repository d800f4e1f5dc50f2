// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { unlockDelaySeconds } from '@/domain/lock'
import { useSessionStore } from '@/stores/session'
import { TEST_PASSPHRASE } from '../helpers/db'

describe('session store: signing in', () => {
  it('shows the wait after repeated wrong passphrases, also in a new window, and refuses even the right one until it is over', async () => {
    setActivePinia(createPinia())
    const session = useSessionStore()
    const pat = await session.createProfile({ name: 'Pat Passphrase', role: 'officer', passphrase: TEST_PASSPHRASE })
    session.signOut()

    for (let i = 1; i <= 3; i++) await expect(session.signIn(pat.id, `wrong ${i}`)).rejects.toThrow('That passphrase is not right for Pat Passphrase.')
    expect(session.signedIn).toBe(false)
    expect(session.signInWaitSeconds).toBe(unlockDelaySeconds(3))
    await expect(session.signIn(pat.id, TEST_PASSPHRASE)).rejects.toThrow('Too many wrong passphrases for Pat Passphrase.')
    expect(session.signedIn).toBe(false)

    // Another window (a fresh store) sees the same wait as soon as the profile is chosen.
    setActivePinia(createPinia())
    const other = useSessionStore()
    expect(other.signInWaitSeconds).toBe(0)
    await other.loadSignInWait(pat.id)
    expect(other.signInWaitSeconds).toBeGreaterThan(0)
    expect(other.signInWaitSeconds).toBeLessThanOrEqual(unlockDelaySeconds(3))
  })
})
