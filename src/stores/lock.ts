import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { idleLongEnough, unlockDelaySeconds } from '@/domain/lock'
import { lockSettings } from '@/domain/settings/trust'
import { checkPassphrase, recordUnlockAttempt } from '@/data/repositories/users'
import { useSessionStore } from './session'
import { useSettingsStore } from './settings'

const LOCK_KEY = 'asb-workstation:lock'

interface PersistedLock {
  locked: boolean
  failed: number
  notBefore: number
}

/**
 * The app lock. The locked state lives in sessionStorage beside the session itself, so reloading
 * the page does not get round the lock. While locked the shell renders nothing but the lock screen.
 */
export const useLockStore = defineStore('lock', () => {
  const session = useSessionStore()
  const settings = useSettingsStore()
  const saved = readPersisted()
  const locked = ref(saved.locked)
  const failedAttempts = ref(saved.failed)
  const notBefore = ref(saved.notBefore)
  const idleMinutes = ref(10)
  const now = ref(Date.now())
  let lastActivity = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined

  const waitSeconds = computed(() => Math.max(0, Math.ceil((notBefore.value - now.value) / 1000)))

  function readPersisted(): PersistedLock {
    try {
      const raw = JSON.parse(sessionStorage.getItem(LOCK_KEY) ?? 'null') as Partial<PersistedLock> | null
      return { locked: raw?.locked === true, failed: Number(raw?.failed) || 0, notBefore: Number(raw?.notBefore) || 0 }
    } catch {
      return { locked: false, failed: 0, notBefore: 0 }
    }
  }

  function persist(): void {
    sessionStorage.setItem(LOCK_KEY, JSON.stringify({ locked: locked.value, failed: failedAttempts.value, notBefore: notBefore.value }))
  }

  async function loadSettings(): Promise<void> {
    idleMinutes.value = (await settings.read(lockSettings)).idleMinutes
  }

  function noteActivity(): void {
    lastActivity = Date.now()
  }

  function tick(): void {
    now.value = Date.now()
    if (!locked.value && session.signedIn && idleLongEnough(lastActivity, now.value, idleMinutes.value)) lockNow()
  }

  const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

  /** Starts watching for idleness; called once by the lock component. */
  function start(): void {
    if (timer) return
    for (const event of activityEvents) window.addEventListener(event, noteActivity, { passive: true })
    timer = setInterval(tick, 1000)
    void loadSettings()
  }

  function stop(): void {
    for (const event of activityEvents) window.removeEventListener(event, noteActivity)
    if (timer) clearInterval(timer)
    timer = undefined
  }

  watch(() => settings.revision, () => void loadSettings())

  function lockNow(): void {
    if (!session.signedIn) return
    locked.value = true
    persist()
  }

  /** Unlocks with the signed-in profile's passphrase; refuses while the rate limit is running. */
  async function unlock(passphrase: string): Promise<void> {
    now.value = Date.now()
    if (waitSeconds.value > 0) throw new Error(`Too many wrong passphrases. Wait ${waitSeconds.value} seconds before trying again.`)
    const user = session.user
    if (!user) throw new Error('No profile is signed in.')
    if (await checkPassphrase(user.id, passphrase)) {
      await recordUnlockAttempt(user.id, true, failedAttempts.value)
      failedAttempts.value = 0
      notBefore.value = 0
      locked.value = false
      lastActivity = Date.now()
      persist()
      return
    }
    failedAttempts.value++
    notBefore.value = Date.now() + unlockDelaySeconds(failedAttempts.value) * 1000
    persist()
    await recordUnlockAttempt(user.id, false, failedAttempts.value)
    const wait = unlockDelaySeconds(failedAttempts.value)
    throw new Error(`That passphrase is not right for ${user.name}.${wait ? ` Wait ${wait} seconds before trying again.` : ''}`)
  }

  /** Leaving the lock screen by signing out is always allowed: the next person must sign in. */
  function signOutFromLock(): void {
    locked.value = false
    failedAttempts.value = 0
    notBefore.value = 0
    persist()
    session.signOut()
  }

  return { locked, failedAttempts, waitSeconds, idleMinutes, start, stop, lockNow, unlock, signOutFromLock, noteActivity }
})
