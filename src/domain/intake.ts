import { z } from 'zod'
import { hateCharacteristics, reportChannels } from './cases'
import { accessibleFormats, ageOn, communicationMethods, personInputSchema } from './people'
import type { RoutingTable } from './routing'
import { riskFactors } from './settings/policy'
import { triageCategory } from './triage'

/**
 * A new report, as the intake form collects it. [POLICY-RULES §1–3] The same schema checks the
 * form (field by field) and the repository (before anything is written), so the message on the
 * field and the API's refusal are the same words.
 */
const text = (max: number) => z.string().trim().max(max, `must be ${max.toLocaleString('en-GB')} characters or fewer`)

/** Someone already on file, or a new person. */
export const personRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), personId: z.string().min(1, 'choose a person') }),
  z.object({ kind: z.literal('new'), person: personInputSchema }),
])
export type PersonRef = z.input<typeof personRefSchema>

const score = z.number({ message: 'must be scored from 1 to 5' }).int('must be scored from 1 to 5').min(1, 'must be scored from 1 to 5').max(5, 'must be scored from 1 to 5')

/** A local date-time as typed in the form, e.g. 2026-11-20T22:30. */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a date and time')

export const incidentFieldsSchema = z.object({
  occurredAt: localDateTime,
  location: text(200).min(1, 'is required — where did it happen?'),
  description: text(8000).min(1, 'is required — what happened?'),
  witnesses: z.array(text(200)).default([]),
  evidenceRefs: z.array(text(200)).default([]),
  policeRef: text(60).default(''),
})

export const intakeObjectSchema = z.object({
  reportedAt: z.iso.date('must be a date'),
  channel: z.enum(reportChannels, { message: 'choose how the report came in' }),
  anonymous: z.boolean().default(false),
  reporter: personRefSchema.optional(),
  /** Recorded at case creation and used for every contact and letter. [001 §1.6, 003 §4.2] */
  preferences: z
    .object({
      preferredMethod: z.enum(communicationMethods, { message: 'choose a contact method' }).optional(),
      accessibleFormats: z.array(z.enum(accessibleFormats)).default([]),
      language: text(60).default(''),
    })
    .default({ accessibleFormats: [], language: '' }),
  consentToShare: z.boolean().default(false),
  consentToApproach: z.boolean().default(false),
  /** The reporter asked that the alleged perpetrator is not told who they are. [001 §7] */
  identityConfidential: z.boolean().default(false),
  perpetrators: z.array(personRefSchema).default([]),
  householdMembers: z
    .array(z.object({ person: personRefSchema, householdOf: z.string().regex(/^(reporter|perpetrator:\d+)$/, 'choose whose household') }))
    .default([]),
  category: z.string().trim().min(1, 'choose a category'),
  triageReason: text(2000).default(''),
  hateRelated: z.boolean().default(false),
  hateCharacteristics: z.array(z.enum(hateCharacteristics)).default([]),
  domesticAbuse: z.boolean().default(false),
  risk: z.object({
    ...(Object.fromEntries(riskFactors.map((f) => [f, score])) as Record<(typeof riskFactors)[number], typeof score>),
    violence: z.boolean().default(false),
  }),
  incident: incidentFieldsSchema,
  summary: text(4000).default(''),
})
export type IntakeInput = z.input<typeof intakeObjectSchema>
export type Intake = z.output<typeof intakeObjectSchema>

export interface IntakeContext {
  /** Today's date, YYYY-MM-DD, and the local time now, YYYY-MM-DDTHH:mm. */
  today: string
  now: string
  routing: RoutingTable
}

/** Civil injunctions under ASBCPA 2014 Part 1 are for people aged 10 or over (s1(1)). */
export const INJUNCTION_MIN_AGE = 10

/**
 * Problems a perpetrator's age raises for a matter the ASB team works (injunction-eligible).
 * Shared with the repository, which also checks people already on file.
 */
export function perpetratorAgeProblem(dateOfBirth: string | undefined, reportedAt: string, runsAsAsb: boolean): string | undefined {
  const age = ageOn(dateOfBirth, reportedAt)
  if (age === undefined || !runsAsAsb || age >= INJUNCTION_MIN_AGE) return undefined
  return `is a child under ${INJUNCTION_MIN_AGE} (aged ${Math.max(age, 0)}): a child under 10 can't be named as the perpetrator of an ASB matter (no civil injunction under ASBCPA 2014 s1). Record them as a household member and name the responsible adult.`
}

/**
 * The intake schema with its cross-field rules (needs today's date and the routing table). The
 * cross-field rules run even when other fields are still wrong, so the officer sees every problem
 * at once (an incident dated tomorrow is reported alongside a missing surname).
 */
