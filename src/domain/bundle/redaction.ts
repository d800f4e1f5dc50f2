import type { CaseFile, PartyWithPerson } from '../caseFile'
import { perpetratorSideRoles } from '../parties'
import { formatAddress, fullName } from '../people'
import type { BundleRecipient, BundleWording } from './wording'

/**
 * Redaction per recipient. [001 §7 confidentiality, §8 sharing with partners; DESIGN: reporter confidentiality]
 * - legal team: the landlord's own lawyers see everything.
 * - court / respondent disclosure: an identity-confidential reporter, victim or witness becomes
 *   "Witness A", "Witness B" … (the same letter everywhere), and their address, flat number,
 *   telephone and email are removed.
 * - partner agency: only what consent to share allows — a reporter, victim or witness who has not
 *   consented is pseudonymised the same way; vulnerability notes stay with the landlord.
 */
export interface RedactionTarget {
  personId: string
  pseudonym: string
  names: string[]
  addresses: string[]
  flat: string
  postcode: string
  phones: string[]
  emails: string[]
}

export interface RedactionPlan {
  recipient: BundleRecipient
  targets: RedactionTarget[]
  /** Other people's names and addresses, shielded so "Dean Harlow" never becomes "Dean Witness A". */
  shielded: string[]
  omitVulnerabilityNotes: boolean
  removed: BundleWording['removed']
}

export interface RedactionEntry {
  /** Where in the bundle: section or part name (never a real name of a redacted person). */
  where: string
  /** What was redacted, e.g. "name of Witness A (replaced by pseudonym)". */
  what: string
  count: number
}

function isTarget(party: PartyWithPerson, recipient: BundleRecipient): boolean {
  if (recipient === 'legal team') return false
  if (recipient === 'court / respondent disclosure') return party.identityConfidential
  // Partner agency: sharing about the alleged perpetrator's household for prevention and
  // enforcement has its own lawful basis [001 §8]; everyone else needs their consent.
  if (perpetratorSideRoles.includes(party.role)) return false
  return !party.consentToShare || party.identityConfidential
}

function nameVariants(party: PartyWithPerson): string[] {
  const p = party.person
  const variants = [fullName(p), [p.firstName, p.surname].filter(Boolean).join(' '), p.firstName && `${p.surname}, ${p.firstName}`, p.surname, p.firstName]
  // Title + surname ("Ms Okonjo") is covered because the surname alone is replaced.
  return [...new Set(variants.filter((v): v is string => Boolean(v && v.trim().length >= 2)))]
}

function addressVariants(party: PartyWithPerson): string[] {
  const p = party.person
  if (!p.address) return []
  const lines = formatAddress(p.address, p.flat)
  const variants = [lines.join(', '), lines.join(' '), lines.slice(0, -1).join(', '), lines[0], p.address.line1, p.address.line2]
  return [...new Set(variants.filter((v): v is string => Boolean(v && v.trim().length >= 4)))]
}

export function redactionPlan(file: Pick<CaseFile, 'parties'>, recipient: BundleRecipient, wording: BundleWording): RedactionPlan {
  const ordered = [...file.parties].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  const targetParties = ordered.filter((p) => isTarget(p, recipient))
  const targetIds = new Set(targetParties.map((p) => p.personId))
  const others = ordered.filter((p) => !targetIds.has(p.personId))
  // A postcode shared with someone whose address is shown identifies no one; a unique one does.
  const otherPostcodes = new Set(others.map((p) => p.person.address?.postcode).filter(Boolean))
  const targets = targetParties.map((p, i) => ({
    personId: p.personId,
    pseudonym: `${wording.pseudonymPrefix} ${pseudonymLetter(i)}`,
    names: nameVariants(p),
    addresses: addressVariants(p),
    flat: p.person.flat,
    postcode: p.person.address && !otherPostcodes.has(p.person.address.postcode) ? p.person.address.postcode : '',
    phones: p.person.phone ? [p.person.phone] : [],
    emails: p.person.email ? [p.person.email] : [],
  }))
  const targetWords = new Set(targets.flatMap((t) => t.names.map((n) => n.toLowerCase())))
  const shielded = others.flatMap((p) => [fullName(p.person), [p.person.firstName, p.person.surname].filter(Boolean).join(' '), ...addressVariants(p).slice(0, 3)])
    // Never shield a phrase that itself contains a confidential name or line of address.
    .filter((s) => s && !targets.some((t) => [...t.names, ...t.addresses].some((n) => containsWord(s, n))) && !targetWords.has(s.toLowerCase()))
  return { recipient, targets, shielded: [...new Set(shielded)], omitVulnerabilityNotes: recipient !== 'legal team', removed: wording.removed }
}

/** A, B … Z, AA, AB …: enough letters for any case. */
export function pseudonymLetter(index: number): string {
  let n = index
  let letters = ''
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return letters
}

// Private-use character marking a shielded phrase while the rules run: it never occurs in case text.
const SHIELD = '\uE000'
const shieldPattern = new RegExp(`${SHIELD}(\\d+)${SHIELD}`, 'g')

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whole-word, case-insensitive, tolerant of extra spaces inside the phrase. */
function phrasePattern(phrase: string): RegExp {
  const body = phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu')
}

