import { createHash } from 'node:crypto'
import { format } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { getDocumentBytes, listDocuments, markServed, storeDocument } from '@/data/repositories/documents'
import { PolicyRefusal, ValidationError } from '@/domain/validation'
import { buildLetter } from '@/documents/letterEngine'
import { organisationSettings } from '@/domain/settings/organisation'
import { freshDatabase, userIn } from '../helpers/db'
import { insertCaseFixture } from '../helpers/caseFixture'

async function setup() {
  const database = await freshDatabase()
  const officer = await userIn(database)
  const fixture = await insertCaseFixture(database, officer.id)
  const bytes = await buildLetter({
    organisation: organisationSettings.defaults(), officer: { name: officer.name }, caseRef: fixture.case.ref, date: '2026-11-23',
    recipient: { name: 'Mr Dean Harlow', addressLines: ['Flat 7, 14 Kingfisher Way', 'Bristol', 'BS5 6XY'] }, title: 'Test', blocks: [],
  })
  return { database, officer, fixture, bytes }
}

describe('documents repository', () => {
  it('stores the bytes with a SHA-256 that matches them and gives back byte-identical bytes', async () => {
    const { database, officer, fixture, bytes } = await setup()
    const meta = await storeDocument({ caseId: fixture.case.id, kind: 'warning letter', title: 'Warning letter', recipientName: 'Dean Harlow', recipientPersonId: 'p-perp', fileName: 'warning.docx', bytes, templateVersion: 'warning-1', ruleSetVersion: '2026.1' }, officer.id, database)
    expect(meta.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(meta.size).toBe(bytes.byteLength)
    const again = await getDocumentBytes(meta.id, database)
    expect(again).toBeDefined()
    expect(createHash('sha256').update(again!).digest('hex')).toBe(meta.sha256)
    expect(Buffer.from(again!).equals(Buffer.from(bytes))).toBe(true)
    const audit = await database.audit.where('caseId').equals(fixture.case.id).toArray()
    expect(audit.some((a) => a.entity === 'document' && a.action === 'stored' && a.entityId === meta.id)).toBe(true)
  })

  it('refuses a document with missing fields, naming them, and stores nothing', async () => {
    const { database, officer, fixture } = await setup()
    await expect(storeDocument({ caseId: fixture.case.id, kind: '', title: 'x', recipientName: '', fileName: 'a.docx', bytes: new Uint8Array(), templateVersion: 't', ruleSetVersion: 'r' }, officer.id, database))
      .rejects.toThrow(/kind — is required.*recipientName — is required.*bytes — must not be empty/)
    expect(await database.documents.count()).toBe(0)
  })

  it('refuses a legal-role user (the legal team never edits case records)', async () => {
    const { database, fixture, bytes } = await setup()
    const lawyer = await database.users.add({ id: 'u-legal', name: 'Lee Gal', role: 'legal', initials: 'LG', administrator: false, jobTitle: '', phone: '', email: '', passphraseHash: { salt: '', hash: '', iterations: 1 } as never, createdAt: '' })
    await expect(storeDocument({ caseId: fixture.case.id, kind: 'warning letter', title: 'W', recipientName: 'D', fileName: 'w.docx', bytes, templateVersion: 't', ruleSetVersion: 'r' }, lawyer, database)).rejects.toThrow(PolicyRefusal)
    expect(await database.documents.count()).toBe(0)
  })

  it('records service once, audited, and refuses future dates and a second record', async () => {
    const { database, officer, fixture, bytes } = await setup()
    const meta = await storeDocument({ caseId: fixture.case.id, kind: 'warning letter', title: 'Warning letter', recipientName: 'Dean Harlow', fileName: 'w.docx', bytes, templateVersion: 't', ruleSetVersion: 'r' }, officer.id, database)
    await expect(markServed(meta.id, { date: '2999-01-01', method: 'hand', by: officer.id }, database)).rejects.toThrow(/date — cannot be in the future/)
    await expect(markServed(meta.id, { date: format(new Date(), 'yyyy-MM-dd'), method: 'pigeon' as never, by: officer.id }, database)).rejects.toThrow(ValidationError)
    const today = format(new Date(), 'yyyy-MM-dd')
    const served = await markServed(meta.id, { date: today, method: 'first-class post', by: officer.id }, database)
    expect(served.served).toMatchObject({ date: today, method: 'first-class post', by: officer.id })
    await expect(markServed(meta.id, { date: today, method: 'hand', by: officer.id }, database)).rejects.toThrow(/already recorded as served/)
    const audit = await database.audit.toArray()
    expect(audit.filter((a) => a.entityId === meta.id).map((a) => a.action)).toEqual(['stored', 'served'])
  })

  it('lists the register filtered by case, kind and date, without bytes', async () => {
    const { database, officer, fixture, bytes } = await setup()
    const base = { caseId: fixture.case.id, recipientName: 'Dean Harlow', fileName: 'x.docx', bytes, templateVersion: 't', ruleSetVersion: 'r' }
    await storeDocument({ ...base, kind: 'warning letter', title: 'W' }, officer.id, database)
    await storeDocument({ ...base, kind: 'ABA', title: 'A' }, officer.id, database)
    expect((await listDocuments({ caseId: fixture.case.id }, database)).length).toBe(2)
    const abas = await listDocuments({ kind: 'ABA' }, database)
    expect(abas.map((d) => d.title)).toEqual(['A'])
    expect('bytes' in abas[0]).toBe(false)
    expect(abas[0].caseRef).toBe('ASB-2026-00042')
    const today = format(new Date(), 'yyyy-MM-dd')
    expect((await listDocuments({ from: today, to: today }, database)).length).toBe(2)
    expect((await listDocuments({ to: '2000-01-01' }, database)).length).toBe(0)
  })

  it('records the ABA intervention with its review date in the same transaction, linked to the document', async () => {
    const { database, officer, fixture, bytes } = await setup()
    const meta = await storeDocument({ caseId: fixture.case.id, kind: 'ABA', title: 'ABA', recipientName: 'Dean Harlow', fileName: 'aba.docx', bytes, templateVersion: 't', ruleSetVersion: 'r' }, officer.id, database,
      { intervention: { kind: 'acceptable behaviour agreement', date: '2026-11-23', reviewDue: '2027-02-23', againstPersonId: 'p-perp', outcome: 'Signed' } })
    const interventions = await database.interventions.where('caseId').equals(fixture.case.id).toArray()
    expect(interventions).toHaveLength(1)
    expect(interventions[0]).toMatchObject({ kind: 'acceptable behaviour agreement', reviewDue: '2027-02-23', documentId: meta.id, againstPersonId: 'p-perp' })
    // A bad intervention refuses the whole write: no orphan document.
    await expect(storeDocument({ caseId: fixture.case.id, kind: 'ABA', title: 'ABA', recipientName: 'D', fileName: 'aba.docx', bytes, templateVersion: 't', ruleSetVersion: 'r' }, officer.id, database,
      { intervention: { kind: 'acceptable behaviour agreement', date: '2026-11-23', reviewDue: 'soon' } })).rejects.toThrow(/reviewDue/)
    expect(await database.documents.count()).toBe(1)
  })

  it('an acknowledgement stamps the case as acknowledged once', async () => {
    const { database, officer, fixture, bytes } = await setup()
    const base = { caseId: fixture.case.id, kind: 'acknowledgement', title: 'Ack', recipientName: 'Maya Okonjo', fileName: 'a.docx', bytes, templateVersion: 't', ruleSetVersion: 'r' }
    const first = await storeDocument(base, officer.id, database)
    expect((await database.cases.get(fixture.case.id))!.acknowledgedAt).toBe(first.createdAt)
    await storeDocument(base, officer.id, database)
    expect((await database.cases.get(fixture.case.id))!.acknowledgedAt).toBe(first.createdAt)
  })
})
