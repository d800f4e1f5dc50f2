import { afterEach, describe, expect, it } from 'vitest'
import { applySavedBankHolidays, importBankHolidays } from '@/data/repositories/calendar'
import { defaultCalendar, shippedBankHolidays } from '@/domain/calendarData'
import { ValidationError } from '@/domain/validation'
import { freshDatabase, userIn } from '../helpers/db'

// A GOV.UK-style feed that adds 2029 (dates worked out from the usual rules).
const feed = {
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      ...shippedBankHolidays.events.map((e) => ({ title: e.title, date: e.date, notes: '', bunting: true })),
      { title: 'New Year’s Day', date: '2029-01-01', notes: '', bunting: true },
      { title: 'Good Friday', date: '2029-03-30', notes: '', bunting: false },
      { title: 'Easter Monday', date: '2029-04-02', notes: '', bunting: true },
      { title: 'Christmas Day', date: '2029-12-25', notes: '', bunting: true },
    ],
  },
  scotland: { division: 'scotland', events: [] },
}

describe('updating the bank holidays', () => {
  afterEach(() => defaultCalendar.load(shippedBankHolidays))

  it('imports the GOV.UK feed: deadlines in 2029 stop warning and skip the new holidays', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    expect(defaultCalendar.addWorkingDays('2029-03-29', 1).warning).toMatch(/outside that/)
    const saved = await importBankHolidays(feed, jo.id, '2026-11-25', database)
    expect(saved.coverage).toEqual({ from: '2024-01-01', to: '2029-12-31' })
    // Thu 29 Mar 2029 + 1: Good Friday and Easter Monday are skipped.
    expect(defaultCalendar.addWorkingDays('2029-03-29', 1)).toEqual({ date: '2029-04-03' })
    // Applied again from the database on the next start.
    defaultCalendar.load(shippedBankHolidays)
    await applySavedBankHolidays(database)
    expect(defaultCalendar.coverage.to).toBe('2029-12-31')
  })

  it('refuses a file that is not bank holidays, and keeps the calendar as it was', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const error = await importBankHolidays({ hello: 'world' }, jo.id, '2026-11-25', database).catch((e) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).toMatch(/file — This is not a bank-holiday file/)
    expect(defaultCalendar.coverage.to).toBe('2028-12-31')
    expect(await database.settings.get('bankHolidays')).toBeUndefined()
  })
})
