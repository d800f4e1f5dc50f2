/**
 * Turns an audit entry's before/after snapshots into the list a manager reads: which fields
 * changed, from what, to what. Unchanged fields are left out; nested values are shown as text.
 */
export interface FieldChange {
  field: string
  before: string
  after: string
}

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : before === undefined ? {} : { value: before }
  const a = after && typeof after === 'object' && !Array.isArray(after) ? (after as Record<string, unknown>) : after === undefined ? {} : { value: after }
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return fields
    .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .map((field) => ({ field, before: shown(b[field]), after: shown(a[field]) }))
}
