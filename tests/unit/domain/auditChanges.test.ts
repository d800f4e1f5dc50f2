import { describe, expect, it } from 'vitest'
import { fieldChanges } from '@/domain/auditChanges'

describe('audit view: what changed', () => {
  it('lists only the fields that changed, with before and after as text', () => {
    expect(fieldChanges({ riskBand: 'Standard', summary: 'Noise', officerId: 'u1' }, { riskBand: 'High', summary: 'Noise', officerId: 'u2' })).toEqual([
      { field: 'riskBand', before: 'Standard', after: 'High' },
      { field: 'officerId', before: 'u1', after: 'u2' },
    ])
  })

  it('shows a created record field by field and a removed value as a dash', () => {
    expect(fieldChanges(undefined, { kind: 'mediation', date: '2026-09-03' })).toEqual([
      { field: 'kind', before: '—', after: 'mediation' },
      { field: 'date', before: '—', after: '2026-09-03' },
    ])
    expect(fieldChanges({ note: 'Call back' }, { note: '' })).toEqual([{ field: 'note', before: 'Call back', after: '—' }])
    expect(fieldChanges({ role: 'officer' }, { role: 'officer' })).toEqual([])
    expect(fieldChanges({ witnesses: ['a'] }, { witnesses: ['a', 'b'] })).toEqual([{ field: 'witnesses', before: '["a"]', after: '["a","b"]' }])
  })
})
