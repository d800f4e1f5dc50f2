import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Role, UserProfile } from '@/domain/users'
import { canAdministerProfiles } from '@/domain/profileAdmin'
import { assignRole, listUsers } from '@/data/repositories/users'
import { useSessionStore } from './session'

/** Glue for Settings → Profiles and roles. The data layer enforces who may change a role. */
export const useProfilesAdminStore = defineStore('profilesAdmin', () => {
  const profiles = ref<UserProfile[]>([])
  const session = useSessionStore()
  const isAdministrator = computed(() => canAdministerProfiles(session.user))

  async function load(): Promise<void> {
    profiles.value = await listUsers()
  }

  async function changeRole(userId: string, role: Role): Promise<UserProfile> {
    const updated = await assignRole(session.userId, { userId, role })
    if (updated.id === session.userId) session.user = updated
    await load()
    await session.loadProfiles()
    return updated
  }

  return { profiles, isAdministrator, load, changeRole }
})
