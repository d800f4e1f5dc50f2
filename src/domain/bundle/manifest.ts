import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { z } from 'zod'
import { bundleRecipients } from './wording'

/**
 * manifest.json inside an exported bundle zip: what was sent, so the receiving team can check
 * that nothing changed in transit (every file's SHA-256 and size, the case, when and by whom).
 */
export const MANIFEST_FILE = 'manifest.json'

export const manifestSchema = z.object({
  format: z.literal('asb-workstation-bundle'),
  formatVersion: z.literal(1),
  caseRef: z.string().min(1),
  recipient: z.enum(bundleRecipients),
  createdAt: z.string().min(1),
  createdBy: z.string().min(1),
  files: z.array(z.object({
    name: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
    size: z.number().int().min(0),
  })).min(1, 'lists no files'),
})
export type BundleManifest = z.infer<typeof manifestSchema>

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes))
}

export function buildManifest(meta: Omit<BundleManifest, 'format' | 'formatVersion' | 'files'>, files: { name: string; bytes: Uint8Array }[]): BundleManifest {
  return {
    format: 'asb-workstation-bundle',
    formatVersion: 1,
    ...meta,
    files: files.map((f) => ({ name: f.name, sha256: sha256Hex(f.bytes), size: f.bytes.byteLength })),
  }
}

export interface VerificationProblem {
  file: string
  problem: 'changed' | 'missing' | 'not in the manifest' | 'size differs'
}

export interface BundleVerification {
  ok: boolean
  caseRef?: string
  checked: number
  problems: VerificationProblem[]
  /** One sentence for the screen, naming every file that failed. */
  message: string
}

/** Checks received files against the manifest: every listed file present, same size, same hash; nothing extra. */
export function verifyAgainstManifest(manifest: BundleManifest, files: { name: string; bytes: Uint8Array }[]): BundleVerification {
  const byName = new Map(files.map((f) => [f.name, f.bytes]))
  const problems: VerificationProblem[] = []
  for (const listed of manifest.files) {
    const bytes = byName.get(listed.name)
    if (!bytes) problems.push({ file: listed.name, problem: 'missing' })
    else if (bytes.byteLength !== listed.size) problems.push({ file: listed.name, problem: 'size differs' })
    else if (sha256Hex(bytes) !== listed.sha256) problems.push({ file: listed.name, problem: 'changed' })
  }
  const listedNames = new Set(manifest.files.map((f) => f.name))
  for (const f of files) if (f.name !== MANIFEST_FILE && !listedNames.has(f.name)) problems.push({ file: f.name, problem: 'not in the manifest' })
  const ok = problems.length === 0
  return {
    ok,
    caseRef: manifest.caseRef,
    checked: manifest.files.length,
    problems,
    message: ok
      ? `All ${manifest.files.length} files of the ${manifest.caseRef} bundle match the manifest: nothing changed in transit.`
      : `The ${manifest.caseRef} bundle does not match its manifest: ${problems.map((p) => `${p.file} (${p.problem === 'size differs' ? 'changed: size differs' : p.problem})`).join('; ')}.`,
  }
}
