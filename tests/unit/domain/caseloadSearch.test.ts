import { describe, expect, it } from 'vitest'
import { caseSearchText, type AsbCase } from '@/domain/cases'
import { compareNewestFirst, filterCaseload, isOverdue, toCaseloadRow } from '@/domain/caseloadSearch'

function makeCase(n: number, extra: Partial<AsbCase>, people: Parameters<typeof caseSearchText>[1]): AsbCase {
  const ref = `ASB-2026-0000${n}`
  return {
    id: `c${n}`, ref, status: 'open', category: 'Persistent noise or loud music', route: 'ASB team', riskBand: 'Medium', hateRelated: false,
    hateCharacteristics: [], domesticAbuse: false, highHarm: false, historic: false, anonymous: false, channel: 'telephone', officerId: 'jo',
    reportedAt: '2026-11-02', openedAt: '2026-11-02', firstContactDue: '2026-11-05', acknowledgementDue: '2026-11-09', summary: '',
    searchText: caseSearchText(ref, people), createdAt: '', updatedAt: '', ...extra,
  }
}

const rows = [
  makeCase(1, { firstContactAt: '2026-11-03' }, [{ firstName: 'Maya', surname: 'Okonjo', address: { line1: '12 Kingfisher Way', town: 'Bristol', postcode: 'BS5 6XY' } }]),
  makeCase(2, { riskBand: 'High', hateRelated: true, officerId: 'sam', openedAt: '2026-11-10' }, [{ surname: 'Patel', address: { line1: '3 Mill Lane', postcode: 'BA1 2AB' } }]),
  makeCase(3, { status: 'closed', openedAt: '2026-10-01' }, [{ surname: 'Okafor', address: { line1: '9 Canal Walk', postcode: 'BS5 7QQ' } }]),
].map(toCaseloadRow)

describe('caseload search', () => {
  it('finds a case by postcode typed with or without the space, in any case', () => {
    expect(filterCaseload(rows, { text: 'bs5 6xy' }, '2026-11-23').map((r) => r.ref)).toEqual(['ASB-2026-00001'])
    expect(filterCaseload(rows, { text: 'BS56XY' }, '2026-11-23').map((r) => r.ref)).toEqual(['ASB-2026-00001'])
  })

  it('every word must match: name and street', () => {
    expect(filterCaseload(rows, { text: 'okonjo kingfisher' }, '2026-11-23')).toHaveLength(1)
    expect(filterCaseload(rows, { text: 'okonjo mill' }, '2026-11-23')).toHaveLength(0)
    expect(filterCaseload(rows, { text: 'ASB-2026-00003' }, '2026-11-23').map((r) => r.id)).toEqual(['c3'])
  })

  it('filters by status, band, officer, flag and overdue together', () => {
    expect(filterCaseload(rows, { status: 'open' }, '2026-11-23').map((r) => r.id)).toEqual(['c1', 'c2'])
    expect(filterCaseload(rows, { band: 'High', officerId: 'sam', flags: ['hate-related'] }, '2026-11-23').map((r) => r.id)).toEqual(['c2'])
    expect(filterCaseload(rows, { flags: ['domestic abuse'] }, '2026-11-23')).toHaveLength(0)
    // c1 made first contact; c2 did not and its due date (5 Nov) has passed; c3 is closed.
    expect(filterCaseload(rows, { overdue: true }, '2026-11-23').map((r) => r.id)).toEqual(['c2'])
  })

  it('an agreed update past due makes an open case overdue', () => {
    expect(isOverdue({ ...rows[0], nextUpdateDue: '2026-11-20' }, '2026-11-23')).toBe(true)
    expect(isOverdue({ ...rows[0], nextUpdateDue: '2026-11-24' }, '2026-11-23')).toBe(false)
  })

  it('sorts newest first', () => {
    expect([...rows].sort(compareNewestFirst).map((r) => r.id)).toEqual(['c2', 'c1', 'c3'])
  })
})

describe('caseload search index', () => {
  it('gives the same answers as a plain scan, in the same order, and never matches across two rows', async () => {
    const { buildSearchIndex } = await import('@/domain/caseloadSearch')
    const index = buildSearchIndex(rows)
    for (const text of ['bs5', 'okonjo kingfisher', 'ASB-2026-0000', 'mill', 'bs5 7qq', 'nobody', '']) {
      expect(filterCaseload(index, { text }, '2026-11-23').map((r) => r.id)).toEqual(filterCaseload(rows, { text }, '2026-11-23').map((r) => r.id))
    }
    // the end of one row's text and the start of the next must not join up
    const last = rows[0].searchText.split(' ').at(-1)!
    const first = rows[1].searchText.split(' ')[0]
    expect(filterCaseload(index, { text: `${last.slice(-2)}${first.slice(0, 2)}` }, '2026-11-23')).toHaveLength(0)
    expect(filterCaseload(index, { text: 'okafor', status: 'open' }, '2026-11-23')).toHaveLength(0)
  })
})
