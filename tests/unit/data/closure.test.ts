import { beforeEach, describe, expect, it } from 'vitest'
import type { WorkstationDatabase } from '@/data/db'
import {
  closeCase, closureTodayItems, previewClosureChecks, recordFollowUp, recordMaliciousInvestigation, recordMaliciousReview,
  recordSurveyAnswers, recordSurveyDeclined, recordSurveySent, reopenCase,
} from '@/data/repositories/closure'
import { storeDocument } from '@/data/repositories/documents'
import type { CaseWithClosureHistory, FollowUpContact, SatisfactionSurvey } from '@/domain/closure'
import type { Contact } from '@/domain/caseRecords'
import { PolicyRefusal, ValidationError } from '@/domain/validation'
import { insertCaseFixture, type CaseFixture } from '../helpers/caseFixture'
import { freshDatabase, TEST_PASSPHRASE, userIn } from '../helpers/db'

const TODAY = '2026-11-25'
let database: WorkstationDatabase
let officer: Awaited<ReturnType<typeof userIn>>
let fixture: CaseFixture

beforeEach(async () => {
  database = await freshDatabase()
  officer = await userIn(database, 'Jo Smith', 'officer')
  fixture = await insertCaseFixture(database, officer.id)
})

function attempt(at: string): Contact {
  return { id: `att-${at}`, caseId: fixture.case.id, at, personId: fixture.reporter.id, withWhom: 'Maya Okonjo', method: 'telephone', direction: 'outbound', successful: false, summary: 'No answer.', createdBy: officer.id, createdAt: at }
}

async function threeAttempts(): Promise<void> {
  // Monday 5 October → Monday 19 October 2026: 10 working days.
  await database.contacts.bulkAdd([attempt('2026-10-05T10:00:00'), attempt('2026-10-12T10:00:00'), attempt('2026-10-19T10:00:00')])
}

async function closureLetter(): Promise<void> {
  await storeDocument({
    caseId: fixture.case.id, kind: 'closure summary', title: 'Closure summary', recipientPersonId: fixture.reporter.id, recipientName: 'Maya Okonjo',
    fileName: 'closure.docx', bytes: new Uint8Array([1, 2, 3]), templateVersion: 't', ruleSetVersion: 'r',
  }, officer.id, database)
}

const request = { reasonKey: 'actions-completed', closedOn: '2026-10-20', note: 'Noise stopped after the warning.' }

