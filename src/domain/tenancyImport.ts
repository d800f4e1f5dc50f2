import Papa from 'papaparse'
import { z } from 'zod'
import { ukPostcode, tenures, type Tenure } from './people'

/**
 * Importing tenants and tenancies from a housing management system's CSV export, so officers do
 * not retype them. One row per tenant: rows that share a tenancy reference are joint tenants.
 * Every row is checked before anything is imported; the officer sees each problem with its row
 * number (as a spreadsheet shows it: the header is row 1) and column. [issue 10]
 */

export const rentPeriods = ['weekly', 'fortnightly', 'four-weekly', 'monthly'] as const
export type RentPeriod = (typeof rentPeriods)[number]

export interface TenancyField {
  key: TenancyFieldKey
  label: string
  required: boolean
  /** Column headings the common housing systems use for this field (lower-case, no spaces). */
  synonyms: string[]
}

export const tenancyFieldKeys = [
  'tenancyReference', 'title', 'firstName', 'surname', 'dateOfBirth', 'flat', 'line1', 'line2', 'town', 'postcode',
  'tenancyType', 'tenancyStartDate', 'rentPeriod', 'phone', 'email',
] as const
export type TenancyFieldKey = (typeof tenancyFieldKeys)[number]

export const tenancyFields: TenancyField[] = [
  { key: 'tenancyReference', label: 'Tenancy reference', required: true, synonyms: ['tenancyreference', 'tenancyref', 'tenancyno', 'tenancynumber', 'tenancyid', 'agreementref', 'tenref'] },
  { key: 'title', label: 'Title', required: false, synonyms: ['title', 'salutation'] },
  { key: 'firstName', label: 'First name', required: false, synonyms: ['firstname', 'forename', 'forenames', 'givenname'] },
  { key: 'surname', label: 'Surname', required: true, synonyms: ['surname', 'lastname', 'familyname'] },
  { key: 'dateOfBirth', label: 'Date of birth', required: false, synonyms: ['dateofbirth', 'dob', 'birthdate'] },
  { key: 'flat', label: 'Flat or unit', required: false, synonyms: ['flat', 'unit', 'flatno', 'flatnumber'] },
  { key: 'line1', label: 'Property address line 1', required: true, synonyms: ['addressline1', 'address1', 'propertyaddress', 'address', 'street'] },
  { key: 'line2', label: 'Property address line 2', required: false, synonyms: ['addressline2', 'address2', 'locality'] },
  { key: 'town', label: 'Town', required: false, synonyms: ['town', 'city', 'posttown'] },
  { key: 'postcode', label: 'Postcode', required: true, synonyms: ['postcode', 'postalcode', 'zip'] },
  { key: 'tenancyType', label: 'Tenancy type', required: true, synonyms: ['tenancytype', 'tenure', 'tenuretype', 'agreementtype'] },
  { key: 'tenancyStartDate', label: 'Tenancy start date', required: true, synonyms: ['tenancystartdate', 'startdate', 'tenancystart', 'commencementdate'] },
  { key: 'rentPeriod', label: 'Rent period', required: false, synonyms: ['rentperiod', 'rentfrequency', 'paymentfrequency'] },
  { key: 'phone', label: 'Phone', required: false, synonyms: ['phone', 'telephone', 'mobile', 'phonenumber', 'tel'] },
  { key: 'email', label: 'Email', required: false, synonyms: ['email', 'emailaddress', 'e-mail'] },
]

export type ColumnMapping = Partial<Record<TenancyFieldKey, string>>

const headingKey = (heading: string) => heading.toLowerCase().replace(/[\s_.()/-]+/g, '')

/** Suggests a column for each field from the file's headings; the officer can change any of them. */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  for (const field of tenancyFields) {
    const found = headers.find((h) => field.synonyms.includes(headingKey(h)))
    if (found) mapping[field.key] = found
  }
  return mapping
}

/** Housing systems name tenancy types many ways; each maps to one of the app's tenures. */
const tenureWords: [RegExp, Tenure][] = [
  [/starter|introductory|probation/, 'starter'],
  [/affordable/, 'affordable rent'],
  [/shelter|supported/, 'sheltered/supported'],
  [/secure/, 'secure (legacy)'],
  [/shared\s*own/, 'shared owner'],
  [/lease/, 'leaseholder'],
  [/licen[cs]e/, 'licensee'],
  [/market|intermediate/, 'market rent'],
  [/commercial|shop/, 'commercial'],
  [/general\s*needs/, 'general needs'],
  [/assured|ast|periodic/, 'assured'],
]

export function tenureFrom(text: string): Tenure | undefined {
  const lower = text.trim().toLowerCase()
  if ((tenures as readonly string[]).includes(lower)) return lower as Tenure
  return tenureWords.find(([pattern]) => pattern.test(lower))?.[1]
}

export function rentPeriodFrom(text: string): RentPeriod | undefined {
  const lower = text.trim().toLowerCase().replace(/[\s-]+/g, '')
  if (['weekly', 'week', 'wk', 'w'].includes(lower)) return 'weekly'
  if (['fortnightly', '2weekly', 'twoweekly', 'fortnight'].includes(lower)) return 'fortnightly'
  if (['fourweekly', '4weekly', '4wk', '28days'].includes(lower)) return 'four-weekly'
  if (['monthly', 'calendarmonthly', 'month', 'pcm', 'm'].includes(lower)) return 'monthly'
  return undefined
}

