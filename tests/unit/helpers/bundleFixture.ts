import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import type { WorkstationDatabase } from '@/data/db'
import type { Assessment, DocumentRecord, Incident } from '@/domain/caseRecords'
import type { CaseParty } from '@/domain/parties'
import type { Person } from '@/domain/people'
import { sha256Hex } from '@/domain/bundle/manifest'
import type { UserProfile } from '@/domain/users'
import { insertCaseFixture, type CaseFixture } from './caseFixture'
import { userIn } from './db'

/**
 * A case ready for a legal bundle: the shared case fixture plus a confidential victim, a
 * consenting witness, an APPROVED formal action (rows per the issue-6 contract) with its
 * proportionality assessment and EIA, two served letters (one to the confidential reporter, one
 * to the alleged perpetrator), one unserved draft and one evidence file. All details are invented.
 */
export interface BundleFixture extends CaseFixture {
  officer: UserProfile
  manager: UserProfile
  victim: Person
  witness: Person
  formalActionId: string
  acknowledgement: DocumentRecord
  warningLetter: DocumentRecord
  evidenceBytes: Uint8Array
}

export async function simpleDocx(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: lines.map((l, i) => new Paragraph({ alignment: i === 0 ? AlignmentType.RIGHT : undefined, children: [new TextRun(l)] })) }] })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

function documentRow(id: string, kind: string, title: string, recipientPersonId: string, recipientName: string, bytes: Uint8Array, served: DocumentRecord['served'], createdBy: string): DocumentRecord {
  return {
    id, caseId: 'case-fixture', kind, title, recipientPersonId, recipientName, fileName: `ASB-2026-00042 ${kind}.docx`, bytes, size: bytes.byteLength,
    sha256: sha256Hex(bytes), templateVersion: 'test', ruleSetVersion: 'test', draft: !served, ...(served ? { served } : {}), createdBy, createdAt: served ? `${served.date}T08:00:00.000Z` : '2026-10-20T08:00:00.000Z',
  }
}

