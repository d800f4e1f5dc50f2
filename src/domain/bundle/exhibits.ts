import type { CaseFile, LooseRow } from '../caseFile'
import type { DocumentRecord } from '../caseRecords'

/**
 * Exhibit numbers: the producing officer's initials and a running number ("JS/1", "JS/2" …), the
 * form used in witness statements under CPR PD 32 para 11.3. Once given, a number never changes,
 * so a statement that refers to "JS/3" stays right when more exhibits are added.
 */
export function exhibitLabel(initials: string, n: number): string {
  return `${initials}/${n}`
}

export function exhibitNumberOf(label: string | undefined): number | undefined {
  const match = label ? /\/(\d+)$/.exec(label) : null
  return match ? Number(match[1]) : undefined
}

/** Kinds that are the bundle itself: never exhibits of a bundle. */
export const bundleDocumentKinds = ['bundle', 'bundle part', 'witness statement']

export interface ExhibitCandidate {
  id: string
  source: 'document' | 'evidence'
  /** Date served (documents) or captured/added (evidence): the order new numbers are given in. */
  date: string
  exhibitNumber?: string
}

/**
 * Gives each candidate without a number the next running number, in date order. Existing numbers
 * are kept; the running number continues after the highest used on the case whatever its initials
 * (a reassigned case must not produce two "/4" exhibits).
 */
export function allocateExhibitNumbers(candidates: ExhibitCandidate[], initials: string): Map<string, string> {
  let highest = Math.max(0, ...candidates.map((c) => exhibitNumberOf(c.exhibitNumber) ?? 0))
  const fresh = candidates
    .filter((c) => !c.exhibitNumber)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.source === b.source ? 0 : a.source === 'document' ? -1 : 1) || a.id.localeCompare(b.id))
  const given = new Map<string, string>()
  for (const c of fresh) given.set(c.id, exhibitLabel(initials, ++highest))
  return given
}

type DocumentMeta = Omit<DocumentRecord, 'bytes'> & { exhibitNumber?: string }

/** Documents that count as exhibits: served, final, and not part of a bundle. */
export function servedDocuments(file: Pick<CaseFile, 'documents'>): DocumentMeta[] {
  return (file.documents as DocumentMeta[])
    .filter((d) => d.served && !d.draft && !bundleDocumentKinds.includes(d.kind))
    .sort((a, b) => (a.served?.date ?? '').localeCompare(b.served?.date ?? '') || a.createdAt.localeCompare(b.createdAt))
}

export interface EvidenceMeta {
  id: string
  incidentId?: string
  fileName: string
  mimeType: string
  size: number
  sha256: string
  source: string
  capturedAt?: string
  addedAt: string
  addedBy: string
  exhibitNumber?: string
}

/** Evidence files still on the case (a removed file keeps its row for the audit, not the bundle). */
export function currentEvidence(file: Pick<CaseFile, 'evidence'>): EvidenceMeta[] {
  return file.evidence
    .filter((e: LooseRow) => !e.removed)
    .map((e) => ({
      id: e.id,
      incidentId: typeof e.incidentId === 'string' ? e.incidentId : undefined,
      fileName: String(e.fileName ?? ''),
      mimeType: String(e.mimeType ?? ''),
      size: Number(e.size ?? 0),
      sha256: String(e.sha256 ?? ''),
      source: String(e.source ?? ''),
      capturedAt: typeof e.capturedAt === 'string' ? e.capturedAt : undefined,
      addedAt: String(e.addedAt ?? ''),
      addedBy: String(e.addedBy ?? ''),
      exhibitNumber: typeof e.exhibitNumber === 'string' ? e.exhibitNumber : undefined,
    }))
}

export function exhibitCandidates(file: Pick<CaseFile, 'documents' | 'evidence'>): ExhibitCandidate[] {
  return [
    ...servedDocuments(file).map((d) => ({ id: d.id, source: 'document' as const, date: d.served?.date ?? d.createdAt, exhibitNumber: d.exhibitNumber })),
    ...currentEvidence(file).map((e) => ({ id: e.id, source: 'evidence' as const, date: e.capturedAt ?? e.addedAt, exhibitNumber: e.exhibitNumber })),
  ]
}

export interface ExhibitRow {
  exhibitNumber: string
  source: 'document' | 'evidence'
  sourceId: string
  description: string
  fileName: string
  /** Date served (documents) or captured (evidence), ISO. */
  date: string
  /** Service method for documents; the evidence's source (e.g. "CCTV", "reporter's phone") otherwise. */
  method: string
  sha256: string
  size: number
  incidentId?: string
}

/** The exhibits list, in exhibit-number order. Rows without a number are left out (allocate first). */
export function exhibitsList(file: Pick<CaseFile, 'documents' | 'evidence'>): ExhibitRow[] {
  const rows: ExhibitRow[] = [
    ...servedDocuments(file).flatMap((d) => (d.exhibitNumber ? [{
      exhibitNumber: d.exhibitNumber, source: 'document' as const, sourceId: d.id,
      description: `${d.title} to ${d.recipientName}`, fileName: d.fileName, date: d.served?.date ?? d.createdAt,
      method: d.served?.method ?? '', sha256: d.sha256, size: d.size,
    }] : [])),
    ...currentEvidence(file).flatMap((e) => (e.exhibitNumber ? [{
      exhibitNumber: e.exhibitNumber, source: 'evidence' as const, sourceId: e.id,
      description: `${e.source ? `${e.source}: ` : ''}${e.fileName}`, fileName: e.fileName, date: e.capturedAt ?? e.addedAt,
      method: e.source, sha256: e.sha256, size: e.size, incidentId: e.incidentId,
    }] : [])),
  ]
  return rows.sort((a, b) => (exhibitNumberOf(a.exhibitNumber) ?? 0) - (exhibitNumberOf(b.exhibitNumber) ?? 0))
}
