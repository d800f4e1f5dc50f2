import type { CaseFile } from '../caseFile'
import { fullName } from '../people'

/** Staff names by user id (officers, managers, approvers): the domain never reads the users table itself. */
export type StaffDirectory = Record<string, { name: string; jobTitle?: string; initials?: string }>

/** Resolves the ids stored on records to the names a bundle shows. */
export interface NameBook {
  person(id: string | undefined): string
  staff(id: string | undefined): string
}

export function nameBook(file: Pick<CaseFile, 'parties'>, staff: StaffDirectory): NameBook {
  const people = new Map(file.parties.map((p) => [p.personId, fullName(p.person)]))
  return {
    // Incident witnesses may be stored as person ids or as names typed in: show either.
    person: (id) => (id ? (people.get(id) ?? id) : 'not recorded'),
    staff: (id) => (id ? (staff[id]?.name ?? id) : 'not recorded'),
  }
}
