import { describe, expect, it } from 'vitest'
import { checkConfidentiality } from '@/documents/confidentialityGuard'
import { letterKinds, previewLetter, produceLetter } from '@/documents/letters/letterCatalogue'
import { letterText } from '@/documents/letterEngine'
import { PolicyRefusal } from '@/domain/validation'
import { factsFor, letterCase } from './letterFixture'

const kinds = letterKinds.map((k) => k.kind)

/** Each detail of each confidential party, written the way an officer might type it. */
const leaks = [
  { party: 'Maya Okonjo', detail: 'name', typed: 'Maya Okonjo has kept a diary of the noise.' },
  { party: 'Maya Okonjo', detail: 'name', typed: 'Ms Okonjo says it happens every night.' },
  { party: 'Maya Okonjo', detail: 'name', typed: 'Maya heard shouting.' },
  { party: 'Maya Okonjo', detail: 'address', typed: 'The noise reaches 12 Kingfisher Way.' },
  { party: 'Maya Okonjo', detail: 'flat number', typed: 'The people in Flat 3 are affected.' },
  { party: 'Maya Okonjo', detail: 'phone number', typed: 'They can be reached on 07700900123.' },
  { party: 'Maya Okonjo', detail: 'email address', typed: 'Write to MAYA.OKONJO@example.org if you want.' },
  { party: 'Gwen Adebayo', detail: 'name', typed: 'Mrs Adebayo saw what happened.' },
  { party: 'Gwen Adebayo', detail: 'address', typed: 'She lives at 9 Heron Close.' },
  { party: 'Gwen Adebayo', detail: 'postcode', typed: 'It was heard as far as BS5 7QT.' },
  { party: 'Gwen Adebayo', detail: 'flat number', typed: 'The resident of flat no. 12 complained.' },
  { party: 'Gwen Adebayo', detail: 'phone number', typed: 'Call 07700 900 777 to apologise.' },
  { party: 'Gwen Adebayo', detail: 'email address', typed: 'Email gwen.a@example.net.' },
] as const

describe('confidentiality guard', () => {
  describe.each(kinds)('%s to the alleged perpetrator side', (kind) => {
    it.each(leaks)('blocks the $detail of $party typed by the officer ("$typed")', async ({ party, detail, typed }) => {
      const { ctx } = await letterCase()
      const preview = previewLetter(factsFor(kind, { note: typed }), ctx)
      expect(preview.ready).toBe(false)
      const finding = preview.findings.find((f) => f.partyName.endsWith(party.split(' ')[1]) && f.detail === detail)
      expect(finding, JSON.stringify(preview.findings)).toBeDefined()
      const paragraph = preview.text!.paragraphs.find((p) => p.number === finding!.paragraph)!
      expect(paragraph.text).toBe(typed)
      expect(finding!.message).toMatch(new RegExp(`^Paragraph ${finding!.paragraph} contains the ${detail} of .*${party.split(' ')[1]} \\((reporter|witness), identity confidential\\)`))
      await expect(produceLetter(factsFor(kind, { note: typed }), ctx)).rejects.toThrow(PolicyRefusal)
    })

    it('passes the letter when nothing confidential is in it', async () => {
      const { ctx } = await letterCase()
      const preview = previewLetter(factsFor(kind, { note: 'Please call me on Monday 29 May if you can.' }), ctx)
      expect(preview.findings).toEqual([])
      expect(preview.ready).toBe(true)
    })
  })

  it('catches a confidential name inside an incident description copied from the log', async () => {
    const { ctx, caseFile } = await letterCase()
    caseFile.incidents[0].description = 'Loud music; Maya Okonjo knocked to complain.'
    const preview = previewLetter(factsFor('warning letter'), ctx)
    expect(preview.findings.map((f) => f.detail)).toContain('name')
    expect(preview.findings[0].message).toContain('Maya Okonjo (reporter, identity confidential)')
  })

  it('does not flag parties who agreed to be named, or the recipient\'s own details', async () => {
    const { ctx, caseFile } = await letterCase()
    for (const p of caseFile.parties) p.identityConfidential = false
    expect(previewLetter(factsFor('warning letter', { note: 'Maya Okonjo of 12 Kingfisher Way.' }), ctx).findings).toEqual([])
    const { ctx: ctx2, caseFile: file2 } = await letterCase()
    const text = letterText(previewLetter(factsFor('warning letter'), ctx2).composed!.input)
    const perp = file2.parties.find((p) => p.personId === 'p-perp')!
    perp.identityConfidential = true
    expect(checkConfidentiality(text.paragraphs, file2.parties, 'p-perp')).toEqual([])
  })

  it('letters to the reporter are not blocked for mentioning the reporter', async () => {
    const { ctx } = await letterCase()
    const preview = previewLetter({ kind: 'acknowledgement', recipientPersonId: 'p-reporter', edits: { note: 'Thank you, Maya.' } }, ctx)
    expect(preview.composed!.guarded).toBe(false)
    expect(preview.ready).toBe(true)
  })
})
