import { defineStore } from 'pinia'
import { ref } from 'vue'
import { sortTodayItems, type TodayItem } from '@/domain/today'
import { closureTodayItems } from '@/data/repositories/closure'
import { caseFileTodayItems } from '@/data/repositories/caseFileToday'
import { noticeClockItems } from '@/data/repositories/formalActions'
import { legalNoteTodayItems } from '@/data/repositories/bundles'

/**
 * A provider returns Today items for the signed-in officer, looking ahead `horizon` (an ISO date:
 * the end of the next 2 working days). Features register theirs in `todayProviders` below.
 */
export type TodayProvider = (context: { officerId: string; today: string; horizon: string }) => Promise<TodayItem[]>

/** Add a feature's provider here (one line each). */
export const todayProviders: TodayProvider[] = [
  (context) => caseFileTodayItems(context), // first contacts, acknowledgements, agreed updates, actions, case review notices (issue 4)
  (context) => closureTodayItems(context), // satisfaction surveys and follow-up contacts after closure (issue 7)
  (context) => noticeClockItems(context), // notice clocks: proceedings may begin, last day for proceedings, 7A service deadlines (issue 6)
  (context) => legalNoteTodayItems(context), // notes from the legal team on a case bundle (issue 8)
]

export const useTodayStore = defineStore('today', () => {
  const items = ref<TodayItem[]>([])
  const loading = ref(false)

  async function refresh(context: { officerId: string; today: string; horizon: string }): Promise<void> {
    loading.value = true
    try {
      const lists = await Promise.all(todayProviders.map((provider) => provider(context)))
      items.value = sortTodayItems(lists.flat())
    } finally {
      loading.value = false
    }
  }

  return { items, loading, refresh }
})
