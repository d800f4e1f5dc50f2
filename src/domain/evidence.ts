import { fileTypeFromBuffer, type FileTypeResult } from 'file-type'
import { z } from 'zod'
import { PolicyRefusal } from './validation'
import { ukDate } from './workingDays'

/**
 * Evidence files on incidents (issue 11): photos, recordings, video, police letters and emails the
 * officer receives. Courts ask where a file came from and whether it changed since it was received,
 * so each file records its source, its SHA-256 and who added it, and is never changed afterwards.
 * Diary sheets carry "evidence (photos, recordings, CCTV, police reference)" — POLICY-RULES §4, [001 §12.2].
 */

/** Where a file came from: asked by the court when it is exhibited. */
export const evidenceSources = ['reporter', 'witness', 'officer', 'police', 'app export'] as const
export type EvidenceSource = (typeof evidenceSources)[number]

export const evidenceSourceLabels: Record<EvidenceSource, string> = {
  reporter: 'The reporter',
  witness: 'A witness',
  officer: 'An officer (taken by us)',
  police: 'The police',
  'app export': 'Exported from a noise or reporting app',
}

/** How a file is previewed on the case page. */
export type EvidenceKind = 'image' | 'audio' | 'video' | 'pdf' | 'email' | 'document'

/** A stored evidence file (table `evidence`; shape agreed in common-contracts). */
export interface EvidenceRecord {
  id: string
  caseId: string
  incidentId: string
  fileName: string
  mimeType: string
  size: number
  /** Lower-case hex SHA-256 of the exact bytes stored. */
  sha256: string
  source: EvidenceSource
  /** When the photo/recording was made, if known (ISO date-time). */
  capturedAt?: string
  note?: string
  addedBy: string
  addedAt: string
  /** The file itself. Never replaced: a corrected file is a new row. */
  blob: Blob
  /** Removal keeps the row (and the blob): the hash stays on record for the court. */
  removed?: { at: string; by: string; reason: string }
  /** Allocated by the bundle feature (issue 8) when first exhibited, e.g. "JS/3"; stable afterwards. */
  exhibitNumber?: string
}

/** What the case page holds: the row without its (possibly large) blob. */
export type EvidenceMeta = Omit<EvidenceRecord, 'blob'>

/**
 * One accepted type. `sniffed` lists what `file-type` may report for the file's first bytes: the
 * extension must agree with the content, so a program renamed "photo.png" is refused.
 */
export interface EvidenceType {
  extensions: string[]
  label: string
  kind: EvidenceKind
  mimeType: string
  /** Extensions file-type reports for genuine files of this type. Empty = text, checked separately. */
  sniffed: string[]
  /** Whether Chromium can show it inline (HEIC cannot: it is offered as a download). */
  previewable: boolean
}

/** The accepted evidence types (issue 11). */
export const evidenceTypes: EvidenceType[] = [
  { extensions: ['jpg', 'jpeg'], label: 'JPEG photo', kind: 'image', mimeType: 'image/jpeg', sniffed: ['jpg'], previewable: true },
  { extensions: ['png'], label: 'PNG image', kind: 'image', mimeType: 'image/png', sniffed: ['png'], previewable: true },
  // iPhone photos. Chromium cannot display HEIC, so it is kept and offered as a download.
  { extensions: ['heic', 'heif'], label: 'HEIC photo', kind: 'image', mimeType: 'image/heic', sniffed: ['heic'], previewable: false },
  { extensions: ['mp3'], label: 'MP3 recording', kind: 'audio', mimeType: 'audio/mpeg', sniffed: ['mp3'], previewable: true },
  // Voice-memo apps write M4A in an MP4 container, some with a generic "mp42"/"isom" brand.
  { extensions: ['m4a'], label: 'M4A recording', kind: 'audio', mimeType: 'audio/mp4', sniffed: ['m4a', 'mp4'], previewable: true },
  { extensions: ['wav'], label: 'WAV recording', kind: 'audio', mimeType: 'audio/wav', sniffed: ['wav'], previewable: true },
  { extensions: ['ogg', 'oga', 'opus'], label: 'Ogg recording', kind: 'audio', mimeType: 'audio/ogg', sniffed: ['ogg', 'oga', 'opus'], previewable: true },
  { extensions: ['mp4', 'm4v'], label: 'MP4 video', kind: 'video', mimeType: 'video/mp4', sniffed: ['mp4', 'm4v', 'm4a'], previewable: true },
  { extensions: ['webm'], label: 'WebM video', kind: 'video', mimeType: 'video/webm', sniffed: ['webm'], previewable: true },
  { extensions: ['pdf'], label: 'PDF document', kind: 'pdf', mimeType: 'application/pdf', sniffed: ['pdf'], previewable: false },
  { extensions: ['eml'], label: 'Email (.eml)', kind: 'email', mimeType: 'message/rfc822', sniffed: [], previewable: false },
  // Outlook messages are OLE compound files; file-type reports the container ("cfb").
  { extensions: ['msg'], label: 'Outlook email (.msg)', kind: 'email', mimeType: 'application/vnd.ms-outlook', sniffed: ['cfb'], previewable: false },
  { extensions: ['docx'], label: 'Word document', kind: 'document', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sniffed: ['docx'], previewable: false },
]

