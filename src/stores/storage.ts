import { defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * Asks the browser to keep the caseload (navigator.storage.persist) so it is not evicted under
 * storage pressure, and reports what was granted and how much is used.
 */
export const useStorageStore = defineStore('storage', () => {
  const persisted = ref<boolean | undefined>()
  const usage = ref<number | undefined>()
  const quota = ref<number | undefined>()

  async function requestPersistence(): Promise<void> {
    if (!navigator.storage?.persist) {
      persisted.value = false
      return
    }
    persisted.value = (await navigator.storage.persisted()) || (await navigator.storage.persist())
    await refresh()
  }

  async function refresh(): Promise<void> {
    const estimate = await navigator.storage?.estimate?.()
    usage.value = estimate?.usage
    quota.value = estimate?.quota
  }

  return { persisted, usage, quota, requestPersistence, refresh }
})
