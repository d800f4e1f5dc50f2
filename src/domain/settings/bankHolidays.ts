import { z } from 'zod'
import { shippedBankHolidays } from '../calendarData'
import type { BankHolidayData } from '../workingDays'
import { defineSettingsSection } from './section'

/**
 * England & Wales bank holidays as data (resources/bank-holidays-england-and-wales.json by default).
 * An officer imports a newer file — the GOV.UK feed (www.gov.uk/bank-holidays.json) or this app's
 * own format — so deadlines stay right beyond the shipped years.
 */
const isoDate = z.iso.date('must be a date (YYYY-MM-DD)')
export const bankHolidaySchema = z
  .object({
    division: z.string().min(1),
    coverage: z.object({ from: isoDate, to: isoDate }),
    provenance: z.string().max(1000).optional(),
    events: z.array(z.object({ date: isoDate, title: z.string().trim().min(1, 'needs a name').max(120), notes: z.string().max(200).optional() })).min(1, 'has no bank holidays'),
  })
  .superRefine((d, ctx) => {
    if (d.coverage.to < d.coverage.from) ctx.addIssue({ code: 'custom', path: ['coverage', 'to'], message: 'is before the start of the coverage' })
    d.events.forEach((e, i) => {
      if (e.date < d.coverage.from || e.date > d.coverage.to) ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `is outside the stated coverage (${d.coverage.from} to ${d.coverage.to})` })
    })
  })

export const bankHolidaySettings = defineSettingsSection({
  key: 'bankHolidays',
  title: 'Bank holidays',
  version: 1,
  schema: bankHolidaySchema,
  defaults: (): BankHolidayData => structuredClone(shippedBankHolidays),
})

const govUkFeed = z.object({
  'england-and-wales': z.object({
    division: z.string(),
    events: z.array(z.object({ title: z.string(), date: isoDate, notes: z.string().optional() })).min(1, 'has no bank holidays'),
  }),
})

/**
 * Reads an imported file: this app's format, or the GOV.UK feed (only the England and Wales
 * division is used; coverage is taken as the whole calendar years it lists).
 */
export function parseBankHolidayFile(json: unknown, importedOn: string): { data: BankHolidayData } | { problem: string } {
  const own = bankHolidaySchema.safeParse(json)
  if (own.success) return { data: own.data }
  const feed = govUkFeed.safeParse(json)
  if (!feed.success) return { problem: 'This is not a bank-holiday file: expected the GOV.UK bank-holidays.json feed (with "england-and-wales") or an exported calendar.' }
  const events = [...feed.data['england-and-wales'].events].sort((a, b) => a.date.localeCompare(b.date))
  const data: BankHolidayData = {
    division: 'england-and-wales',
    coverage: { from: `${events[0].date.slice(0, 4)}-01-01`, to: `${events[events.length - 1].date.slice(0, 4)}-12-31` },
    provenance: `Imported from the GOV.UK bank-holidays feed on ${importedOn}.`,
    events: events.map((e) => ({ date: e.date, title: e.title, notes: e.notes ?? '' })),
  }
  const checked = bankHolidaySchema.safeParse(data)
  return checked.success ? { data: checked.data } : { problem: checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') }
}
