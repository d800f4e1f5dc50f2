import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Role, UserInput, UserProfile } from '@/domain/users'
import { checkPassphrase, createUser, getUser, listUsers } from '@/data/repositories/users'

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

  async function signIn(id: string, passphrase: string): Promise<void> {
    const found = await getUser(id)
    if (!found) throw new Error('That profile no longer exists.')
    if (!(await checkPassphrase(id, passphrase))) throw new Error(`That passphrase is not right for ${found.name}.`)
    startSession(found)
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

  return { user, profiles, signedIn, userId, loadProfiles, restore, signIn, createProfile, signOut, hasRole }
})
