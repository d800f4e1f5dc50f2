import { protectedCharacteristics } from '../people'
import { inPeriod, quartersWithin, type ReportPeriod } from './periods'
import type { ReportingRules } from './reportingRules'
import type { KpiCase, KpiParty, KpiPersonCharacteristics, KpiTable } from './rows'

/** A count that may be hidden because it is small enough to identify someone. */
export type Cell = number | 'suppressed'

export function suppressedLabel(threshold: number): string {
  return `fewer than ${threshold}`
}

/**
 * Small-cell suppression: a count from 1 to threshold−1 is hidden. Zero is shown (it identifies
 * nobody). When a row of cells adds up to a total that is shown, hiding a single cell is not
 * enough — it could be worked out by subtraction — so the next smallest cell is hidden too
 * (secondary suppression, as in ONS disclosure control).
 */
export function suppressRow(counts: number[], threshold: number): Cell[] {
  const cells: Cell[] = counts.map((n) => (n > 0 && n < threshold ? 'suppressed' : n))
  const hidden = cells.filter((c) => c === 'suppressed').length
  if (hidden === 1) {
    let smallest = -1
    counts.forEach((n, i) => {
      if (cells[i] !== 'suppressed' && n > 0 && (smallest === -1 || n < counts[smallest])) smallest = i
    })
    if (smallest !== -1) cells[smallest] = 'suppressed'
  }
  return cells
}

export function suppressCount(n: number, threshold: number): Cell {
  return n > 0 && n < threshold ? 'suppressed' : n
}

/**
 * Trends by protected characteristic of victims and perpetrators, only for people whose
 * characteristics were recorded with their consent (UK GDPR special category data). Each person
 * counts once per case they are party to, in the quarter the case was opened. [001 §15.3]
 */
export function characteristicTrends(
  cases: KpiCase[], parties: KpiParty[], people: KpiPersonCharacteristics[], period: ReportPeriod, rules: ReportingRules,
): KpiTable[] {
  const quarters = quartersWithin(period, rules.financialYearStartMonth).map((q) => ({ ...q, from: q.from < period.from ? period.from : q.from, to: q.to > period.to ? period.to : q.to }))
  const openedIn = new Map(cases.filter((c) => inPeriod(c.openedAt, period)).map((c) => [c.id, c.openedAt]))
  const byPerson = new Map(people.map((p) => [p.personId, p.values]))
  const sides = [
    { side: 'Victims and reporters', roles: new Set(rules.victimRoles) },
    { side: 'Alleged perpetrators', roles: new Set(rules.perpetratorRoles) },
  ]
  const tables: KpiTable[] = []
  for (const { side, roles } of sides) {
    const seen = new Set<string>()
    // characteristic → value → quarter index → count
    const counts = new Map<string, Map<string, number[]>>()
    for (const party of parties) {
      const opened = openedIn.get(party.caseId)
      const values = byPerson.get(party.personId)
      if (!opened || !values || !roles.has(party.role)) continue
      const once = `${party.caseId}|${party.personId}`
      if (seen.has(once)) continue
      seen.add(once)
      const qi = quarters.findIndex((q) => inPeriod(opened, q))
      for (const characteristic of protectedCharacteristics) {
        const value = values[characteristic]?.trim()
        if (!value) continue
        const byValue = counts.get(characteristic) ?? new Map<string, number[]>()
        const row = byValue.get(value) ?? quarters.map(() => 0)
        row[qi]++
        byValue.set(value, row)
        counts.set(characteristic, byValue)
      }
    }
    const rows: (string | number)[][] = []
    for (const characteristic of protectedCharacteristics) {
      const byValue = counts.get(characteristic)
      if (!byValue) continue
      const values = [...byValue.keys()].sort()
      // Suppress down each quarter's column (the column adds to the number with this
      // characteristic recorded) and across each row's total.
      const columns = quarters.map((_, qi) => suppressRow(values.map((v) => byValue.get(v)![qi]), rules.smallCellThreshold))
      const totals = suppressRow(values.map((v) => byValue.get(v)!.reduce((a, b) => a + b, 0)), rules.smallCellThreshold)
      values.forEach((value, vi) => {
        const cells = [...quarters.map((_, qi) => columns[qi][vi]), totals[vi]]
        rows.push([characteristic, value, ...cells.map((c) => (c === 'suppressed' ? suppressedLabel(rules.smallCellThreshold) : c))])
      })
    }
    tables.push({
      id: `equality-${side.startsWith('Victims') ? 'victims' : 'perpetrators'}`,
      title: `${side} by protected characteristic`,
      columns: ['Characteristic', 'Recorded as', ...quarters.map((q) => q.label.replace(/ \(.*\)$/, '')), 'Whole period'],
      rows,
      note: `Only people who consented to their characteristics being recorded. Counts under ${rules.smallCellThreshold} are shown as "${suppressedLabel(rules.smallCellThreshold)}" (and one more cell where needed) so nobody can be identified.`,
    })
  }
  return tables
}
