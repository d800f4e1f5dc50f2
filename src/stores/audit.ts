import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AuditEntry, ChainCheck } from '@/domain/audit'
import { auditForCase, verifyAuditChain } from '@/data/audit'
import { listUsers } from '@/data/repositories/users'

/** Glue for "Verify audit trail" and the per-case audit view. */
export const useAuditStore = defineStore('audit', () => {
  const checked = ref(0)
  const total = ref(0)
  const running = ref(false)
  const result = ref<ChainCheck | undefined>()

  async function verify(): Promise<ChainCheck> {
    running.value = true
    result.value = undefined
    checked.value = 0
    try {
      result.value = await verifyAuditChain(undefined, (done, all) => {
        checked.value = done
        total.value = all
      })
      return result.value
    } finally {
      running.value = false
    }
  }

  /** A case's entries, newest first, with the name of whoever made each change. */
  async function forCase(caseId: string): Promise<(AuditEntry & { userName: string })[]> {
    const [entries, users] = await Promise.all([auditForCase(caseId), listUsers()])
    const names = new Map(users.map((u) => [u.id, u.name]))
    return entries.map((entry) => ({ ...entry, userName: names.get(entry.userId) ?? 'a profile no longer on this computer' }))
  }

  return { checked, total, running, result, verify, forCase }
})