/** For the file picker's `accept` attribute. */
export const evidenceAccept = evidenceTypes.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(',')

const acceptedInWords = 'photos (JPEG, PNG, HEIC), recordings (MP3, M4A, WAV, OGG), video (MP4, WebM), PDF, emails (.eml, .msg) and Word documents (.docx)'

export type EvidenceRefusalCode = 'empty' | 'type not accepted' | 'content mismatch' | 'too large' | 'duplicate' | 'no space' | 'unreadable'

/** A file was refused; the message names the file and says what to do. Nothing was stored. */
export class EvidenceRefusal extends PolicyRefusal {
  readonly code: EvidenceRefusalCode
  readonly fileName: string
  constructor(code: EvidenceRefusalCode, fileName: string, why: string) {
    super(`"${fileName}" was not added: ${why}`)
    this.name = 'EvidenceRefusal'
    this.code = code
    this.fileName = fileName
  }
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : ''
}

export function evidenceTypeForName(fileName: string): EvidenceType | undefined {
  const ext = extensionOf(fileName)
  return evidenceTypes.find((t) => t.extensions.includes(ext))
}

export function evidenceTypeForMime(mimeType: string): EvidenceType | undefined {
  return evidenceTypes.find((t) => t.mimeType === mimeType)
}

/** "12 bytes", "850 KB", "1.2 MB", "2.05 GB" — sizes as an officer reads them (1 MB = 1,048,576 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`
}

/** Names for what a mismatched file really looks like, so the refusal can say so. */
const sniffedDescriptions: Record<string, string> = {
  exe: 'a Windows program', elf: 'a Linux program', macho: 'a Mac program', zip: 'a zip archive', rar: 'a RAR archive',
  '7z': 'a 7-Zip archive', gz: 'a gzip archive', cfb: 'an Office 97–2003 file', jpg: 'a JPEG photo', png: 'a PNG image',
  gif: 'a GIF image', webp: 'a WebP image', heic: 'a HEIC photo', mp3: 'an MP3 recording', wav: 'a WAV recording',
  mp4: 'an MP4 video', m4a: 'an M4A recording', webm: 'a WebM video', pdf: 'a PDF document', docx: 'a Word document',
  xlsx: 'an Excel workbook', pptx: 'a PowerPoint file', mov: 'a QuickTime video', avi: 'an AVI video', ogg: 'an Ogg recording',
}

function describeSniffed(found: FileTypeResult | undefined): string {
  if (!found) return 'its first bytes are not those of any recognised file type'
  return `its first bytes are those of ${sniffedDescriptions[found.ext] ?? `a .${found.ext} file (${found.mime})`}`
}

function mismatch(fileName: string, type: EvidenceType, found: FileTypeResult | undefined, extra = ''): EvidenceRefusal {
  return new EvidenceRefusal('content mismatch', fileName,
    `its content does not match its .${extensionOf(fileName)} extension (${describeSniffed(found)}${extra}). It may have been renamed or damaged — ask for the original ${type.label.toLowerCase()}.`)
}

/** Finds an ASCII string in bytes (used to look inside zip directories and OLE names). */
function containsAscii(bytes: Uint8Array, text: string, from = 0, to = bytes.length): boolean {
  const first = text.charCodeAt(0)
  const end = Math.min(to, bytes.length) - text.length
  outer: for (let i = from; i <= end; i++) {
    if (bytes[i] !== first) continue
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer
    return true
  }
  return false
}

/**
 * An .eml is plain text: RFC 5322 header lines ("From: …", "Subject: …") before the first blank
 * line. Binary content, or a first block without the usual header fields, is not an email.
 */
