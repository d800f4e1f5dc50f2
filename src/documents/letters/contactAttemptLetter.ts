import { fullName } from '@/domain/people'
import { ukDate } from '@/domain/workingDays'
import { needsLargePrint, recipientFromPerson, type LetterBlock } from '../letterEngine'
import { MissingFacts, partyOf, remindersFor, requireAddress, type ComposedLetter, type LetterContext } from './letterContext'
import { isPerpetratorSide } from '../confidentialityGuard'

export const CONTACT_ATTEMPT_TEMPLATE = 'contact-attempt-1'

export interface ContactAttemptFacts {
  kind: 'contact attempt'
  recipientPersonId: string
  /** The attempts made (from the contact log): ISO date-time and method. */
  attempts: { at: string; method: string }[]
  /** ISO date by which we ask them to get in touch. */
  respondBy: string
  edits?: Record<string, string>
}

/**
 * "We have tried to reach you" with the dates of each attempt. Before closing a case for lack of
 * contact: three attempts over 10 working days, then written closure [001 §11.1–11.2, 000 §4].
 */
export function contactAttemptLetter(facts: ContactAttemptFacts, ctx: LetterContext): ComposedLetter {
  const missing = new MissingFacts()
  const party = partyOf(ctx.caseFile, facts.recipientPersonId)
  if (!party) missing.add('recipient', 'choose who the letter is to')
  requireAddress(party?.person, missing)
  if (!facts.attempts.length) missing.add('attempts', 'choose at least one attempt to contact from the contact log')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(facts.respondBy)) missing.add('respond by', 'give the date by which they should contact us')
  else if (facts.respondBy <= ctx.date.slice(0, 10)) missing.add('respond by', 'must be after the date of the letter')
  missing.throwIfAny('The contact attempt letter')
  const person = party!.person
  const attempts = [...facts.attempts].sort((a, b) => a.at.localeCompare(b.at))
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: `We have tried to contact you about your case, reference ${ctx.caseFile.case.ref}, but we have not been able to reach you.` },
    { type: 'heading', text: 'When we tried' },
    { type: 'bullets', items: attempts.map((a) => `${ukDate(a.at)} by ${a.method}`) },
    { type: 'heading', text: 'Please get in touch' },
    { type: 'paragraph', text: `Please call me on ${ctx.officer.phone || ctx.organisation.phone} or email ${ctx.officer.email || ctx.organisation.email} by ${ukDate(facts.respondBy)}.` },
    { type: 'paragraph', text: 'If we do not hear from you by then, we may close your case. You can still report new problems to us at any time, and we can look at your case again.' },
    { type: 'paragraph', text: '', editable: { key: 'note', label: 'Anything else (optional)' } },
    { type: 'paragraph', text: 'If a crime is happening now or someone is in danger, call 999.' },
  ]
  return {
    kind: 'contact attempt',
    title: `Contact attempt letter to ${fullName(person)}`,
    templateVersion: CONTACT_ATTEMPT_TEMPLATE,
    recipientPersonId: person.id,
    recipientName: fullName(person),
    guarded: isPerpetratorSide(person.id, ctx.caseFile.parties),
    reminders: remindersFor(person),
    input: {
      organisation: ctx.organisation, officer: ctx.officer, recipient: recipientFromPerson(person), caseRef: ctx.caseFile.case.ref, date: ctx.date,
      title: 'We have tried to contact you', blocks, edits: facts.edits, largePrint: needsLargePrint(person), largePrintPt: ctx.settings.largePrintPt,
    },
  }
}
