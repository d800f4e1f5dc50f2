import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { buildSearchIndex, compareNewestFirst, filterCaseload, type CaseloadFilter, type CaseloadRow } from '@/domain/caseloadSearch'
import { caseloadRowsById, listCaseloadRows, onCasesChanged } from '@/data/repositories/caseload'
import { localToday, readPolicy } from '@/data/repositories/cases'
import { defaultCalendar } from '@/domain/calendarData'
import { todayHorizon } from '@/domain/deadlines'
import { useSessionStore } from './session'
import { useCalendarStore } from './calendar'

/**
 * The caseload: every case's slim row held in memory once, filtered in one pass per change of
 * filter (well under 100 ms at 50,000 cases), and kept up to date when any feature writes a case.
 */
export const useCaseloadStore = defineStore('caseload', () => {
  const all = shallowRef<CaseloadRow[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const scope = ref<'mine' | 'all'>('mine')
  const filter = reactive<CaseloadFilter>({ status: undefined, band: undefined, officerId: undefined, category: undefined, flags: [], overdue: false, text: '' })
  const today = ref(localToday())
  let stopWatching: (() => void) | undefined
  let pending: Promise<void> | undefined

  async function load(): Promise<void> {
    loading.value = true
    try {
      all.value = await listCaseloadRows()
      loaded.value = true
    } finally {
      loading.value = false
    }
  }

  /** Loads once; afterwards follows writes. Safe to call on every visit. */
  async function refresh(): Promise<void> {
    today.value = localToday()
    await useCalendarStore().ensureApplied()
    stopWatching ??= onCasesChanged(queueChange)
    if (!loaded.value) await load()
    else if (pending) await pending
  }

  // Writes arrive in bursts (a demo load writes 2,000 cases per transaction): collect the ids for
  // a moment, then patch those rows, or re-read everything when most of the list changed.
  let changed: Set<string> | 'all' = new Set()
  let flushTimer: ReturnType<typeof setTimeout> | undefined
  function queueChange(ids: string[] | 'all'): void {
    if (!loaded.value) return
    if (ids === 'all' || changed === 'all') changed = 'all'
    else for (const id of ids) changed.add(id)
    clearTimeout(flushTimer)
    flushTimer = setTimeout(() => {
      const batch = changed
      changed = new Set()
      pending = batch === 'all' || batch.size > 1000 ? load() : patch([...batch])
    }, 150)
  }

  async function patch(ids: string[]): Promise<void> {
    const rows = await caseloadRowsById(ids)
    const gone = new Set(ids)
    const next = all.value.filter((r) => !gone.has(r.id))
    for (const r of rows) if (r) next.push(r)
    next.sort(compareNewestFirst)
    all.value = next
  }

  // Rebuilt only when rows change (load or a write), not on each search.
  const index = computed(() => buildSearchIndex(all.value))

  const results = computed<CaseloadRow[]>(() => {
    const searchIndex = index.value
    performance.mark('caseload:search:start')
    const officerId = scope.value === 'mine' ? useSessionStore().userId : filter.officerId
    const out = filterCaseload(searchIndex, { ...filter, officerId: officerId || undefined }, today.value)
    performance.mark('caseload:search:end')
    performance.measure('caseload:search', 'caseload:search:start', 'caseload:search:end')
    return out
  })

  const total = computed(() => all.value.length)
  const categories = computed(() => [...new Set(all.value.map((r) => r.category))].sort())

  function clearFilters(): void {
    Object.assign(filter, { status: undefined, band: undefined, officerId: undefined, category: undefined, flags: [], overdue: false, text: '' })
  }

  /** What the Today panel looks at: today and the end of the next N working days (a setting). */
  async function todayContext(): Promise<{ officerId: string; today: string; horizon: string }> {
    const policy = await readPolicy()
    const day = localToday()
    return { officerId: useSessionStore().userId, today: day, horizon: todayHorizon(day, policy.todayHorizonWorkingDays, defaultCalendar) }
  }

  return { todayContext, all, loaded, loading, scope, filter, today, results, total, categories, refresh, load, clearFilters }
})
