import { describe, expect, it } from 'vitest'
import { buildBoardReport } from '@/documents/boardReport'
import { defaultCalendar } from '@/domain/calendarData'
import { kpiReport } from '@/domain/kpis/report'
import { reportingQuarter } from '@/domain/kpis/periods'
import { defaultReportingRules } from '@/domain/kpis/reportingRules'
import { organisationSettings } from '@/domain/settings/organisation'
import { docxText } from '../helpers/readDocx'
import { kcase } from '../domain/kpis/fixture'

describe('board report (Word)', () => {
  it('carries each measure with its numbers and counting rule, and every table', async () => {
    const q2 = reportingQuarter(2026, 2)
    // 3 ASB cases opened in Q2, one hate-related; 2,500 homes → NM01(1) = 3 / 2,500 × 1,000 = 1.2.
    const cases = [kcase('1', { openedAt: '2026-07-02' }), kcase('2', { openedAt: '2026-08-02', hateRelated: true }), kcase('3', { openedAt: '2026-09-02', category: 'Dogs barking' })]
    const report = kpiReport({ cases, parties: [], assessments: [], formalActions: [], acknowledgements: [], surveys: [], homesOwned: 2500 }, { period: q2, asOf: '2026-11-25' }, defaultReportingRules, defaultCalendar)
    const organisation = organisationSettings.defaults()
    const bytes = await buildBoardReport({
      organisation, author: { name: 'Mo Manager', jobTitle: 'ASB Manager' }, report, scopeLabel: 'the whole organisation', date: '2026-11-25',
      extraTables: [{ id: 'quality', title: 'Quality sampling scores', columns: ['Quarter', 'Average score'], rows: [['Q2 2026/27', '80%']] }],
    })
    const text = await docxText(bytes)
    expect(text).toContain('Anti-social behaviour performance report: Q2 2026/27 (1 July 2026 to 30 September 2026)')
    expect(text).toContain('25 November 2026')
    expect(text).toMatch(/NM01\(1\) ASB cases per 1,000 homes\s*1\.2\s*3\s*2,500/)
    expect(text).toMatch(/NM01\(2\) hate-related ASB cases per 1,000 homes\s*0\.4\s*1\s*2,500/)
    expect(text).toContain('counted once when opened')
    expect(text).toContain('Cases opened and closed, by category')
    expect(text).toContain('Open caseload by risk band and age')
    expect(text).toContain('Quality sampling scores')
    expect(text).toContain('Riverside Vale Housing')
    expect(text).not.toMatch(/undefined|NaN/)
  })
})
