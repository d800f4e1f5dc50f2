import type { Incident } from '@/domain/caseRecords'
import { ageOn, formatAddress, fullName, type Person } from '@/domain/people'
import { tenancyClauseFor } from '@/domain/settings/letters'
import { ukDate } from '@/domain/workingDays'
import { needsLargePrint, recipientFromPerson, type LetterBlock } from '../letterEngine'
import { chosenIncidents, incidentTable, MissingFacts, partyOf, remindersFor, requireAddress, type ComposedLetter, type LetterContext } from './letterContext'

export const WARNING_TEMPLATE = 'warning-1'
export const PARENT_WARNING_TEMPLATE = 'parent-warning-1'
export const CPN_WARNING_TEMPLATE = 'cpn-warning-1'

interface CommonWarningFacts {
  recipientPersonId: string
  /** Chosen by the officer from the case's incident log. */
  incidentIds: string[]
  /** Chosen from Settings › Letters; the wording is the setting's. */
  nextActions: string[]
  supportOffers: string[]
  edits?: Record<string, string>
}

export interface WarningFacts extends CommonWarningFacts {
  kind: 'warning letter'
}

export interface ParentWarningFacts extends CommonWarningFacts {
  kind: 'parent warning letter'
  /** The under-18 whose behaviour the letter is about. */
  youngPersonId: string
}

export interface CpnWarningFacts extends CommonWarningFacts {
  kind: 'CPN warning'
  /** The conduct that must stop, in plain words ("playing loud music at night"). */
  conduct: string
  /** ISO date by which it must stop. */
  stopBy: string
}

const impactSlot = { key: 'impact', label: 'The effect on others', hint: 'How it affects neighbours — never who reported it.' }
const mustStopSlot = { key: 'mustStop', label: 'What must stop', hint: 'Say exactly what the person must stop doing.' }
const extraSlot = { key: 'note', label: 'Anything else (optional)' }

function nextActionsBlocks(actions: string[], intro: string): LetterBlock[] {
  if (!actions.length) return [{ type: 'paragraph', text: `${intro} We will decide what to do based on the facts at the time.` }]
  return [
    { type: 'paragraph', text: `${intro} This could include:` },
    { type: 'bullets', items: actions },
    { type: 'paragraph', text: 'We will decide what to do based on the facts at the time.' },
  ]
}

function supportBlocks(offers: string[]): LetterBlock[] {
  if (!offers.length) return [{ type: 'paragraph', text: 'If there is something making things hard for you, please tell me. We may be able to help or put you in touch with someone who can.' }]
  return [
    { type: 'paragraph', text: 'If there is something making things hard for you, please tell me. For example:' },
    { type: 'bullets', items: offers },
  ]
}

function talkToMe(ctx: LetterContext): LetterBlock[] {
  return [
    { type: 'heading', text: 'Talk to me' },
    { type: 'paragraph', text: `If you want to tell us your side, or you think something in this letter is wrong, please call me on ${ctx.officer.phone || ctx.organisation.phone} or email ${ctx.officer.email || ctx.organisation.email}. Please quote ${ctx.caseFile.case.ref}.` },
  ]
}

/** "What happened": the chosen incidents, dated, after `lead` ("We have been told about"). */
function whatHappened(lead: string, incidents: Incident[]): LetterBlock[] {
  return [
    { type: 'heading', text: 'What happened' },
    { type: 'paragraph', text: `${lead} ${incidents.length === 1 ? 'this incident' : `these ${incidents.length} incidents`}:` },
    incidentTable(incidents),
  ]
}

/**
 * The close every warning shares: the named possible next actions (after `nextActionsIntro`), the
 * support on offer, the officer's optional note and how to reach the officer.
 */
function closingBlocks(facts: CommonWarningFacts, ctx: LetterContext, nextActionsIntro: string): LetterBlock[] {
  return [
    ...nextActionsBlocks(facts.nextActions, nextActionsIntro),
    { type: 'heading', text: 'Help we can offer' },
    ...supportBlocks(facts.supportOffers),
    { type: 'paragraph', text: '', editable: extraSlot },
    ...talkToMe(ctx),
  ]
}

