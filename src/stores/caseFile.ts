import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { loadCaseFile, type CaseFile } from '@/data/repositories/caseFile'

/** The case open on screen. Panels read from here and call `reload()` after a change. */
export const useCaseFileStore = defineStore('caseFile', () => {
  const file = shallowRef<CaseFile | undefined>()
  const notFound = ref(false)
  const loading = ref(false)

  async function open(caseId: string): Promise<void> {
    loading.value = true
    try {
      file.value = await loadCaseFile(caseId)
      notFound.value = file.value === undefined
    } finally {
      loading.value = false
    }
  }

  async function reload(): Promise<void> {
    if (file.value) await open(file.value.case.id)
  }

  return { file, notFound, loading, open, reload }
})
