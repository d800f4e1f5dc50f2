/**
 * The plain-English closure summary [POLICY-RULES §6; 001 §11.6, 003 §9.2; LEGAL-NOTES §6]: what
 * you told us, what we found, what we did, why we are closing, what to do if it happens again, how
 * to reopen, how to complain, and (to the reporter) the ASB Case Review right with the local
 * threshold and the council's contact details. Drafted from the case record; each paragraph the
 * officer may rewrite is an editable slot of the letter engine. A version to the other party leaves
 * out the reporter-only parts and must pass the confidentiality guard.
 */
import type { CaseFile, PartyWithPerson } from '@/domain/caseFile'
import type { InterventionKind } from '@/domain/caseRecords'
import { perpetratorSideRoles } from '@/domain/parties'
import type { OrganisationSettings } from '@/domain/settings/organisation'
import type { ClosureReason, ClosureSettings } from '@/domain/settings/closure'
import { ukDate } from '@/domain/workingDays'
import { PolicyRefusal } from '@/domain/validation'
import { checkConfidentiality, type ConfidentialityFinding } from './confidentialityGuard'
import { buildLetter, letterText, LETTER_ENGINE_VERSION, needsLargePrint, recipientFromPerson, type LetterBlock, type LetterInput, type LetterOfficer, type LetterText } from './letterEngine'
import { checkPlainEnglish, type PlainEnglishFlag } from './plainEnglish'
import { scoreReadability, type ReadabilityResult } from './readability'

export const CLOSURE_SUMMARY_TEMPLATE_VERSION = `closure-summary-1/${LETTER_ENGINE_VERSION}`

export type ClosureSummaryAudience = 'reporter' | 'other party'

export interface ClosureSummaryFacts {
  file: Pick<CaseFile, 'case' | 'parties' | 'incidents' | 'interventions' | 'contacts'>
  recipientPersonId: string
  reason: ClosureReason
  settings: ClosureSettings
  /** The local authority's ASB Case Review threshold (Settings › Policy). [001 §12.2–12.4] */
  caseReview: { threshold: number; windowMonths: number }
  organisation: OrganisationSettings
  officer: LetterOfficer
  /** ISO date of the letter. */
  date: string
  /** Officer's rewrites, by paragraph key. */
  edits?: Record<string, string>
  largePrintPt?: number
}

export interface ClosureSummaryParagraph {
  key: string
  heading: string
  label: string
  text: string
}

/** What each intervention was, in plain words, to the reporter and to the person it was about. */
const plainIntervention: Record<InterventionKind, [toReporter: string, toOtherParty: string]> = {
  'verbal warning': ['we spoke to the other person and gave them a warning', 'we spoke to you and gave you a warning'],
  'written warning': ['we sent the other person a warning letter', 'we sent you a warning letter'],
  'acceptable behaviour agreement': ['we asked the other person to sign an agreement about how they behave', 'we asked you to sign an agreement about how you behave'],
  mediation: ['we offered mediation, where a trained person helps neighbours talk things through', 'we offered mediation, where a trained person helps neighbours talk things through'],
  'support referral': ['we asked a support service to help', 'we asked a support service to help'],
  'police referral': ['we shared what we knew with the police', 'we shared what we knew with the police'],
  'good neighbour agreement': ['we asked neighbours to sign a good neighbour agreement', 'we asked neighbours to sign a good neighbour agreement'],
  'parenting contract': ['we agreed a parenting plan with a parent', 'we agreed a parenting plan with you'],
  'restorative justice': ['we offered a meeting to help put things right', 'we offered a meeting to help put things right'],
  'CPN warning': ['we sent the other person a formal warning', 'we sent you a formal warning'],
  other: ['we took other steps to deal with the problem', 'we took other steps to deal with the problem'],
}

