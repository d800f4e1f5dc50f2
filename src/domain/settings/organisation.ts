import { z } from 'zod'
import { addressSchema } from '../people'
import { defineSettingsSection } from './section'

/** The landlord's details, used on every letter's letterhead and signature block. */
export const organisationSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(120),
  address: addressSchema,
  phone: z.string().trim().min(5, 'is required for letters').max(40).regex(/^[+0-9 ()-]*$/, 'must contain only digits, spaces, +, ( ) and -'),
  email: z.email('must be an email address'),
  website: z.string().trim().max(200).default(''),
  /** Homes owned: the denominator of TSM NM01 (per 1,000 homes). */
  homesOwned: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(2_000_000),
  signatoryName: z.string().trim().min(2, 'is required').max(80),
  signatoryTitle: z.string().trim().min(2, 'is required').max(80),
  /** Capacity the signatory signs a notice in (Form 3 asks "landlord" or "agent"). */
  signatoryCapacity: z.enum(['landlord', 'agent']),
  /** Optional letterhead logo as a data URL (PNG or JPEG), kept small. */
  logoDataUrl: z.string().max(700_000, 'logo must be under 500 KB').regex(/^(data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+)?$/, 'logo must be a PNG or JPEG image').default(''),
})
export type OrganisationSettings = z.infer<typeof organisationSchema>

export const organisationSettings = defineSettingsSection({
  key: 'organisation',
  title: 'Organisation',
  version: 1,
  schema: organisationSchema,
  defaults: (): OrganisationSettings => ({
    name: 'Riverside Vale Housing',
    address: { line1: '1 Quay Street', line2: '', town: 'Bristol', postcode: 'BS1 4DJ' },
    phone: '0117 496 0000',
    email: 'asb@riversidevale.example',
    website: '',
    homesOwned: 12500,
    signatoryName: 'Priya Shah',
    signatoryTitle: 'Tenancy Sustainability Manager',
    signatoryCapacity: 'landlord',
    logoDataUrl: '',
  }),
})