export async function insertBundleFixture(database: WorkstationDatabase, options: { approved?: boolean; extraIncidents?: number } = {}): Promise<BundleFixture> {
  const officer = await userIn(database, 'Jo Smith', 'officer')
  const manager = await userIn(database, 'Priya Shah', 'manager')
  const base = await insertCaseFixture(database, officer.id)
  const victim: Person = {
    ...base.reporter, id: 'p-victim', firstName: 'Aisha', surname: 'Bellweather', flat: 'Flat 5', phone: '07700 900789', email: 'aisha.b@example.net',
    address: { line1: '16 Kingfisher Way', line2: '', town: 'Bristol', postcode: 'BS5 6XZ' }, surnameKey: 'bellweather', postcodeKey: 'bs56xz', vulnerabilityNotes: 'Anxiety; prefers afternoon visits.',
  }
  const witness: Person = {
    ...base.reporter, id: 'p-witness', firstName: 'Tom', surname: 'Reyes', flat: '', phone: '0117 496 0555', email: 'tom.reyes@example.com',
    address: { line1: '3 Heron Close', line2: '', town: 'Bristol', postcode: 'BS5 7AB' }, surnameKey: 'reyes', postcodeKey: 'bs57ab', vulnerabilityNotes: '',
  }
  const parties: CaseParty[] = [
    { id: 'cp-victim', caseId: base.case.id, personId: victim.id, role: 'victim', consentToShare: false, consentToApproach: true, identityConfidential: true, createdAt: '2026-09-02' },
    { id: 'cp-witness', caseId: base.case.id, personId: witness.id, role: 'witness', consentToShare: true, consentToApproach: true, identityConfidential: false, createdAt: '2026-09-03' },
  ]
  const formalActionId = 'fa-nosp'
  const approved = options.approved ?? true
  const formalAction = {
    id: formalActionId, caseId: base.case.id, kind: 'NOSP', status: approved ? 'approved' : 'awaiting approval', againstPersonIds: [base.perpetrator.id, base.jointTenant.id],
    authorId: officer.id, createdAt: '2026-10-01T09:00:00.000Z',
    // Shape of src/domain/formalAction/actions.ts (issue 6).
    grounds: [{ ground: '14', limbs: ['a'], clause: 'Clause 4.1: not to cause or allow nuisance, annoyance or harassment to neighbours' }],
    incidentIds: [] as string[],
    particulars: 'On 5 September 2026 there was shouting and banging on the shared landing after midnight.',
    ruleSetVersion: '2026-11.1', prohibitions: [], requirements: [], noticeDocumentIds: [], updatedAt: '2026-10-05T10:00:00.000Z',
    approvals: approved ? [
      { id: 'ap-0', level: 'quality check', decision: 'approved', by: manager.id, byName: 'Priya Shah', asTitle: 'Team Leader', reasons: 'Earlier approval.', at: '2026-10-04T10:00:00.000Z', approvedFingerprint: 'x', voided: { at: '2026-10-04T15:00:00.000Z', by: officer.id, reason: 'particulars changed' } },
      { id: 'ap-1', level: 'quality check', decision: 'approved', by: manager.id, byName: 'Priya Shah', asTitle: 'Tenancy Sustainability Manager', reasons: 'Proportionate: warning and ABA tried first.', at: '2026-10-05T10:00:00.000Z', approvedFingerprint: 'y' },
    ] : [],
  }
  const assessments: Assessment[] = [
    { id: 'as-prop-1', caseId: base.case.id, kind: 'proportionality', version: 1, formalActionId, answers: { groundProvable: true, lesserSteps: 'Warning letter and ABA' }, result: 'superseded', reason: '', completedAt: '2026-10-02T09:00:00.000Z', by: officer.id, at: '2026-10-02T09:00:00.000Z' },
    { id: 'as-prop-2', caseId: base.case.id, kind: 'proportionality', version: 2, formalActionId, answers: { groundProvable: true, lesserSteps: 'Warning letter (22 September) and ABA refused', legitimateAim: 'Protecting neighbours' }, result: 'Proportionate', reason: 'Behaviour continued after the warning.', completedAt: '2026-10-03T09:00:00.000Z', by: officer.id, at: '2026-10-03T09:00:00.000Z' },
    { id: 'as-eia', caseId: base.case.id, kind: 'eia', version: 1, formalActionId, answers: { disabilityKnown: false, psedRegardHad: true }, result: 'No disproportionate impact', reason: 'No protected characteristic engaged.', completedAt: '2026-10-03T11:00:00.000Z', by: officer.id, at: '2026-10-03T11:00:00.000Z' },
    { id: 'as-risk', caseId: base.case.id, kind: 'risk', version: 1, answers: {}, result: 'Medium', reason: 'Persistent noise', completedAt: '2026-09-01T12:00:00.000Z', by: officer.id, at: '2026-09-01T12:00:00.000Z' },
  ]
  const ackBytes = await simpleDocx(['Riverside Vale Housing', 'Maya Okonjo', 'Flat 3, 12 Kingfisher Way', 'Bristol BS5 6XY', 'Dear Maya Okonjo', 'Thank you for your report. We will call you on 07700 900123 as agreed.'])
  const warnBytes = await simpleDocx(['Riverside Vale Housing', 'Dean Harlow', 'Flat 7, 14 Kingfisher Way', 'Bristol BS5 6XY', 'Dear Dean Harlow', 'On 5 September 2026 there was shouting and banging on the shared landing after midnight. This breaches clause 4.1 of your tenancy.'])
  const acknowledgement = documentRow('doc-ack', 'acknowledgement', 'Acknowledgement letter', base.reporter.id, 'Maya Okonjo', ackBytes, { date: '2026-09-03', method: 'first-class post', by: officer.id, recordedAt: '2026-09-03T09:00:00.000Z' }, officer.id)
  const warningLetter = documentRow('doc-warn', 'warning letter', 'Warning letter', base.perpetrator.id, 'Dean Harlow', warnBytes, { date: '2026-09-22', method: 'hand', by: officer.id, recordedAt: '2026-09-22T15:00:00.000Z' }, officer.id)
  const draft = documentRow('doc-draft', 'warning letter', 'Second warning letter', base.perpetrator.id, 'Dean Harlow', warnBytes, undefined, officer.id)
  const evidenceBytes = new TextEncoder().encode('RIFF fake audio of shouting on the landing')
  const extra: Incident[] = Array.from({ length: options.extraIncidents ?? 0 }, (_, n) => ({
    ...base.incidents[0], id: `inc-x${n}`, occurredAt: new Date(Date.UTC(2026, 9, 6) + n * 3_600_000).toISOString().slice(0, 19), description: `Loud music again (diary entry ${n + 1}), reported by Maya Okonjo.`,
  }))
  await database.transaction('rw', [database.people, database.caseParties, database.incidents, database.formalActions, database.assessments, database.documents, database.evidence, database.interventions], async () => {
    await database.people.bulkAdd([victim, witness])
    await database.caseParties.bulkAdd(parties)
    await database.incidents.update('inc-2', { witnesses: [witness.id, victim.id] })
    if (extra.length) await database.incidents.bulkAdd(extra)
    await database.formalActions.add(formalAction)
    await database.assessments.bulkAdd(assessments)
    await database.documents.bulkAdd([acknowledgement, warningLetter, draft])
    await database.interventions.add({ id: 'iv-1', caseId: base.case.id, kind: 'written warning', date: '2026-09-22', againstPersonId: base.perpetrator.id, outcome: 'Warning letter delivered by hand.', documentId: 'doc-warn', createdBy: officer.id, createdAt: '2026-09-22T15:00:00.000Z' })
    await database.evidence.add({
      id: 'ev-1', caseId: base.case.id, incidentId: 'inc-2', fileName: 'landing-noise.wav', mimeType: 'audio/wav', size: evidenceBytes.byteLength, sha256: sha256Hex(evidenceBytes),
      source: 'reporter recording', capturedAt: '2026-09-05T00:20:00', addedBy: officer.id, addedAt: '2026-09-06T09:00:00.000Z', blob: new Blob([evidenceBytes as BlobPart], { type: 'audio/wav' }),
    })
  })
  const incidents = (await database.incidents.where('caseId').equals(base.case.id).sortBy('occurredAt'))
  return { ...base, incidents, officer, manager, victim, witness, formalActionId, acknowledgement, warningLetter, evidenceBytes }
}
