import { describe, expect, it } from 'vitest'
import { allocateExhibits } from '@/data/repositories/bundles'
import { allocateExhibitNumbers } from '@/domain/bundle/exhibits'
import { simpleDocx } from '../../helpers/bundleFixture'
import { sha256Hex } from '@/domain/bundle/manifest'
import { assemble, preparedFixture } from './shared'

describe('exhibit numbers', () => {
  it('are officer initials and a running number in date order, and never change once given', () => {
    const first = allocateExhibitNumbers([
      { id: 'b', source: 'document', date: '2026-09-22' },
      { id: 'a', source: 'document', date: '2026-09-03' },
      { id: 'e', source: 'evidence', date: '2026-09-05T00:20:00' },
    ], 'JS')
    expect([...first.entries()]).toEqual([['a', 'JS/1'], ['e', 'JS/2'], ['b', 'JS/3']])
    // A later, earlier-dated file gets the next number; the old ones keep theirs.
    const second = allocateExhibitNumbers([
      { id: 'a', source: 'document', date: '2026-09-03', exhibitNumber: 'JS/1' },
      { id: 'e', source: 'evidence', date: '2026-09-05', exhibitNumber: 'JS/2' },
      { id: 'b', source: 'document', date: '2026-09-22', exhibitNumber: 'JS/3' },
      { id: 'c', source: 'evidence', date: '2026-08-01' },
    ], 'KL')
    expect([...second.entries()]).toEqual([['c', 'KL/4']])
  })

  it('are stored on the rows, and allocating again gives nothing new', async () => {
    const { database, fixture } = await preparedFixture()
    expect((await database.documents.get('doc-ack'))?.exhibitNumber).toBe('JS/1')
    expect((await database.evidence.get('ev-1'))?.exhibitNumber).toBe('JS/2')
    expect((await database.documents.get('doc-warn'))?.exhibitNumber).toBe('JS/3')
    expect((await database.documents.get('doc-draft'))?.exhibitNumber).toBeUndefined()
    expect((await allocateExhibits(fixture.case.id, fixture.officer.id, database)).size).toBe(0)
    const bytes = await simpleDocx(['A later letter'])
    await database.documents.add({ ...fixture.warningLetter, id: 'doc-later', bytes, sha256: sha256Hex(bytes), exhibitNumber: undefined, served: { date: '2026-10-10', method: 'hand', by: fixture.officer.id, recordedAt: '2026-10-10T10:00:00Z' } })
    expect([...(await allocateExhibits(fixture.case.id, fixture.officer.id, database)).entries()]).toEqual([['doc-later', 'JS/4']])
    expect((await database.documents.get('doc-ack'))?.exhibitNumber).toBe('JS/1')
  })

  it('list every served document and evidence file with the SHA-256 of the exact stored bytes', async () => {
    const { database, sources } = await preparedFixture()
    const { content } = assemble(sources, 'legal team')
    expect(content.exhibits.map((e) => [e.exhibitNumber, e.sourceId, e.method])).toEqual([
      ['JS/1', 'doc-ack', 'first-class post'], ['JS/2', 'ev-1', 'reporter recording'], ['JS/3', 'doc-warn', 'hand'],
    ])
    for (const e of content.exhibits) {
      const stored = e.source === 'document' ? (await database.documents.get(e.sourceId))!.bytes : new Uint8Array(await ((await database.evidence.get(e.sourceId))!.blob as Blob).arrayBuffer())
      expect(e.sha256).toBe(sha256Hex(stored))
    }
  })

  it('can only be given on a case with an approved formal action, and never by the legal role', async () => {
    const { database, fixture } = await preparedFixture()
    const { userIn } = await import('../../helpers/db')
    const lawyer = await userIn(database, 'Lee Counsel', 'legal')
    await expect(allocateExhibits(fixture.case.id, lawyer.id, database)).rejects.toThrow('Numbering exhibits needs the officer or manager or administrator role; Lee Counsel is a legal')
    await database.formalActions.update(fixture.formalActionId, { status: 'returned' })
    await expect(allocateExhibits(fixture.case.id, fixture.officer.id, database)).rejects.toThrow('A case bundle can only be prepared for a case with an approved formal action; ASB-2026-00042 has none yet.')
  })
})