/** Accepts 2026-03-01 and the UK form 01/03/2026 (day first), refusing impossible dates. */
export function isoDateFrom(text: string): string | undefined {
  const t = text.trim()
  let y: number, m: number, d: number
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])]
  else return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  return date.toISOString().slice(0, 10)
}

const cell = (max: number) => z.string().trim().max(max, `must be ${max} characters or fewer`)
const ukDateCell = (what: string) =>
  z.string().trim().transform((value, ctx) => {
    if (value === '') return undefined
    const iso = isoDateFrom(value)
    if (!iso) ctx.addIssue({ code: 'custom', message: `${what} must be a date like 01/03/2026 or 2026-03-01` })
    return iso
  })

/** One imported tenant, as checked. */
export const tenancyRowSchema = z.object({
  tenancyReference: cell(40).min(1, 'is required').regex(/^[A-Za-z0-9/-]+$/, 'must contain only letters, digits, / and -'),
  title: cell(20).default(''),
  firstName: cell(80).default(''),
  surname: cell(80).min(1, 'is required'),
  dateOfBirth: ukDateCell('the date of birth').optional(),
  flat: cell(40).default(''),
  line1: cell(120).min(1, 'is required'),
  line2: cell(120).default(''),
  town: cell(80).default(''),
  postcode: ukPostcode,
  tenancyType: z.string().trim().transform((value, ctx) => {
    const tenure = tenureFrom(value)
    if (!tenure) ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" is not a tenancy type the app knows (e.g. assured, starter, secure, affordable rent)` })
    return tenure as Tenure
  }),
  tenancyStartDate: z.string().trim().min(1, 'is required').transform((value, ctx) => {
    const iso = isoDateFrom(value)
    if (!iso) ctx.addIssue({ code: 'custom', message: 'must be a date like 01/03/2026 or 2026-03-01' })
    return iso as string
  }),
  rentPeriod: z.string().trim().default('').transform((value, ctx) => {
    if (value === '') return undefined
    const period = rentPeriodFrom(value)
    if (!period) ctx.addIssue({ code: 'custom', message: 'must be weekly, fortnightly, four-weekly or monthly' })
    return period
  }),
  phone: cell(40).regex(/^[+0-9 ()-]*$/, 'must contain only digits, spaces, +, ( ) and -').default(''),
  email: z.union([z.literal(''), z.email('must be an email address')]).default(''),
})
export type TenancyRow = z.infer<typeof tenancyRowSchema>

export interface RowProblem {
  /** Row as a spreadsheet numbers it: the heading row is 1, the first tenant row 2. */
  row: number
  column: string
  problem: string
}

export interface CheckedRow {
  row: number
  value: TenancyRow
}

export interface CheckedFile {
  rows: CheckedRow[]
  problems: RowProblem[]
  /** Rows with at least one problem (not imported). */
  rejectedRows: number[]
}

export interface ParsedCsv {
  headers: string[]
  records: Record<string, string>[]
}

export const MAX_IMPORT_ROWS = 20_000

/** Reads CSV text with papaparse (quotes, commas in addresses, BOM, CRLF handled). */
export function parseTenancyCsv(text: string): ParsedCsv {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() })
  return { headers: (result.meta.fields ?? []).filter(Boolean), records: result.data }
}

/** Checks every row against the mapping; nothing is imported from here. */
export function checkTenancyRows(parsed: ParsedCsv, mapping: ColumnMapping): CheckedFile {
  const problems: RowProblem[] = []
  for (const field of tenancyFields) {
    if (field.required && !mapping[field.key]) problems.push({ row: 1, column: field.label, problem: 'no column is chosen for this field' })
  }
  if (parsed.records.length > MAX_IMPORT_ROWS) problems.push({ row: 1, column: '', problem: `the file has ${parsed.records.length} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} at a time` })
  if (problems.length) return { rows: [], problems, rejectedRows: [] }

  const rows: CheckedRow[] = []
  const rejected = new Set<number>()
  const seen = new Map<string, number>()
  parsed.records.forEach((record, index) => {
    const row = index + 2
    const input = Object.fromEntries(tenancyFieldKeys.filter((key) => mapping[key]).map((key) => [key, record[mapping[key] as string] ?? '']))
    const result = tenancyRowSchema.safeParse(input)
    if (!result.success) {
      rejected.add(row)
      for (const issue of result.error.issues) {
        const key = issue.path[0] as TenancyFieldKey
        problems.push({ row, column: mapping[key] ?? tenancyFields.find((f) => f.key === key)?.label ?? String(key), problem: issue.message })
      }
      return
    }
    const identity = tenantKey(result.data)
    const earlier = seen.get(identity)
    if (earlier) {
      rejected.add(row)
      problems.push({ row, column: mapping.surname ?? 'Surname', problem: `the same tenant is already on row ${earlier} for tenancy ${result.data.tenancyReference}` })
      return
    }
    seen.set(identity, row)
    rows.push({ row, value: result.data })
  })
  return { rows, problems, rejectedRows: [...rejected] }
}

/** A tenant is the same person on re-import when tenancy reference and name match. */
export function tenantKey(person: { tenancyReference: string; firstName?: string; surname: string }): string {
  return `${person.tenancyReference.toUpperCase()}|${(person.firstName ?? '').trim().toLowerCase()}|${person.surname.trim().toLowerCase()}`
}

/** Tenancy details kept on the person beside the fields every person has. */
export interface TenancyDetails {
  startDate: string
  rentPeriod?: RentPeriod
  /** Names of the other tenants on the same tenancy (joint tenants). */
  jointTenants: string[]
  importedAt: string
}
