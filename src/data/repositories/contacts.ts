import { z } from 'zod'
import { contactMethods, type Contact } from '@/domain/caseRecords'
import { defaultCalendar } from '@/domain/calendarData'
import { nextUpdateDue } from '@/domain/deadlines'
import { parseOrRefuse, ValidationError } from '@/domain/validation'
import type { WorkingCalendar } from '@/domain/workingDays'
import type { AsbCase } from '@/domain/cases'
import { requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { CASE_WRITERS, localNow } from './cases'
import { auditedWrite, newId, nowIso } from '../write'

/** Every contact and every attempt. [001 §11.2: attempts count before a no-contact closure] */
export const contactInputSchema = z.object({
  caseId: z.string().min(1, 'is required'),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a date and time'),
  personId: z.string().optional(),
  withWhom: z.string().trim().min(1, 'say who the contact was with').max(200, 'must be 200 characters or fewer'),
  method: z.enum(contactMethods, { message: 'choose how the contact was made' }),
  direction: z.enum(['inbound', 'outbound'], { message: 'choose who made the contact' }),
  successful: z.boolean({ message: 'say whether the contact was made' }),
  summary: z.string().trim().min(1, 'is required — what was said or attempted?').max(8000, 'must be 8,000 characters or fewer'),
  aboutOutcome: z.boolean().optional(),
})
export type ContactInput = z.input<typeof contactInputSchema>

/**
 * Records a contact. The first successful contact with the reporter (or victim) meets the
 * first-contact target [001 §6.4]; any successful contact restarts the agreed-update clock.
 */
export async function recordContact(input: ContactInput, by: string, options: { now?: string; calendar?: WorkingCalendar } = {}, database: WorkstationDatabase = db): Promise<Contact> {
  const valid = parseOrRefuse(contactInputSchema, input, 'The contact')
  if (valid.at.slice(0, 16) > (options.now ?? localNow()).slice(0, 16)) throw new ValidationError('The contact', [{ field: 'at', message: "can't be in the future" }])
  const calendar = options.calendar ?? defaultCalendar
  return auditedWrite(by, (d) => [d.contacts, d.cases, d.caseParties, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Recording a contact', d)
    const found = await d.cases.get(valid.caseId)
    if (!found) throw new ValidationError('The contact', [{ field: 'caseId', message: 'no such case' }])
    const parties = await d.caseParties.where('caseId').equals(found.id).toArray()
    const party = valid.personId ? parties.find((p) => p.personId === valid.personId) : undefined
    if (valid.personId && !party) throw new ValidationError('The contact', [{ field: 'personId', message: 'is not a party to this case' }])
    const contact: Contact = { ...valid, id: newId(), createdBy: by, createdAt: nowIso() }
    await d.contacts.add(contact)
    const changes: Partial<AsbCase> = { updatedAt: nowIso() }
    const withReporter = party ? parties.some((p) => p.personId === party.personId && (p.role === 'reporter' || p.role === 'victim')) : found.anonymous
    if (valid.successful && withReporter && (!found.firstContactAt || valid.at < found.firstContactAt)) changes.firstContactAt = valid.at
    if (found.contactFrequencyDays && found.contactFrequencyAgreedAt && valid.successful) {
      const all = await d.contacts.where('caseId').equals(found.id).toArray()
      changes.nextUpdateDue = nextUpdateDue(found.contactFrequencyDays, found.contactFrequencyAgreedAt, all, calendar).date
    }
    await d.cases.update(found.id, changes)
    await audit({ caseId: found.id, entity: 'contact', entityId: contact.id, action: valid.successful ? 'contact recorded' : 'contact attempt recorded', after: contact })
    return contact
  }, database)
}
