import { fullName } from '@/domain/people'
import type { LetterSettings, Signpost } from '@/domain/settings/letters'
import { ukDate } from '@/domain/workingDays'
import { needsLargePrint, recipientFromPerson, type LetterBlock } from '../letterEngine'
import { lowerFirst, MissingFacts, partyOf, remindersFor, requireAddress, type ComposedLetter, type LetterContext } from './letterContext'

export const NOT_ASB_TEMPLATE = 'not-asb-1'

export interface NotAsbFacts {
  kind: 'not ASB'
  recipientPersonId: string
  /** Why we are not dealing with it as ASB, in plain words. */
  reason: string
  /** Keys of Settings › Letters signposting entries. */
  signpostKeys: string[]
  edits?: Record<string, string>
}

/**
 * Signposts an officer would usually pick for a category or agency: a starting point only, the
 * officer chooses. (Noise → environmental health; animals → RSPCA; crime → police 101; disputes
 * → mediation.) [003 Appendix 1]
 */
export function suggestedSignposts(settings: LetterSettings, category: string, agency?: string): string[] {
  const text = `${category} ${agency ?? ''}`.toLowerCase()
  const wanted = new Set<string>()
  const rules: [RegExp, string[]][] = [
    [/noise|music|party|barking/, ['environmental-health', 'mediation']],
    [/animal|rspca|dog/, ['rspca']],
    [/crime|drug|theft|violence|police|weapon/, ['police-101']],
    [/parking|vehicle/, ['council-parking', 'mediation']],
    [/dispute|boundar|lifestyle|argument|neighbour/, ['mediation', 'citizens-advice']],
  ]
  for (const [pattern, keys] of rules) if (pattern.test(text)) keys.forEach((k) => wanted.add(k))
  return settings.signposting.filter((s) => wanted.has(s.key)).map((s) => s.key)
}

function signpostLine(s: Signpost): string {
  return `${s.name}: for ${s.helpsWith}. ${s.contact}.`.replace(/\.\./g, '.')
}

/** "Not ASB / no landlord involvement" explanation with the reason and where to get help. [003 §4.3, App 1] */
export function notAsbLetter(facts: NotAsbFacts, ctx: LetterContext): ComposedLetter {
  const missing = new MissingFacts()
  const party = partyOf(ctx.caseFile, facts.recipientPersonId)
  if (!party) missing.add('recipient', 'choose who the letter is to')
  requireAddress(party?.person, missing)
  if (!facts.reason.trim()) missing.add('reason', 'say why we are not dealing with this as anti-social behaviour')
  const signposts = ctx.settings.signposting.filter((s) => facts.signpostKeys.includes(s.key))
  if (!signposts.length) missing.add('signposting', 'choose at least one service that can help')
  missing.throwIfAny('The "not ASB" letter')
  const person = party!.person
  const asbCase = ctx.caseFile.case
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: `Thank you for telling us about ${lowerFirst(asbCase.category)} on ${ukDate(asbCase.reportedAt)}. We have looked carefully at what you told us.` },
    { type: 'heading', text: 'What we decided' },
    { type: 'paragraph', text: facts.reason.trim() },
    { type: 'paragraph', text: 'This means we will not open an anti-social behaviour case about it. We know this may be disappointing.' },
    { type: 'heading', text: 'Who can help' },
    { type: 'bullets', items: signposts.map(signpostLine) },
    { type: 'paragraph', text: '', editable: { key: 'note', label: 'Anything else to tell the resident (optional)' } },
    { type: 'heading', text: 'If things change' },
    { type: 'paragraph', text: `If things get worse or something new happens, please tell us again and quote ${asbCase.ref}. If a crime is happening now or someone is in danger, call 999.` },
  ]
  return {
    kind: 'not ASB',
    title: `"Not ASB" letter to ${fullName(person)}`,
    templateVersion: NOT_ASB_TEMPLATE,
    recipientPersonId: person.id,
    recipientName: fullName(person),
    guarded: false,
    reminders: remindersFor(person),
    input: {
      organisation: ctx.organisation, officer: ctx.officer, recipient: recipientFromPerson(person), caseRef: asbCase.ref, date: ctx.date,
      title: 'About your report', blocks, edits: facts.edits, largePrint: needsLargePrint(person), largePrintPt: ctx.settings.largePrintPt,
    },
  }
}
