import { beforeAll, describe, expect, it } from 'vitest'
import { loadCaseFile } from '@/data/repositories/caseFile'
import type { CaseFile } from '@/domain/caseFile'
import { defaultCalendar } from '@/domain/calendarData'
import { computeNoticeDates, groundRule, shippedRuleSet, type FormalAction } from '@/domain/formalAction'
import { organisationSettings } from '@/domain/settings/organisation'
import { buildNotice } from '@/documents/notices/possessionNotice'
import { buildInjunctionReferral } from '@/documents/notices/injunctionReferral'
import { freshDatabase, userIn } from '../helpers/db'
import { insertCaseFixture } from '../helpers/caseFixture'
import { docxText } from '../helpers/readDocx'

let caseFile: CaseFile
const organisation = { ...organisationSettings.defaults(), signatoryCapacity: 'agent' as const }
const officer = { name: 'Jo Smith', jobTitle: 'ASB Officer', phone: '0117 496 0001', email: 'jo.smith@riversidevale.example' }

beforeAll(async () => {
  const database = await freshDatabase()
  const user = await userIn(database, 'Jo Smith')
  await insertCaseFixture(database, user.id)
  caseFile = (await loadCaseFile('case-fixture', database))!
})

function nosp(over: Partial<FormalAction> = {}): FormalAction {
  return {
    id: 'fa-1', caseId: 'case-fixture', kind: 'NOSP', status: 'approved', againstPersonIds: ['p-perp', 'p-joint'], authorId: 'u', createdAt: '2026-11-20', updatedAt: '2026-11-20',
    tenure: 'assured', regimeId: 'form3', tenancy: { type: 'periodic', rentPeriod: 'weekly', periodStartDate: '2026-01-05' },
    grounds: [{ ground: '14', limbs: ['a'], clause: '' }, { ground: '12', limbs: [], clause: 'Clause 4.2 (not to cause nuisance)' }],
    incidentIds: ['inc-1', 'inc-2'], particulars: 'On 29 August 2026 at about 11.40pm very loud music came from Flat 7 until 2am.\nOn 5 September 2026 at about 12.15am there was shouting and banging on the shared landing.',
    prohibitions: [], requirements: [], ruleSetVersion: shippedRuleSet.version, approvals: [], noticeDocumentIds: [], ...over,
  }
}

async function form3Text(draft: boolean, action = nosp()): Promise<string> {
  const dates = computeNoticeDates({ regimeId: 'form3', grounds: action.grounds.map((g) => g.ground), tenancy: action.tenancy!, serviceDate: '2026-12-24', method: 'first-class post', deemedServiceWorkingDays: { hand: 0, 'first-class post': 2, 'left at property': 1 }, calendar: defaultCalendar, ruleSet: shippedRuleSet })
  const { bytes } = await buildNotice({ action, caseFile, organisation, officer, ruleSet: shippedRuleSet, dates, draft, date: '2026-12-23' })
  return docxText(bytes)
}