const numberWords = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']
const inWords = (n: number) => numberWords[n] ?? String(n)
const timesWords = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${inWords(n)} times`)

function lowerFirst(text: string): string {
  return text ? text[0].toLowerCase() + text.slice(1) : text
}

function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text
}

export function recipientParty(facts: Pick<ClosureSummaryFacts, 'file' | 'recipientPersonId'>): PartyWithPerson {
  const party = facts.file.parties.find((p) => p.personId === facts.recipientPersonId)
  if (!party) throw new PolicyRefusal('The closure summary can only go to someone who is a party to the case.')
  return party
}

export function audienceOf(party: PartyWithPerson): ClosureSummaryAudience {
  return perpetratorSideRoles.includes(party.role) ? 'other party' : 'reporter'
}

/** The default text of every paragraph the officer may edit, drafted from the case record. */
export function closureSummaryDraft(facts: ClosureSummaryFacts): ClosureSummaryParagraph[] {
  const party = recipientParty(facts)
  const audience = audienceOf(party)
  const { file, settings, organisation } = facts
  const toReporter = audience === 'reporter'
  const incidents = [...file.incidents].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
  const what = lowerFirst(file.case.category)

  const told: string[] = toReporter
    ? [`You told us about ${what}.`, `You first reported it on ${ukDate(file.case.reportedAt)}.`]
    : [`We had reports about ${what}.`]
  if (incidents.length === 1) told.push(`We logged one incident, on ${ukDate(incidents[0].occurredAt)}.`)
  else if (incidents.length > 1) told.push(`We logged ${inWords(incidents.length)} incidents, from ${ukDate(incidents[0].occurredAt)} to ${ukDate(incidents.at(-1)!.occurredAt)}.`)

  const steps = [...file.interventions]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((i) => `On ${ukDate(i.date)}, ${plainIntervention[i.kind][toReporter ? 0 : 1]}.`)
  const conversations = file.contacts.filter((c) => c.personId === party.personId && c.successful).length
  const did = [
    ...(steps.length ? steps : ['We looked into each report and kept a record of what happened.']),
    ...(conversations > 0 ? [`We spoke with you ${timesWords(conversations)} while the case was open.`] : []),
  ]

  const contactLine = `Phone us on ${organisation.phone} or email ${organisation.email}.`
  const paragraphs: ClosureSummaryParagraph[] = [
    { key: 'told', heading: toReporter ? 'What you told us' : 'What we were told', label: toReporter ? 'What you told us' : 'What we were told', text: told.join(' ') },
    { key: 'found', heading: 'What we found', label: 'What we found', text: 'We looked at each report and the proof we had. We spoke to the people involved when it was safe to do so.' },
    { key: 'did', heading: 'What we did', label: 'What we did', text: did.join(' ') },
    { key: 'why', heading: 'Why we are closing the case', label: 'Why we are closing the case', text: toReporter ? facts.reason.plainWhy : 'We have decided to close the case for now.' },
    toReporter
      ? { key: 'again', heading: 'If it happens again', label: 'If it happens again', text: `If the problem starts again, tell us straight away. ${contactLine} Write down the date, the time and what happened.` }
      : { key: 'again', heading: 'If you have any worries', label: 'If you have any worries', text: `If you have any worries about this, please talk to us. ${contactLine}` },
  ]
  if (toReporter) {
    paragraphs.push(
      { key: 'reopen', heading: 'Reopening your case', label: 'Reopening your case', text: `We can reopen your case if the problem comes back. You will not need to start again. Just quote your reference, ${file.case.ref}.` },
      { key: 'follow-up', heading: 'We will check in with you', label: 'We will check in with you', text: `We will contact you in about ${inWords(settings.followUpWeeks)} weeks to check that things are still settled. We will also ask you a few short questions about our service.` },
    )
  }
  paragraphs.push({ key: 'complaints', heading: 'If you are unhappy with our service', label: 'How to complain', text: settings.complaints })
  return paragraphs
}

/**
 * The ASB Case Review paragraphs: fixed wording (a legal right, not a draft to trim), with the
 * local threshold and the council's contact details from Settings. [ASBCPA 2014 s104; 001 §12]
 */
function caseReviewBlocks(facts: ClosureSummaryFacts): LetterBlock[] {
  const council = facts.settings.caseReviewCouncil
  const { threshold, windowMonths } = facts.caseReview
  const contact = [
    council.phone && `Phone: ${council.phone}`,
    council.email && `Email: ${council.email}`,
    council.website && `Website: ${council.website}`,
  ].filter(Boolean) as string[]
  return [
    { type: 'heading', text: 'Your right to an ASB Case Review' },
    { type: 'paragraph', text: `You can ask for an ASB Case Review if you have reported anti-social behaviour ${timesWords(threshold)} or more in ${inWords(windowMonths)} months.` },
    { type: 'paragraph', text: 'Its old name was the Community Trigger. The council and other local services will look again at how we all dealt with your reports.' },
    { type: 'paragraph', text: `To ask for a review, contact ${council.name}.` },
    { type: 'bullets', items: contact },
    { type: 'paragraph', text: council.howToApply },
  ]
}

/** The letter, ready for the engine: editable paragraphs keyed as in `closureSummaryDraft`. */
export function closureSummaryLetter(facts: ClosureSummaryFacts): LetterInput {
  const party = recipientParty(facts)
  const audience = audienceOf(party)
  const blocks: LetterBlock[] = []
  for (const p of closureSummaryDraft(facts)) {
    blocks.push({ type: 'heading', text: p.heading })
    blocks.push({ type: 'paragraph', text: p.text, editable: { key: p.key, label: p.label } })
  }
  if (audience === 'reporter') blocks.push(...caseReviewBlocks(facts))
  return {
    organisation: facts.organisation,
    officer: facts.officer,
    recipient: recipientFromPerson(party.person),
    caseRef: facts.file.case.ref,
    date: facts.date,
    title: audience === 'reporter' ? 'We have closed your case' : 'We have closed the case',
    blocks,
    edits: facts.edits,
    largePrint: needsLargePrint(party.person),
    largePrintPt: facts.largePrintPt,
    documentTitle: `Closure summary ${facts.file.case.ref}`,
  }
}

export interface ClosureSummaryReview {
  audience: ClosureSummaryAudience
  text: LetterText
  readability: ReadabilityResult
  flags: PlainEnglishFlag[]
  /** Paragraph keys in the order shown, with each paragraph's flags. */
  flagsByKey: Record<string, PlainEnglishFlag[]>
  confidentiality: ConfidentialityFinding[]
  largePrint: boolean
}

/** What the officer sees before saving: reading ease, plain-English flags and guard findings. */
export function reviewClosureSummary(facts: ClosureSummaryFacts): ClosureSummaryReview {
  const party = recipientParty(facts)
  const audience = audienceOf(party)
  const input = closureSummaryLetter(facts)
  const text = letterText(input)
  const draft = closureSummaryDraft(facts)
  const current = draft.map((p) => (facts.edits && p.key in facts.edits ? facts.edits[p.key] : p.text))
  const rules = { jargon: facts.settings.jargon, maxSentenceWords: facts.settings.maxSentenceWords }
  const perParagraph = checkPlainEnglish(current, rules)
  const flagsByKey: Record<string, PlainEnglishFlag[]> = Object.fromEntries(draft.map((p, i) => [p.key, perParagraph.filter((f) => f.paragraph === i)]))
  // The whole body is checked too, so the fixed case-review wording is held to the same rules.
  const flags = checkPlainEnglish(text.paragraphs.filter((p) => p.section === 'body').map((p) => p.text), rules)
  return {
    audience,
    text,
    readability: scoreReadability(text.body, facts.settings.readabilityTarget),
    flags,
    flagsByKey,
    // Letters to the other side never name or locate a confidential reporter or witness. [001 §7]
    confidentiality: audience === 'other party' ? checkConfidentiality(text.paragraphs, facts.file.parties as PartyWithPerson[], party.personId) : [],
    largePrint: !!input.largePrint,
  }
}

/**
 * Builds the .docx. Refuses when the guard finds anything (naming party and paragraph), and when
 * the text is below the reading-ease target: the summary must reach it (DESIGN: plain English).
 */
export async function buildClosureSummary(facts: ClosureSummaryFacts): Promise<Uint8Array> {
  const review = reviewClosureSummary(facts)
  if (review.confidentiality.length) {
    throw new PolicyRefusal(`The closure summary was not made: ${review.confidentiality.map((f) => f.message).join(' ')}`)
  }
  if (!review.readability.meetsTarget) {
    throw new PolicyRefusal(`The closure summary was not made: ${review.readability.verdict} The flags under each paragraph show where.`)
  }
  return buildLetter(closureSummaryLetter(facts))
}

export function closureSummaryFileName(ref: string, recipientName: string, date: string): string {
  return `${ref} closure summary ${capitalise(recipientName).replace(/[\\/:*?"<>|]/g, '')} ${date}.docx`
}
