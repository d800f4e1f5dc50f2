import type { KpiCase } from '@/domain/kpis/rows'
import { reportingQuarter } from '@/domain/kpis/periods'

/** Q2 2026/27: 1 July to 30 September 2026 — the period most tests report on. */
export const q2 = reportingQuarter(2026, 2)

/** A hand-built case row: only what a test says differs from a plain, open, medium-band ASB case. */
export function kcase(id: string, overrides: Partial<KpiCase> = {}): KpiCase {
  return {
    id, ref: `ASB-2026-${id.padStart(5, '0')}`, officerId: 'officer-1', category: 'Persistent noise or loud music', route: 'ASB team',
    riskBand: 'Medium', hateRelated: false, status: 'open', openedAt: '2026-07-01', firstContactDue: '2026-07-06',
    acknowledgementDue: '2026-07-08', reopenedAt: [], closedDates: [],
    ...overrides,
  }
}
