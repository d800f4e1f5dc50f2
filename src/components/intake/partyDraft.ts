import type { PersonRef } from '@/domain/intake'
import type { PersonInput, Tenure } from '@/domain/people'

/** What the intake form holds for one person before it becomes a PersonRef. */
export interface PersonDraft {
  title: string
  firstName: string
  surname: string
  dateOfBirth: string
  flat: string
  line1: string
  line2: string
  town: string
  postcode: string
  phone: string
  email: string
  tenure: Tenure | undefined
}

export interface PartyDraft {
  mode: 'new' | 'existing'
  person: PersonDraft
  existingId: string
  existingLabel: string
}

export function emptyPerson(): PersonDraft {
  return { title: '', firstName: '', surname: '', dateOfBirth: '', flat: '', line1: '', line2: '', town: '', postcode: '', phone: '', email: '', tenure: undefined }
}

export function emptyParty(): PartyDraft {
  return { mode: 'new', person: emptyPerson(), existingId: '', existingLabel: '' }
}

/** Nothing typed and no one chosen: the form treats this person as not given. */
export function isBlank(draft: PartyDraft): boolean {
  if (draft.mode === 'existing') return !draft.existingId
  return Object.values(draft.person).every((v) => v === undefined || String(v).trim() === '')
}

/** Turns the draft into what the schema checks; blank optional fields are left out. */
export function toPersonRef(draft: PartyDraft): PersonRef {
  if (draft.mode === 'existing') return { kind: 'existing', personId: draft.existingId }
  const p = draft.person
  const hasAddress = [p.line1, p.line2, p.town, p.postcode].some((v) => v.trim())
  const person: PersonInput = {
    title: p.title, firstName: p.firstName, surname: p.surname, flat: p.flat, phone: p.phone, email: p.email,
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
    ...(p.tenure ? { tenure: p.tenure } : {}),
    ...(hasAddress ? { address: { line1: p.line1, line2: p.line2, town: p.town, postcode: p.postcode } } : {}),
  }
  return { kind: 'new', person }
}
