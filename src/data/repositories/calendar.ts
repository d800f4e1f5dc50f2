import { defaultCalendar } from '@/domain/calendarData'
import { bankHolidaySettings, parseBankHolidayFile } from '@/domain/settings/bankHolidays'
import { ValidationError } from '@/domain/validation'
import type { BankHolidayData } from '@/domain/workingDays'
import { db, type WorkstationDatabase } from '../db'
import { readSettings, saveSettings } from './settings'

/**
 * Puts the saved bank holidays (if an officer imported newer ones) into the shared calendar that
 * every deadline uses. Cheap; call when the app starts and before computing deadlines.
 */
export async function applySavedBankHolidays(database: WorkstationDatabase = db): Promise<BankHolidayData> {
  const data = await readSettings(bankHolidaySettings, database)
  defaultCalendar.load(data)
  return data
}

/** Validates an imported file, saves it (audited) and applies it at once. Refuses a bad file whole. */
export async function importBankHolidays(json: unknown, by: string, importedOn: string, database: WorkstationDatabase = db): Promise<BankHolidayData> {
  const parsed = parseBankHolidayFile(json, importedOn)
  if ('problem' in parsed) throw new ValidationError('The bank-holiday file', [{ field: 'file', message: parsed.problem }])
  const saved = await saveSettings(bankHolidaySettings, parsed.data, by, database)
  defaultCalendar.load(saved)
  return saved
}