describe('closeCase', () => {
  it('refuses when the reporter has not been told the outcome, and changes nothing', async () => {
    const auditBefore = await database.audit.count()
    const error = await closeCase({ caseId: fixture.case.id, ...request }, officer.id, database, TODAY).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PolicyRefusal)
    expect((error as Error).message).toContain('ASB-2026-00042 was not closed: Reporter told the outcome — Maya Okonjo has not been told the outcome.')
    expect((await database.cases.get(fixture.case.id))?.status).toBe('open')
    expect(await database.surveys.count()).toBe(0)
    expect(await database.audit.count()).toBe(auditBefore)
  })

  it('closes by the three-attempts route once written closure is saved, and schedules the survey and follow-up', async () => {
    await threeAttempts()
    const preview = await previewClosureChecks({ caseId: fixture.case.id, ...request, explanations: {} }, database, TODAY)
    expect(preview.find((c) => c.key === 'reporter told the outcome')?.message).toContain('no closure letter to Maya Okonjo is saved yet')
    await expect(closeCase({ caseId: fixture.case.id, ...request }, officer.id, database, TODAY)).rejects.toThrow('written closure is allowed')

    await closureLetter()
    const result = await closeCase({ caseId: fixture.case.id, ...request }, officer.id, database, TODAY)
    const stored = (await database.cases.get(fixture.case.id)) as CaseWithClosureHistory
    expect(stored.status).toBe('closed')
    expect(stored.closedAt).toBe('2026-10-20')
    expect(stored.closure).toMatchObject({ reason: 'Actions completed', reasonKey: 'actions-completed', closedBy: officer.id, note: 'Noise stopped after the warning.' })

    const rows = await database.surveys.where('caseId').equals(fixture.case.id).toArray()
    const survey = rows.find((r) => r.kind === 'satisfaction') as unknown as SatisfactionSurvey
    const followUp = rows.find((r) => r.kind === 'follow-up') as unknown as FollowUpContact
    // 5 working days after Tuesday 20 October; follow-up 4 weeks after closure.
    expect(survey).toMatchObject({ dueAt: '2026-10-27', personId: fixture.reporter.id })
    expect(followUp).toMatchObject({ dueAt: '2026-11-17', personId: fixture.reporter.id })
    expect(result.checks.every((c) => c.status !== 'not met')).toBe(true)

    const actions = (await database.audit.where('caseId').equals(fixture.case.id).toArray()).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['closed', 'scheduled']))
  })

  it('refuses to close an already closed case', async () => {
    await threeAttempts()
    await closureLetter()
    await closeCase({ caseId: fixture.case.id, ...request }, officer.id, database, TODAY)
    await expect(closeCase({ caseId: fixture.case.id, ...request }, officer.id, database, TODAY)).rejects.toThrow('ASB-2026-00042 is already closed.')
  })

  it('refuses the legal role even when every check passes', async () => {
    await threeAttempts()
    await closureLetter()
    const lawyer = await userIn(database, 'Lee Counsel', 'legal')
    await expect(closeCase({ caseId: fixture.case.id, ...request }, lawyer.id, database, TODAY)).rejects.toThrow('Closing a case needs the officer or manager or administrator role')
    expect((await database.cases.get(fixture.case.id))?.status).toBe('open')
  })

  it('refuses bad input naming the field', async () => {
    const error = await closeCase({ caseId: fixture.case.id, reasonKey: '', closedOn: '20/10/2026' }, officer.id, database, TODAY).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as Error).message).toContain('reasonKey — choose a reason for closing')
    expect((error as Error).message).toContain('closedOn — must be a date (YYYY-MM-DD)')
  })
})

describe('malicious closure, four-eyes in the data layer', () => {
  async function outcomeDiscussed(): Promise<void> {
    await database.contacts.add({ ...attempt('2026-10-19T10:00:00'), successful: true, aboutOutcome: true, summary: 'Explained our findings.' })
  }

  it('refuses without a managerial review, and refuses an officer or wrong passphrase as reviewer', async () => {
    await outcomeDiscussed()
    await recordMaliciousInvestigation({ caseId: fixture.case.id, text: 'Noise app recordings show silence at every reported time.' }, officer.id, database)
    await expect(closeCase({ caseId: fixture.case.id, ...request, reasonKey: 'malicious' }, officer.id, database, TODAY)).rejects.toThrow('needs a managerial review')

    const colleague = await userIn(database, 'Sam Officer', 'officer')
    await expect(recordMaliciousReview({ caseId: fixture.case.id, reviewerId: colleague.id, passphrase: TEST_PASSPHRASE, decision: 'agreed', text: 'Agree with the findings.' }, database))
      .rejects.toThrow('Reviewing a malicious-report closure needs the manager role; Sam Officer is an officer.')

    const manager = await userIn(database, 'Priya Shah', 'manager')
    await expect(recordMaliciousReview({ caseId: fixture.case.id, reviewerId: manager.id, passphrase: 'wrong passphrase', decision: 'agreed', text: 'Agree with the findings.' }, database))
      .rejects.toThrow("The passphrase is not Priya Shah's")
    expect(await database.notes.where('caseId').equals(fixture.case.id).count()).toBe(1)
  })

  it('refuses a manager who is the case officer as their own reviewer', async () => {
    const manager = await userIn(database, 'Priya Shah', 'manager')
    await database.cases.update(fixture.case.id, { officerId: manager.id })
    await recordMaliciousInvestigation({ caseId: fixture.case.id, text: 'Noise app recordings show silence at every reported time.' }, officer.id, database)
    await expect(recordMaliciousReview({ caseId: fixture.case.id, reviewerId: manager.id, passphrase: TEST_PASSPHRASE, decision: 'agreed', text: 'Agree with the findings.' }, database))
      .rejects.toThrow('the officer cannot be their own reviewer')
  })

  it('closes as malicious after an investigation and another manager agreeing', async () => {
    await outcomeDiscussed()
    const manager = await userIn(database, 'Priya Shah', 'manager')
    await recordMaliciousInvestigation({ caseId: fixture.case.id, text: 'Noise app recordings show silence at every reported time.' }, officer.id, database)
    const review = await recordMaliciousReview({ caseId: fixture.case.id, reviewerId: manager.id, passphrase: TEST_PASSPHRASE, decision: 'agreed', text: 'Agree: recordings contradict every report.' }, database)
    expect(review).toMatchObject({ by: manager.id, byName: 'Priya Shah', decision: 'agreed' })
    await closeCase({ caseId: fixture.case.id, ...request, reasonKey: 'malicious' }, officer.id, database, TODAY)
    expect((await database.cases.get(fixture.case.id))?.closure?.reason).toBe('Malicious or made in bad faith')
    const audit = await database.audit.where('caseId').equals(fixture.case.id).toArray()
    expect(audit.find((a) => a.action === 'malicious review: agreed')?.userId).toBe(manager.id)
  })
})

