import { defineStore } from 'pinia'
import { ref } from 'vue'
import { loadDemoCaseload } from '@/data/demo/load'
import { listUsers } from '@/data/repositories/users'
import { defaultRoutingTable } from '@/domain/routing'
import { useSessionStore } from './session'

export const useDemoStore = defineStore('demo', () => {
  const loading = ref(false)
  const progress = ref(0)

  /** Loads a synthetic caseload shared between the officers (and the current user). */
  async function load(cases: number): Promise<number> {
    const session = useSessionStore()
    loading.value = true
    progress.value = 0
    try {
      const officers = (await listUsers()).filter((u) => u.role === 'officer').map((u) => u.id)
      const officerIds = [...new Set([session.userId, ...officers])]
      return await loadDemoCaseload({
        cases, by: session.userId, officerIds, routing: defaultRoutingTable,
        onProgress: (done, total) => (progress.value = Math.round((done / total) * 100)),
      })
    } finally {
      loading.value = false
    }
  }

  return { loading, progress, load }
})