export function looksLikeEmail(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64 * 1024)
  if (head.includes(0)) return false
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head)
  const lines = text.split(/\r?\n/)
  const names = new Set<string>()
  for (const [i, line] of lines.entries()) {
    if (line === '') break
    if (i === 0 && line.startsWith('From ')) continue // mbox separator line from some exports
    if (/^[ \t]/.test(line)) continue // folded continuation of the previous header
    const match = /^([A-Za-z][A-Za-z0-9-]*):/.exec(line)
    if (!match) return false
    names.add(match[1].toLowerCase())
  }
  const emailHeaders = ['from', 'to', 'date', 'subject', 'received', 'message-id', 'return-path', 'mime-version', 'cc', 'reply-to']
  return emailHeaders.filter((h) => names.has(h)).length >= 2 && (names.has('from') || names.has('received'))
}

/** Decodes RFC 2047 encoded words ("=?utf-8?B?…?=") in a header value, as mail clients show them. */
function decodeEncodedWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (whole, charset: string, encoding: string, text: string) => {
    try {
      const bytes = encoding.toUpperCase() === 'B'
        ? Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
        : Uint8Array.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), (c) => c.charCodeAt(0))
      return new TextDecoder(charset).decode(bytes)
    } catch {
      return whole
    }
  })
}

export interface EmailSummary {
  from: string
  to: string
  subject: string
  date: string
}

/**
 * The header lines an officer checks on a saved email (.eml) without opening it elsewhere:
 * who sent it, to whom, when, and the subject.
 */
export function emailSummary(bytes: Uint8Array): EmailSummary {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64 * 1024))
  const headerBlock = text.split(/\r?\n\r?\n/, 1)[0]
  // Unfold continuation lines (RFC 5322 §2.2.3) before reading fields.
  const lines = headerBlock.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)
  const field = (name: string) => {
    const line = lines.find((l) => l.toLowerCase().startsWith(`${name}:`))
    return line ? decodeEncodedWords(line.slice(name.length + 1).trim()) : ''
  }
  return { from: field('from'), to: field('to'), subject: field('subject'), date: field('date') }
}

/**
 * An Outlook .msg is an OLE compound file whose directory holds "__substg1.0_…" property streams
 * (MS-OXMSG §2.1); a Word 97 .doc is the same container with "WordDocument" instead. The first
 * directory sector always holds the root entry and the first streams, so it is enough to check.
 */
export function looksLikeOutlookMessage(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return false
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const sectorShift = view.getUint16(0x1e, true)
  if (sectorShift !== 9 && sectorShift !== 12) return false
  const sectorSize = 1 << sectorShift
  const firstDirectorySector = view.getUint32(0x30, true)
  const start = (firstDirectorySector + 1) * sectorSize
  if (start + 128 > bytes.length) return false
  for (let entry = start; entry + 128 <= Math.min(start + sectorSize, bytes.length); entry += 128) {
    // Name: up to 31 UTF-16LE characters; the length field counts bytes including the final NUL.
    const characters = Math.max(0, Math.min(view.getUint16(entry + 0x40, true), 64) / 2 - 1)
    let name = ''
    for (let i = 0; i < characters; i++) name += String.fromCharCode(view.getUint16(entry + i * 2, true))
    if (/^__(substg1\.0_|properties_version1\.0|nameid_version1\.0|recip_version1\.0_|attach_version1\.0_)/.test(name)) return true
  }
  return false
}

/**
 * Checks a file's content against its extension, from its bytes (not its name, not the type the
 * browser guessed). Throws an EvidenceRefusal naming the problem; returns the accepted type.
 */
export async function sniffEvidence(fileName: string, bytes: Uint8Array): Promise<EvidenceType> {
  if (bytes.length === 0) {
    throw new EvidenceRefusal('empty', fileName, 'the file is empty (0 bytes). Copy it again from the phone, camera or app and try once more.')
  }
  const type = evidenceTypeForName(fileName)
  if (!type) {
    const ext = extensionOf(fileName)
    throw new EvidenceRefusal('type not accepted', fileName,
      `${ext ? `.${ext} files are` : 'a file without an extension is'} not accepted as evidence. Accepted: ${acceptedInWords}.`)
  }
  const found = await fileTypeFromBuffer(bytes)
  if (type.sniffed.length === 0) {
    // Text formats: nothing binary may be detected, and the text must read as an email.
    if (found || !looksLikeEmail(bytes)) throw mismatch(fileName, type, found, found ? '' : '; it does not start with email header lines such as From: and Subject:')
    return type
  }
  if (!found || !type.sniffed.includes(found.ext)) throw mismatch(fileName, type, found)
  if (type.extensions.includes('msg') && !looksLikeOutlookMessage(bytes)) {
    throw mismatch(fileName, type, found, ', but not an Outlook message — perhaps an old Word or Excel file')
  }
  // A .docx is a zip holding word/document.xml (ECMA-376 Part 1 §11.3.10).
  if (type.extensions.includes('docx') && !containsAscii(bytes, 'word/document.xml')) {
    throw mismatch(fileName, type, found, ', but without the Word document part')
  }
  return type
}

