import { z } from 'zod'
import type { Person } from '@/domain/people'
import { tenancyRowSchema, tenantKey, type TenancyDetails, type TenancyRow } from '@/domain/tenancyImport'
import { parseOrRefuse, ValidationError } from '@/domain/validation'
import { requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'

/** A person as stored after a tenancy import: the usual fields plus the tenancy's details. */
export type TenantPerson = Person & { tenancy?: TenancyDetails }

export interface ImportPlanRow {
  row: number
  value: TenancyRow
  /** The existing person this row updates, if any. */
  updates?: { id: string; name: string }
}

const MAX_ROWS = 20_000
const importSchema = z.array(z.object({ row: z.number().int().min(2), value: tenancyRowSchema }), { message: 'must be a list of checked rows' })
  .min(1, 'there are no rows to import')
  .max(MAX_ROWS, `at most ${MAX_ROWS} rows can be imported at a time`)

function findMatch(row: TenancyRow, sameTenancy: TenantPerson[], rowsForTenancy: number): TenantPerson | undefined {
  const exact = sameTenancy.find((p) => tenantKey({ tenancyReference: p.tenancyReference, firstName: p.firstName, surname: p.surname }) === tenantKey(row))
  if (exact) return exact
  // One tenant on the tenancy before and one in the file: the same tenant whose name changed
  // (e.g. on marriage), not a new person.
  if (sameTenancy.length === 1 && rowsForTenancy === 1) return sameTenancy[0]
  return undefined
}

async function planAgainst(rows: { row: number; value: TenancyRow }[], database: WorkstationDatabase): Promise<ImportPlanRow[]> {
  const references = [...new Set(rows.map((r) => r.value.tenancyReference))]
  const existing = (await database.people.where('tenancyReference').anyOf(references).toArray()) as TenantPerson[]
  const byTenancy = new Map<string, TenantPerson[]>()
  for (const person of existing) byTenancy.set(person.tenancyReference, [...(byTenancy.get(person.tenancyReference) ?? []), person])
  const rowsPerTenancy = new Map<string, number>()
  for (const r of rows) rowsPerTenancy.set(r.value.tenancyReference, (rowsPerTenancy.get(r.value.tenancyReference) ?? 0) + 1)
  return rows.map((r) => {
    const match = findMatch(r.value, byTenancy.get(r.value.tenancyReference) ?? [], rowsPerTenancy.get(r.value.tenancyReference) ?? 0)
    return { ...r, ...(match ? { updates: { id: match.id, name: [match.firstName, match.surname].filter(Boolean).join(' ') } } : {}) }
  })
}

/** The preview: which rows add a new person and which update someone already on this computer. */
export async function previewTenancyImport(rows: { row: number; value: TenancyRow }[], database: WorkstationDatabase = db): Promise<ImportPlanRow[]> {
  return planAgainst(rows, database)
}

function personFrom(row: TenancyRow, jointTenants: string[], importedAt: string, existing?: TenantPerson): TenantPerson {
  const address = { line1: row.line1, line2: row.line2, town: row.town, postcode: row.postcode }
  return {
    // Keep what only the app knows (preferred method, vulnerability notes, consent …); the
    // housing system is the source of truth for name, address and tenancy.
    ...(existing ?? { accessibleFormats: [], language: '', vulnerabilityNotes: '', createdAt: importedAt }),
    id: existing?.id ?? newId(),
    title: row.title,
    firstName: row.firstName,
    surname: row.surname,
    ...(row.dateOfBirth ? { dateOfBirth: row.dateOfBirth } : {}),
    address,
    flat: row.flat,
    phone: row.phone || existing?.phone || '',
    email: row.email || existing?.email || '',
    tenure: row.tenancyType,
    tenancyReference: row.tenancyReference,
    tenancy: { startDate: row.tenancyStartDate, ...(row.rentPeriod ? { rentPeriod: row.rentPeriod } : {}), jointTenants, importedAt },
    surnameKey: row.surname.toLowerCase(),
    postcodeKey: row.postcode.replace(/\s/g, '').toLowerCase(),
    updatedAt: importedAt,
  }
}

/**
 * Imports checked rows in ONE audited transaction: a row matching a person already here (same
 * tenancy reference and name) updates that person instead of adding a duplicate. Legal-team
 * profiles cannot import (they never edit records).
 */
export async function importTenancies(input: { row: number; value: TenancyRow }[], by: string, database: WorkstationDatabase = db): Promise<{ created: number; updated: number }> {
  // Re-check: the repository never trusts that the screen validated.
  if (!Array.isArray(input)) throw new ValidationError('The tenancy import', [{ field: 'rows', message: 'must be a list of checked rows' }])
  const rows = parseOrRefuse(importSchema, input.map((r) => ({ row: r?.row, value: r?.value && encodeForRecheck(r.value) })), 'The tenancy import')
  const importedAt = nowIso()
  return auditedWrite(by, (d) => [d.people, d.users], async ({ database: d, audit }) => {
    await requireRole(by, ['officer', 'manager', 'administrator'], 'Importing tenancies', d)
    const plan = await planAgainst(rows, d)
    const namesByTenancy = new Map<string, string[]>()
    for (const r of rows) namesByTenancy.set(r.value.tenancyReference, [...(namesByTenancy.get(r.value.tenancyReference) ?? []), [r.value.firstName, r.value.surname].filter(Boolean).join(' ')])
    let created = 0
    let updated = 0
    for (const item of plan) {
      const name = [item.value.firstName, item.value.surname].filter(Boolean).join(' ')
      const joint = (namesByTenancy.get(item.value.tenancyReference) ?? []).filter((n) => n !== name)
      const before = item.updates ? ((await d.people.get(item.updates.id)) as TenantPerson | undefined) : undefined
      const person = personFrom(item.value, joint, importedAt, before)
      await d.people.put(person)
      await audit({ entity: 'person', entityId: person.id, action: before ? 'updated by tenancy import' : 'created by tenancy import', before, after: person })
      if (before) updated++
      else created++
    }
    await audit({ entity: 'tenancy import', entityId: importedAt, action: 'imported', after: { rows: rows.length, created, updated } })
    return { created, updated }
  }, database)
}

/** Checked rows hold parsed values (ISO dates, tenures); turn them back into cells to re-check. */
function encodeForRecheck(value: TenancyRow): Record<string, unknown> {
  if (!value || typeof value !== 'object') return value
  return { ...value, dateOfBirth: value.dateOfBirth ?? '', rentPeriod: value.rentPeriod ?? '' }
}
