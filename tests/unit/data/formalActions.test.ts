import { beforeEach, describe, expect, it } from 'vitest'
import type { WorkstationDatabase } from '@/data/db'
import {
  decideFormalAction, gateState, generateNotice, noticeClockItems, recordNoticeService, saveEia, saveFormalActionDetails, saveProportionality,
  startFormalAction, submitForApproval,
} from '@/data/repositories/formalActions'
import { saveSettings } from '@/data/repositories/settings'
import { legalDefaults, legalSettings } from '@/domain/settings/legal'
import type { FormalAction } from '@/domain/formalAction'
import { freshDatabase, TEST_PASSPHRASE, userIn } from '../helpers/db'
import { insertCaseFixture, type CaseFixture } from '../helpers/caseFixture'
import { docxText } from '../helpers/readDocx'
import { completeEia, completeProportionality } from '../domain/formalAction/answers'

let database: WorkstationDatabase
let officer: string
let manager: string
let otherManager: string
let fixture: CaseFixture
const today = new Date().toISOString().slice(0, 10)

beforeEach(async () => {
  database = await freshDatabase()
  // The first profile administers the others (issue 10), so the managers come first.
  manager = (await userIn(database, 'Mo Manager', 'manager')).id
  otherManager = (await userIn(database, 'Nia Senior', 'manager')).id
  officer = (await userIn(database, 'Jo Smith', 'officer')).id
  fixture = await insertCaseFixture(database, officer)
})

async function preparedNosp(author = officer): Promise<FormalAction> {
  const action = await startFormalAction({ caseId: fixture.case.id, kind: 'NOSP', againstPersonIds: [fixture.perpetrator.id, fixture.jointTenant.id] }, author, database)
  await saveFormalActionDetails(action.id, {
    tenancy: { type: 'periodic', rentPeriod: 'weekly', periodStartDate: '2026-01-05' },
    grounds: [{ ground: '14', limbs: ['a'] }],
    incidentIds: fixture.incidents.map((i) => i.id),
    particulars: 'On 29 August 2026 at about 11.40pm very loud music came from Flat 7 until 2am.\nOn 5 September 2026 there was shouting and banging on the landing after midnight.',
  }, author, database)
  await saveProportionality(action.id, completeProportionality(['inc-1']), author, database)
  await saveEia(action.id, completeEia(), author, database)
  return submitForApproval(action.id, author, database)
}

const approve = (id: string, by = manager, passphrase = TEST_PASSPHRASE) =>
  decideFormalAction(id, { decision: 'approved', reasons: 'Evidence is clear and lesser steps failed.', passphrase }, by, database)

describe('starting a formal action', () => {
  it('takes the regime from the tenure: Form 3 for an assured housing-association tenant', async () => {
    const action = await startFormalAction({ caseId: fixture.case.id, kind: 'NOSP', againstPersonIds: [fixture.perpetrator.id] }, officer, database)
    expect(action).toMatchObject({ status: 'draft', regimeId: 'form3', tenure: 'assured', authorId: officer })
    expect((await database.audit.where('caseId').equals(fixture.case.id).toArray()).map((e) => e.action)).toContain('started')
  })

  it('refuses the legal role, which never edits case records', async () => {
    const lawyer = (await userIn(database, 'Lee Legal', 'legal')).id
    await expect(startFormalAction({ caseId: fixture.case.id, kind: 'NOSP', againstPersonIds: [fixture.perpetrator.id] }, lawyer, database)).rejects.toThrow('needs the officer or manager or administrator role')
  })

  it('does not offer a power that is not in force', async () => {
    await expect(startFormalAction({ caseId: fixture.case.id, kind: 'Respect Order application', againstPersonIds: [fixture.perpetrator.id] }, officer, database)).rejects.toThrow('not in force')
    const settings = legalDefaults()
    settings.powersInForce.CPN = false
    await saveSettings(legalSettings, settings, manager, database)
    await expect(startFormalAction({ caseId: fixture.case.id, kind: 'CPN', againstPersonIds: [fixture.perpetrator.id] }, officer, database)).rejects.toThrow('not in force')
  })

  it('refuses a NOSP for a tenure with no notice (leaseholder) with a message on the tenure', async () => {
    await expect(startFormalAction({ caseId: fixture.case.id, kind: 'NOSP', againstPersonIds: [fixture.perpetrator.id], tenure: 'leaseholder' }, officer, database)).rejects.toThrow('tenure — No notice seeking possession applies to a leaseholder tenure.')
  })
})