/** The register entry and letter input every warning shares; all are guarded (confidentiality). */
function composeWarning(person: Person, facts: CommonWarningFacts, ctx: LetterContext, letter: { kind: string; title: string; templateVersion: string; heading: string; blocks: LetterBlock[] }): ComposedLetter {
  return {
    kind: letter.kind,
    title: letter.title,
    templateVersion: letter.templateVersion,
    recipientPersonId: person.id,
    recipientName: fullName(person),
    guarded: true,
    reminders: remindersFor(person),
    input: {
      organisation: ctx.organisation, officer: ctx.officer, recipient: recipientFromPerson(person), caseRef: ctx.caseFile.case.ref, date: ctx.date,
      title: letter.heading, blocks: letter.blocks, edits: facts.edits, largePrint: needsLargePrint(person), largePrintPt: ctx.settings.largePrintPt,
    },
  }
}

/**
 * Warning letter to an adult tenant [LEGAL-NOTES §5; 001 §9.2]: the specific behaviour with dates
 * (never who reported it), the tenancy clause it breaks, its impact, what must stop, named possible
 * next actions, the support on offer and how to reach the officer.
 */
export function warningLetter(facts: WarningFacts, ctx: LetterContext): ComposedLetter {
  const missing = new MissingFacts()
  const party = partyOf(ctx.caseFile, facts.recipientPersonId)
  if (!party) missing.add('recipient', 'choose who the letter is to')
  requireAddress(party?.person, missing)
  const age = party ? ageOn(party.person.dateOfBirth, ctx.date) : undefined
  if (age !== undefined && age < 18) missing.add('recipient', `${fullName(party!.person)} is ${age}: write to their parent or guardian instead (parent or guardian warning letter)`)
  const incidents = chosenIncidents(ctx.caseFile, facts.incidentIds, missing)
  missing.throwIfAny('The warning letter')
  const person = party!.person
  const home = formatAddress(person.address, person.flat)[0]
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: `I am writing about behaviour linked to your home at ${home}. This letter is a formal warning.` },
    ...whatHappened('We have been told about', incidents),
    { type: 'heading', text: 'Why this breaks your tenancy' },
    { type: 'paragraph', text: tenancyClauseFor(ctx.settings, person.tenure) },
    { type: 'paragraph', text: 'You are responsible for how you behave, and for the behaviour of the people who live with you and your visitors.' },
    { type: 'heading', text: 'The effect on others' },
    { type: 'paragraph', text: 'This behaviour has caused distress to people living near you. Everyone has the right to feel safe and to enjoy their home.', editable: impactSlot },
    { type: 'heading', text: 'What must stop' },
    { type: 'paragraph', text: 'You must stop this behaviour now, and make sure the people who live with you or visit you stop it too.', editable: mustStopSlot },
    { type: 'heading', text: 'What may happen next' },
    ...closingBlocks(facts, ctx, 'If this carries on, we may take further action.'),
  ]
  return composeWarning(person, facts, ctx, {
    kind: 'warning letter',
    title: `Warning letter to ${fullName(person)}`,
    templateVersion: WARNING_TEMPLATE,
    heading: 'Warning about behaviour at your home',
    blocks,
  })
}

