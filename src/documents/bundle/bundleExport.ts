import JSZip from 'jszip'
import { assembleBundle, type AssembledBundle, type BundleInput } from '@/domain/bundle/bundleContent'
import { buildManifest, MANIFEST_FILE, manifestSchema, verifyAgainstManifest, type BundleManifest, type BundleVerification } from '@/domain/bundle/manifest'
import { findConfidentialTraces } from '@/domain/bundle/redaction'
import { PolicyRefusal } from '@/domain/validation'
import { checkConfidentiality } from '../confidentialityGuard'
import { buildBundleDocx, buildBundleParts, yieldToUi, type ProgressReporter } from './bundleDocument'

export { BUNDLE_TEMPLATE_VERSION } from './bundleDocument'
import { docxParagraphs } from './docxText'

export interface BundleFile {
  name: string
  bytes: Uint8Array
}

export interface BundlePart extends BundleFile {
  title: string
  kind: 'bundle' | 'bundle part' | 'witness statement' | 'exhibit'
  /** For exhibits: the stored document or evidence the file is. */
  sourceId?: string
}

export interface BuiltBundle {
  assembled: AssembledBundle
  docx: BundleFile
  parts: BundlePart[]
  zip: BundleFile
  manifest: BundleManifest
}

export interface BundleBuildRequest extends Omit<BundleInput, 'servedTexts'> {
  /** Exact stored bytes of each served document, by document id. */
  servedBytes: Map<string, Uint8Array>
  /** Evidence file bytes by evidence id (only sent to the legal team). */
  evidenceBytes: Map<string, Uint8Array>
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '-')
}

/**
 * Runs the confidentiality guard and the bundle's own trace check over finished text. A disclosure
 * goes to the respondent, so their own details are "on the envelope" and not findings. Throws
 * with every finding: the bundle is not produced.
 */
function guardDisclosure(assembled: AssembledBundle, texts: { where: string; text: string }[]): void {
  if (assembled.content.recipient === 'legal team') return
  const respondentId = assembled.content.summary.parties.find((p) => p.role === 'alleged perpetrator')?.personId
  const problems: string[] = []
  for (const { where, text } of texts) {
    // One "paragraph" per section or file: the guard's findings name the section, and a big case
    // is checked in one pass instead of thousands.
    for (const f of checkConfidentiality([{ number: 1, section: 'body', text }], assembled.parties, respondentId)) problems.push(`${where}: the ${f.detail} of a confidential ${f.role} ("${f.excerpt}")`)
  }
  for (const t of findConfidentialTraces(assembled.plan, texts)) problems.push(`${t.where}: the ${t.kind} of ${t.pseudonym}`)
  if (problems.length) throw new PolicyRefusal(`The ${assembled.content.recipient} bundle was not produced: the confidentiality check found ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? ` and ${problems.length - 8} more` : ''}.`)
}

/**
 * Builds everything the officer exports: the single .docx, each part, and the .zip with
 * manifest.json. Progress runs 0 → 1 across the steps.
 */
