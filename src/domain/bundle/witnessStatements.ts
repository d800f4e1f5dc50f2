import type { CaseFile, PartyWithPerson } from '../caseFile'
import type { Incident } from '../caseRecords'
import { formatAddress, fullName } from '../people'
import { ukDate } from '../workingDays'
import { whenText } from './chronology'
import type { ExhibitRow } from './exhibits'
import type { FormalActionForBundle } from './formalActionRecord'
import type { NameBook, StaffDirectory } from './names'
import { fillWording, type BundleWording } from './wording'

/**
 * A witness statement draft in the civil format (CPR PD 32 paras 17–20): court heading, the
 * witness's details, numbered paragraphs in the first person, then the statement of truth —
 * whose wording is marked for the lawyer to check before anyone signs.
 */
export interface WitnessStatementDraft {
  /** Person id, or the officer's user id for the officer's statement. */
  witnessId: string
  witnessName: string
  kind: 'officer' | 'witness'
  heading: string[]
  title: string
  paragraphs: string[]
  exhibits: string[]
  statementOfTruth: string
  statementOfTruthCheck: string
  draftMarking: string
}

/** Reporters, victims and witnesses who consented to their account being shared. [003 §3.5] */
export function consentingWitnesses(file: Pick<CaseFile, 'parties'>): PartyWithPerson[] {
  return file.parties.filter((p) => (p.role === 'reporter' || p.role === 'victim' || p.role === 'witness') && p.consentToShare)
}

/** Incidents a person reported or is recorded as having seen (by id or by the name typed in). */
export function incidentsWitnessedBy(incidents: Incident[], party: PartyWithPerson): Incident[] {
  const name = fullName(party.person).toLowerCase()
  return incidents
    .filter((i) => i.reportedBy === party.personId || i.witnesses.some((w) => w === party.personId || w.trim().toLowerCase() === name))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
}

interface StatementContext {
  file: CaseFile
  action: FormalActionForBundle
  exhibits: ExhibitRow[]
  names: NameBook
  staff: StaffDirectory
  organisation: string
  wording: BundleWording
  today: string
}

function heading(ctx: StatementContext, witnessName: string, exhibits: string[]): string[] {
  const respondents = ctx.action.againstPersonIds.map((id) => ctx.names.person(id)).join(' and ') || '[respondent]'
  const values = { witness: witnessName, exhibits: exhibits.join(', ') || 'none', date: ukDate(ctx.today), landlord: ctx.organisation, respondents }
  return [
    fillWording(ctx.wording.courtLine, values),
    fillWording(ctx.wording.claimLine, values),
    fillWording(ctx.wording.partiesLine, values),
    ...ctx.wording.statementHeadingLines.map((line) => fillWording(line, values)),
  ]
}

function finish(ctx: StatementContext, draft: Omit<WitnessStatementDraft, 'heading' | 'statementOfTruth' | 'statementOfTruthCheck' | 'draftMarking' | 'title'>): WitnessStatementDraft {
  return {
    ...draft,
    title: `Witness statement of ${draft.witnessName}`,
    heading: heading(ctx, draft.witnessName, draft.exhibits),
    statementOfTruth: ctx.wording.statementOfTruth,
    statementOfTruthCheck: ctx.wording.statementOfTruthCheck,
    draftMarking: ctx.wording.draftMarking,
  }
}

/** The officer's statement: who they are, what was reported, what they did, and the documents they produce. */
export function officerStatement(ctx: StatementContext): WitnessStatementDraft {
  const { file, staff, names } = ctx
  const officer = staff[file.case.officerId]
  const officerName = officer?.name ?? names.staff(file.case.officerId)
  const paragraphs: string[] = [
    `I am employed by ${ctx.organisation} as ${officer?.jobTitle ? officer.jobTitle : 'an anti-social behaviour case officer'}. I am the named case officer for case ${file.case.ref}, which was opened on ${ukDate(file.case.openedAt)}.`,
    `I make this statement from my own knowledge and from the case records kept by ${ctx.organisation} in the ordinary course of its housing management functions. Where a matter is not within my own knowledge, I say so and give its source.`,
  ]
  for (const i of [...file.incidents].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
    const attached = ctx.exhibits.filter((e) => e.incidentId === i.id).map((e) => e.exhibitNumber)
    paragraphs.push(`${names.person(i.reportedBy)} reported that on ${whenText(i.occurredAt)}, at ${i.location}: ${i.description}${attached.length ? ` I produce the evidence of this incident as exhibit${attached.length > 1 ? 's' : ''} ${attached.join(', ')}.` : ''}`)
  }
  for (const v of [...file.interventions].sort((a, b) => a.date.localeCompare(b.date))) {
    paragraphs.push(`On ${ukDate(v.date)} a ${v.kind} was given${v.againstPersonId ? ` to ${names.person(v.againstPersonId)}` : ''}.${v.outcome ? ` Outcome: ${v.outcome}` : ''}`)
  }
  const documentExhibits = ctx.exhibits.filter((e) => e.source === 'document')
  for (const e of documentExhibits) {
    paragraphs.push(`On ${ukDate(e.date)} the ${e.description} was served${e.method ? ` by ${e.method}` : ''}. I produce a true copy as exhibit ${e.exhibitNumber}.`)
  }
  return finish(ctx, { witnessId: file.case.officerId, witnessName: officerName, kind: 'officer', paragraphs, exhibits: ctx.exhibits.map((e) => e.exhibitNumber) })
}

/** A consenting witness's statement, prefilled from the incidents they reported or saw. */
export function witnessStatement(ctx: StatementContext, party: PartyWithPerson): WitnessStatementDraft {
  const name = fullName(party.person)
  const address = formatAddress(party.person.address, party.person.flat).join(', ')
  const seen = incidentsWitnessedBy(ctx.file.incidents, party)
  const paragraphs: string[] = [
    `I am ${name}${address ? ` of ${address}` : ''}. I am a ${party.role} in this matter.`,
    'I make this statement about things I saw and heard myself. [Witness to confirm each paragraph in their own words.]',
  ]
  const exhibits: string[] = []
  for (const i of seen) {
    const attached = ctx.exhibits.filter((e) => e.incidentId === i.id).map((e) => e.exhibitNumber)
    exhibits.push(...attached)
    paragraphs.push(`On ${whenText(i.occurredAt)}, at ${i.location}: ${i.description}${attached.length ? ` [Exhibit${attached.length > 1 ? 's' : ''} ${attached.join(', ')} to be shown to the witness.]` : ''}`)
  }
  if (!seen.length) paragraphs.push('[No incidents on the case record name this witness: the legal team to take their account.]')
  paragraphs.push('[Witness to say how the behaviour has affected them and whether they are willing to attend court.]')
  return finish(ctx, { witnessId: party.personId, witnessName: name, kind: 'witness', paragraphs, exhibits })
}

export function witnessStatementDrafts(ctx: StatementContext): WitnessStatementDraft[] {
  return [officerStatement(ctx), ...consentingWitnesses(ctx.file).map((p) => witnessStatement(ctx, p))]
}

export type { StatementContext }
