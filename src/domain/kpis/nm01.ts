import type { ReportPeriod } from './periods'
import { inPeriod } from './periods'
import type { ReportingRules } from './reportingRules'
import { round2, type Figure, type KpiCase, type KpiParty } from './rows'

/** Is the case open on `day` (ISO date)? Closed on a day means closed for reports that day. */
export function openOn(c: Pick<KpiCase, 'openedAt' | 'closedDates' | 'reopenedAt' | 'closedAt'>, day: string): boolean {
  if (c.openedAt.slice(0, 10) > day) return false
  const closures = c.closedDates.length > 0 ? c.closedDates : c.closedAt ? [c.closedAt] : []
  // Plain loops: this runs for every case of a 50,000-case caseload.
  let lastClosure = ''
  for (const d of closures) {
    const x = d.slice(0, 10)
    if (x <= day && x > lastClosure) lastClosure = x
  }
  if (!lastClosure) return true
  let lastReopen = ''
  for (const d of c.reopenedAt) {
    const x = d.slice(0, 10)
    if (x <= day && x > lastReopen) lastReopen = x
  }
  return lastReopen !== '' && lastReopen >= lastClosure
}

export function isAsbCase(c: Pick<KpiCase, 'route'>, rules: ReportingRules): boolean {
  return !rules.nm01.excludedRoutes.includes(c.route)
}

export interface Nm01Result {
  nm01_1: Figure
  nm01_2: Figure
  /** The cases counted (for drill-down and the hand check). */
  countedCaseIds: string[]
  /** Cases opened in the period that did not count, with why. */
  notCounted: { caseId: string; ref: string; why: string }[]
}

/**
 * TSM NM01(1) and NM01(2): ASB cases, and hate-related ASB cases, opened in the period per 1,000
 * homes owned. Counting rule (RSH TSM technical requirements, as in the issue):
 * - a case counts once, when it is opened (a reopening is the same case, not a new one);
 * - a further report about the same alleged perpetrator while an earlier case about them is open
 *   is part of that case, even if it was logged as a case of its own;
 * - reports routed to "No landlord involvement" or "Another agency" are not ASB cases.
 * `allCases` must include every case open at any time in the period (for the same-party check).
 */
export function nm01(allCases: KpiCase[], parties: KpiParty[], homesOwned: number, period: ReportPeriod, rules: ReportingRules): Nm01Result {
  const perpetratorRoles = new Set(rules.perpetratorRoles)
  const perpetratorsOf = new Map<string, string[]>()
  const casesAbout = new Map<string, KpiCase[]>()
  const byId = new Map(allCases.map((c) => [c.id, c]))
  for (const p of parties) {
    if (!perpetratorRoles.has(p.role)) continue
    const c = byId.get(p.caseId)
    if (!c || !isAsbCase(c, rules)) continue
    perpetratorsOf.set(p.caseId, [...(perpetratorsOf.get(p.caseId) ?? []), p.personId])
    casesAbout.set(p.personId, [...(casesAbout.get(p.personId) ?? []), c])
  }
  const earlier = (a: KpiCase, b: KpiCase) => a.openedAt < b.openedAt || (a.openedAt === b.openedAt && a.ref < b.ref)

  const counted: KpiCase[] = []
  const notCounted: Nm01Result['notCounted'] = []
  for (const c of allCases) {
    if (!inPeriod(c.openedAt, period)) continue
    if (!isAsbCase(c, rules)) {
      notCounted.push({ caseId: c.id, ref: c.ref, why: `routed to ${c.route}: not an ASB case` })
      continue
    }
    const day = c.openedAt.slice(0, 10)
    const openEarlier = (perpetratorsOf.get(c.id) ?? [])
      .flatMap((personId) => casesAbout.get(personId) ?? [])
      .find((other) => other.id !== c.id && earlier(other, c) && openOn(other, day))
    if (openEarlier) {
      notCounted.push({ caseId: c.id, ref: c.ref, why: `further report about the same person while ${openEarlier.ref} was open` })
      continue
    }
    counted.push(c)
  }
  const hate = counted.filter((c) => c.hateRelated).length
  const per1000 = (n: number) => (homesOwned > 0 ? round2((n / homesOwned) * 1000) : null)
  const rule = `Cases opened ${period.label}, counted once when opened; further reports about the same person while their case is open, reopenings, and reports routed to ${rules.nm01.excludedRoutes.map((r) => `"${r}"`).join(' or ')} are not counted. Per 1,000 homes owned (${homesOwned.toLocaleString('en-GB')}).`
  return {
    nm01_1: { numerator: counted.length, denominator: homesOwned, value: per1000(counted.length), unit: 'per 1,000 homes', rule },
    nm01_2: { numerator: hate, denominator: homesOwned, value: per1000(hate), unit: 'per 1,000 homes', rule: `Of those, cases flagged hate-related. ${rule}` },
    countedCaseIds: counted.map((c) => c.id),
    notCounted,
  }
}
