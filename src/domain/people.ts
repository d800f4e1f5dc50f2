import { z } from 'zod'

/** Tenure of each party: decides which notice and which powers apply later. [003 §1.3, 001 §1.3] */
export const tenures = [
  'general needs', 'affordable rent', 'sheltered/supported', 'starter', 'assured', 'secure (legacy)',
  'leaseholder', 'shared owner', 'licensee', 'market rent', 'commercial', 'non-tenant',
] as const
export type Tenure = (typeof tenures)[number]

/** Preferred communication method, recorded at intake and used for every contact. [001 §1.6, 003 §4.2] */
export const communicationMethods = ['telephone', 'email', 'letter', 'text message', 'in person', 'video call'] as const
export type CommunicationMethod = (typeof communicationMethods)[number]

/** Accessible-format needs. [002 §6.3, 003 §11.4] */
export const accessibleFormats = ['large print', 'audio', 'Easy Read', 'Braille', 'interpreter'] as const
export type AccessibleFormat = (typeof accessibleFormats)[number]

export const protectedCharacteristics = [
  'age', 'disability', 'gender reassignment', 'marriage and civil partnership', 'pregnancy and maternity',
  'race', 'religion or belief', 'sex', 'sexual orientation',
] as const
export type ProtectedCharacteristic = (typeof protectedCharacteristics)[number]

const trimmed = (max: number) => z.string().trim().max(max, `must be ${max} characters or fewer`)
// UK postcode shape (not a lookup): catches typos like a missing inward code.
export const ukPostcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, 'must be a UK postcode, e.g. BS1 4DJ')
  .transform((p) => (p.includes(' ') ? p : `${p.slice(0, -3)} ${p.slice(-3)}`))

export const addressSchema = z.object({
  line1: trimmed(120).min(1, 'is required'),
  line2: trimmed(120).default(''),
  town: trimmed(80).default(''),
  postcode: ukPostcode,
})
export type Address = z.infer<typeof addressSchema>

export const personInputSchema = z.object({
  firstName: trimmed(80).default(''),
  surname: trimmed(80).min(1, 'is required'),
  title: trimmed(20).default(''),
  dateOfBirth: z.iso.date('must be a date (YYYY-MM-DD)').optional(),
  address: addressSchema.optional(),
  flat: trimmed(40).default(''),
  phone: trimmed(40).regex(/^[+0-9 ()-]*$/, 'must contain only digits, spaces, +, ( ) and -').default(''),
  email: z.union([z.literal(''), z.email('must be an email address')]).default(''),
  tenure: z.enum(tenures).optional(),
  tenancyReference: trimmed(40).default(''),
  preferredMethod: z.enum(communicationMethods).optional(),
  accessibleFormats: z.array(z.enum(accessibleFormats)).default([]),
  language: trimmed(60).default(''),
  vulnerabilityNotes: trimmed(4000).default(''),
  /** Only recorded with the person's consent (UK GDPR special category data). */
  protectedCharacteristics: z
    .object({ consentGiven: z.boolean(), values: z.partialRecord(z.enum(protectedCharacteristics), trimmed(200)) })
    .optional(),
})
export type PersonInput = z.input<typeof personInputSchema>

export interface Person extends z.infer<typeof personInputSchema> {
  id: string
  /** Lower-case search keys kept beside the record so the caseload can search by index. */
  surnameKey: string
  postcodeKey: string
  createdAt: string
  updatedAt: string
}

export function fullName(person: Pick<Person, 'title' | 'firstName' | 'surname'>): string {
  return [person.title, person.firstName, person.surname].filter(Boolean).join(' ')
}

export function formatAddress(address: Address | undefined, flat = ''): string[] {
  if (!address) return []
  return [flat ? `${flat}, ${address.line1}` : address.line1, address.line2, address.town, address.postcode].filter(Boolean)
}

/** Age in whole years on a given day; undefined when no date of birth is known. */
export function ageOn(dateOfBirth: string | undefined, onIsoDate: string): number | undefined {
  if (!dateOfBirth) return undefined
  const [by, bm, bd] = dateOfBirth.split('-').map(Number)
  const [y, m, d] = onIsoDate.slice(0, 10).split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
