import { z } from 'zod'
import { actionStatuses, type ActionItem } from '@/domain/caseRecords'
import { parseOrRefuse, ValidationError } from '@/domain/validation'
import { requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { CASE_WRITERS, localToday } from './cases'
import { auditedWrite, newId, nowIso } from '../write'

/** The action plan agreed with the reporter: what, who, by when. [003 §3.10, 002 §5.1] */
export const actionInputSchema = z.object({
  caseId: z.string().min(1, 'is required'),
  what: z.string().trim().min(3, 'say what will be done').max(1000, 'must be 1,000 characters or fewer'),
  owner: z.string().trim().min(2, 'say who will do it').max(120, 'must be 120 characters or fewer'),
  due: z.iso.date('must be a date'),
  agreedWithReporterAt: z.iso.date('must be a date').optional(),
  note: z.string().trim().max(2000).default(''),
})
export type ActionInput = z.input<typeof actionInputSchema>

export async function addAction(input: ActionInput, by: string, options: { today?: string } = {}, database: WorkstationDatabase = db): Promise<ActionItem> {
  const valid = parseOrRefuse(actionInputSchema, input, 'The action')
  const today = options.today ?? localToday()
  if (valid.agreedWithReporterAt && valid.agreedWithReporterAt > today) throw new ValidationError('The action', [{ field: 'agreedWithReporterAt', message: "can't be in the future" }])
  return auditedWrite(by, (d) => [d.actions, d.cases, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Adding to the action plan', d)
    const found = await d.cases.get(valid.caseId)
    if (!found) throw new ValidationError('The action', [{ field: 'caseId', message: 'no such case' }])
    if (valid.due < found.openedAt) throw new ValidationError('The action', [{ field: 'due', message: 'is before the case was opened' }])
    const at = nowIso()
    const action: ActionItem = { ...valid, id: newId(), status: 'open', createdAt: at, updatedAt: at }
    await d.actions.add(action)
    await audit({ caseId: found.id, entity: 'action', entityId: action.id, action: 'added', after: action })
    return action
  }, database)
}

const actionIdSchema = z.object({ actionId: z.string('must be an action id').min(1, 'is required').max(200, 'is not an action id') })

export const actionUpdateSchema = z.object({
  status: z.enum(actionStatuses, { message: 'must be open, done or cancelled' }).optional(),
  due: z.iso.date('must be a date').optional(),
  agreedWithReporterAt: z.iso.date('must be a date').optional(),
  note: z.string().trim().max(2000).optional(),
})

/** Changes an action's status, due date or agreement; the audit keeps the before and after. */
export async function updateAction(actionId: string, input: z.input<typeof actionUpdateSchema>, by: string, database: WorkstationDatabase = db): Promise<ActionItem> {
  // Check the id before it reaches IndexedDB: a hostile id must be refused, not crash Dexie.
  const { actionId: id } = parseOrRefuse(actionIdSchema, { actionId }, 'The action')
  const valid = parseOrRefuse(actionUpdateSchema, input, 'The action')
  return auditedWrite(by, (d) => [d.actions, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Updating the action plan', d)
    const found = await d.actions.get(id)
    if (!found) throw new ValidationError('The action', [{ field: 'actionId', message: 'no such action' }])
    const updated: ActionItem = { ...found, ...valid, updatedAt: nowIso() }
    await d.actions.put(updated)
    await audit({ caseId: found.caseId, entity: 'action', entityId: found.id, action: 'updated', before: found, after: updated })
    return updated
  }, database)
}
