import { subMonths, format, parseISO } from 'date-fns'
import type { RiskBand, Route } from './cases'
import type { RoutingRow, RoutingTable } from './routing'
import notAsbData from '../../resources/policy/not-asb-examples.json'

/**
 * Triage: is it ASB, and whose job is it? The routing table (settings) decides the route; the
 * officer records the decision and the reason when a report is not run as an ASB case.
 * [POLICY-RULES §2; 003 Appendix 1; 001 §3.2]
 */
export interface NotAsbExample {
  text: string
  source: string
}

/** Shown to the officer as guidance beside the category choice. [001 §3.2, 002 §4.4] */
export const notAsbExamples: NotAsbExample[] = notAsbData.examples

export interface TriageResult {
  category: string
  route: Route
  agency?: string
  /** The category's default band from the routing table (the risk matrix may raise it). */
  band: RiskBand
  hateRelated: boolean
  domesticAbuse: boolean
  highHarm: boolean
  /** True only when the ASB team works the case (the ASB workflow applies). */
  runsAsAsb: boolean
  /** Plain words for the officer about where the report goes. */
  explanation: string
}

export function routeLabel(row: Pick<RoutingRow, 'route' | 'agency'>): string {
  return row.route === 'Another agency' && row.agency ? `Another agency (${row.agency})` : row.route
}

/** Routes a report category through the table; undefined when the category is not in the table. */
export function triageCategory(table: RoutingTable, category: string): TriageResult | undefined {
  const row = table.rows.find((r) => r.category === category)
  if (!row) return undefined
  const domesticAbuse = row.domesticAbuse === true
  const runsAsAsb = row.route === 'ASB team' && !domesticAbuse
  let explanation: string
  if (domesticAbuse) {
    // Domestic abuse is handled under a separate policy: flag and refer, no ASB workflow. [001 §1.4]
    explanation = `Domestic abuse is handled under the domestic abuse policy, not as ASB. Flag the case and record the referral to ${row.agency ?? 'the domestic abuse service'}.`
  } else if (row.route === 'ASB team') {
    explanation = 'The ASB team handles this report.'
  } else if (row.route === 'No landlord involvement') {
    explanation = 'Not an ASB matter for the landlord. Record the reason, close the case and send the "not ASB" letter with signposting.'
  } else if (row.route === 'Another agency') {
    explanation = `Refer to ${row.agency ?? 'the named agency'}. Record the reason, close the case and send the "not ASB" letter with signposting.`
  } else {
    explanation = `Pass to ${row.route}. Record the reason, close the case and send the "not ASB" letter explaining who will deal with it.`
  }
  return {
    category: row.category,
    route: row.route,
    ...(row.agency ? { agency: row.agency } : {}),
    band: row.band,
    hateRelated: row.hate === true,
    domesticAbuse,
    highHarm: row.highHarm === true,
    runsAsAsb,
    explanation,
  }
}

/**
 * Historic report: the latest incident is more than `months` before the report date (and nothing
 * since). The policy allows such reports to be declined. [001 §3.2]
 */
export function isHistoric(latestIncidentAt: string | undefined, reportedAt: string, months: number): boolean {
  if (!latestIncidentAt) return false
  const cutoff = format(subMonths(parseISO(reportedAt.slice(0, 10)), months), 'yyyy-MM-dd')
  return latestIncidentAt.slice(0, 10) < cutoff
}