/** The per-file size limit (a setting, default 200 MB). */
export function checkEvidenceSize(fileName: string, size: number, maxFileSizeMb: number): void {
  const limit = maxFileSizeMb * 1024 * 1024
  if (size > limit) {
    throw new EvidenceRefusal('too large', fileName,
      `it is ${formatFileSize(size)}, over the ${maxFileSizeMb} MB limit for one evidence file (Settings → Evidence files). Ask for a shorter clip or a compressed copy.`)
  }
}

/** `navigator.storage.estimate()`'s answer, when the platform gives one. */
export interface StorageEstimateLike {
  usage?: number
  quota?: number
}

/**
 * Refuses a file that would not fit in the space the browser allows this app, keeping a reserve so
 * the caseload itself can still be saved. No estimate (older platform): nothing to check.
 */
export function checkFitsStorage(fileName: string, size: number, estimate: StorageEstimateLike | undefined, reserveMb: number): void {
  if (!estimate || estimate.quota === undefined || estimate.usage === undefined) return
  const reserve = reserveMb * 1024 * 1024
  const free = Math.max(0, estimate.quota - estimate.usage - reserve)
  if (size > free) {
    throw new EvidenceRefusal('no space', fileName,
      `it needs ${formatFileSize(size)} but only ${formatFileSize(free)} is free for the caseload on this computer (after keeping ${reserveMb} MB in reserve). Free some disk space, then try again.`)
  }
}

/** A file already on the case with the same SHA-256 (removed files do not count: re-adding one is allowed). */
export function findDuplicate<T extends Pick<EvidenceMeta, 'sha256' | 'removed'>>(sha256: string, onCase: T[]): T | undefined {
  return onCase.find((e) => e.sha256 === sha256 && !e.removed)
}

export function duplicateRefusal(fileName: string, existing: Pick<EvidenceMeta, 'fileName' | 'addedAt'>): EvidenceRefusal {
  return new EvidenceRefusal('duplicate', fileName,
    `it is identical (same SHA-256) to "${existing.fileName}", already on this case since ${ukDate(existing.addedAt)}. The same file is kept once.`)
}

/** Evidence files still on an incident (removed ones excluded): shown on the timeline and incident. */
export function evidenceCountForIncident(evidence: readonly { incidentId?: unknown; removed?: unknown }[], incidentId: string): number {
  return evidence.filter((e) => e.incidentId === incidentId && !e.removed).length
}

/** Counts per incident in one pass, for lists of many incidents. */
export function evidenceCountsByIncident(evidence: readonly Record<string, unknown>[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const e of evidence) {
    if (e.removed || typeof e.incidentId !== 'string') continue
    counts.set(e.incidentId, (counts.get(e.incidentId) ?? 0) + 1)
  }
  return counts
}

/** The officer's description of a batch of files (everything but the bytes). */
export const evidenceDetailsSchema = z.object({
  caseId: z.string().min(1, 'is required'),
  incidentId: z.string().min(1, 'is required'),
  source: z.enum(evidenceSources, { message: 'choose where the file came from' }),
  capturedAt: z.iso.datetime({ local: true, offset: true, message: 'must be a date and time' }).optional(),
  note: z.string().trim().max(1000, 'must be 1,000 characters or fewer').optional(),
})
export type EvidenceDetails = z.input<typeof evidenceDetailsSchema>
export type ValidEvidenceDetails = z.output<typeof evidenceDetailsSchema>

/** A capture time later than now is a typing mistake (a minute's allowance for clock drift). */
export function capturedAtProblem(capturedAt: string | undefined, now: Date): string | undefined {
  if (!capturedAt) return undefined
  const when = new Date(capturedAt)
  if (Number.isNaN(when.getTime())) return 'must be a date and time'
  if (when.getTime() > now.getTime() + 60_000) return 'cannot be in the future'
  return undefined
}

export const evidenceRemovalSchema = z.object({
  reason: z.string().trim().min(5, 'give a reason of at least 5 characters (it is kept in the audit trail)').max(1000, 'must be 1,000 characters or fewer'),
})