describe('the gate in the data layer', () => {
  it('refuses a notice for service while the gate is open, naming each missing item, and stores nothing', async () => {
    const action = await startFormalAction({ caseId: fixture.case.id, kind: 'NOSP', againstPersonIds: [fixture.perpetrator.id] }, officer, database)
    const attempt = generateNotice(action.id, { serviceDate: today, method: 'hand' }, officer, database)
    await expect(attempt).rejects.toThrow('A notice for service cannot be generated yet')
    await attempt.catch((e: Error) => {
      expect(e.message).toContain('The proportionality assessment has not been started.')
      expect(e.message).toContain('The Equality Impact Assessment has not been started.')
      expect(e.message).toContain('No manager other than the author has approved this action')
    })
    expect(await database.documents.count()).toBe(0)
  })

  it('refuses submission until the assessments are complete', async () => {
    const action = await startFormalAction({ caseId: fixture.case.id, kind: 'NOSP', againstPersonIds: [fixture.perpetrator.id] }, officer, database)
    await expect(submitForApproval(action.id, officer, database)).rejects.toThrow('The proportionality assessment has not been started.')
  })

  it('keeps every version of an assessment and records when it was completed', async () => {
    const action = await preparedNosp()
    const rows = await database.assessments.where('formalActionId').equals(action.id).toArray()
    expect(rows.map((r) => [r.kind, r.version, Boolean(r.completedAt)])).toEqual(expect.arrayContaining([['proportionality', 1, true], ['eia', 1, true]]))
  })

  it('an officer calling the approval function directly is refused', async () => {
    const action = await preparedNosp()
    await expect(approve(action.id, officer)).rejects.toThrow("The manager's quality check needs the manager role; Jo Smith is an officer.")
    expect((await database.formalActions.get(action.id))?.status).toBe('awaiting approval')
  })

  it('a manager cannot approve their own action (four-eyes)', async () => {
    const action = await preparedNosp(manager)
    await expect(approve(action.id, manager)).rejects.toThrow('must be done by someone other than the author (four-eyes)')
  })

  it('the approver must type their own passphrase', async () => {
    const action = await preparedNosp()
    await expect(approve(action.id, manager, 'not my passphrase')).rejects.toThrow("The passphrase is not Mo Manager's")
  })

  it('a return needs reasons and sends the action back', async () => {
    const action = await preparedNosp()
    await expect(decideFormalAction(action.id, { decision: 'returned', reasons: '', passphrase: TEST_PASSPHRASE }, manager, database)).rejects.toThrow('reasons — give your reasons')
    const returned = await decideFormalAction(action.id, { decision: 'returned', reasons: 'Add the police reference to the particulars.', passphrase: TEST_PASSPHRASE }, manager, database)
    expect(returned.status).toBe('returned')
    await expect(generateNotice(action.id, { serviceDate: today, method: 'hand' }, officer, database)).rejects.toThrow('cannot be generated yet')
  })

  it('drafts are allowed before approval and carry the DRAFT label', async () => {
    const action = await preparedNosp()
    const draft = await generateNotice(action.id, { serviceDate: today, method: 'hand', draft: true }, officer, database)
    expect(draft).toMatchObject({ draft: true, kind: 'NOSP Form 3', ruleSetVersion: '2026-11.1' })
    const stored = await database.documents.get(draft.id)
    expect(await docxText(stored!.bytes)).toContain('DRAFT — NOT FOR SERVICE')
    await expect(recordNoticeService(action.id, { documentId: draft.id, date: today, method: 'hand', servedBy: 'Jo Smith' }, officer, database)).rejects.toThrow('not approved for service')
  })

  it('after approval by another manager the notice is generated for service and its service starts the clocks', async () => {
    const action = await preparedNosp()
    const approved = await approve(action.id)
    expect(approved.status).toBe('approved')
    const notice = await generateNotice(action.id, { serviceDate: today, method: 'hand' }, officer, database)
    expect(notice.draft).toBe(false)
    const text = await docxText((await database.documents.get(notice.id))!.bytes)
    expect(text).not.toContain('DRAFT')
    expect(text).toContain('Dean Harlow')
    expect(text).toContain('Kerry Harlow')
    const { action: served } = await recordNoticeService(action.id, { documentId: notice.id, date: today, method: 'hand', servedBy: 'Jo Smith' }, officer, database)
    expect(served.status).toBe('served')
    expect(served.service).toMatchObject({ date: today, deemedServedOn: today, proceedingsFrom: today })
    expect((await database.documents.get(notice.id))?.served).toMatchObject({ date: today, method: 'hand' })
    const items = await noticeClockItems({ officerId: officer, today, horizon: today }, database)
    expect(items.map((i) => i.label)).toContain(`Court proceedings against Dean Harlow and Kerry Harlow may begin after ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(today))}`)
  })

  it('a change to the particulars after approval voids it, audited, and blocks a notice for service', async () => {
    const action = await preparedNosp()
    await approve(action.id)
    const changed = await saveFormalActionDetails(action.id, { particulars: 'On 29 August 2026 very loud music came from Flat 7 until 2am, and again on 19 September.' }, officer, database)
    expect(changed.status).toBe('draft')
    expect(changed.approvalVoided?.reason).toBe('the particulars changed')
    expect(changed.approvals.every((a) => a.voided)).toBe(true)
    const audit = await database.audit.where('caseId').equals(fixture.case.id).toArray()
    expect(audit.map((e) => e.action)).toContain('approval voided')
    await expect(generateNotice(action.id, { serviceDate: today, method: 'hand' }, officer, database)).rejects.toThrow(/The approval was voided on .* because the particulars changed/)
  })

  it('a new EIA version after approval voids it too', async () => {
    const action = await preparedNosp()
    await approve(action.id)
    const eia = completeEia()
    eia.conclusion = 'Reviewed again after new information from the support worker.'
    await saveEia(action.id, eia, officer, database)
    expect((await gateState(action.id, database)).gate.ready).toBe(false)
    expect((await database.formalActions.get(action.id))?.status).toBe('draft')
  })

  it('asks for the second approval the settings require, from a third person', async () => {
    const settings = legalDefaults()
    settings.secondApproval.NOSP = { required: true, title: 'Head of Customer Experience' }
    await saveSettings(legalSettings, settings, manager, database)
    const action = await preparedNosp()
    expect((await approve(action.id)).status).toBe('awaiting approval')
    await expect(generateNotice(action.id, { serviceDate: today, method: 'hand' }, officer, database)).rejects.toThrow('needs approval by the Head of Customer Experience')
    await expect(decideFormalAction(action.id, { decision: 'approved', reasons: 'Second look: agreed.', passphrase: TEST_PASSPHRASE, level: 'second approval' }, manager, database)).rejects.toThrow('second approval must come from someone else')
    const done = await decideFormalAction(action.id, { decision: 'approved', reasons: 'Second look: agreed.', passphrase: TEST_PASSPHRASE, level: 'second approval' }, otherManager, database)
    expect(done.status).toBe('approved')
    expect((await gateState(action.id, database)).gate.ready).toBe(true)
  })

  it('a missed Ground 7A service deadline blocks generation, even of a draft', async () => {
    const action = await startFormalAction({ caseId: fixture.case.id, kind: 'absolute ground 7A', againstPersonIds: [fixture.perpetrator.id] }, officer, database)
    await saveFormalActionDetails(action.id, {
      tenancy: { type: 'periodic', rentPeriod: 'weekly', periodStartDate: '2026-01-05' },
      grounds: [{ ground: '7A', condition: 1, conditionDate: '2024-01-10' }],
      incidentIds: ['inc-1'],
      particulars: 'On 10 January 2024 Dean Harlow was convicted of assault committed on the landing of the block.',
    }, officer, database)
    await expect(generateNotice(action.id, { serviceDate: today, method: 'hand', draft: true }, officer, database)).rejects.toThrow('after the service deadline of 9 January 2025')
    expect(await database.documents.count()).toBe(0)
  })
})

