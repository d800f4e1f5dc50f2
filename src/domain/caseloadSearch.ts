import type { AsbCase, CaseStatus, RiskBand } from './cases'

/**
 * The caseload's in-memory search index. With 50,000 cases an IndexedDB query per keystroke is too
 * slow, so the store loads the slim row of every case once, keeps it up to date on writes, and
 * filters here: one linear pass with cheap comparisons first and the substring test last.
 * `searchText` is pre-lower-cased on each case (ref, names, addresses, postcodes with and without
 * the space), so a search never lower-cases 50,000 strings.
 */
export type CaseloadRow = Pick<
  AsbCase,
  'id' | 'ref' | 'status' | 'category' | 'route' | 'riskBand' | 'officerId' | 'hateRelated' | 'domesticAbuse' | 'highHarm' | 'historic'
  | 'openedAt' | 'firstContactDue' | 'firstContactAt' | 'acknowledgementDue' | 'nextUpdateDue' | 'searchText' | 'summary' | 'closedAt'
>

export const caseFlags = ['hate-related', 'domestic abuse', 'high harm', 'historic'] as const
export type CaseFlag = (typeof caseFlags)[number]

export interface CaseloadFilter {
  status?: CaseStatus
  band?: RiskBand
  officerId?: string
  category?: string
  flags?: CaseFlag[]
  /** Only open cases with a first contact or agreed update past due. */
  overdue?: boolean
  /** Free text: every word must appear (ref, names, address, postcode). */
  text?: string
}

export function toCaseloadRow(c: AsbCase): CaseloadRow {
  return {
    id: c.id, ref: c.ref, status: c.status, category: c.category, route: c.route, riskBand: c.riskBand, officerId: c.officerId,
    hateRelated: c.hateRelated, domesticAbuse: c.domesticAbuse, highHarm: c.highHarm, historic: c.historic, openedAt: c.openedAt,
    firstContactDue: c.firstContactDue, firstContactAt: c.firstContactAt, acknowledgementDue: c.acknowledgementDue,
    nextUpdateDue: c.nextUpdateDue, searchText: c.searchText, summary: c.summary, closedAt: c.closedAt,
  }
}

export function caseFlagsOf(row: CaseloadRow): CaseFlag[] {
  const out: CaseFlag[] = []
  if (row.hateRelated) out.push('hate-related')
  if (row.domesticAbuse) out.push('domestic abuse')
  if (row.highHarm) out.push('high harm')
  if (row.historic) out.push('historic')
  return out
}

/** Open case with first contact not made by its due date, or an agreed update past due. */
export function isOverdue(row: CaseloadRow, today: string): boolean {
  if (row.status !== 'open') return false
  if (!row.firstContactAt && row.firstContactDue < today) return true
  return row.nextUpdateDue !== undefined && row.nextUpdateDue < today
}

/** Splits free text into lower-case words; a postcode typed with a space matches either form. */
export function searchTerms(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean)
}

const flagTest: Record<CaseFlag, (r: CaseloadRow) => boolean> = {
  'hate-related': (r) => r.hateRelated,
  'domestic abuse': (r) => r.domesticAbuse,
  'high harm': (r) => r.highHarm,
  historic: (r) => r.historic,
}

/** Filters rows in one pass, keeping their order. */
export function filterCaseload(rows: readonly CaseloadRow[], filter: CaseloadFilter, today: string): CaseloadRow[] {
  const terms = searchTerms(filter.text)
  const flags = (filter.flags ?? []).map((f) => flagTest[f])
  const out: CaseloadRow[] = []
  outer: for (const r of rows) {
    if (filter.status && r.status !== filter.status) continue
    if (filter.band && r.riskBand !== filter.band) continue
    if (filter.officerId && r.officerId !== filter.officerId) continue
    if (filter.category && r.category !== filter.category) continue
    for (const f of flags) if (!f(r)) continue outer
    if (filter.overdue && !isOverdue(r, today)) continue
    for (const t of terms) if (!r.searchText.includes(t)) continue outer
    out.push(r)
  }
  return out
}

/** Newest first by opened date, then by reference: the caseload's default order. */
export function compareNewestFirst(a: CaseloadRow, b: CaseloadRow): number {
  return a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : a.ref < b.ref ? 1 : a.ref > b.ref ? -1 : 0
}
