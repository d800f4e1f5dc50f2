import { describe, expect, it } from 'vitest'
import { addAction, updateAction } from '@/data/repositories/actions'
import { reassessRisk, recordVulnerabilityAssessment } from '@/data/repositories/assessments'
import { setContactFrequency } from '@/data/repositories/cases'
import { recordContact } from '@/data/repositories/contacts'
import { insertCaseFixture } from '../helpers/caseFixture'
import { freshDatabase, userIn } from '../helpers/db'

const now = { now: '2026-11-23T10:00' }

describe('contacts', () => {
  it('a successful contact with the reporter meets first contact; a failed attempt does not', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id, { firstContactAt: undefined })
    await recordContact({ caseId: f.case.id, at: '2026-09-02T09:00', personId: f.reporter.id, withWhom: 'Maya Okonjo', method: 'telephone', direction: 'outbound', successful: false, summary: 'No answer.' }, jo.id, now, database)
    expect((await database.cases.get(f.case.id))?.firstContactAt).toBeUndefined()
    await recordContact({ caseId: f.case.id, at: '2026-09-03T09:00', personId: f.perpetrator.id, withWhom: 'Dean Harlow', method: 'home visit', direction: 'outbound', successful: true, summary: 'Spoke to Dean.' }, jo.id, now, database)
    expect((await database.cases.get(f.case.id))?.firstContactAt).toBeUndefined()
    await recordContact({ caseId: f.case.id, at: '2026-09-03T11:00', personId: f.reporter.id, withWhom: 'Maya Okonjo', method: 'telephone', direction: 'outbound', successful: true, summary: 'Agreed diary sheets.' }, jo.id, now, database)
    expect((await database.cases.get(f.case.id))?.firstContactAt).toBe('2026-09-03T11:00')
  })

  it('refuses a contact in the future or with no summary, naming the field', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    await expect(recordContact({ caseId: f.case.id, at: '2026-11-24T09:00', withWhom: 'Maya', method: 'telephone', direction: 'outbound', successful: true, summary: 'x' }, jo.id, now, database)).rejects.toThrow(/at — can't be in the future/)
    await expect(recordContact({ caseId: f.case.id, at: '2026-11-20T09:00', withWhom: 'Maya', method: 'telephone', direction: 'outbound', successful: true, summary: ' ' }, jo.id, now, database)).rejects.toThrow(/summary — is required/)
    expect(await database.contacts.count()).toBe(1)
  })

  it('a successful contact moves the next agreed update on', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    await setContactFrequency(f.case.id, { workingDays: 5, method: 'telephone', agreedAt: '2026-11-02' }, jo.id, { today: '2026-11-23' }, database)
    expect((await database.cases.get(f.case.id))?.nextUpdateDue).toBe('2026-11-09')
    await recordContact({ caseId: f.case.id, at: '2026-11-16T09:00', personId: f.reporter.id, withWhom: 'Maya Okonjo', method: 'telephone', direction: 'outbound', successful: true, summary: 'Update given.' }, jo.id, now, database)
    expect((await database.cases.get(f.case.id))?.nextUpdateDue).toBe('2026-11-23')
  })
})

describe('action plan and assessments', () => {
  it('adds an action agreed with the reporter and marks it done, audited', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    await expect(addAction({ caseId: f.case.id, what: 'Visit', owner: 'Jo', due: '2026-08-01' }, jo.id, {}, database)).rejects.toThrow(/due — is before the case was opened/)
    const a = await addAction({ caseId: f.case.id, what: 'Visit Flat 7 and speak to Dean', owner: 'Jo Smith', due: '2026-11-30', agreedWithReporterAt: '2026-11-20' }, jo.id, { today: '2026-11-23' }, database)
    const done = await updateAction(a.id, { status: 'done' }, jo.id, database)
    expect(done.status).toBe('done')
    expect((await database.audit.where('caseId').equals(f.case.id).toArray()).map((e) => e.action)).toEqual(['added', 'updated'])
  })

  it('a risk reassessment adds a version and changes the band; the first is kept', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    const v1 = await reassessRisk(f.case.id, { harm: 1, frequency: 1, vulnerability: 1, impact: 1, escalation: 1, reason: 'Calmer' }, jo.id, database)
    // the category's default (Medium) is a floor
    expect(v1).toMatchObject({ version: 1, result: 'Medium' })
    const v2 = await reassessRisk(f.case.id, { harm: 4, frequency: 4, vulnerability: 4, impact: 4, escalation: 4, reason: 'Threats made at the door' }, jo.id, database)
    expect(v2).toMatchObject({ version: 2, result: 'High', by: jo.id })
    expect(v2.reason).toMatch(/^Threats made at the door/)
    expect((await database.cases.get(f.case.id))?.riskBand).toBe('High')
    expect(await database.assessments.where('[caseId+kind]').equals([f.case.id, 'risk']).count()).toBe(2)
  })

  it('a vulnerability assessment records the actions it triggers', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    const no = { physicalHealth: false, mentalHealth: false, learningDisability: false, age: false, isolation: false, substanceMisuse: false, repeatVictim: false, targeted: false, exploitation: false, safetyAtHome: false }
    const a = await recordVulnerabilityAssessment(f.case.id, { subjectPersonId: f.reporter.id, answers: { ...no, exploitation: true } }, jo.id, database)
    expect(a).toMatchObject({ kind: 'vulnerability', result: 'Vulnerable', subjectPersonId: f.reporter.id })
    expect(a.reason).toMatch(/safeguarding referral/)
    await expect(recordVulnerabilityAssessment(f.case.id, { subjectPersonId: 'nobody', answers: no }, jo.id, database)).rejects.toThrow(/subjectPersonId — is not a party/)
  })
})
