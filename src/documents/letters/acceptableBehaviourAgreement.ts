import { addMonths, format, parseISO } from 'date-fns'
import { ageOn, fullName } from '@/domain/people'
import { ukDate } from '@/domain/workingDays'
import { needsLargePrint, recipientFromPerson, type LetterBlock } from '../letterEngine'
import { MissingFacts, partyOf, remindersFor, requireAddress, type ComposedLetter, type LetterContext } from './letterContext'

export const ABA_TEMPLATE = 'aba-1'

export interface AbaFacts {
  kind: 'ABA'
  /** The person agreeing to the terms. */
  recipientPersonId: string
  /** For an under-18: the parent or guardian who signs too. */
  parentPersonId?: string
  /** Youth offending team involved (under-18s): adds their signature block. */
  youthOffendingTeam?: boolean
  positiveTerms: string[]
  negativeTerms: string[]
  /** What the landlord and partners will do. */
  supportCommitments: string[]
  /** ISO start date; defaults to the letter date. */
  startDate?: string
  durationMonths: number
  reviewMonths: number
  edits?: Record<string, string>
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd')

/** End and review dates of an agreement: whole months from the start. [LEGAL-NOTES §5: 6 and 3 by default] */
export function abaDates(startIso: string, durationMonths: number, reviewMonths: number): { endsOn: string; reviewOn: string } {
  const start = parseISO(startIso.slice(0, 10))
  return { endsOn: iso(addMonths(start, durationMonths)), reviewOn: iso(addMonths(start, reviewMonths)) }
}

/** Terms read as the person's own promises: "I will …" / "I will not …". */
function asPromise(term: string, negative: boolean): string {
  const t = term.trim().replace(/\s+/g, ' ')
  const body = t.replace(/^i will not\s+/i, '').replace(/^i will\s+/i, '').replace(/^(not|never)\s+/i, '')
  const sentence = `${negative ? 'I will not' : 'I will'} ${body}`
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
}

/**
 * Acceptable Behaviour Agreement, adult and under-18 versions [LEGAL-NOTES §5; 001 §9.2]: voluntary;
 * plain-language positive and negative terms; duration with a review date; support commitments;
 * what happens on breach (not legally binding, but evidence); signature blocks (person, officer,
 * and for under-18s the parent or guardian and, where involved, the youth offending team).
 */
export function acceptableBehaviourAgreement(facts: AbaFacts, ctx: LetterContext): ComposedLetter {
  const missing = new MissingFacts()
  const party = partyOf(ctx.caseFile, facts.recipientPersonId)
  if (!party) missing.add('recipient', 'choose the person the agreement is with')
  requireAddress(party?.person, missing)
  const start = (facts.startDate || ctx.date).slice(0, 10)
  const age = party ? ageOn(party.person.dateOfBirth, start) : undefined
  const under18 = age !== undefined && age < 18
  if (age !== undefined && age < 10) missing.add('recipient', `${fullName(party!.person)} is ${age}: an agreement needs a person aged 10 or over — work with the parents instead`)
  const parent = partyOf(ctx.caseFile, facts.parentPersonId)
  if (under18 && !parent) missing.add('parent or guardian', `${fullName(party!.person)} is ${age}: choose the parent or guardian who will sign too`)
  const positive = facts.positiveTerms.map((t) => t.trim()).filter(Boolean)
  const negative = facts.negativeTerms.map((t) => t.trim()).filter(Boolean)
  if (!positive.length && !negative.length) missing.add('terms', 'add at least one term ("I will …" or "I will not …")')
  if (!Number.isInteger(facts.durationMonths) || facts.durationMonths < 1) missing.add('duration', 'must be at least 1 month')
  if (!Number.isInteger(facts.reviewMonths) || facts.reviewMonths < 1) missing.add('review', 'must be at least 1 month')
  else if (facts.reviewMonths > facts.durationMonths) missing.add('review', 'must be before the agreement ends')
  missing.throwIfAny('The Acceptable Behaviour Agreement')
  const person = party!.person
  const { endsOn, reviewOn } = abaDates(start, facts.durationMonths, facts.reviewMonths)
  const parties = [fullName(person), ...(under18 && parent ? [`${fullName(parent.person)} (parent or guardian)`] : []), ctx.organisation.name]
  const commitments = facts.supportCommitments.map((s) => s.trim()).filter(Boolean)
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: `This agreement is between ${parties.slice(0, -1).join(', ')} and ${parties[parties.length - 1]}. Its reference is ${ctx.caseFile.case.ref}.` },
    { type: 'paragraph', text: `It starts on ${ukDate(start)} and lasts for ${facts.durationMonths} month${facts.durationMonths === 1 ? '' : 's'}, until ${ukDate(endsOn)}. We will meet to review it on ${ukDate(reviewOn)}.` },
    { type: 'paragraph', text: 'Signing this agreement is your choice. It is a promise about how you will behave from now on.' },
  ]
  if (positive.length) blocks.push({ type: 'heading', text: 'What I agree to do' }, { type: 'numbered', items: positive.map((t) => asPromise(t, false)) })
  if (negative.length) blocks.push({ type: 'heading', text: 'What I agree not to do' }, { type: 'numbered', items: negative.map((t) => asPromise(t, true)) })
  blocks.push(
    { type: 'heading', text: 'What we will do to help' },
    commitments.length
      ? { type: 'bullets', items: commitments }
      : { type: 'paragraph', text: `${ctx.officer.name} will keep in touch and help you keep to this agreement.` },
    { type: 'paragraph', text: '', editable: { key: 'note', label: 'Anything else agreed (optional)' } },
    { type: 'heading', text: 'If this agreement is broken' },
    { type: 'paragraph', text: 'This agreement is not a court order and it is not legally binding. But if it is broken, we may use that as evidence if we need to take further action. This could include an application to court.' },
    { type: 'heading', text: 'Signatures' },
    { type: 'paragraph', text: 'Everyone who signs will get a copy of this agreement.' },
    {
      type: 'signatures',
      signatories: [
        { role: under18 ? 'Young person' : 'Resident', name: fullName(person) },
        ...(under18 && parent ? [{ role: 'Parent or guardian', name: fullName(parent.person) }] : []),
        ...(under18 && facts.youthOffendingTeam ? [{ role: 'Youth offending team' }] : []),
        { role: `For ${ctx.organisation.name}`, name: ctx.officer.name },
      ],
    },
  )
  return {
    kind: 'ABA',
    title: `Acceptable Behaviour Agreement with ${fullName(person)}`,
    templateVersion: ABA_TEMPLATE,
    recipientPersonId: person.id,
    recipientName: fullName(person),
    guarded: true,
    reminders: [
      ...(age === undefined ? [`No date of birth is recorded for ${fullName(person)}, so this is the adult version. If they are under 18, record their date of birth first.`] : []),
      ...remindersFor(person),
      ...(under18 && parent ? remindersFor(parent.person) : []),
    ],
    input: {
      organisation: ctx.organisation, officer: ctx.officer, recipient: recipientFromPerson(person), caseRef: ctx.caseFile.case.ref, date: ctx.date,
      title: under18 ? 'Acceptable Behaviour Agreement (under 18)' : 'Acceptable Behaviour Agreement', blocks, edits: facts.edits,
      largePrint: needsLargePrint(person) || (under18 && needsLargePrint(parent?.person)), largePrintPt: ctx.settings.largePrintPt, greeting: false,
    },
  }
}
