import { describe, expect, it } from 'vitest'
import { letterIntervention, letterKinds, previewLetter, produceLetter, type LetterFacts } from '@/documents/letters/letterCatalogue'
import { storeDocument } from '@/data/repositories/documents'
import { abaDates } from '@/documents/letters/acceptableBehaviourAgreement'
import { suggestedSignposts } from '@/documents/letters/notAsbLetter'
import { letterSettings } from '@/domain/settings/letters'
import { PolicyRefusal, ValidationError } from '@/domain/validation'
import { docxText, runSizes, runsWithoutSize } from '../helpers/readDocx'
import { factsFor, letterCase } from './letterFixture'

const kinds = letterKinds.map((k) => k.kind)
const placeholder = /undefined|\bnull\b|NaN|\{\{|\}\}|\[object/

describe('every letter kind', () => {
  it.each(kinds)('%s: the .docx text has the reference, UK date, recipient and no placeholders', async (kind) => {
    const { ctx } = await letterCase()
    const produced = await produceLetter(factsFor(kind), ctx)
    const text = await docxText(produced.bytes)
    expect(text).toContain('ASB-2026-00042')
    expect(text).toContain('23 November 2026')
    expect(text).toContain('Riverside Vale Housing')
    expect(text).toContain('Private and confidential')
    expect(text).toContain(produced.composed.recipientName)
    expect(text).toContain('Jo Smith')
    expect(text).not.toMatch(placeholder)
    expect(produced.templateVersion).toMatch(/-\d+\+engine-\d+$/)
    expect(produced.fileName).toMatch(/^ASB-2026-00042 .+ 2026-11-23\.docx$/)
  })

  it.each(kinds)('%s: large print makes every run at least 16 pt', async (kind) => {
    const { ctx, caseFile } = await letterCase()
    const facts = factsFor(kind)
    for (const party of caseFile.parties) party.person.accessibleFormats = ['large print']
    const produced = await produceLetter(facts, ctx)
    const sizes = await runSizes(produced.bytes)
    expect(sizes.length).toBeGreaterThan(10)
    expect(sizes.filter((s) => s.halfPoints < 32)).toEqual([])
    expect(await runsWithoutSize(produced.bytes)).toEqual([])
  })

  it.each(kinds)('%s: the readability score of the body is computed against the target', async (kind) => {
    const { ctx } = await letterCase()
    const preview = previewLetter(factsFor(kind), ctx)
    expect(preview.problems).toEqual([])
    expect(preview.readability!.target).toBe(60)
    expect(preview.readability!.words).toBeGreaterThan(20)
    expect(preview.readability!.fleschReadingEase).toBeGreaterThan(0)
    expect(preview.readability!.verdict).toContain(String(preview.readability!.fleschReadingEase))
  })
})

describe('incidents in warning letters', () => {
  it.each(['warning letter', 'parent warning letter', 'CPN warning'] as const)('%s prints every chosen incident date and only those', async (kind) => {
    const { ctx, caseFile } = await letterCase()
    const facts = factsFor(kind) as Extract<LetterFacts, { incidentIds: string[] }>
    const text = await docxText((await produceLetter(facts, ctx)).bytes)
    const expected: Record<string, string> = { 'inc-1': '29 August 2026, 11:40pm', 'inc-2': '5 September 2026, 12:15am', 'inc-3': '19 September 2026, 10:50pm' }
    for (const incident of caseFile.incidents) {
      if (facts.incidentIds.includes(incident.id)) {
        expect(text).toContain(expected[incident.id])
        expect(text).toContain(incident.description)
      } else expect(text).not.toContain(expected[incident.id])
    }
  })

  it('the adult warning letter names the tenancy clause for the tenure, next actions and support chosen', async () => {
    const { ctx } = await letterCase()
    const text = await docxText((await produceLetter(factsFor('warning letter'), ctx)).bytes)
    expect(text).toContain('Your assured tenancy agreement says')
    expect(text).toContain('a Notice of Seeking Possession')
    expect(text).not.toContain('a closure order on your home')
    expect(text).toContain('We can refer you to a tenancy support worker.')
  })

  it('the CPN warning cites s43 and states the date the conduct must stop', async () => {
    const { ctx } = await letterCase()
    const text = await docxText((await produceLetter(factsFor('CPN warning'), ctx)).bytes)
    expect(text).toContain('section 43 of the Anti-social Behaviour, Crime and Policing Act 2014')
    expect(text).toContain('You must stop playing loud music between 11pm and 7am by 7 December 2026.')
    expect(text).toContain('Community Protection Notice')
  })
})

describe('missing facts are refused with exactly what is missing', () => {
  it('no incidents chosen for a warning', async () => {
    const { ctx } = await letterCase()
    for (const kind of ['warning letter', 'parent warning letter', 'CPN warning'] as const) {
      const facts = { ...factsFor(kind), incidentIds: [] } as LetterFacts
      expect(previewLetter(facts, ctx).problems.map((p) => p.field)).toEqual(['incidents'])
      await expect(produceLetter(facts, ctx)).rejects.toThrow(/incidents — choose at least one incident/)
    }
  })

  it('no recipient address', async () => {
    const { ctx, caseFile } = await letterCase()
    for (const id of ['p-perp', 'p-joint']) caseFile.parties.find((p) => p.personId === id)!.person.address = undefined
    for (const kind of kinds) {
      await expect(produceLetter(factsFor(kind), ctx), kind).rejects.toThrow(/recipient address — (Mr Dean|Kerry) Harlow has no address on record — add it to their details first/)
      expect(previewLetter(factsFor(kind), ctx).ready).toBe(false)
    }
  })

  it('no terms in an ABA', async () => {
    const { ctx } = await letterCase()
    const facts = { ...factsFor('ABA'), positiveTerms: [' '], negativeTerms: [] } as LetterFacts
    expect(previewLetter(facts, ctx).problems).toEqual([{ field: 'terms', message: 'add at least one term ("I will …" or "I will not …")' }])
  })

  it('CPN warning: under 16, no date of birth, or a stop date not after the letter', async () => {
    const { ctx, caseFile } = await letterCase()
    const perp = caseFile.parties.find((p) => p.personId === 'p-perp')!.person
    perp.dateOfBirth = undefined
    expect(previewLetter(factsFor('CPN warning'), ctx).problems[0].message).toMatch(/no date of birth on record — a Community Protection warning can only be given to someone aged 16 or over/)
    perp.dateOfBirth = '2011-01-01'
    expect(previewLetter(factsFor('CPN warning'), ctx).problems[0].message).toBe('Mr Dean Harlow is 15: a Community Protection warning can only be given to someone aged 16 or over')
    perp.dateOfBirth = '1990-01-01'
    const facts = { ...factsFor('CPN warning'), stopBy: '2026-11-23' } as LetterFacts
    expect(previewLetter(facts, ctx).problems).toEqual([{ field: 'stop by', message: 'must be after the date of the letter' }])
  })

  it('an adult warning letter to an under-18 is refused and points to the parent letter', async () => {
    const { ctx } = await letterCase()
    const facts = { ...factsFor('warning letter'), recipientPersonId: 'p-young' } as LetterFacts
    expect(previewLetter(facts, ctx).problems[0].message).toMatch(/Tyler Harlow is 15: write to their parent or guardian instead/)
  })
})

describe('Acceptable Behaviour Agreement', () => {
  it('adult version: I will / I will not terms, 6-month duration and 3-month review, breach wording, signatures', async () => {
    const { ctx } = await letterCase()
    const text = await docxText((await produceLetter(factsFor('ABA'), ctx)).bytes)
    expect(text).toContain('I will keep the noise down after 11pm.')
    expect(text).toContain('I will not shout on the landing.')
    expect(text).toContain('It starts on 23 November 2026 and lasts for 6 months, until 23 May 2027. We will meet to review it on 23 February 2027.')
    expect(text).toContain('not legally binding')
    expect(text).toContain('evidence')
    expect(text).toContain('Signed (Resident: Mr Dean Harlow)')
    expect(text).toContain('Signed (For Riverside Vale Housing: Jo Smith)')
    expect(text).not.toContain('Parent or guardian')
    expect(text).not.toContain('Dear ')
  })

  it('under-18 version needs a parent or guardian and adds their and the youth offending team signature blocks', async () => {
    const { ctx } = await letterCase()
    const base = { ...factsFor('ABA'), recipientPersonId: 'p-young' } as Extract<LetterFacts, { kind: 'ABA' }>
    expect(previewLetter(base, ctx).problems).toEqual([{ field: 'parent or guardian', message: 'Tyler Harlow is 15: choose the parent or guardian who will sign too' }])
    const text = await docxText((await produceLetter({ ...base, parentPersonId: 'p-joint', youthOffendingTeam: true }, ctx)).bytes)
    expect(text).toContain('Acceptable Behaviour Agreement (under 18)')
    expect(text).toContain('Kerry Harlow (parent or guardian)')
    expect(text).toContain('Signed (Young person: Tyler Harlow)')
    expect(text).toContain('Signed (Parent or guardian: Kerry Harlow)')
    expect(text).toContain('Signed (Youth offending team)')
  })

  it('with no date of birth on record, the officer is reminded that the adult version is used', async () => {
    const { ctx, caseFile } = await letterCase()
    caseFile.parties.find((p) => p.personId === 'p-perp')!.person.dateOfBirth = undefined
    expect(previewLetter(factsFor('ABA'), ctx).composed!.reminders[0]).toBe('No date of birth is recorded for Mr Dean Harlow, so this is the adult version. If they are under 18, record their date of birth first.')
  })

  it('recording the ABA creates the intervention with its review date on the case', async () => {
    const { ctx, database, officerId } = await letterCase()
    const facts = factsFor('ABA')
    const produced = await produceLetter(facts, ctx)
    const intervention = letterIntervention(facts, ctx.date)
    expect(intervention).toEqual({ kind: 'acceptable behaviour agreement', date: '2026-11-23', againstPersonId: 'p-perp', reviewDue: '2027-02-23', outcome: 'Agreement until 2027-05-23' })
    const doc = await storeDocument({ caseId: 'case-fixture', kind: produced.composed.kind, title: produced.composed.title, recipientName: produced.composed.recipientName, fileName: produced.fileName, bytes: produced.bytes, templateVersion: produced.templateVersion, ruleSetVersion: '2026.1' }, officerId, database, { intervention })
    const recorded = await database.interventions.where('caseId').equals('case-fixture').toArray()
    expect(recorded).toEqual([expect.objectContaining({ kind: 'acceptable behaviour agreement', reviewDue: '2027-02-23', documentId: doc.id })])
    expect(letterIntervention(factsFor('CPN warning'), ctx.date)).toMatchObject({ kind: 'CPN warning', outcome: 'Conduct must stop by 2026-12-07' })
    expect(letterIntervention(factsFor('parent warning letter'), ctx.date)).toMatchObject({ kind: 'written warning', againstPersonId: 'p-young' })
    expect(letterIntervention(factsFor('acknowledgement'), ctx.date)).toBeUndefined()
  })

  it('review and end dates are whole months from the start (month ends clamp)', () => {
    expect(abaDates('2026-08-31', 6, 3)).toEqual({ endsOn: '2027-02-28', reviewOn: '2026-11-30' })
  })
})

describe('not ASB and contact attempt letters', () => {
  it('"not ASB" gives the reason and the chosen signposts from Settings', async () => {
    const { ctx } = await letterCase()
    const facts = { ...factsFor('not ASB'), recipientPersonId: 'p-reporter', signpostKeys: ['environmental-health', 'mediation'] } as LetterFacts
    const text = await docxText((await produceLetter(facts, ctx)).bytes)
    expect(text).toContain('Everyday noise is part of living close together.')
    expect(text).toContain("Your council's environmental health team: for noise nuisance")
    expect(text).toContain('Community mediation service')
    expect(text).not.toContain('RSPCA')
  })

  it('suggests signposts from the category', () => {
    const settings = letterSettings.defaults()
    expect(suggestedSignposts(settings, 'Persistent noise or loud music')).toEqual(['environmental-health', 'mediation'])
    expect(suggestedSignposts(settings, 'Animal cruelty or neglect', 'RSPCA')).toEqual(['rspca'])
  })

  it('contact attempt letter lists each attempt date and the reply-by date', async () => {
    const { ctx } = await letterCase()
    const facts = { ...factsFor('contact attempt'), recipientPersonId: 'p-reporter' } as LetterFacts
    const text = await docxText((await produceLetter(facts, ctx)).bytes)
    expect(text).toContain('2 November 2026 by telephone')
    expect(text).toContain('9 November 2026 by home visit')
    expect(text).toContain('by 7 December 2026')
  })

  it('acknowledgement states the first-contact target and the ASB Case Review threshold', async () => {
    const { ctx, caseFile } = await letterCase()
    caseFile.case.firstContactAt = undefined
    const facts = { ...factsFor('acknowledgement'), recipientPersonId: 'p-reporter' } as LetterFacts
    const text = await docxText((await produceLetter(facts, ctx)).bytes)
    expect(text).toContain('I will contact you by 4 September 2026')
    expect(text).toContain('ASB Case Review')
    expect(text).toContain('3 times in 6 months')
    expect(text).toContain('Keep a diary')
  })
})

describe('officer-typed paragraphs and reminders', () => {
  it('typed text appears in the letter and is scored', async () => {
    const { ctx } = await letterCase()
    const preview = previewLetter(factsFor('warning letter', { note: 'Please come to the office on Monday at 10am.' }), ctx)
    expect(preview.text!.body).toContain('Please come to the office on Monday at 10am.')
    expect(preview.editableSlots.map((s) => s.key)).toEqual(['impact', 'mustStop', 'note'])
  })

  it('reminds the officer about language and interpreter needs', async () => {
    const { ctx, caseFile } = await letterCase()
    const perp = caseFile.parties.find((p) => p.personId === 'p-perp')!.person
    perp.language = 'Polish'
    perp.accessibleFormats = ['interpreter']
    const preview = previewLetter(factsFor('warning letter'), ctx)
    expect(preview.composed!.reminders).toEqual(expect.arrayContaining([
      "Mr Dean Harlow's first language is Polish: consider a translated copy or an interpreter to explain this letter.",
      'Mr Dean Harlow needs an interpreter: arrange one to go through this letter with them.',
    ]))
  })

  it('the guard refuses production, not only the preview', async () => {
    const { ctx } = await letterCase()
    await expect(produceLetter(factsFor('warning letter', { note: 'Maya Okonjo told us.' }), ctx)).rejects.toThrow(PolicyRefusal)
    await expect(produceLetter({ ...factsFor('warning letter'), incidentIds: [] } as LetterFacts, ctx)).rejects.toThrow(ValidationError)
  })
})
