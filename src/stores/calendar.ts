import { defineStore } from 'pinia'
import { ref } from 'vue'
import { applySavedBankHolidays, importBankHolidays } from '@/data/repositories/calendar'
import { localToday } from '@/data/repositories/cases'
import { defaultCalendar } from '@/domain/calendarData'
import { useSessionStore } from './session'

/** The bank-holiday calendar every deadline uses: applied once at start, replaceable by import. */
export const useCalendarStore = defineStore('calendar', () => {
  const coverage = ref({ ...defaultCalendar.coverage })
  const provenance = ref(defaultCalendar.provenance)
  const count = ref(defaultCalendar.holidayCount)
  let applied: Promise<unknown> | undefined

  function sync(): void {
    coverage.value = { ...defaultCalendar.coverage }
    provenance.value = defaultCalendar.provenance
    count.value = defaultCalendar.holidayCount
  }

  /** Once per session: later calls wait for the first. */
  async function ensureApplied(): Promise<void> {
    applied ??= applySavedBankHolidays()
    await applied
    sync()
  }

  async function importFile(file: File): Promise<void> {
    let json: unknown
    try {
      json = JSON.parse(await file.text())
    } catch {
      throw new Error(`${file.name} is not a JSON file.`)
    }
    await importBankHolidays(json, useSessionStore().userId, localToday())
    sync()
  }

  return { coverage, provenance, count, ensureApplied, importFile }
})
