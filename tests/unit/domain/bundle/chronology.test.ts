import { describe, expect, it } from 'vitest'
import { buildChronology } from '@/domain/bundle/chronology'
import { nameBook } from '@/domain/bundle/names'
import { assemble, preparedFixture } from './shared'

describe('bundle chronology', () => {
  it('has one line for every incident, contact, intervention, served document and assessment — and nothing else', async () => {
    const { sources } = await preparedFixture()
    const file = sources.file
    const lines = buildChronology(file, nameBook(file, sources.staff))
    const expected = [
      ...file.incidents.map((i) => `incident:${i.id}`),
      ...file.contacts.map((c) => `contact:${c.id}`),
      ...file.interventions.map((v) => `intervention:${v.id}`),
      ...file.documents.filter((d) => d.served && !d.draft).map((d) => `document served:${d.id}`),
      ...file.assessments.map((a) => `assessment:${a.id}`),
      'approval:fa-nosp#0', 'approval:fa-nosp#1',
    ]
    expect(lines.map((l) => `${l.kind}:${l.sourceId}`).sort()).toEqual(expected.sort())
    // The unserved draft letter is not something that happened.
    expect(lines.some((l) => l.sourceId === 'doc-draft')).toBe(false)
  })

  it('runs in date order, each line with its source', async () => {
    const { sources } = await preparedFixture()
    const { content } = assemble(sources, 'legal team')
    const dates = content.chronology.map((l) => l.at.slice(0, 19))
    expect(dates).toEqual([...dates].sort())
    expect(content.chronology[0]).toMatchObject({ kind: 'incident', sourceId: 'inc-1' })
    expect(content.chronology.find((l) => l.sourceId === 'inc-2')?.source).toBe('Incident log — reported by Maya Okonjo; witnesses: Tom Reyes, Aisha Bellweather')
    expect(content.chronology.find((l) => l.sourceId === 'doc-warn')).toMatchObject({ at: '2026-09-22', source: 'Document store, exhibit JS/3' })
    expect(content.chronology.find((l) => l.sourceId === 'as-prop-2')?.text).toBe('Proportionality assessment (version 2): Proportionate — Behaviour continued after the warning.')
    expect(content.chronology.find((l) => l.sourceId === 'fa-nosp#0')?.text).toBe('Quality check approved: NOSP — Earlier approval. (voided 4 October 2026: particulars changed)')
    expect(content.chronology.at(-1)).toMatchObject({ sourceId: 'fa-nosp#1', source: 'Formal action decision by Priya Shah, Tenancy Sustainability Manager' })
    expect(content.chronology.every((l) => l.source.length > 0)).toBe(true)
  })
})
