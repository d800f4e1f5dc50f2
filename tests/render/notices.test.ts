import { describe, expect, it } from 'vitest'
import { loadCaseFile } from '@/data/repositories/caseFile'
import { defaultCalendar } from '@/domain/calendarData'
import { computeNoticeDates, shippedRuleSet, type FormalAction } from '@/domain/formalAction'
import { organisationSettings } from '@/domain/settings/organisation'
import { buildNotice } from '@/documents/notices/possessionNotice'
import { freshDatabase, userIn } from '../unit/helpers/db'
import { insertCaseFixture } from '../unit/helpers/caseFixture'
import { renderToPdf } from './renderHelper'

describe('notices open in LibreOffice', () => {
  it('a Form 3 with two grounds renders to a few pages', async () => {
    const database = await freshDatabase()
    await insertCaseFixture(database, (await userIn(database)).id)
    const caseFile = (await loadCaseFile('case-fixture', database))!
    const action: FormalAction = {
      id: 'fa', caseId: 'case-fixture', kind: 'NOSP', status: 'approved', againstPersonIds: ['p-perp', 'p-joint'], authorId: 'u', createdAt: '2026-11-20', updatedAt: '2026-11-20',
      tenure: 'assured', regimeId: 'form3', tenancy: { type: 'periodic', rentPeriod: 'weekly', periodStartDate: '2026-01-05' },
      grounds: [{ ground: '14', limbs: ['a'], clause: '' }, { ground: '7A', limbs: [], clause: '', condition: 2, conditionDate: '2026-10-01' }],
      incidentIds: ['inc-1'], particulars: 'On 29 August 2026 at about 11.40pm very loud music came from Flat 7 until 2am.', prohibitions: [], requirements: [],
      ruleSetVersion: shippedRuleSet.version, approvals: [], noticeDocumentIds: [],
    }
    const dates = computeNoticeDates({ regimeId: 'form3', grounds: ['14', '7A'], tenancy: action.tenancy!, serviceDate: '2026-11-25', method: 'hand', deemedServiceWorkingDays: { hand: 0, 'first-class post': 2, 'left at property': 1 }, calendar: defaultCalendar, ruleSet: shippedRuleSet })
    const { bytes } = await buildNotice({ action, caseFile, organisation: organisationSettings.defaults(), officer: { name: 'Jo Smith' }, ruleSet: shippedRuleSet, dates, draft: false, date: '2026-11-25' })
    const { pages, text } = renderToPdf(bytes, 'form3')
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(pages).toBeLessThanOrEqual(6)
    if (text) expect(text).toContain('Dean Harlow')
  })
})