describe('Today: notice clocks and the review queue', () => {
  it('a manager sees packs awaiting their quality check, but not their own', async () => {
    const action = await preparedNosp()
    const own = await preparedNosp(otherManager)
    const items = await noticeClockItems({ officerId: manager, today, horizon: today }, database)
    expect(items.filter((i) => i.kind === 'review').map((i) => i.label)).toEqual(['Notice seeking possession awaiting your quality check', 'Notice seeking possession awaiting your quality check'])
    const forAuthor = await noticeClockItems({ officerId: otherManager, today, horizon: today }, database)
    expect(forAuthor.filter((i) => i.kind === 'review')).toHaveLength(1)
    expect(action.id).not.toBe(own.id)
  })

  it('an approved Ground 7A notice not yet served shows its service deadline', async () => {
    const action = await startFormalAction({ caseId: fixture.case.id, kind: 'absolute ground 7A', againstPersonIds: [fixture.perpetrator.id] }, officer, database)
    const conviction = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
    await saveFormalActionDetails(action.id, {
      tenancy: { type: 'periodic', rentPeriod: 'weekly', periodStartDate: '2026-01-05' },
      grounds: [{ ground: '7A', condition: 1, conditionDate: conviction }],
      incidentIds: ['inc-1'],
      particulars: 'Dean Harlow was convicted at the Crown Court of an assault committed on the landing of the block.',
    }, officer, database)
    await saveProportionality(action.id, completeProportionality(['inc-1']), officer, database)
    await saveEia(action.id, completeEia(), officer, database)
    await submitForApproval(action.id, officer, database)
    await approve(action.id)
    const items = await noticeClockItems({ officerId: officer, today, horizon: today }, database)
    expect(items.find((i) => i.label.startsWith('Serve the Ground 7A notice on Dean Harlow by'))).toMatchObject({ kind: 'notice clock', overdue: false })
  })
})

