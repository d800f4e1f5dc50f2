import type { CaseFile, PartyWithPerson } from '@/domain/caseFile'
import type { Incident } from '@/domain/caseRecords'
import type { OrganisationSettings } from '@/domain/settings/organisation'
import type { LetterSettings } from '@/domain/settings/letters'
import { ukDate } from '@/domain/workingDays'
import type { FieldProblem } from '@/domain/validation'
import { ValidationError } from '@/domain/validation'
import { fullName, type Person } from '@/domain/people'
import type { LetterInput, LetterOfficer } from '../letterEngine'

/** Everything a letter template may read: domain objects only, never view state. */
export interface LetterContext {
  organisation: OrganisationSettings
  officer: LetterOfficer
  settings: LetterSettings
  caseFile: CaseFile
  /** ISO date the letter is dated. */
  date: string
  /** The local ASB Case Review threshold, when Settings › Policy has one. [001 §12.2–12.4] */
  caseReview?: { threshold: number; windowMonths: number; localAuthorityLink?: string }
}

/** A template's result: the engine input plus what the register and review screen need. */
export interface ComposedLetter {
  kind: string
  /** Register title, e.g. "Warning letter to Dean Harlow". */
  title: string
  templateVersion: string
  recipientPersonId?: string
  recipientName: string
  input: LetterInput
  /** Letters to the alleged perpetrator's side (and every warning/ABA) pass the confidentiality guard. */
  guarded: boolean
  /** Shown to the officer before saving: language, interpreter and format needs. */
  reminders: string[]
}

export class MissingFacts {
  readonly problems: FieldProblem[] = []
  add(field: string, message: string): void {
    this.problems.push({ field, message })
  }
  /** Refuses the letter naming every missing fact; nothing is built or stored. */
  throwIfAny(what: string): void {
    if (this.problems.length) throw new ValidationError(what, this.problems)
  }
}

export function partyOf(caseFile: CaseFile, personId: string | undefined): PartyWithPerson | undefined {
  return personId ? caseFile.parties.find((p) => p.personId === personId) : undefined
}

/** Date and time of an incident as a resident reads it: "29 August 2026, 11:40pm". */
export function incidentWhen(occurredAt: string): string {
  const time = /T(\d{2}):(\d{2})/.exec(occurredAt)
  if (!time) return ukDate(occurredAt)
  const hours = Number(time[1])
  const suffix = hours >= 12 ? 'pm' : 'am'
  const twelve = hours % 12 === 0 ? 12 : hours % 12
  return `${ukDate(occurredAt)}, ${twelve}:${time[2]}${suffix}`
}

export function chosenIncidents(caseFile: CaseFile, incidentIds: string[], missing: MissingFacts): Incident[] {
  if (!incidentIds.length) {
    missing.add('incidents', 'choose at least one incident from the incident log — the letter must say what happened and when')
    return []
  }
  const byId = new Map(caseFile.incidents.map((i) => [i.id, i]))
  const found = incidentIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
  if (found.length !== incidentIds.length) missing.add('incidents', 'an incident chosen is no longer on this case')
  return found.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
}

export function incidentTable(incidents: Incident[]): { type: 'table'; header: string[]; rows: string[][] } {
  return {
    type: 'table',
    header: ['Date and time', 'Where', 'What happened'],
    rows: incidents.map((i) => [incidentWhen(i.occurredAt), i.location || 'Not recorded', i.description]),
  }
}

/** Language, interpreter and accessible-format reminders for the officer. [002 §6.3, 003 §11.4] */
export function remindersFor(person: Person | undefined): string[] {
  if (!person) return []
  const reminders: string[] = []
  const name = fullName(person)
  if (person.language && !/^english$/i.test(person.language)) reminders.push(`${name}'s first language is ${person.language}: consider a translated copy or an interpreter to explain this letter.`)
  if (person.accessibleFormats.includes('interpreter')) reminders.push(`${name} needs an interpreter: arrange one to go through this letter with them.`)
  if (person.accessibleFormats.includes('large print')) reminders.push(`${name} needs large print: this letter is printed in large type.`)
  for (const format of ['audio', 'Easy Read', 'Braille'] as const) {
    if (person.accessibleFormats.includes(format)) reminders.push(`${name} asked for ${format}: send this letter in that format as well.`)
  }
  if (person.preferredMethod && person.preferredMethod !== 'letter') reminders.push(`${name} prefers contact by ${person.preferredMethod}: tell them this letter is on its way.`)
  return reminders
}

export function requireAddress(person: Person | undefined, missing: MissingFacts): void {
  if (person && !person.address) missing.add('recipient address', `${fullName(person)} has no address on record — add it to their details first`)
}

export function lowerFirst(text: string): string {
  return text ? text[0].toLowerCase() + text.slice(1) : text
}
