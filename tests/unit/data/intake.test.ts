import { describe, expect, it } from 'vitest'
import { findDuplicateCases, reassignOfficer, setContactFrequency, submitReport } from '@/data/repositories/cases'
import { loadCaseFile } from '@/data/repositories/caseFile'
import type { IntakeInput } from '@/domain/intake'
import { PolicyRefusal, ValidationError } from '@/domain/validation'
import { freshDatabase, userIn } from '../helpers/db'

const clock = { today: '2026-11-23', now: '2026-11-23T10:00' }

function report(overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    reportedAt: '2026-11-23',
    channel: 'telephone',
    anonymous: false,
    reporter: { kind: 'new', person: { firstName: 'Maya', surname: 'Okonjo', address: { line1: '12 Kingfisher Way', town: 'Bristol', postcode: 'bs56xy' }, flat: 'Flat 3', phone: '07700 900123' } },
    preferences: { preferredMethod: 'telephone', accessibleFormats: ['large print'], language: '' },
    consentToShare: true,
    consentToApproach: false,
    identityConfidential: true,
    perpetrators: [{ kind: 'new', person: { firstName: 'Dean', surname: 'Harlow', address: { line1: '14 Kingfisher Way', postcode: 'BS5 6XY' }, flat: 'Flat 7', tenure: 'assured' } }],
    householdMembers: [{ person: { kind: 'new', person: { firstName: 'Kai', surname: 'Harlow', dateOfBirth: '2012-03-01' } }, householdOf: 'perpetrator:0' }],
    category: 'Persistent noise or loud music',
    risk: { harm: 2, frequency: 3, vulnerability: 2, impact: 3, escalation: 2, violence: false },
    incident: { occurredAt: '2026-11-22T23:40', location: 'Flat 7, 14 Kingfisher Way', description: 'Very loud music until 2am.', witnesses: ['Flat 5'], evidenceRefs: [], policeRef: '' },
    ...overrides,
  }
}

async function counts(database: Awaited<ReturnType<typeof freshDatabase>>) {
  return {
    cases: await database.cases.count(), people: await database.people.count(), parties: await database.caseParties.count(),
    incidents: await database.incidents.count(), assessments: await database.assessments.count(), counters: await database.counters.count(),
    audit: await database.audit.count(),
  }
}

describe('logging a report (intake)', () => {
  it('writes the case, people, parties, first incident and risk assessment together, with audit entries', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const before = await counts(database)
    const result = await submitReport(report(), officer.id, clock, database)
    expect(result.case.ref).toBe('ASB-2026-00001')
    expect(result.case).toMatchObject({ status: 'open', route: 'ASB team', riskBand: 'Medium', officerId: officer.id, firstContactDue: '2026-11-26', acknowledgementDue: '2026-11-30', historic: false })
    const file = await loadCaseFile(result.case.id, database)
    expect(file?.parties.map((p) => [p.role, p.person.surname]).sort()).toEqual([['alleged perpetrator', 'Harlow'], ['household member', 'Harlow'], ['reporter', 'Okonjo']])
    const reporter = file!.parties.find((p) => p.role === 'reporter')!
    expect(reporter).toMatchObject({ consentToShare: true, consentToApproach: false, identityConfidential: true })
    expect(reporter.person).toMatchObject({ preferredMethod: 'telephone', accessibleFormats: ['large print'], address: { postcode: 'BS5 6XY' } })
    const child = file!.parties.find((p) => p.role === 'household member')!
    expect(child.householdOf).toBe(file!.parties.find((p) => p.role === 'alleged perpetrator')!.personId)
    expect(file?.incidents).toHaveLength(1)
    expect(file?.assessments).toMatchObject([{ kind: 'risk', version: 1, result: 'Medium' }])
    const after = await counts(database)
    expect(after.cases - before.cases).toBe(1)
    expect(after.people - before.people).toBe(3)
    // the search text finds the case by the postcode in either form
    expect(result.case.searchText).toContain('bs5 6xy')
    expect(result.case.searchText).toContain('bs56xy')
    const audit = await database.audit.where('caseId').equals(result.case.id).toArray()
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['opened', 'recorded', 'risk assessed', 'added']))
  })

  it('a refused save changes nothing: bad fields are named, no reference is used up', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const before = await counts(database)
    const attempt = submitReport(report({
      reporter: undefined,
      incident: { occurredAt: '2026-11-24T09:00', location: 'Car park', description: 'x' },
      perpetrators: [{ kind: 'new', person: { firstName: 'Tom', surname: 'Young', dateOfBirth: '2018-01-01' } }],
      householdMembers: [],
    }), officer.id, clock, database)
    const error = (await attempt.catch((e) => e)) as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    const fields = Object.fromEntries(error.problems.map((p) => [p.field, p.message]))
    expect(fields.reporter).toMatch(/add the person reporting, or mark the report as anonymous/)
    expect(fields['incident.occurredAt']).toMatch(/can't be in the future/)
    expect(fields['perpetrators.0.person.dateOfBirth']).toMatch(/child under 10/)
    expect(await counts(database)).toEqual(before)
  })

  it('a failure part-way through the transaction rolls everything back', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const before = await counts(database)
    // An existing-person reference that is not on file fails after new people would have been made.
    const attempt = submitReport(report({ perpetrators: [{ kind: 'existing', personId: 'gone' }], householdMembers: [] }), officer.id, clock, database)
    await expect(attempt).rejects.toThrow(/perpetrators.0 — that person is no longer on file/)
    expect(await counts(database)).toEqual(before)
  })

  it('refuses a legal-team profile: the legal role never edits case records', async () => {
    const database = await freshDatabase()
    const lawyer = await userIn(database, 'Lee Legal', 'legal')
    await expect(submitReport(report(), lawyer.id, clock, database)).rejects.toBeInstanceOf(PolicyRefusal)
    expect(await database.cases.count()).toBe(0)
  })

  it('anonymous reports are accepted without a reporter; naming one as well is contradictory', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const ok = await submitReport(report({ anonymous: true, reporter: undefined, householdMembers: [] }), officer.id, clock, database)
    expect(ok.case.anonymous).toBe(true)
    await expect(submitReport(report({ anonymous: true }), officer.id, clock, database)).rejects.toThrow(/anonymous — an anonymous report has no named reporter/)
  })

  it('a hate incident is High, needs the characteristic, and is due in 1 working day', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    await expect(submitReport(report({ category: 'Hate incident or crime' }), officer.id, clock, database)).rejects.toThrow(/hateCharacteristics — choose the characteristic/)
    const r = await submitReport(report({ category: 'Hate incident or crime', hateCharacteristics: ['race/ethnicity'] }), officer.id, clock, database)
    expect(r.case).toMatchObject({ riskBand: 'High', hateRelated: true, firstContactDue: '2026-11-24' })
  })

  it('a report routed away needs a reason and is closed awaiting the not-ASB letter', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    await expect(submitReport(report({ category: 'Parking disputes' }), officer.id, clock, database)).rejects.toThrow(/triageReason — give the reason/)
    const r = await submitReport(report({ category: 'Parking disputes', triageReason: 'A one-off parking dispute between neighbours.' }), officer.id, clock, database)
    expect(r.case).toMatchObject({ status: 'closed', route: 'No landlord involvement', closure: { reason: expect.stringMatching(/Not ASB/) } })
  })

  it('flags a historic report when the incident is over six months old', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const r = await submitReport(report({ incident: { occurredAt: '2026-04-01T20:00', location: 'Landing', description: 'Shouting.' } }), officer.id, clock, database)
    expect(r.case.historic).toBe(true)
  })
})

