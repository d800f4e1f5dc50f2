import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Role, UserInput, UserProfile } from '@/domain/users'
import { createUser, getUser, listUsers } from '@/data/repositories/users'
import { signIn as checkSignIn, signInWait, SignInRefusal } from '@/data/repositories/signIn'

const SESSION_KEY = 'asb-workstation:user'

/** Who is using the app. Kept in sessionStorage so a page reload does not sign the officer out. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<UserProfile | undefined>()
  const profiles = ref<UserProfile[]>([])
  const restored = ref(false)

  const signedIn = computed(() => user.value !== undefined)
  const userId = computed(() => user.value?.id ?? '')

  async function loadProfiles(): Promise<void> {
    profiles.value = await listUsers()
  }

  async function restore(): Promise<void> {
    if (restored.value) return
    restored.value = true
    const id = sessionStorage.getItem(SESSION_KEY)
    if (id) user.value = await getUser(id)
  }

  /**
   * The wait before the chosen profile may try another passphrase (the profile screen disables
   * Sign in and counts down). The data layer enforces it; this only shows it.
   */
  const signInNotBefore = ref(0)
  const clock = ref(Date.now())
  let countdown: ReturnType<typeof setInterval> | undefined
  const signInWaitSeconds = computed(() => Math.max(0, Math.ceil((signInNotBefore.value - clock.value) / 1000)))

  function waitFor(seconds: number): void {
    clock.value = Date.now()
    signInNotBefore.value = clock.value + seconds * 1000
    if (countdown) clearInterval(countdown)
    countdown = undefined
    if (seconds <= 0) return
    countdown = setInterval(() => {
      clock.value = Date.now()
      if (signInWaitSeconds.value === 0 && countdown) {
        clearInterval(countdown)
        countdown = undefined
      }
    }, 1000)
  }

  /** Called when a profile is chosen, so a wait left from earlier mistakes shows at once. */
  async function loadSignInWait(id: string): Promise<void> {
    waitFor((await signInWait(id)).waitSeconds)
  }

  /** Signs in with the profile's passphrase: wrong ones are audited and rate-limited (src/data/repositories/signIn.ts). */
  async function signIn(id: string, passphrase: string): Promise<void> {
    try {
      startSession(await checkSignIn({ userId: id, passphrase }))
      waitFor(0)
    } catch (error) {
      if (error instanceof SignInRefusal) waitFor(error.waitSeconds)
      throw error
    }
  }

  function startSession(found: UserProfile): void {
    user.value = found
    sessionStorage.setItem(SESSION_KEY, found.id)
  }

  async function createProfile(input: UserInput): Promise<UserProfile> {
    const created = await createUser(input)
    await loadProfiles()
    startSession(created)
    return created
  }

  function signOut(): void {
    user.value = undefined
    sessionStorage.removeItem(SESSION_KEY)
  }

  function hasRole(...roles: Role[]): boolean {
    return user.value !== undefined && roles.includes(user.value.role)
  }

  return { user, profiles, signedIn, userId, signInWaitSeconds, loadProfiles, loadSignInWait, restore, signIn, createProfile, signOut, hasRole }
})
