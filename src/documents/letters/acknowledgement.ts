import { fullName } from '@/domain/people'
import { ukDate } from '@/domain/workingDays'
import { needsLargePrint, recipientFromPerson, type LetterBlock } from '../letterEngine'
import { lowerFirst, MissingFacts, partyOf, remindersFor, requireAddress, type ComposedLetter, type LetterContext } from './letterContext'

export const ACKNOWLEDGEMENT_TEMPLATE = 'acknowledgement-1'

export interface AcknowledgementFacts {
  kind: 'acknowledgement'
  recipientPersonId: string
  edits?: Record<string, string>
}

/**
 * Acknowledgement to the person who reported, within 5 working days [001 §6.3, 000 §4]: what
 * happens next, the named officer, the first-contact target, incident diaries, and the ASB Case
 * Review right [001 §12].
 */
export function acknowledgementLetter(facts: AcknowledgementFacts, ctx: LetterContext): ComposedLetter {
  const missing = new MissingFacts()
  const party = partyOf(ctx.caseFile, facts.recipientPersonId)
  if (!party) missing.add('recipient', 'choose who the letter is to')
  requireAddress(party?.person, missing)
  missing.throwIfAny('The acknowledgement letter')
  const person = party!.person
  const asbCase = ctx.caseFile.case
  const firstContact = asbCase.firstContactAt
    ? `We first spoke to you on ${ukDate(asbCase.firstContactAt)}. I will keep in touch with you while the case is open.`
    : `I will contact you by ${ukDate(asbCase.firstContactDue)} to talk about what has happened and to agree a plan with you.`
  const how = person.preferredMethod ? ` You told us you prefer ${person.preferredMethod === 'in person' ? 'to meet in person' : `contact by ${person.preferredMethod}`}, so I will use that.` : ''
  const threshold = ctx.caseReview
    ? `You can ask for a review if you have reported ${ctx.caseReview.threshold === 1 ? 'once' : `${ctx.caseReview.threshold} times`} in ${ctx.caseReview.windowMonths} months and feel that nothing has been done.${ctx.caseReview.localAuthorityLink ? ` Find out how at ${ctx.caseReview.localAuthorityLink}.` : ''}`
    : ''
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: `Thank you for telling us about ${lowerFirst(asbCase.category)}. We received your report on ${ukDate(asbCase.reportedAt)}. We have opened a case and your reference is ${asbCase.ref}.` },
    { type: 'heading', text: 'What happens next' },
    { type: 'paragraph', text: `My name is ${ctx.officer.name} and I will deal with your case. ${firstContact}${how}` },
    { type: 'paragraph', text: 'We will look at what you told us. We may talk to other people and to partners such as the police. We will not tell the people you reported who you are unless you agree.' },
    { type: 'heading', text: 'Keep a diary' },
    { type: 'paragraph', text: 'Please write down each thing that happens. Note the date and time, what happened, who was involved and how it made you feel. Keep any photos, videos or sound recordings. This helps us to act.' },
    { type: 'heading', text: 'If you feel unsafe' },
    { type: 'paragraph', text: 'If a crime is happening now or someone is in danger, call 999. To report a crime that is not an emergency, call 101.' },
    { type: 'heading', text: 'Your right to an ASB Case Review' },
    { type: 'paragraph', text: `${ctx.settings.caseReviewWording}${threshold ? ` ${threshold}` : ''}` },
    { type: 'paragraph', text: '', editable: { key: 'note', label: 'Anything else to tell the resident (optional)', hint: 'Plain English, short sentences.' } },
    { type: 'heading', text: 'How to contact me' },
    { type: 'paragraph', text: `Call me on ${ctx.officer.phone || ctx.organisation.phone} or email ${ctx.officer.email || ctx.organisation.email}. Please quote ${asbCase.ref}.` },
  ]
  const recipient = recipientFromPerson(person)
  return {
    kind: 'acknowledgement',
    title: `Acknowledgement to ${fullName(person)}`,
    templateVersion: ACKNOWLEDGEMENT_TEMPLATE,
    recipientPersonId: person.id,
    recipientName: fullName(person),
    guarded: false,
    reminders: remindersFor(person),
    input: {
      organisation: ctx.organisation, officer: ctx.officer, recipient, caseRef: asbCase.ref, date: ctx.date,
      title: 'We have received your report', blocks, edits: facts.edits, largePrint: needsLargePrint(person), largePrintPt: ctx.settings.largePrintPt,
    },
  }
}
