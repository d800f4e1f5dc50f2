import { describe, expect, it } from 'vitest'
import { customPeriod, quarterContaining, quartersWithin, recentQuarters, reportingQuarter, reportingYear } from '@/domain/kpis/periods'
import { ValidationError } from '@/domain/validation'

describe('reporting periods', () => {
  it('follows the April–March reporting year of the TSM return', () => {
    expect(reportingQuarter(2026, 1)).toMatchObject({ from: '2026-04-01', to: '2026-06-30', label: 'Q1 2026/27 (1 April 2026 to 30 June 2026)' })
    expect(reportingQuarter(2026, 4)).toMatchObject({ from: '2027-01-01', to: '2027-03-31' })
    expect(reportingYear(2026)).toMatchObject({ from: '2026-04-01', to: '2027-03-31' })
    expect(quarterContaining('2027-02-14').label).toMatch(/^Q4 2026\/27/)
  })

  it('lists recent quarters newest first and the quarters a range touches', () => {
    expect(recentQuarters('2026-11-25', 3).map((q) => q.from)).toEqual(['2026-10-01', '2026-07-01', '2026-04-01'])
    expect(quartersWithin({ from: '2026-06-15', to: '2026-10-01' }).map((q) => q.from)).toEqual(['2026-04-01', '2026-07-01', '2026-10-01'])
  })

  it('refuses a custom range that ends before it starts, naming the field', () => {
    expect(() => customPeriod('2026-09-30', '2026-07-01')).toThrow(ValidationError)
    expect(() => customPeriod('2026-09-30', '2026-07-01')).toThrow(/to — must be on or after the start date/)
    expect(() => customPeriod('30/09/2026', '2026-10-01')).toThrow(/from — must be a date/)
    expect(customPeriod('2026-07-01', '2026-07-31').label).toBe('1 July 2026 to 31 July 2026')
  })
})

describe('CSV export of a table', () => {
  it('writes the columns, rows and note, and neutralises formula-like text', async () => {
    const { tableCsv, csvFileName } = await import('@/domain/kpis/tableCsv')
    const csv = tableCsv({ id: 'closure-reasons', title: 'Closure reasons', columns: ['Reason', 'Cases'], rows: [['Actions completed', 2], ['=HYPERLINK("x")', 1], ['Ceased, no further incidents', 3]], note: 'Cases closed Q2.' })
    expect(csv.startsWith('\ufeff')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual(['Reason,Cases', 'Actions completed,2', '"\'=HYPERLINK(""x"")",1', '"Ceased, no further incidents",3', 'Cases closed Q2.', ''])
    expect(csvFileName({ id: 'closure-reasons' }, 'Q2 2026/27 (1 July 2026 to 30 September 2026)')).toBe('closure-reasons-q2-2026-27.csv')
  })
})
