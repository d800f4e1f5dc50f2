import { format } from 'date-fns'
import { z } from 'zod'
import { caseSearchText, type AsbCase } from '@/domain/cases'
import type { Assessment, Incident } from '@/domain/caseRecords'
import { defaultCalendar } from '@/domain/calendarData'
import { acknowledgementDue, firstContactDue, nextUpdateDue } from '@/domain/deadlines'
import { intakeSchema, perpetratorAgeProblem, type Intake, type IntakeInput, type PersonRef } from '@/domain/intake'
import type { CaseParty, PartyRole } from '@/domain/parties'
import { communicationMethods, fullName, personInputSchema, type Person } from '@/domain/people'
import { assessRisk } from '@/domain/riskMatrix'
import { policySettings, type PolicySettings } from '@/domain/settings/policy'
import { routingSettings } from '@/domain/settings/routingSettings'
import { isHistoric, triageCategory } from '@/domain/triage'
import { parseOrRefuse, PolicyRefusal, ValidationError } from '@/domain/validation'
import type { WorkingCalendar } from '@/domain/workingDays'
import { requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { allocateCaseRef } from './caseRefs'
import { readSettings } from './settings'
import { auditedWrite, newId, nowIso } from '../write'

/** Roles that may change case records: never the legal team (see common contracts). */
export const CASE_WRITERS = ['officer', 'manager', 'administrator'] as const

export interface IntakeOptions {
  /** Today (YYYY-MM-DD) and now (local YYYY-MM-DDTHH:mm); default: the computer's clock. */
  today?: string
  now?: string
  calendar?: WorkingCalendar
  /** The named officer; defaults to the person logging the report. */
  officerId?: string
  /** Add this report to an open case instead of opening a new one (duplicate check). */
  addToCaseId?: string
}

export interface IntakeResult {
  case: AsbCase
  incident: Incident
  /** True when the report was added to an existing open case. */
  addedToExisting: boolean
  /** Coverage warnings from the bank-holiday data, shown to the officer. */
  warnings: string[]
}

export function localToday(): string {
  return format(new Date(), 'yyyy-MM-dd')
}

export function localNow(): string {
  return format(new Date(), "yyyy-MM-dd'T'HH:mm")
}

export interface DuplicateCandidate {
  caseId: string
  ref: string
  category: string
  openedAt: string
  reason: string
}

const normaliseLine = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * Open cases that already involve the same person or address. A further report about the same
 * party while a case is open is not a new case (TSM NM01 counts cases, not reports), so the
 * officer is offered the existing case first.
 */
export async function findDuplicateCases(
  input: { reporter?: PersonRef; perpetrators?: PersonRef[] },
  database: WorkstationDatabase = db,
): Promise<DuplicateCandidate[]> {
  const refs = [input.reporter, ...(input.perpetrators ?? [])].filter((r): r is PersonRef => r !== undefined)
  const personReasons = new Map<string, string>()
  for (const r of refs) {
    if (r.kind === 'existing') {
      const p = await database.people.get(r.personId)
      if (p) personReasons.set(p.id, `${fullName(p)} is on this open case`)
      continue
    }
    const address = r.person.address
    const postcode = address?.postcode ? address.postcode.replace(/\s/g, '').toLowerCase() : ''
    if (!postcode) continue
    const samePostcode = await database.people.where('postcodeKey').equals(postcode).toArray()
    for (const p of samePostcode) {
      if (address && p.address && normaliseLine(p.address.line1) === normaliseLine(address.line1) && normaliseLine(p.flat) === normaliseLine(r.person.flat ?? '')) {
        personReasons.set(p.id, `same address: ${[p.flat, p.address.line1, p.address.postcode].filter(Boolean).join(', ')}`)
      } else if (p.surnameKey === r.person.surname.trim().toLowerCase() && (p.firstName ?? '').toLowerCase() === (r.person.firstName ?? '').trim().toLowerCase()) {
        personReasons.set(p.id, `${fullName(p)} at ${p.address?.postcode ?? ''} is on this open case`)
      }
    }
  }
  if (personReasons.size === 0) return []
  const parties = await database.caseParties.where('personId').anyOf([...personReasons.keys()]).toArray()
  const cases = await database.cases.bulkGet([...new Set(parties.map((p) => p.caseId))])
  const out = new Map<string, DuplicateCandidate>()
  for (const c of cases) {
    if (!c || c.status !== 'open') continue
    const party = parties.find((p) => p.caseId === c.id)!
    out.set(c.id, { caseId: c.id, ref: c.ref, category: c.category, openedAt: c.openedAt, reason: personReasons.get(party.personId)! })
  }
  return [...out.values()].sort((a, b) => b.openedAt.localeCompare(a.openedAt))
}

function newPerson(input: z.input<typeof personInputSchema>, at: string): Person {
  const valid = personInputSchema.parse(input)
  return {
    ...valid,
    id: newId(),
    surnameKey: valid.surname.toLowerCase(),
    postcodeKey: valid.address ? valid.address.postcode.replace(/\s/g, '').toLowerCase() : '',
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * Logs a new report: the case, its people and parties, the first incident and the first risk
 * assessment are written in ONE transaction with their audit entries, so a refused or failed save
 * leaves nothing behind. [POLICY-RULES §1–3]
 */
export async function submitReport(input: IntakeInput, by: string, options: IntakeOptions = {}, database: WorkstationDatabase = db): Promise<IntakeResult> {
  const today = options.today ?? localToday()
  const now = options.now ?? localNow()
  const calendar = options.calendar ?? defaultCalendar
  // Settings are read before the write transaction (they are stable while the form is open).
  const [routing, policy] = await Promise.all([readSettings(routingSettings, database), readSettings(policySettings, database)])
  const intake: Intake = parseOrRefuse(intakeSchema({ today, now, routing }), input, 'The report')
  const triage = triageCategory(routing, intake.category)!
  const hateRelated = intake.hateRelated || triage.hateRelated
  const domesticAbuse = intake.domesticAbuse || triage.domesticAbuse
  const runsAsAsb = triage.runsAsAsb && !domesticAbuse
  const risk = assessRisk({ scores: intake.risk, violence: intake.risk.violence, hateRelated, domesticAbuse, categoryBand: triage.band }, policy.riskMatrix)
  const firstContact = firstContactDue(intake.reportedAt, risk.band, policy, calendar)
  const ack = acknowledgementDue(intake.reportedAt, policy, calendar)
  const warnings = [...new Set([firstContact.warning, ack.warning].filter((w): w is string => Boolean(w)))]

  return auditedWrite(by, (d) => [d.cases, d.people, d.caseParties, d.incidents, d.assessments, d.counters, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Logging a report', d)
    const at = nowIso()
    // Resolve people: existing ones must exist; new ones are created in this transaction.
    const created: Person[] = []
    const resolve = async (ref: PersonRef, field: string): Promise<Person> => {
      if (ref.kind === 'existing') {
        const found = await d.people.get(ref.personId)
        if (!found) throw new ValidationError('The report', [{ field, message: 'that person is no longer on file' }])
        return found
      }
      const p = newPerson(ref.person, at)
      created.push(p)
      return p
    }
    const reporter = intake.reporter ? await resolve(intake.reporter, 'reporter') : undefined
    const perpetrators: Person[] = []
    for (const [i, p] of intake.perpetrators.entries()) {
      const person = await resolve(p, `perpetrators.${i}`)
      const problem = perpetratorAgeProblem(person.dateOfBirth, intake.reportedAt, runsAsAsb)
      if (problem) throw new ValidationError('The report', [{ field: `perpetrators.${i}.person.dateOfBirth`, message: problem }])
      perpetrators.push(person)
    }
    const household: { person: Person; householdOf: string }[] = []
    for (const [i, h] of intake.householdMembers.entries()) household.push({ person: await resolve(h.person, `householdMembers.${i}`), householdOf: h.householdOf })

    // Preferred method and accessible formats are recorded on the reporter at case creation. [001 §1.6]
    if (reporter) {
      const prefs = intake.preferences
      if (prefs.preferredMethod) reporter.preferredMethod = prefs.preferredMethod
      if (prefs.accessibleFormats.length) reporter.accessibleFormats = prefs.accessibleFormats
      if (prefs.language) reporter.language = prefs.language
    }

    let target: AsbCase | undefined
    if (options.addToCaseId) {
      target = await d.cases.get(options.addToCaseId)
      if (!target) throw new ValidationError('The report', [{ field: 'addToCaseId', message: 'that case no longer exists' }])
      if (target.status !== 'open') throw new PolicyRefusal(`${target.ref} is closed; reopen it first or log a new case.`)
    }
    const caseId = target?.id ?? newId()
    const incident: Incident = {
      id: newId(), caseId, occurredAt: intake.incident.occurredAt, location: intake.incident.location, category: intake.category,
      description: intake.incident.description, ...(reporter ? { reportedBy: reporter.id } : {}), witnesses: intake.incident.witnesses,
      evidenceRefs: intake.incident.evidenceRefs, policeRef: intake.incident.policeRef, reportedAt: intake.reportedAt,
      createdAt: at, updatedAt: at, createdBy: by,
    }

    // People: new ones added; existing reporters get their recorded preferences.
    for (const p of created) await d.people.add(p)
    if (reporter && intake.reporter?.kind === 'existing') {
      await d.people.update(reporter.id, { preferredMethod: reporter.preferredMethod, accessibleFormats: reporter.accessibleFormats, language: reporter.language, updatedAt: at })
    }
    for (const p of created) await audit({ caseId, entity: 'person', entityId: p.id, action: 'created', after: p })

    const existingParties = target ? await d.caseParties.where('caseId').equals(caseId).toArray() : []
    const addParty = async (person: Person, role: PartyRole, extra: Partial<CaseParty> = {}) => {
      if (existingParties.some((p) => p.personId === person.id && p.role === role)) return
      const party: CaseParty = {
        id: newId(), caseId, personId: person.id, role,
        consentToShare: role === 'reporter' ? intake.consentToShare : false,
        consentToApproach: role === 'reporter' ? intake.consentToApproach : false,
        identityConfidential: role === 'reporter' ? intake.identityConfidential : false,
        createdAt: at, ...extra,
      }
      existingParties.push(party)
      await d.caseParties.add(party)
      await audit({ caseId, entity: 'caseParty', entityId: party.id, action: 'added', after: party })
    }

    if (target) {
      // A further report on an open case: add the incident and any new parties. [TSM NM01]
      if (reporter) await addParty(reporter, 'reporter')
      for (const p of perpetrators) await addParty(p, 'alleged perpetrator')
      for (const h of household) await addParty(h.person, 'household member', { householdOf: householdOwner(h.householdOf, reporter, perpetrators) })
      await d.incidents.add(incident)
      const people = await d.people.bulkGet(existingParties.map((p) => p.personId))
      const latest = (await d.incidents.where('[caseId+occurredAt]').between([caseId, ''], [caseId, '\uffff']).last())?.occurredAt
      const changes: Partial<AsbCase> = {
        searchText: caseSearchText(target.ref, people.filter((p): p is Person => Boolean(p))),
        historic: isHistoric(latest, today, policy.historicMonths),
        hateRelated: target.hateRelated || hateRelated,
        hateCharacteristics: [...new Set([...target.hateCharacteristics, ...intake.hateCharacteristics])],
        updatedAt: at,
      }
      await d.cases.update(caseId, changes)
      await audit({ caseId, entity: 'incident', entityId: incident.id, action: 'further report added to open case', after: incident })
      return { case: { ...target, ...changes }, incident, addedToExisting: true, warnings }
    }

    const ref = await allocateCaseRef(d, Number(intake.reportedAt.slice(0, 4)))
    const namedPeople = [...(reporter ? [reporter] : []), ...perpetrators, ...household.map((h) => h.person)]
    const closedReason = domesticAbuse
      ? `Domestic abuse: referred to ${triage.agency ?? 'the domestic abuse service'} under the domestic abuse policy.`
      : runsAsAsb ? undefined : `Not ASB — ${triage.route === 'Another agency' ? `referred to ${triage.agency ?? 'another agency'}` : `routed to ${triage.route}`}.`
    const asbCase: AsbCase = {
      id: caseId, ref, status: runsAsAsb ? 'open' : 'closed', category: intake.category, route: triage.route,
      ...(triage.agency ? { agency: triage.agency } : {}),
      ...(intake.triageReason ? { triageReason: intake.triageReason } : {}),
      riskBand: risk.band, hateRelated, hateCharacteristics: intake.hateCharacteristics, domesticAbuse, highHarm: triage.highHarm,
      historic: isHistoric(intake.incident.occurredAt, intake.reportedAt, policy.historicMonths),
      anonymous: intake.anonymous, channel: intake.channel, officerId: options.officerId ?? by,
      reportedAt: intake.reportedAt, openedAt: intake.reportedAt, firstContactDue: firstContact.date, acknowledgementDue: ack.date,
      ...(warnings.length ? { deadlineWarning: warnings.join(' ') } : {}),
      ...(closedReason
        ? { closedAt: intake.reportedAt, closure: { reason: closedReason, closedAt: intake.reportedAt, closedBy: by, note: intake.triageReason } }
        : {}),
      summary: intake.summary || intake.incident.description.slice(0, 300),
      searchText: caseSearchText(ref, namedPeople),
      createdAt: at, updatedAt: at,
    }
    if (options.officerId && options.officerId !== by) {
      const officer = await d.users.get(options.officerId)
      if (!officer || officer.role === 'legal') throw new ValidationError('The report', [{ field: 'officerId', message: 'choose an officer or manager to hold the case' }])
    }
    await d.cases.add(asbCase)
    await audit({ caseId, entity: 'case', entityId: caseId, action: 'opened', after: asbCase })
    if (reporter) await addParty(reporter, 'reporter')
    for (const p of perpetrators) await addParty(p, 'alleged perpetrator')
    for (const h of household) await addParty(h.person, 'household member', { householdOf: householdOwner(h.householdOf, reporter, perpetrators) })
    await d.incidents.add(incident)
    await audit({ caseId, entity: 'incident', entityId: incident.id, action: 'recorded', after: incident })
    const assessment: Assessment = {
      id: newId(), caseId, kind: 'risk', version: 1, answers: { ...intake.risk, hateRelated, domesticAbuse, score: risk.score },
      result: risk.band, reason: ['Initial assessment at intake.', ...risk.reasons].join(' '), completedAt: at, by, at,
    }
    await d.assessments.add(assessment)
    await audit({ caseId, entity: 'assessment', entityId: assessment.id, action: 'risk assessed', after: assessment })
    return { case: asbCase, incident, addedToExisting: false, warnings }
  }, database)
}

function householdOwner(householdOf: string, reporter: Person | undefined, perpetrators: Person[]): string | undefined {
  if (householdOf === 'reporter') return reporter?.id
  const m = /^perpetrator:(\d+)$/.exec(householdOf)
  return m ? perpetrators[Number(m[1])]?.id : undefined
}

export const reassignSchema = z.object({
  officerId: z.string().min(1, 'choose the officer'),
  reason: z.string().trim().min(3, 'say why the case is moving').max(1000, 'must be 1,000 characters or fewer'),
})

/** Hands the case to another named officer; the case keeps one named officer at a time. [003 §3.4] */
export async function reassignOfficer(caseId: string, input: z.input<typeof reassignSchema>, by: string, database: WorkstationDatabase = db): Promise<AsbCase> {
  const valid = parseOrRefuse(reassignSchema, input, 'The reassignment')
  return auditedWrite(by, (d) => [d.cases, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Reassigning a case', d)
    const found = await d.cases.get(caseId)
    if (!found) throw new ValidationError('The reassignment', [{ field: 'caseId', message: 'no such case' }])
    const officer = await d.users.get(valid.officerId)
    if (!officer || officer.role === 'legal') throw new ValidationError('The reassignment', [{ field: 'officerId', message: 'choose an officer or manager to hold the case' }])
    if (officer.id === found.officerId) throw new ValidationError('The reassignment', [{ field: 'officerId', message: `${officer.name} already holds this case` }])
    const updated = { ...found, officerId: officer.id, updatedAt: nowIso() }
    await d.cases.put(updated)
    await audit({ caseId, entity: 'case', entityId: caseId, action: 'reassigned', before: { officerId: found.officerId }, after: { officerId: officer.id, reason: valid.reason } })
    return updated
  }, database)
}

export const contactFrequencySchema = z.object({
  workingDays: z.number({ message: 'must be a number' }).int('must be a whole number of working days').min(1, 'must be at least 1 working day').max(60, 'must be 60 working days or fewer'),
  method: z.enum(communicationMethods, { message: 'choose how updates will be given' }),
  agreedAt: z.iso.date('must be a date'),
})

/** Records the contact frequency agreed with the reporter and computes the next update due. [000 §4, 001 §14.3] */
export async function setContactFrequency(caseId: string, input: z.input<typeof contactFrequencySchema>, by: string, options: { today?: string; calendar?: WorkingCalendar } = {}, database: WorkstationDatabase = db): Promise<AsbCase> {
  const valid = parseOrRefuse(contactFrequencySchema, input, 'The contact frequency')
  if (valid.agreedAt > (options.today ?? localToday())) throw new ValidationError('The contact frequency', [{ field: 'agreedAt', message: "can't be in the future" }])
  const calendar = options.calendar ?? defaultCalendar
  return auditedWrite(by, (d) => [d.cases, d.contacts, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Agreeing contact frequency', d)
    const found = await d.cases.get(caseId)
    if (!found) throw new ValidationError('The contact frequency', [{ field: 'caseId', message: 'no such case' }])
    const contacts = await d.contacts.where('caseId').equals(caseId).toArray()
    const next = nextUpdateDue(valid.workingDays, valid.agreedAt, contacts, calendar)
    const changes = { contactFrequencyDays: valid.workingDays, contactFrequencyMethod: valid.method, contactFrequencyAgreedAt: valid.agreedAt, nextUpdateDue: next.date, updatedAt: nowIso() }
    await d.cases.update(caseId, changes)
    await audit({ caseId, entity: 'case', entityId: caseId, action: 'contact frequency agreed', before: { contactFrequencyDays: found.contactFrequencyDays, contactFrequencyMethod: found.contactFrequencyMethod }, after: changes })
    return { ...found, ...changes }
  }, database)
}

/** Reads the policy settings for callers that compute deadlines (stores, Today providers). */
export async function readPolicy(database: WorkstationDatabase = db): Promise<PolicySettings> {
  return readSettings(policySettings, database)
}

/** Records that the reporter was told about the ASB Case Review and how to ask for one. [001 §12.2] */
export async function recordCaseReviewNotice(caseId: string, givenAt: string, by: string, options: { today?: string } = {}, database: WorkstationDatabase = db): Promise<AsbCase> {
  const valid = parseOrRefuse(z.object({ givenAt: z.iso.date('must be a date') }), { givenAt }, 'The case review notice')
  if (valid.givenAt > (options.today ?? localToday())) throw new ValidationError('The case review notice', [{ field: 'givenAt', message: "can't be in the future" }])
  return auditedWrite(by, (d) => [d.cases, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Recording the case review notice', d)
    const found = await d.cases.get(caseId)
    if (!found) throw new ValidationError('The case review notice', [{ field: 'caseId', message: 'no such case' }])
    const changes = { caseReviewNoticeGivenAt: valid.givenAt, updatedAt: nowIso() }
    await d.cases.update(caseId, changes)
    await audit({ caseId, entity: 'case', entityId: caseId, action: 'told reporter about ASB Case Review', after: changes })
    return { ...found, ...changes }
  }, database)
}