/** A phone number in any spacing: "07700 900123", "07700900123", "+44 7700 900123". */
function phonePattern(phone: string): RegExp {
  let digits = phone.replace(/\D/g, '')
  if (digits.startsWith('44')) digits = digits.slice(2)
  if (digits.startsWith('0')) digits = digits.slice(1)
  const body = digits.split('').join('[\\s().-]*')
  return new RegExp(`(?:\\+?44[\\s().-]*|0[\\s().-]*)?(?:\\(0\\)[\\s]*)?${body}(?!\\d)`, 'g')
}

function containsWord(text: string, phrase: string): boolean {
  return phrasePattern(phrase).test(text)
}

function byLengthDesc(a: string, b: string): number {
  return b.length - a.length
}

/**
 * Redacts one piece of text and records what was taken out where. Order matters: shield other
 * people's names, then whole addresses before their parts, then names (longest first) so
 * "Maya Okonjo" becomes "Witness A", not "Witness A Witness A".
 */
export class Redactor {
  readonly entries = new Map<string, RedactionEntry>()
  private readonly rules: { pattern: RegExp; replacement: string; what: string }[] = []
  private readonly shields: RegExp[]
  /** One pattern for "could anything here need redacting?": most strings need nothing (speed on big cases). */
  private readonly anything: RegExp

  constructor(readonly plan: RedactionPlan) {
    this.shields = [...plan.shielded].sort(byLengthDesc).map(phrasePattern)
    for (const t of plan.targets) {
      for (const a of [...t.addresses].sort(byLengthDesc)) this.rules.push({ pattern: phrasePattern(a), replacement: plan.removed.address, what: `address of ${t.pseudonym}` })
      if (t.flat) this.rules.push({ pattern: phrasePattern(t.flat), replacement: plan.removed.flat, what: `flat number of ${t.pseudonym}` })
      if (t.postcode) this.rules.push({ pattern: phrasePattern(t.postcode), replacement: plan.removed.postcode, what: `postcode of ${t.pseudonym}` })
      for (const e of t.emails) this.rules.push({ pattern: phrasePattern(e), replacement: plan.removed.email, what: `email of ${t.pseudonym}` })
      for (const p of t.phones) this.rules.push({ pattern: phonePattern(p), replacement: plan.removed.phone, what: `telephone of ${t.pseudonym}` })
    }
    const names = plan.targets.flatMap((t) => t.names.map((n) => ({ n, t })))
    for (const { n, t } of names.sort((a, b) => byLengthDesc(a.n, b.n))) this.rules.push({ pattern: phrasePattern(n), replacement: t.pseudonym, what: `name of ${t.pseudonym} (replaced by the pseudonym)` })
    this.anything = this.rules.length ? new RegExp(this.rules.map((r) => `(?:${r.pattern.source})`).join('|'), 'iu') : /$^/
  }

  get active(): boolean {
    return this.plan.targets.length > 0
  }

  text(value: string, where: string): string {
    if (!this.active || !value || !this.anything.test(value)) return value
    const shields: string[] = []
    let out = value
    for (const pattern of this.shields) {
      out = out.replace(pattern, (m) => `${SHIELD}${shields.push(m) - 1}${SHIELD}`)
    }
    for (const rule of this.rules) {
      out = out.replace(rule.pattern, () => {
        this.note(where, rule.what)
        return rule.replacement
      })
    }
    return out.replace(shieldPattern, (_m, i: string) => shields[Number(i)])
  }

  /** Redacts every string inside a value (records, rows, lists), keeping its shape. */
  deep<T>(value: T, where: string): T {
    if (typeof value === 'string') return this.text(value, where) as T
    if (Array.isArray(value)) return value.map((v) => this.deep(v, where)) as T
    if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v, where)])) as T
    }
    return value
  }

  note(where: string, what: string, count = 1): void {
    const key = `${where}\u0001${what}`
    const found = this.entries.get(key)
    if (found) found.count += count
    else this.entries.set(key, { where, what, count })
  }

  report(): RedactionEntry[] {
    return [...this.entries.values()]
  }
}

export interface ConfidentialTrace {
  pseudonym: string
  kind: 'name' | 'address' | 'flat' | 'postcode' | 'phone' | 'email'
  /** Where the trace was found (section or file). */
  where: string
}

/**
 * Searches finished text for anything that would identify or locate a redacted person: the
 * last line of defence before a disclosure bundle leaves the building.
 */
export function findConfidentialTraces(plan: RedactionPlan, texts: { where: string; text: string }[]): ConfidentialTrace[] {
  const traces: ConfidentialTrace[] = []
  for (const { where, text } of texts) {
    let shielded = text
    for (const s of [...plan.shielded].sort(byLengthDesc)) shielded = shielded.replace(phrasePattern(s), ' ')
    for (const t of plan.targets) {
      const checks: [ConfidentialTrace['kind'], RegExp[]][] = [
        ['name', t.names.map(phrasePattern)],
        ['address', t.addresses.map(phrasePattern)],
        ['flat', t.flat ? [phrasePattern(t.flat)] : []],
        ['postcode', t.postcode ? [phrasePattern(t.postcode)] : []],
        ['phone', t.phones.map(phonePattern)],
        ['email', t.emails.map(phrasePattern)],
      ]
      for (const [kind, patterns] of checks) if (patterns.some((p) => p.test(shielded))) traces.push({ pseudonym: t.pseudonym, kind, where })
    }
  }
  return traces
}