describe('Form 3 read back from the .docx', () => {
  it('names every joint tenant, the property, each ground in full, the particulars, the date and the capacity', async () => {
    const text = await form3Text(false)
    expect(text).toContain('Dean Harlow')
    expect(text).toContain('Kerry Harlow')
    expect(text).toContain('Flat 7, 14 Kingfisher Way, Bristol, BS5 6XY')
    // Full statutory text, line by line, unaltered.
    for (const id of ['14', '12']) for (const line of groundRule(shippedRuleSet, id).text.split('\n')) expect(text).toContain(line)
    expect(text).toContain('Tenancy clause broken: Clause 4.2 (not to cause nuisance).')
    expect(text).toContain('On 5 September 2026 at about 12.15am there was shouting and banging on the shared landing.')
    // Posted on Christmas Eve: deemed served Wednesday 30 December 2026 (Ground 14 → immediately).
    expect(text).toContain('the court proceedings will not begin until after 30 December 2026')
    expect(text).toContain('Capacity: agent')
    expect(text).toContain('Priya Shah, Tenancy Sustainability Manager')
    expect(text).toContain('Riverside Vale Housing, 1 Quay Street, Bristol, BS1 4DJ')
    for (const note of shippedRuleSet.prescribedNotes.form3) expect(text).toContain(note)
    expect(text).toContain('Prepared with rule set 2026-11.1')
  })

  it('keeps the sections in the prescribed order', async () => {
    const text = await form3Text(false)
    const order = ['1. To', '2. Your landlord intends', '3. Your landlord intends to seek possession on grounds 14, 12', '4. Give a full explanation', '5. Date', '6. Name and address of landlord']
    const positions = order.map((h) => text.indexOf(h))
    expect(positions.filter((p) => p < 0), JSON.stringify(order.filter((_, i) => positions[i] < 0))).toEqual([])
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('a draft carries the DRAFT label; an approved notice does not', async () => {
    expect(await form3Text(true)).toContain('DRAFT — NOT FOR SERVICE')
    expect(await form3Text(false)).not.toContain('DRAFT')
  })

  it('refuses particulars that name the confidential reporter', async () => {
    await expect(form3Text(false, nosp({ particulars: 'Maya Okonjo at Flat 3 heard loud music from Flat 7 until 2am on 29 August 2026.' }))).rejects.toThrow('Maya Okonjo (reporter, identity confidential)')
  })

  it('the secure NOSP states the lapse date', async () => {
    const action = nosp({ regimeId: 's83', tenure: 'secure (legacy)', grounds: [{ ground: '2', limbs: ['a'], clause: '' }] })
    const dates = computeNoticeDates({ regimeId: 's83', grounds: ['2'], tenancy: action.tenancy!, serviceDate: '2026-11-25', method: 'hand', deemedServiceWorkingDays: { hand: 0, 'first-class post': 2, 'left at property': 1 }, calendar: defaultCalendar, ruleSet: shippedRuleSet })
    const text = await docxText((await buildNotice({ action, caseFile, organisation, officer, ruleSet: shippedRuleSet, dates, draft: false, date: '2026-11-25' })).bytes)
    expect(text).toContain('Schedule 2 to the Housing Act 1985')
    expect(text).toContain('This notice lapses 12 months after the date above: proceedings must begin by 24 November 2027.')
  })
})

describe('civil injunction referral pack', () => {
  it('carries the incidents, proposed terms, age check and approvals', async () => {
    const action = nosp({ kind: 'civil injunction referral', regimeId: undefined, grounds: [], prohibitions: ['Not to play amplified music audible outside Flat 7 between 11pm and 7am'], requirements: ['Attend an alcohol support service'] })
    const text = await docxText((await buildInjunctionReferral({ action, caseFile, organisation, officer, ruleSet: shippedRuleSet, draft: true, date: '2026-11-25' })).bytes)
    expect(text).toContain('Not to play amplified music audible outside Flat 7 between 11pm and 7am')
    expect(text).toContain('Very loud music from Flat 7 until 2am.')
    expect(text).toContain('date of birth not recorded — confirm the respondent is 10 or over')
    expect(text).toContain('Not yet approved.')
    expect(text).toContain('DRAFT — NOT FOR SERVICE')
  })
})

describe('civil injunction referral: the respondent\'s age', () => {
  it('an under-18 respondent needs the youth offending team consulted', async () => {
    const young = { ...caseFile, parties: caseFile.parties.map((p) => (p.personId === 'p-perp' ? { ...p, person: { ...p.person, dateOfBirth: '2010-03-01' } } : p)) }
    const action = nosp({ kind: 'civil injunction referral', regimeId: undefined, grounds: [], againstPersonIds: ['p-perp'], prohibitions: ['Not to enter the communal stairwell of 14 Kingfisher Way'] })
    const text = await docxText((await buildInjunctionReferral({ action, caseFile: young, organisation, officer, ruleSet: shippedRuleSet, draft: false, date: '2026-11-25' })).bytes)
    expect(text).toContain('Age: 16 (under 18): the youth offending team must be consulted before the application')
    expect(text).not.toContain('DRAFT')
  })
})
