/**
 * Confidentiality guard. A letter to the alleged perpetrator's side must never name or locate a
 * reporter, victim or witness who asked to stay anonymous [001 §7, POLICY-RULES §8]. It runs on the
 * FINISHED text of the letter (`letterText`), so anything an officer typed is checked too, and
 * reports which party and which paragraph so the officer can fix it.
 */
import type { PartyWithPerson } from '@/domain/caseFile'
import { perpetratorSideRoles, type PartyRole } from '@/domain/parties'
import { fullName, type Person } from '@/domain/people'
import type { TextParagraph } from './letterEngine'

export type ConfidentialDetail = 'name' | 'address' | 'postcode' | 'flat number' | 'phone number' | 'email address'

export interface ConfidentialityFinding {
  personId: string
  partyName: string
  role: PartyRole
  detail: ConfidentialDetail
  /** The words in the letter that matched. */
  matched: string
  paragraph: number
  /** A short quote of the paragraph around the match, for the message. */
  excerpt: string
  message: string
}

interface Needle {
  detail: ConfidentialDetail
  test: (text: string) => RegExpExecArray | null
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Words separated by any run of spaces/punctuation-light gaps, whole words only. */
function phrase(words: string, flags = 'i'): RegExp {
  const parts = words.trim().split(/\s+/).map(escape)
  return new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('[\\s,.]+')}(?![\\p{L}\\p{N}])`, `${flags}u`)
}

/**
 * Words that are also first names; a lone first name is only flagged when capitalised and not one
 * of these (so "May" in "29 May 2026" is not a false alarm). Surnames and full names are always checked.
 */
const commonWordsAlsoNames = new Set(['may', 'june', 'april', 'august', 'will', 'bill', 'mark', 'rose', 'grace', 'hope', 'joy', 'faith', 'dawn', 'summer', 'autumn', 'sunny', 'art', 'pat', 'sue', 'ray', 'rich', 'frank', 'victor', 'jack', 'ken', 'max', 'amber', 'ruby', 'iris', 'holly', 'ivy', 'lily', 'daisy', 'violet', 'pearl', 'jade', 'crystal', 'don', 'guy', 'gene', 'dean', 'miles', 'chase', 'hunter', 'page', 'robin', 'sky'])

function digitsOf(s: string): string {
  const digits = s.replace(/\D/g, '')
  // +44 7700 … and 07700 … are the same number.
  return digits.startsWith('44') && digits.length > 10 ? `0${digits.slice(2)}` : digits
}

function phoneNeedle(phone: string): Needle | undefined {
  const target = digitsOf(phone)
  if (target.length < 6) return undefined
  return {
    detail: 'phone number',
    test: (text) => {
      // Any run of digits/spaces/brackets/dashes/+ in the text with the same digits.
      const runs = /\+?[\d][\d\s()-]{4,}\d/g
      let m: RegExpExecArray | null
      while ((m = runs.exec(text))) {
        const digits = digitsOf(m[0])
        if (digits.includes(target)) return m
      }
      return null
    },
  }
}

function needlesFor(person: Person, recipient: Person | undefined): Needle[] {
  const needles: Needle[] = []
  const same = (a?: string, b?: string) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase()
  const name = fullName({ title: '', firstName: person.firstName, surname: person.surname })
  needles.push({ detail: 'name', test: (t) => phrase(name).exec(t) })
  if (person.title) needles.push({ detail: 'name', test: (t) => phrase(`${person.title} ${person.surname}`).exec(t) })
  // A surname shared with the recipient (the same family) cannot be told apart from the recipient's own.
  if (person.surname.length >= 2 && !same(person.surname, recipient?.surname)) needles.push({ detail: 'name', test: (t) => phrase(person.surname).exec(t) })
  const first = person.firstName.trim()
  if (first.length >= 2 && !commonWordsAlsoNames.has(first.toLowerCase()) && !same(first, recipient?.firstName)) {
    // Case-sensitive: "Maya" the person, not a word in a sentence.
    needles.push({ detail: 'name', test: (t) => phrase(first, '').exec(t) })
  }
  if (person.address) {
    const line1 = person.address.line1
    if (!same(line1, recipient?.address?.line1)) needles.push({ detail: 'address', test: (t) => phrase(line1).exec(t) })
    // The same postcode as the recipient's says nothing new; a different one locates the party.
    if (!same(person.address.postcode, recipient?.address?.postcode)) {
      needles.push({ detail: 'postcode', test: (t) => phrase(person.address!.postcode.replace(/\s+/g, ' ')).exec(t) ?? phrase(person.address!.postcode.replace(/\s+/g, '')).exec(t) })
    }
  }
  if (person.flat && !same(person.flat, recipient?.flat)) {
    const flat = person.flat.trim()
    needles.push({ detail: 'flat number', test: (t) => phrase(flat).exec(t) })
    // "Flat 3" is also written "flat no. 3", "flat number 3", "No. 3" next door.
    const number = /(\d+[A-Za-z]?)\s*$/.exec(flat)?.[1]
    if (number) needles.push({ detail: 'flat number', test: (t) => new RegExp(`\\b(?:flat|apartment|apt)\\.?\\s*(?:no\\.?|number)?\\s*${escape(number)}(?![\\p{L}\\p{N}])`, 'iu').exec(t) })
  }
  const phone = person.phone ? phoneNeedle(person.phone) : undefined
  if (phone && digitsOf(person.phone) !== digitsOf(recipient?.phone ?? '')) needles.push(phone)
  if (person.email && !same(person.email, recipient?.email)) needles.push({ detail: 'email address', test: (t) => phrase(person.email).exec(t) ?? new RegExp(escape(person.email), 'i').exec(t) })
  return needles
}

function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 30)
  const end = Math.min(text.length, index + length + 30)
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
}

/** True when letters to this person must pass the guard (alleged perpetrator, their household, representative). */
export function isPerpetratorSide(personId: string | undefined, parties: PartyWithPerson[]): boolean {
  if (!personId) return false
  return parties.some((p) => p.personId === personId && perpetratorSideRoles.includes(p.role))
}

/**
 * Finds every detail of every identity-confidential party in the finished text. The recipient's
 * own details are never findings (they are on the envelope).
 */
export function checkConfidentiality(paragraphs: TextParagraph[], parties: PartyWithPerson[], recipientPersonId?: string): ConfidentialityFinding[] {
  const recipient = parties.find((p) => p.personId === recipientPersonId)?.person
  const findings: ConfidentialityFinding[] = []
  const seen = new Set<string>()
  for (const party of parties) {
    if (!party.identityConfidential || party.personId === recipientPersonId) continue
    const needles = needlesFor(party.person, recipient)
    const partyName = fullName(party.person)
    for (const paragraph of paragraphs) {
      for (const needle of needles) {
        const match = needle.test(paragraph.text)
        if (!match) continue
        const key = `${party.personId}|${needle.detail}|${paragraph.number}`
        if (seen.has(key)) continue
        seen.add(key)
        const excerpt = excerptAround(paragraph.text, match.index, match[0].length)
        findings.push({
          personId: party.personId, partyName, role: party.role, detail: needle.detail, matched: match[0], paragraph: paragraph.number, excerpt,
          message: `Paragraph ${paragraph.number} contains the ${needle.detail} of ${partyName} (${party.role}, identity confidential): "${excerpt}". Remove it before this letter can be produced.`,
        })
      }
    }
  }
  return findings.sort((a, b) => a.paragraph - b.paragraph)
}
