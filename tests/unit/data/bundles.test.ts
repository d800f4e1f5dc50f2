import { describe, expect, it } from 'vitest'
import { addLegalNote, legalNotesForCase, legalNoteTodayItems, listBundles, openLegalNotesForOfficer, resolveLegalNote, storeBundle } from '@/data/repositories/bundles'
import { insertBundleFixture } from '../helpers/bundleFixture'
import { freshDatabase, userIn } from '../helpers/db'

async function setUp() {
  const database = await freshDatabase()
  const fixture = await insertBundleFixture(database)
  const lawyer = await userIn(database, 'Lee Counsel', 'legal')
  return { database, fixture, lawyer }
}

describe('legal notes back to the officer', () => {
  it('are added by the legal team, audited, and listed on the case', async () => {
    const { database, fixture, lawyer } = await setUp()
    const note = await addLegalNote({ caseId: fixture.case.id, text: '  Need further evidence of the 19 September incident.  ' }, lawyer.id, database)
    expect(note).toMatchObject({ kind: 'legal note', text: 'Need further evidence of the 19 September incident.', byName: 'Lee Counsel' })
    expect((await legalNotesForCase(fixture.case.id, database)).map((n) => n.id)).toEqual([note.id])
    const audit = await database.audit.where('caseId').equals(fixture.case.id).filter((e) => e.entity === 'legal note').toArray()
    expect(audit.map((e) => e.action)).toEqual(['added'])
  })

  it('refuses an empty note with the field named, and a note from an officer', async () => {
    const { database, fixture, lawyer } = await setUp()
    await expect(addLegalNote({ caseId: fixture.case.id, text: ' ' }, lawyer.id, database)).rejects.toThrow('The note to the officer was not saved: text — must say what is needed (at least 5 characters)')
    await expect(addLegalNote({ caseId: fixture.case.id, text: 'I am the officer here.' }, fixture.officer.id, database)).rejects.toThrow('Adding a legal note needs the legal or manager or administrator role; Jo Smith is an officer.')
    expect(await database.notes.count()).toBe(0)
  })

  it('appear on the Today list of the officer who holds the case until marked dealt with — which the legal role cannot do', async () => {
    const { database, fixture, lawyer } = await setUp()
    const other = await userIn(database, 'Sam Other', 'officer')
    const note = await addLegalNote({ caseId: fixture.case.id, text: 'Need the CCTV stills for 5 September.' }, lawyer.id, database)
    expect((await openLegalNotesForOfficer(fixture.officer.id, database)).map((n) => n.caseRef)).toEqual(['ASB-2026-00042'])
    expect(await openLegalNotesForOfficer(other.id, database)).toEqual([])
    await expect(resolveLegalNote(note.id, lawyer.id, database)).rejects.toThrow('needs the officer or manager or administrator role')
    await resolveLegalNote(note.id, fixture.officer.id, database)
    expect(await openLegalNotesForOfficer(fixture.officer.id, database)).toEqual([])
    await expect(resolveLegalNote(note.id, fixture.officer.id, database)).rejects.toThrow('already marked as dealt with')
  })

  it('become Today items labelled for the officer', async () => {
    const { database, fixture, lawyer } = await setUp()
    const long = `Need a statement from the neighbour at number 16 about ${'the noise on the landing, '.repeat(6)}please.`
    await addLegalNote({ caseId: fixture.case.id, text: long }, lawyer.id, database)
    const [item, ...rest] = await legalNoteTodayItems({ officerId: fixture.officer.id }, database)
    expect(rest).toEqual([])
    expect(item).toMatchObject({ kind: 'legal note', caseId: fixture.case.id, caseRef: 'ASB-2026-00042', overdue: false, officerId: fixture.officer.id })
    expect(item.label.startsWith('Note from the legal team (Lee Counsel): Need a statement from the neighbour at number 16')).toBe(true)
    expect(item.label.endsWith('…')).toBe(true)
  })
})

describe('stored bundles', () => {
  it('cannot be stored by the legal role', async () => {
    const { database, fixture, lawyer } = await setUp()
    const bytes = new Uint8Array([1, 2, 3])
    await expect(storeBundle({
      caseId: fixture.case.id, recipient: 'legal team', templateVersion: 't', ruleSetVersion: 'r',
      docx: { name: 'b.docx', bytes }, zip: { name: 'b.zip', bytes }, parts: [], redactionReport: [],
    }, lawyer.id, database)).rejects.toThrow('Preparing a case bundle needs the officer or manager or administrator role; Lee Counsel is a legal')
    expect(await listBundles({}, database)).toEqual([])
  })

  it('refuses an unknown recipient, naming the field', async () => {
    const { database, fixture } = await setUp()
    const bytes = new Uint8Array([1])
    await expect(storeBundle({
      caseId: fixture.case.id, recipient: 'the press' as never, templateVersion: 't', ruleSetVersion: 'r',
      docx: { name: 'b.docx', bytes }, zip: { name: 'b.zip', bytes }, parts: [], redactionReport: [],
    }, fixture.officer.id, database)).rejects.toThrow('The case bundle was not saved: recipient — must be legal team, court / respondent disclosure or partner agency')
  })
})