describe('duplicate detection', () => {
  it('finds the open case at the same address or with the same person, and a further report is added to it', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const first = await submitReport(report(), officer.id, clock, database)
    // Same perpetrator's address typed again by a different reporter.
    const again = report({
      reporter: { kind: 'new', person: { firstName: 'Ravi', surname: 'Shah', address: { line1: '2 Mill Lane', postcode: 'BS1 1AA' } } },
      perpetrators: [{ kind: 'new', person: { firstName: 'D', surname: 'Harlow', address: { line1: '14 Kingfisher Way', postcode: 'BS5 6XY' }, flat: 'flat 7' } }],
      householdMembers: [],
    })
    const dupes = await findDuplicateCases(again, database)
    expect(dupes).toMatchObject([{ caseId: first.case.id, ref: 'ASB-2026-00001', reason: expect.stringMatching(/same address: Flat 7, 14 Kingfisher Way/) }])
    const byPerson = await findDuplicateCases({ reporter: { kind: 'existing', personId: (await database.people.where('surnameKey').equals('okonjo').first())!.id } }, database)
    expect(byPerson.map((d) => d.ref)).toEqual(['ASB-2026-00001'])

    const added = await submitReport(again, officer.id, { ...clock, addToCaseId: first.case.id }, database)
    expect(added.addedToExisting).toBe(true)
    expect(await database.cases.count()).toBe(1)
    const file = await loadCaseFile(first.case.id, database)
    expect(file?.incidents).toHaveLength(2)
    expect(file?.parties.filter((p) => p.role === 'reporter').map((p) => p.person.surname).sort()).toEqual(['Okonjo', 'Shah'])
    expect(file?.case.searchText).toContain('shah')
  })

  it('ignores closed cases and different addresses', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    await submitReport(report({ category: 'Parking disputes', triageReason: 'Parking.' }), officer.id, clock, database)
    expect(await findDuplicateCases(report(), database)).toEqual([])
    const other = report({ reporter: { kind: 'new', person: { surname: 'Else', address: { line1: '99 Other Road', postcode: 'BS5 6XY' } } }, perpetrators: [] })
    expect(await findDuplicateCases(other, database)).toEqual([])
  })
})

describe('working the case', () => {
  it('reassigns the named officer with an audit entry', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const sam = await userIn(database, 'Sam Okafor')
    const r = await submitReport(report(), jo.id, clock, database)
    await expect(reassignOfficer(r.case.id, { officerId: sam.id, reason: '' }, jo.id, database)).rejects.toThrow(/reason — say why/)
    const moved = await reassignOfficer(r.case.id, { officerId: sam.id, reason: 'Patch change' }, jo.id, database)
    expect(moved.officerId).toBe(sam.id)
    const entry = (await database.audit.where('caseId').equals(r.case.id).toArray()).find((a) => a.action === 'reassigned')
    expect(entry).toMatchObject({ before: { officerId: jo.id }, after: { officerId: sam.id, reason: 'Patch change' } })
  })

  it('agrees a contact frequency and computes the next update in working days', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const r = await submitReport(report(), jo.id, clock, database)
    const updated = await setContactFrequency(r.case.id, { workingDays: 10, method: 'telephone', agreedAt: '2026-11-23' }, jo.id, { today: '2026-11-23' }, database)
    expect(updated.nextUpdateDue).toBe('2026-12-07')
    await expect(setContactFrequency(r.case.id, { workingDays: 0, method: 'telephone', agreedAt: '2026-11-23' }, jo.id, {}, database)).rejects.toThrow(/workingDays — must be at least 1/)
  })
})