describe('after closure', () => {
  async function closed(): Promise<void> {
    await threeAttempts()
    await closureLetter()
    await closeCase({ caseId: fixture.case.id, ...request }, officer.id, database, TODAY)
  }
  const rowOf = async (kind: string) => (await database.surveys.where('caseId').equals(fixture.case.id).toArray()).find((r) => r.kind === kind)!

  it('shows the survey and follow-up on the officer’s Today panel until they are done', async () => {
    await closed()
    const items = await closureTodayItems({ officerId: officer.id, today: TODAY, horizon: '2026-11-27' }, database)
    expect(items.map((i) => [i.kind, i.label, i.due, i.overdue])).toEqual([
      ['satisfaction survey', 'Satisfaction survey for Maya Okonjo due', '2026-10-27', true],
      ['follow-up contact', 'Follow-up contact with Maya Okonjo due', '2026-11-17', true],
    ])
    expect(await closureTodayItems({ officerId: 'someone-else', today: TODAY, horizon: '2026-11-27' }, database)).toEqual([])
    expect(await closureTodayItems({ officerId: officer.id, today: '2026-10-21', horizon: '2026-10-23' }, database)).toEqual([])

    const survey = await rowOf('satisfaction')
    // Once sent, the survey is no longer the officer's task; the follow-up still is.
    await recordSurveySent({ surveyId: survey.id, sentOn: '2026-10-27', method: 'letter' }, officer.id, database)
    expect((await closureTodayItems({ officerId: officer.id, today: TODAY, horizon: '2026-11-27' }, database)).map((i) => i.kind)).toEqual(['follow-up contact'])
    await recordSurveyAnswers({ surveyId: survey.id, answeredOn: '2026-10-28', answers: { tp12: 4, 'kept-informed': 5 } }, officer.id, database)
    expect(await rowOf('satisfaction')).toMatchObject({ sentAt: '2026-10-27', sentMethod: 'letter', answeredAt: '2026-10-28', answers: { tp12: 4, 'kept-informed': 5 } })
    const followUp = await rowOf('follow-up')
    await recordFollowUp({ followUpId: followUp.id, doneOn: '2026-11-17', outcome: 'no further problems', method: 'telephone' }, officer.id, database)
    expect(await closureTodayItems({ officerId: officer.id, today: TODAY, horizon: '2026-11-27' }, database)).toEqual([])
  })

  it('refuses survey answers off the 1–5 scale or for unknown questions', async () => {
    await closed()
    const survey = await rowOf('satisfaction')
    await expect(recordSurveyAnswers({ surveyId: survey.id, answeredOn: '2026-10-28', answers: { tp12: 6 as 5 } }, officer.id, database)).rejects.toThrow('answers.tp12 — must be from 1 (very dissatisfied) to 5 (very satisfied)')
    await expect(recordSurveyAnswers({ surveyId: survey.id, answeredOn: '2026-10-28', answers: { mood: 3 } }, officer.id, database)).rejects.toThrow('answers.mood — is not one of the survey questions in Settings')
    expect((await rowOf('satisfaction')).answeredAt).toBeUndefined()
  })

  it('reopens keeping the reference, history and parties, and counts a repeat within 90 days', async () => {
    await closed()
    const { repeat, case: reopened } = await reopenCase({ caseId: fixture.case.id, reopenedOn: '2026-11-20', reason: 'Loud music has started again.' }, officer.id, database, TODAY)
    expect(repeat).toBe(true)
    const stored = (await database.cases.get(fixture.case.id)) as CaseWithClosureHistory
    expect(stored).toMatchObject({ ref: 'ASB-2026-00042', status: 'open', reopenedAt: ['2026-11-20'] })
    expect(stored.closedAt).toBeUndefined()
    expect(stored.pastClosures).toEqual([expect.objectContaining({ closedAt: '2026-10-20', reason: 'Actions completed', reopenedAt: '2026-11-20', repeatWithinWindow: true })])
    expect(reopened.id).toBe(fixture.case.id)
    expect(await database.caseParties.where('caseId').equals(fixture.case.id).count()).toBe(3)
    expect(await database.incidents.where('caseId').equals(fixture.case.id).count()).toBe(3)
    expect(await database.contacts.where('caseId').equals(fixture.case.id).count()).toBe(4)
    // The pending survey and follow-up of the closure no longer show: the case is live again.
    expect(await closureTodayItems({ officerId: officer.id, today: TODAY, horizon: '2026-11-27' }, database)).toEqual([])
    expect((await database.audit.where('caseId').equals(fixture.case.id).toArray()).some((a) => a.action === 'reopened')).toBe(true)
  })

  it('does not count a reopening more than 90 days after closure as a repeat', async () => {
    await closed()
    // Closed 20 October 2026; 90 days later is 18 January 2027.
    expect((await reopenCase({ caseId: fixture.case.id, reopenedOn: '2027-01-19', reason: 'New report from the same address.' }, officer.id, database, '2027-02-01')).repeat).toBe(false)
  })

  it('records a declined survey and refuses a follow-up dated before the closure', async () => {
    await closed()
    const survey = await rowOf('satisfaction')
    await recordSurveyDeclined({ surveyId: survey.id, declinedOn: '2026-10-28' }, officer.id, database)
    expect(await rowOf('satisfaction')).toMatchObject({ declinedAt: '2026-10-28' })
    await expect(recordSurveyAnswers({ surveyId: survey.id, answeredOn: '2026-10-29', answers: { tp12: 2 } }, officer.id, database)).resolves.toBeTruthy()
    const followUp = await rowOf('follow-up')
    await expect(recordFollowUp({ followUpId: followUp.id, doneOn: '2026-10-01', outcome: 'no further problems', method: 'telephone' }, officer.id, database))
      .rejects.toThrow('doneOn — must be on or after the day the case was closed')
    expect((await rowOf('follow-up')).doneAt).toBeUndefined()
  })

  it('refuses the legal role reopening a case', async () => {
    await closed()
    const lawyer = await userIn(database, 'Lee Counsel', 'legal')
    await expect(reopenCase({ caseId: fixture.case.id, reopenedOn: '2026-11-20', reason: 'Started again.' }, lawyer.id, database, TODAY)).rejects.toThrow('Reopening a case needs the officer or manager or administrator role')
    expect((await database.cases.get(fixture.case.id))?.status).toBe('closed')
  })

  it('refuses to reopen an open case', async () => {
    await expect(reopenCase({ caseId: fixture.case.id, reopenedOn: '2026-11-20', reason: 'Started again.' }, officer.id, database, TODAY)).rejects.toThrow('ASB-2026-00042 is not closed, so it cannot be reopened.')
  })
})
