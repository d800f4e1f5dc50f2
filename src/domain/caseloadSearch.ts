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

/**
 * The rows plus all their search text joined into one string, so a search term is found with the
 * engine's native `indexOf` over one buffer instead of 50,000 separate `includes` calls. A term
 * has no whitespace, so it can never match across the newline between two rows.
 */
export interface CaseloadSearchIndex {
  rows: readonly CaseloadRow[]
  text: string
  /** Where each row's text starts in `text`; one extra entry marks the end. */
  starts: Int32Array
}

export function buildSearchIndex(rows: readonly CaseloadRow[]): CaseloadSearchIndex {
  const starts = new Int32Array(rows.length + 1)
  let at = 0
  for (let i = 0; i < rows.length; i++) {
    starts[i] = at
    at += rows[i].searchText.length + 1
  }
  starts[rows.length] = at
  return { rows, text: rows.map((r) => r.searchText).join('\n'), starts }
}

/** Row positions (ascending) whose search text contains `term`. */
function rowsContaining(index: CaseloadSearchIndex, term: string): number[] {
  const out: number[] = []
  const { text, starts } = index
  let pos = text.indexOf(term)
  let row = 0
  while (pos !== -1) {
    // Move to the row holding this match (matches come in order, so only forwards).
    while (starts[row + 1] <= pos) row++
    out.push(row)
    pos = text.indexOf(term, starts[row + 1])
  }
  return out
}

/** Filters rows in one pass, keeping their order. Pass an index for large caseloads. */
export function filterCaseload(source: readonly CaseloadRow[] | CaseloadSearchIndex, filter: CaseloadFilter, today: string): CaseloadRow[] {
  const terms = searchTerms(filter.text)
  const flags = (filter.flags ?? []).map((f) => flagTest[f])
  const index = Array.isArray(source) ? undefined : (source as CaseloadSearchIndex)
  const rows = index ? index.rows : (source as readonly CaseloadRow[])
  // With an index, the longest term (usually the rarest) picks the candidates; the rest are
  // checked on those few rows only.
  let candidates: Iterable<CaseloadRow> = rows
  let remaining = terms
  if (index && terms.length) {
    const longest = terms.reduce((a, b) => (b.length > a.length ? b : a))
    candidates = rowsContaining(index, longest).map((i) => rows[i])
    remaining = terms.filter((t) => t !== longest)
  }
  const out: CaseloadRow[] = []
  outer: for (const r of candidates) {
    if (filter.status && r.status !== filter.status) continue
    if (filter.band && r.riskBand !== filter.band) continue
    if (filter.officerId && r.officerId !== filter.officerId) continue
    if (filter.category && r.category !== filter.category) continue
    for (const f of flags) if (!f(r)) continue outer
    if (filter.overdue && !isOverdue(r, today)) continue
    for (const t of remaining) if (!r.searchText.includes(t)) continue outer
    out.push(r)
  }
  return out
}

/** Newest first by opened date, then by reference: the caseload's default order. */
export function compareNewestFirst(a: CaseloadRow, b: CaseloadRow): number {
  return a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : a.ref < b.ref ? 1 : a.ref > b.ref ? -1 : 0
}