/** Warning to the parent or guardian of an under-18 about the young person's behaviour. [LEGAL-NOTES §5; 002 §5.4.3] */
export function parentWarningLetter(facts: ParentWarningFacts, ctx: LetterContext): ComposedLetter {
  const missing = new MissingFacts()
  const party = partyOf(ctx.caseFile, facts.recipientPersonId)
  const young = partyOf(ctx.caseFile, facts.youngPersonId)
  if (!party) missing.add('recipient', 'choose the parent or guardian the letter is to')
  requireAddress(party?.person, missing)
  if (!young) missing.add('young person', 'choose the young person the letter is about')
  else {
    const age = ageOn(young.person.dateOfBirth, ctx.date)
    if (age === undefined) missing.add('young person', `${fullName(young.person)} has no date of birth on record — it is needed to confirm they are under 18`)
    else if (age >= 18) missing.add('young person', `${fullName(young.person)} is ${age}: write to them directly (adult warning letter)`)
  }
  if (party && young && party.personId === young.personId) missing.add('recipient', 'the parent or guardian must be a different person from the young person')
  const incidents = chosenIncidents(ctx.caseFile, facts.incidentIds, missing)
  missing.throwIfAny('The parent or guardian warning letter')
  const person = party!.person
  const child = young!.person
  const childName = child.firstName || fullName(child)
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: `I am writing to you as the parent or guardian of ${fullName(child)}. This letter is a formal warning about ${childName}'s behaviour.` },
    ...whatHappened(`We have been told that ${childName} was involved in`, incidents),
    { type: 'heading', text: 'Why this matters' },
    { type: 'paragraph', text: tenancyClauseFor(ctx.settings, person.tenure) },
    { type: 'paragraph', text: `As ${childName}'s parent or guardian, you are responsible for their behaviour in and around your home.` },
    { type: 'heading', text: 'The effect on others' },
    { type: 'paragraph', text: 'This behaviour has caused distress to people living nearby. Everyone has the right to feel safe and to enjoy their home.', editable: impactSlot },
    { type: 'heading', text: 'What must stop' },
    { type: 'paragraph', text: `${childName} must stop this behaviour now. Please talk to ${childName} about this letter.`, editable: mustStopSlot },
    { type: 'heading', text: 'What we would like to do' },
    { type: 'paragraph', text: `We would like to meet you and ${childName} to talk about this. We may ask you both to sign an Acceptable Behaviour Agreement. This is a written promise about future behaviour.` },
    { type: 'heading', text: 'What may happen next' },
    ...closingBlocks(facts, ctx, 'If this carries on, we may take further action.'),
  ]
  return composeWarning(person, facts, ctx, {
    kind: 'parent warning letter',
    title: `Parent or guardian warning letter to ${fullName(person)} about ${fullName(child)}`,
    templateVersion: PARENT_WARNING_TEMPLATE,
    heading: `Warning about ${childName}'s behaviour`,
    blocks,
  })
}

/**
 * Community Protection written warning (ASB, Crime and Policing Act 2014 s43(5)): a CPN may only
 * follow a written warning that the conduct must stop and that a notice may follow. Age 16 or
 * over (s43(1)). States the date by which the conduct must stop.
 */
export function cpnWarningLetter(facts: CpnWarningFacts, ctx: LetterContext): ComposedLetter {
  const missing = new MissingFacts()
  const party = partyOf(ctx.caseFile, facts.recipientPersonId)
  if (!party) missing.add('recipient', 'choose who the warning is to')
  requireAddress(party?.person, missing)
  if (party) {
    const age = ageOn(party.person.dateOfBirth, ctx.date)
    if (age === undefined) missing.add('date of birth', `${fullName(party.person)} has no date of birth on record — a Community Protection warning can only be given to someone aged 16 or over`)
    else if (age < 16) missing.add('recipient', `${fullName(party.person)} is ${age}: a Community Protection warning can only be given to someone aged 16 or over`)
  }
  if (!facts.conduct.trim()) missing.add('conduct', 'say what conduct must stop')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(facts.stopBy)) missing.add('stop by', 'give the date by which the conduct must stop')
  else if (facts.stopBy <= ctx.date.slice(0, 10)) missing.add('stop by', 'must be after the date of the letter')
  const incidents = chosenIncidents(ctx.caseFile, facts.incidentIds, missing)
  missing.throwIfAny('The Community Protection warning')
  const person = party!.person
  const conduct = facts.conduct.trim().replace(/\.$/, '')
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: 'This is a written warning under section 43 of the Anti-social Behaviour, Crime and Policing Act 2014.', bold: true },
    ...whatHappened('We have been told about', incidents),
    { type: 'paragraph', text: 'We believe this conduct is having a persistent effect on the quality of life of people in the area, and that it is unreasonable.' },
    { type: 'heading', text: 'What you must stop and by when' },
    { type: 'paragraph', text: `You must stop ${conduct} by ${ukDate(facts.stopBy)}.`, bold: true },
    { type: 'paragraph', text: '', editable: mustStopSlot },
    { type: 'heading', text: 'What happens if you do not stop' },
    { type: 'paragraph', text: 'If the conduct carries on after that date, you may be given a Community Protection Notice. Not doing what a Community Protection Notice says is a criminal offence. It can lead to a fixed penalty or to prosecution.' },
    ...closingBlocks(facts, ctx, 'We may also take other action.'),
  ]
  return composeWarning(person, facts, ctx, {
    kind: 'CPN warning',
    title: `Community Protection warning to ${fullName(person)}`,
    templateVersion: CPN_WARNING_TEMPLATE,
    heading: 'Community Protection warning',
    blocks,
  })
}
