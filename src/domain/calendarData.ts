import bankHolidays from '../../resources/bank-holidays-england-and-wales.json'
import { WorkingCalendar, type BankHolidayData } from './workingDays'

/**
 * The shipped England & Wales bank-holiday data. An officer can import a newer file in Settings;
 * until then this is the calendar every deadline uses.
 */
export const shippedBankHolidays = bankHolidays as BankHolidayData
export const defaultCalendar = new WorkingCalendar(shippedBankHolidays)