describe('service later than planned', () => {
  it('warns when the date the notice states is now too early', async () => {
    const action = await startFormalAction({ caseId: fixture.case.id, kind: 'NOSP', againstPersonIds: [fixture.perpetrator.id] }, officer, database)
    await saveFormalActionDetails(action.id, {
      tenancy: { type: 'periodic', rentPeriod: 'weekly', periodStartDate: '2026-01-05' },
      grounds: [{ ground: '12', clause: 'Clause 4.2: not to cause a nuisance' }],
      incidentIds: ['inc-1'],
      particulars: 'On 29 August 2026 at about 11.40pm very loud music came from Flat 7 until 2am, in breach of clause 4.2.',
    }, officer, database)
    await saveProportionality(action.id, completeProportionality(['inc-1']), officer, database)
    await saveEia(action.id, completeEia(), officer, database)
    await submitForApproval(action.id, officer, database)
    await approve(action.id)
    // Planned for a date well before today: Ground 12 alone gives two weeks from that planned service.
    const notice = await generateNotice(action.id, { serviceDate: '2026-01-05', method: 'hand' }, officer, database)
    expect(notice.plan?.dates.proceedingsFrom).toBe('2026-01-19')
    const { warnings, action: served } = await recordNoticeService(action.id, { documentId: notice.id, date: today, method: 'hand', servedBy: 'Jo Smith' }, officer, database)
    expect(warnings.join(' ')).toContain('The notice states 19 January 2026, but served by hand on')
    expect(served.status).toBe('served')
  })
})
