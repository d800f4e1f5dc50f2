/**
 * The Today panel: what is overdue or due soon, across the caseload. Each feature contributes
 * items through a provider (see src/stores/today.ts); the panel sorts and shows them.
 */
export type TodayKind =
  | 'first contact'
  | 'acknowledgement'
  | 'agreed update'
  | 'action'
  | 'case review notice'
  | 'notice clock'
  | 'satisfaction survey'
  | 'follow-up contact'
  | 'legal note'
  | 'review'

export interface TodayItem {
  kind: TodayKind
  caseId: string
  caseRef: string
  /** ISO date the item is due (or was raised, for notes). */
  due: string
  overdue: boolean
  /** Plain words for the officer, e.g. "First contact with Maya Okonjo due". */
  label: string
  /** Only shown to this officer when set; otherwise to whoever holds the case. */
  officerId?: string
}

export function sortTodayItems(items: TodayItem[]): TodayItem[] {
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.caseRef.localeCompare(b.caseRef))
}
