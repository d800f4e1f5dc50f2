import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AsbCase } from '@/domain/cases'
import { db } from '@/data/db'

/** The caseload list. (Filters, search index and virtual scrolling arrive with the case-file work.) */
export const useCaseloadStore = defineStore('caseload', () => {
  const total = ref(0)
  const rows = ref<AsbCase[]>([])

  async function refresh(): Promise<void> {
    total.value = await db.cases.count()
    rows.value = await db.cases.orderBy('openedAt').reverse().limit(200).toArray()
  }

  return { total, rows, refresh }
})