export function intakeSchema(context: IntakeContext) {
  return z.custom<IntakeInput>().transform((raw, ctx): Intake => {
    const parsed = intakeObjectSchema.safeParse(raw)
    const seen = new Set<string>()
    const at = (path: (string | number)[], message: string) => {
      const key = `${path.join('.')}|${message}`
      if (seen.has(key)) return
      seen.add(key)
      ctx.addIssue({ code: 'custom', path, message })
    }
    if (!parsed.success) for (const issue of parsed.error.issues) at(issue.path as (string | number)[], issue.message)
    crossFieldProblems((raw ?? {}) as Partial<IntakeInput>, context).forEach((p) => at(p.path, p.message))
    return parsed.success ? parsed.data : z.NEVER
  })
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)

/** Rules that compare answers with each other, written to cope with a half-filled form. */
export function crossFieldProblems(v: Partial<IntakeInput>, context: IntakeContext): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = []
  const at = (path: (string | number)[], message: string) => out.push({ path, message })
  const reportedAt = isDate(v.reportedAt) ? v.reportedAt : context.today
  if (isDate(v.reportedAt) && v.reportedAt > context.today) at(['reportedAt'], "can't be in the future")
  const occurred = isDate(v.incident?.occurredAt) ? v.incident.occurredAt.slice(0, 16) : undefined
  if (occurred && occurred > context.now.slice(0, 16)) at(['incident', 'occurredAt'], "can't be in the future")
  else if (occurred && occurred.slice(0, 10) > reportedAt) at(['incident', 'occurredAt'], 'is after the date of the report')

  if (!v.anonymous && !v.reporter) at(['reporter'], 'add the person reporting, or mark the report as anonymous')
  if (v.anonymous && v.reporter) {
    at(['anonymous'], "an anonymous report has no named reporter: remove the reporter, or untick anonymous and use 'keep their identity from the other party'")
  }
  if (v.preferences?.accessibleFormats?.includes('interpreter') && !v.preferences.language?.trim()) {
    at(['preferences', 'language'], 'say which language the interpreter is for')
  }

  const triage = v.category ? triageCategory(context.routing, v.category) : undefined
  if (v.category && !triage) at(['category'], 'is not in the routing table')
  if (triage && !triage.runsAsAsb && !v.triageReason?.trim()) {
    at(['triageReason'], `give the reason: this category goes to ${triage.route === 'Another agency' ? (triage.agency ?? 'another agency') : triage.route}, not the ASB team`)
  }
  if ((v.hateRelated || triage?.hateRelated) && !v.hateCharacteristics?.length) at(['hateCharacteristics'], 'choose the characteristic(s) targeted')
  const runsAsAsb = (triage?.runsAsAsb ?? true) && !v.domesticAbuse
  ;(v.perpetrators ?? []).forEach((p, i) => {
    if (p?.kind !== 'new') return
    const dob = isDate(p.person?.dateOfBirth) ? p.person.dateOfBirth : undefined
    if (dob && dob > context.today) return at(['perpetrators', i, 'person', 'dateOfBirth'], "can't be in the future")
    const problem = perpetratorAgeProblem(dob, reportedAt, runsAsAsb)
    if (problem) at(['perpetrators', i, 'person', 'dateOfBirth'], problem)
  })
  if (v.reporter?.kind === 'new' && isDate(v.reporter.person?.dateOfBirth) && v.reporter.person.dateOfBirth > context.today) {
    at(['reporter', 'person', 'dateOfBirth'], "can't be in the future")
  }
  ;(v.householdMembers ?? []).forEach((h, i) => {
    if (h?.person?.kind === 'new' && isDate(h.person.person?.dateOfBirth) && h.person.person.dateOfBirth > context.today) {
      at(['householdMembers', i, 'person', 'person', 'dateOfBirth'], "can't be in the future")
    }
    const m = /^perpetrator:(\d+)$/.exec(h?.householdOf ?? '')
    if (h?.householdOf === 'reporter' && !v.reporter) at(['householdMembers', i, 'householdOf'], 'there is no named reporter')
    if (m && Number(m[1]) >= (v.perpetrators?.length ?? 0)) at(['householdMembers', i, 'householdOf'], 'that alleged perpetrator is not on the report')
  })
  return out
}

/** Under-18s matter later (parenting contracts, safeguarding). [001 §9.2] */
export function isUnder18(dateOfBirth: string | undefined, onIsoDate: string): boolean {
  const age = ageOn(dateOfBirth, onIsoDate)
  return age !== undefined && age < 18
}
