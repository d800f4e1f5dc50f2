import type { WorkstationDatabase } from '@/data/db'
import { caseSearchText, type AsbCase } from '@/domain/cases'
import type { Contact, Incident } from '@/domain/caseRecords'
import type { CaseParty } from '@/domain/parties'
import type { Person } from '@/domain/people'

/**
 * A hand-built case for tests of features that read a case file (documents, formal action,
 * closure, bundle, reports). Written straight to the tables so those tests do not depend on the
 * intake screens. Every name, address and number here is invented.
 */
export interface CaseFixture {
  case: AsbCase
  reporter: Person
  perpetrator: Person
  jointTenant: Person
  incidents: Incident[]
  contacts: Contact[]
}

function person(id: string, firstName: string, surname: string, extra: Partial<Person> = {}): Person {
  const address = extra.address ?? { line1: '14 Kingfisher Way', line2: '', town: 'Bristol', postcode: 'BS5 6XY' }
  return {
    id, title: '', firstName, surname, address, flat: '', phone: '', email: '', tenancyReference: '',
    accessibleFormats: [], language: '', vulnerabilityNotes: '', surnameKey: surname.toLowerCase(),
    postcodeKey: address.postcode.replace(/\s/g, '').toLowerCase(), createdAt: '2026-09-01T09:00:00.000Z', updatedAt: '2026-09-01T09:00:00.000Z',
    ...extra,
  }
}

export async function insertCaseFixture(database: WorkstationDatabase, officerId: string, overrides: Partial<AsbCase> = {}): Promise<CaseFixture> {
  const reporter = person('p-reporter', 'Maya', 'Okonjo', {
    address: { line1: '12 Kingfisher Way', line2: '', town: 'Bristol', postcode: 'BS5 6XY' }, flat: 'Flat 3',
    phone: '07700 900123', email: 'maya.okonjo@example.org', preferredMethod: 'telephone', tenure: 'assured',
  })
  const perpetrator = person('p-perp', 'Dean', 'Harlow', { flat: 'Flat 7', tenure: 'assured', tenancyReference: 'T204417', phone: '07700 900456' })
  const jointTenant = person('p-joint', 'Kerry', 'Harlow', { flat: 'Flat 7', tenure: 'assured', tenancyReference: 'T204417' })
  const ref = overrides.ref ?? 'ASB-2026-00042'
  const asbCase: AsbCase = {
    id: 'case-fixture', ref, status: 'open', category: 'Persistent noise or loud music', route: 'ASB team', riskBand: 'Medium',
    hateRelated: false, hateCharacteristics: [], domesticAbuse: false, highHarm: false, historic: false, anonymous: false,
    channel: 'telephone', officerId, reportedAt: '2026-09-01', openedAt: '2026-09-01', firstContactDue: '2026-09-04',
    acknowledgementDue: '2026-09-08', firstContactAt: '2026-09-02T10:00:00', summary: 'Loud music and shouting from Flat 7 late at night.',
    searchText: caseSearchText(ref, [reporter, perpetrator]), createdAt: '2026-09-01T09:00:00.000Z', updatedAt: '2026-09-01T09:00:00.000Z',
    ...overrides,
  }
  const parties: CaseParty[] = [
    { id: 'cp-reporter', caseId: asbCase.id, personId: reporter.id, role: 'reporter', consentToShare: true, consentToApproach: true, identityConfidential: true, createdAt: '2026-09-01' },
    { id: 'cp-perp', caseId: asbCase.id, personId: perpetrator.id, role: 'alleged perpetrator', consentToShare: false, consentToApproach: false, identityConfidential: false, createdAt: '2026-09-01' },
    { id: 'cp-joint', caseId: asbCase.id, personId: jointTenant.id, role: 'household member', householdOf: perpetrator.id, consentToShare: false, consentToApproach: false, identityConfidential: false, createdAt: '2026-09-01' },
  ]
  const incident = (n: number, occurredAt: string, description: string): Incident => ({
    id: `inc-${n}`, caseId: asbCase.id, occurredAt, location: 'Flat 7, 14 Kingfisher Way', category: asbCase.category, description,
    reportedBy: reporter.id, witnesses: [], evidenceRefs: [], policeRef: '', createdAt: occurredAt, updatedAt: occurredAt, createdBy: officerId,
  })
  const incidents = [
    incident(1, '2026-08-29T23:40:00', 'Very loud music from Flat 7 until 2am.'),
    incident(2, '2026-09-05T00:15:00', 'Shouting and banging on the shared landing after midnight.'),
    incident(3, '2026-09-19T22:50:00', 'Loud music again; neighbours knocked and were sworn at.'),
  ]
  const contacts: Contact[] = [
    { id: 'ct-1', caseId: asbCase.id, at: '2026-09-02T10:00:00', personId: reporter.id, withWhom: 'Maya Okonjo', method: 'telephone', direction: 'outbound', successful: true, summary: 'Agreed an action plan and diary sheets.', createdBy: officerId, createdAt: '2026-09-02T10:00:00' },
  ]
  await database.transaction('rw', [database.cases, database.people, database.caseParties, database.incidents, database.contacts], async () => {
    await database.people.bulkAdd([reporter, perpetrator, jointTenant])
    await database.cases.add(asbCase)
    await database.caseParties.bulkAdd(parties)
    await database.incidents.bulkAdd(incidents)
    await database.contacts.bulkAdd(contacts)
  })
  return { case: asbCase, reporter, perpetrator, jointTenant, incidents, contacts }
}
