import { describe, expect, it } from 'vitest'
import { generateDemoCaseload } from '@/data/demo/generate'
import { defaultCalendar } from '@/domain/calendarData'
import { defaultRoutingTable } from '@/domain/routing'
import { defaultClosureSettings } from '@/domain/settings/closure'
import { organisationSettings } from '@/domain/settings/organisation'
import { buildClosureSummary, type ClosureSummaryFacts } from '@/documents/closureSummary'
import { renderToPdf } from './renderHelper'

/** The closure summary opens in LibreOffice, in normal and large print, at a sensible length. */
function facts(largePrint: boolean): ClosureSummaryFacts {
  const demo = generateDemoCaseload({ cases: 5, seed: 11, officerIds: ['officer-1'], today: '2026-11-25', calendar: defaultCalendar, routing: defaultRoutingTable })
  const c = demo.cases.find((x) => x.route === 'ASB team')!
  const parties = demo.caseParties.filter((p) => p.caseId === c.id).map((p) => {
    const person = demo.people.find((x) => x.id === p.personId)!
    return { ...p, person: p.role === 'reporter' && largePrint ? { ...person, accessibleFormats: ['large print' as const] } : person }
  })
  const settings = defaultClosureSettings()
  return {
    file: { case: c, parties, incidents: demo.incidents.filter((i) => i.caseId === c.id), contacts: [], interventions: [{ id: 'w', caseId: c.id, kind: 'written warning', date: c.openedAt, outcome: '', createdBy: 'officer-1', createdAt: c.openedAt }] },
    recipientPersonId: parties.find((p) => p.role === 'reporter')!.personId,
    reason: settings.reasons[1], settings, caseReview: { threshold: 3, windowMonths: 6 }, organisation: organisationSettings.defaults(),
    officer: { name: 'Jo Smith', jobTitle: 'ASB Officer', phone: '0117 496 0123', email: 'jo.smith@riversidevale.example' }, date: '2026-11-25',
  }
}

describe('closure summary renders in LibreOffice', () => {
  it('normal print: 1–3 pages with the case review right', async () => {
    const { pages, text } = renderToPdf(await buildClosureSummary(facts(false)), 'closure-summary')
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pages).toBeLessThanOrEqual(3)
    if (text !== undefined) expect(text).toContain('ASB Case Review')
  })

  it('large print: longer, still a sane length', async () => {
    const normal = renderToPdf(await buildClosureSummary(facts(false)), 'closure-summary-normal').pages
    const { pages } = renderToPdf(await buildClosureSummary(facts(true)), 'closure-summary-large')
    expect(pages).toBeGreaterThan(normal)
    expect(pages).toBeLessThanOrEqual(6)
  })
})