export async function buildBundle(request: BundleBuildRequest, onProgress: ProgressReporter = () => {}): Promise<BuiltBundle> {
  onProgress(0, 'Reading the served documents')
  const servedTexts = new Map<string, string[]>()
  for (const [id, bytes] of request.servedBytes) servedTexts.set(id, await docxParagraphs(bytes))
  await yieldToUi()
  const assembled = assembleBundle({ ...request, servedTexts })
  const { content, report } = assembled
  // The guard runs once, on the text read back out of every finished file (below): the whole
  // bundle holds every section, so nothing escapes it.
  const docxBytes = await buildBundleDocx(content, report, onProgress)
  const parts = await buildBundleParts(content, report, onProgress)
  const docxName = `${content.caseRef} case bundle (${safeName(content.recipient)}).docx`
  const exhibitFiles: BundlePart[] = []
  for (const d of content.served) {
    // A served document whose text had to be redacted stays out in its original form.
    if (d.redacted) continue
    const bytes = request.servedBytes.get(d.documentId)
    if (bytes) exhibitFiles.push({ name: `exhibits/${safeName(d.exhibitNumber)} ${safeName(d.fileName)}`, bytes, title: `Exhibit ${d.exhibitNumber}`, kind: 'exhibit', sourceId: d.documentId })
  }
  if (content.includeEvidenceFiles) {
    for (const e of content.exhibits.filter((x) => x.source === 'evidence')) {
      const bytes = request.evidenceBytes.get(e.sourceId)
      if (bytes) exhibitFiles.push({ name: `exhibits/${safeName(e.exhibitNumber)} ${safeName(e.fileName)}`, bytes, title: `Exhibit ${e.exhibitNumber}`, kind: 'exhibit', sourceId: e.sourceId })
    }
  }
  onProgress(0.92, 'Checking the finished files')
  const readBack: { where: string; text: string }[] = [{ where: docxName, text: (await docxParagraphs(docxBytes)).join('\n') }]
  for (const p of parts) readBack.push({ where: p.name, text: (await docxParagraphs(p.bytes)).join('\n') })
  for (const f of exhibitFiles.filter((x) => x.name.endsWith('.docx'))) readBack.push({ where: f.name, text: (await docxParagraphs(f.bytes)).join('\n') })
  guardDisclosure(assembled, readBack)
  const allFiles: BundlePart[] = [{ name: docxName, bytes: docxBytes, title: `Case bundle ${content.caseRef}`, kind: 'bundle' }, ...parts.map((p) => ({ ...p })), ...exhibitFiles]
  const manifest = buildManifest({ caseRef: content.caseRef, recipient: content.recipient, createdAt: content.preparedAt, createdBy: content.preparedBy }, allFiles)
  onProgress(0.96, 'Zipping')
  const zip = new JSZip()
  // .docx files are zips already: stored as they are, not compressed twice.
  for (const f of allFiles) zip.file(f.name, f.bytes, { binary: true, date: new Date(content.preparedAt), compression: f.name.endsWith('.docx') ? 'STORE' : 'DEFLATE' })
  zip.file(MANIFEST_FILE, JSON.stringify(manifest, null, 2), { date: new Date(content.preparedAt) })
  const zipBytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
  onProgress(1, 'Done')
  return {
    assembled,
    docx: { name: docxName, bytes: docxBytes },
    parts: allFiles.slice(1),
    zip: { name: `${content.caseRef} case bundle (${safeName(content.recipient)}).zip`, bytes: zipBytes },
    manifest,
  }
}

/**
 * "Verify bundle": checks a received zip against its manifest.json, naming each file that
 * changed, went missing or was added.
 */
export async function verifyBundleZip(bytes: Uint8Array): Promise<BundleVerification> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    return { ok: false, checked: 0, problems: [], message: 'This file is not a zip: choose the .zip exported from "Case bundle".' }
  }
  const manifestFile = zip.file(MANIFEST_FILE)
  if (!manifestFile) return { ok: false, checked: 0, problems: [{ file: MANIFEST_FILE, problem: 'missing' }], message: 'The zip has no manifest.json, so it cannot be verified.' }
  let manifest: BundleManifest
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await manifestFile.async('string')))
    if (!parsed.success) return { ok: false, checked: 0, problems: [{ file: MANIFEST_FILE, problem: 'changed' }], message: `manifest.json is not a valid bundle manifest: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'} ${i.message}`).join('; ')}.` }
    manifest = parsed.data
  } catch {
    return { ok: false, checked: 0, problems: [{ file: MANIFEST_FILE, problem: 'changed' }], message: 'manifest.json is not readable JSON, so the bundle cannot be verified.' }
  }
  const files: BundleFile[] = []
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name === MANIFEST_FILE) continue
    files.push({ name: entry.name, bytes: await entry.async('uint8array') })
  }
  return verifyAgainstManifest(manifest, files)
}
