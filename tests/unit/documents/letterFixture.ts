import { loadCaseFile } from '@/data/repositories/caseFile'
import type { CaseFile, PartyWithPerson } from '@/domain/caseFile'
import type { Person } from '@/domain/people'
import { letterSettings } from '@/domain/settings/letters'
import { organisationSettings } from '@/domain/settings/organisation'
import type { LetterContext, LetterFacts } from '@/documents/letters/letterCatalogue'
import { freshDatabase, userIn } from '../helpers/db'
import { insertCaseFixture } from '../helpers/caseFixture'

/**
 * The shared case fixture plus what letters need: the perpetrator's date of birth (CPN warning),
 * a 15-year-old in the household (parent letters, under-18 ABA) and a confidential witness.
 */
export async function letterCase(): Promise<{ caseFile: CaseFile; ctx: LetterContext; officerId: string; database: Awaited<ReturnType<typeof freshDatabase>> }> {
  const database = await freshDatabase()
  const officer = await userIn(database)
  await insertCaseFixture(database, officer.id)
  const loaded = (await loadCaseFile('case-fixture', database))!
  const youngPerson: Person = {
    ...loaded.parties.find((p) => p.personId === 'p-joint')!.person, id: 'p-young', firstName: 'Tyler', surname: 'Harlow', dateOfBirth: '2011-03-14', surnameKey: 'harlow',
  }
  const witness: Person = {
    ...loaded.parties.find((p) => p.personId === 'p-reporter')!.person, id: 'p-witness', firstName: 'Gwen', surname: 'Adebayo', title: 'Mrs',
    address: { line1: '9 Heron Close', line2: '', town: 'Bristol', postcode: 'BS5 7QT' }, flat: 'Flat 12', phone: '+44 7700 900777', email: 'gwen.a@example.net', surnameKey: 'adebayo',
  }
  const extra: PartyWithPerson[] = [
    { id: 'cp-young', caseId: 'case-fixture', personId: 'p-young', role: 'alleged perpetrator', consentToShare: false, consentToApproach: false, identityConfidential: false, createdAt: '2026-09-01', person: youngPerson },
    { id: 'cp-witness', caseId: 'case-fixture', personId: 'p-witness', role: 'witness', consentToShare: true, consentToApproach: true, identityConfidential: true, createdAt: '2026-09-01', person: witness },
  ]
  const parties = loaded.parties.map((p) => (p.personId === 'p-perp' ? { ...p, person: { ...p.person, title: 'Mr', dateOfBirth: '1990-06-01' } } : p))
  const caseFile: CaseFile = { ...loaded, parties: [...parties, ...extra] }
  const ctx: LetterContext = {
    organisation: organisationSettings.defaults(), settings: letterSettings.defaults(), caseFile, date: '2026-11-23',
    officer: { name: 'Jo Smith', jobTitle: 'ASB Officer', phone: '0117 496 0123', email: 'jo.smith@riversidevale.example' },
    caseReview: { threshold: 3, windowMonths: 6 },
  }
  return { caseFile, ctx, officerId: officer.id, database }
}

/** One complete set of facts per letter kind, each addressed to someone on the perpetrator's side. */
export function factsFor(kind: LetterFacts['kind'], edits: Record<string, string> = {}): LetterFacts {
  const common = { nextActions: ['a Notice of Seeking Possession'], supportOffers: ['We can refer you to a tenancy support worker.'], edits }
  switch (kind) {
    case 'acknowledgement': return { kind, recipientPersonId: 'p-perp', edits }
    case 'not ASB': return { kind, recipientPersonId: 'p-perp', reason: 'Everyday noise is part of living close together.', signpostKeys: ['mediation'], edits }
    case 'warning letter': return { kind, recipientPersonId: 'p-perp', incidentIds: ['inc-1', 'inc-3'], ...common }
    case 'parent warning letter': return { kind, recipientPersonId: 'p-joint', youngPersonId: 'p-young', incidentIds: ['inc-2'], ...common }
    case 'CPN warning': return { kind, recipientPersonId: 'p-perp', incidentIds: ['inc-1', 'inc-2', 'inc-3'], conduct: 'playing loud music between 11pm and 7am', stopBy: '2026-12-07', ...common }
    case 'ABA': return { kind, recipientPersonId: 'p-perp', positiveTerms: ['keep the noise down after 11pm'], negativeTerms: ['I will not shout on the landing'], supportCommitments: ['We will refer you to tenancy support.'], durationMonths: 6, reviewMonths: 3, edits }
    case 'contact attempt': return { kind, recipientPersonId: 'p-perp', attempts: [{ at: '2026-11-02T10:00:00', method: 'telephone' }, { at: '2026-11-09T15:30:00', method: 'home visit' }], respondBy: '2026-12-07', edits }
  }
}
