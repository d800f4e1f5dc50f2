import type { LooseRow } from '../caseFile'
import { shippedRuleSet } from '../formalAction/ruleSet'
import { ukDate } from '../workingDays'

/**
 * Reads a formal-action row (issue 6 owns its full shape) for the bundle. Only the fields the
 * contract names are relied on; grounds and clauses are read if present in any of the shapes
 * the formal-action feature may use, so the bundle degrades to "not recorded" rather than failing.
 */
export interface FormalActionApproval {
  level?: string
  /** A later change voided this approval (LEGAL-NOTES §4: a change after approval voids it). */
  voided?: string
  by: string
  byName?: string
  role?: string
  decision: string
  reasons: string
  at: string
}

export interface FormalActionForBundle {
  id: string
  kind: string
  status: string
  againstPersonIds: string[]
  authorId: string
  createdAt: string
  grounds: string[]
  tenancyClauses: string[]
  actionSought: string
  /** Particulars drafted for the notice: why each ground applies. [LEGAL-NOTES §2 item 4] */
  particulars: string
  /** Incidents the particulars are drafted from: the default allegations for the Scott schedule. */
  incidentIds: string[]
  approvals: FormalActionApproval[]
}

/** Statuses at which a manager's approval has been given. [LEGAL-NOTES §4 item 14] */
export const approvedStatuses = ['approved', 'served'] as const

export function isApprovedFormalAction(row: LooseRow): boolean {
  return typeof row.status === 'string' && (approvedStatuses as readonly string[]).includes(row.status)
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

function textList(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : []
  if (!Array.isArray(value)) return []
  return value.flatMap((item) => {
    if (typeof item === 'string') return item ? [item] : []
    if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>
      const label = [str(o.number ?? o.ground ?? o.id), str(o.title ?? o.label ?? o.name)].filter(Boolean).join(' — ')
      const text = str(o.text ?? o.wording ?? o.limb ?? o.clause ?? o.description)
      const line = [label, text].filter(Boolean).join(': ')
      return line ? [line] : []
    }
    return []
  })
}

/** "Ground 14 (Housing Act 1988 Schedule 2) — Nuisance or annoyance…, limb(s) a, aa" from the formal action's ground choice. */
function groundLines(value: unknown): string[] {
  if (!Array.isArray(value)) return textList(value)
  return value.flatMap((item) => {
    if (!item || typeof item !== 'object' || typeof (item as Record<string, unknown>).ground !== 'string') return textList([item])
    const choice = item as { ground: string; limbs?: string[]; condition?: number }
    const rule = shippedRuleSet.grounds.find((g) => g.id === choice.ground)
    const label = rule ? `${rule.number} (${rule.schedule}) — ${rule.title}` : `Ground ${choice.ground}`
    const limbs = choice.limbs?.length ? `; limb${choice.limbs.length > 1 ? 's' : ''} (${choice.limbs.join('), (')})` : ''
    const condition = choice.condition ? `; condition ${choice.condition}` : ''
    return [`${label}${limbs}${condition}`]
  })
}

function clauseLines(row: LooseRow): string[] {
  const direct = textList(row.tenancyClauses ?? row.tenancyClause ?? row.clauses ?? row.clause)
  const fromGrounds = Array.isArray(row.grounds) ? (row.grounds as Record<string, unknown>[]).map((g) => (g && typeof g === 'object' ? str(g.clause) : '')).filter(Boolean) : []
  return [...new Set([...direct, ...fromGrounds])]
}

function voidedText(voided: Record<string, unknown>): string {
  const at = str(voided.at)
  return `voided${/^\d{4}-\d{2}-\d{2}/.test(at) ? ` ${ukDate(at)}` : ''}: ${str(voided.reason) || 'no reason recorded'}`
}

export function readFormalAction(row: LooseRow): FormalActionForBundle {
  const approvals = Array.isArray(row.approvals) ? (row.approvals as Record<string, unknown>[]) : []
  return {
    id: row.id,
    kind: str(row.kind) || 'formal action',
    status: str(row.status),
    againstPersonIds: Array.isArray(row.againstPersonIds) ? (row.againstPersonIds as unknown[]).map(str).filter(Boolean) : [],
    authorId: str(row.authorId),
    createdAt: str(row.createdAt),
    grounds: groundLines(row.grounds ?? row.ground),
    tenancyClauses: clauseLines(row),
    actionSought: str(row.actionSought ?? row.summary),
    particulars: str(row.particulars),
    incidentIds: Array.isArray(row.incidentIds) ? (row.incidentIds as unknown[]).map(str).filter(Boolean) : [],
    approvals: approvals
      .filter((a) => a && typeof a === 'object')
      .map((a) => ({
        level: str(a.level) || undefined,
        voided: a.voided && typeof a.voided === 'object' ? voidedText(a.voided as Record<string, unknown>) : undefined,
        by: str(a.by ?? a.userId ?? a.approverId),
        byName: str(a.byName ?? a.name) || undefined,
        role: str(a.asTitle ?? a.role ?? a.stage) || undefined,
        decision: str(a.decision ?? a.outcome) || 'approved',
        reasons: str(a.reasons ?? a.reason ?? a.note),
        at: str(a.at ?? a.date ?? a.decidedAt),
      })),
  }
}

/** The action the bundle is for: the most recently approved one. */
export function latestApprovedFormalAction(rows: LooseRow[]): FormalActionForBundle | undefined {
  const approved = rows.filter(isApprovedFormalAction).map(readFormalAction)
  approved.sort((a, b) => latestApprovalAt(b).localeCompare(latestApprovalAt(a)) || b.createdAt.localeCompare(a.createdAt))
  return approved[0]
}

function latestApprovalAt(action: FormalActionForBundle): string {
  return action.approvals.map((a) => a.at).sort().at(-1) ?? action.createdAt
}
