import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/**
 * The audit trail: append-only, each entry chained to the one before by SHA-256, so a changed,
 * deleted or reordered entry is detectable. Hashing is synchronous (@noble/hashes) on purpose:
 * the entry is written inside the same IndexedDB transaction as the change it records, and an
 * awaited WebCrypto promise would let that transaction commit early.
 */
export interface AuditEntry {
  seq: number
  at: string
  userId: string
  caseId?: string
  entity: string
  entityId: string
  action: string
  before?: unknown
  after?: unknown
  prevHash: string
  hash: string
}

export const GENESIS_HASH = '0'.repeat(64)

/** Binary values are recorded by hash and size, not copied into the audit trail. */
function auditable(value: unknown): unknown {
  if (value instanceof Uint8Array) return { sha256: sha256Hex(value), size: value.byteLength }
  if (typeof Blob !== 'undefined' && value instanceof Blob) return { blob: true, size: value.size, type: value.type }
  if (value instanceof ArrayBuffer) return auditable(new Uint8Array(value))
  if (Array.isArray(value)) return value.map(auditable)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, auditable(v)]))
  }
  return value
}

/** Makes a value safe and stable to store in an audit entry. */
export function auditSnapshot(value: unknown): unknown {
  return value === undefined ? undefined : auditable(value)
}

/** JSON with object keys sorted, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes))
}

export function auditHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  // The hash is not part of what it hashes.
  const { prevHash, hash: _ownHash, ...body } = entry
  return sha256Hex(utf8ToBytes(`${prevHash}\n${canonicalJson(body)}`))
}

export type ChainCheck = { ok: true; checked: number } | { ok: false; checked: number; brokenAtSeq: number; problem: string }

/**
 * Walks entries in seq order and reports the first one that does not fit the chain: a gap in seq
 * (a deleted entry), a prevHash that is not the previous entry's hash (reordered or removed), or a
 * hash that does not match the entry's content (edited).
 */
export function checkAuditChain(entries: Iterable<AuditEntry>): ChainCheck {
  let prev: AuditEntry | undefined
  let checked = 0
  for (const entry of entries) {
    const expectedSeq = prev ? prev.seq + 1 : 1
    if (entry.seq !== expectedSeq) {
      return { ok: false, checked, brokenAtSeq: expectedSeq, problem: `entry ${expectedSeq} is missing (the next entry found is ${entry.seq})` }
    }
    const expectedPrev = prev ? prev.hash : GENESIS_HASH
    if (entry.prevHash !== expectedPrev) {
      return { ok: false, checked, brokenAtSeq: entry.seq, problem: `entry ${entry.seq} does not follow entry ${prev ? prev.seq : 'start'} (the chain was reordered or an entry removed)` }
    }
    if (auditHash(entry) !== entry.hash) {
      return { ok: false, checked, brokenAtSeq: entry.seq, problem: `entry ${entry.seq} was changed after it was written` }
    }
    prev = entry
    checked++
  }
  return { ok: true, checked }
}
