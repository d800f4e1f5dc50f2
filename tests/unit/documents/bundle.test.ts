import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { allocateExhibits, loadBundleSources, storeBundle } from '@/data/repositories/bundles'
import { sha256Hex } from '@/domain/bundle/manifest'
import type { BundleRecipient } from '@/domain/bundle/wording'
import { BUNDLE_TEMPLATE_VERSION } from '@/documents/bundle/bundleDocument'
import { buildBundle, verifyBundleZip } from '@/documents/bundle/bundleExport'
import { insertBundleFixture } from '../helpers/bundleFixture'
import { freshDatabase } from '../helpers/db'
import { docxText, documentXml } from '../helpers/readDocx'

async function built(recipient: BundleRecipient, options: { extraIncidents?: number; tweak?: (database: Awaited<ReturnType<typeof freshDatabase>>) => Promise<unknown> } = {}) {
  const database = await freshDatabase()
  const fixture = await insertBundleFixture(database, { extraIncidents: options.extraIncidents })
  await options.tweak?.(database)
  await allocateExhibits(fixture.case.id, fixture.officer.id, database)
  const sources = await loadBundleSources(fixture.case.id, database)
  const progress: number[] = []
  const bundle = await buildBundle({
    file: sources.file, staff: sources.staff, organisation: sources.organisation.name, recipient, preparedBy: 'Jo Smith', preparedAt: '2026-11-20T10:00:00.000Z',
    servedBytes: sources.servedBytes, evidenceBytes: sources.evidenceBytes,
  }, (fraction) => progress.push(fraction))
  return { database, fixture, bundle, progress }
}

/** The text of one section of the bundle: from its heading (after the index) to the next heading. */
function section(text: string, heading: string, next: string): string {
  const start = text.indexOf(`${heading}\n`, text.indexOf('Sections and pages'))
  return text.slice(start, text.indexOf(`${next}\n`, start))
}

/** Text of every file in the zip: .docx read back as a reader sees it, anything else as text. */
async function zipTexts(zipBytes: Uint8Array): Promise<{ name: string; text: string }[]> {
  const zip = await JSZip.loadAsync(zipBytes)
  const out: { name: string; text: string }[] = []
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue
    const bytes = await entry.async('uint8array')
    out.push({ name: entry.name, text: entry.name.endsWith('.docx') ? await docxText(bytes) : new TextDecoder().decode(bytes) })
  }
  return out
}

describe('the case bundle document', () => {
  it('has an index (TOC field and a static index with page numbers), then every section in order', async () => {
    const { bundle, progress } = await built('legal team')
    const text = await docxText(bundle.docx.bytes)
    const xml = await documentXml(bundle.docx.bytes)
    expect(xml).toContain('TOC \\h \\o &quot;1-1&quot;')
    expect(xml).toMatch(/PAGEREF section_summary/)
    const order = ['Case bundle — ASB-2026-00042', 'Index', '1. Case summary', '2. Chronology', '3. Scott schedule', '4. Exhibits list', '5. Witness statement of Jo Smith', '6. Witness statement of Maya Okonjo', '7. Witness statement of Tom Reyes', '8. Gate records: proportionality, EIA and approval', '9. Documents served']
    const positions = order.map((h) => text.indexOf(`${h}\n`, h.startsWith('Case') || h === 'Index' ? 0 : text.indexOf('Sections and pages')))
    expect(positions.every((p) => p >= 0), JSON.stringify(order.filter((_, i) => positions[i] < 0))).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    // The static index gives each section a page number worked out from the layout.
    const indexRows = text.slice(text.indexOf('Sections and pages'), positions[2])
    expect(indexRows).toMatch(/\nChronology\npage \{PAGEREF section_chronology\}3\n/)
    expect(indexRows).toMatch(/\nDocuments served\npage \{PAGEREF section_served\}\d+/)
    expect(progress.at(-1)).toBe(1)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('summarises parties with tenure, the property, clause, ground, action sought, officer and approver', async () => {
    const { bundle } = await built('legal team')
    const text = await docxText(bundle.docx.bytes)
    for (const expected of [
      'Dean Harlow', 'alleged perpetrator', 'assured — tenancy T204417', 'Flat 7, 14 Kingfisher Way, Bristol, BS5 6XY',
      'Clause 4.1: not to cause or allow nuisance, annoyance or harassment to neighbours',
      'Ground 14 (Schedule 2 to the Housing Act 1988) — Nuisance, annoyance, illegal or immoral use; limb (a)',
      'Particulars\nOn 5 September 2026 there was shouting and banging on the shared landing after midnight.',
      'NOSP against Dean Harlow and Kerry Harlow', 'Case officer: Jo Smith', 'Approved by: Priya Shah (Tenancy Sustainability Manager), 5 October 2026',
    ]) expect(text, expected).toContain(expected)
  })

  it('lists exhibits with the SHA-256 of the exact stored bytes and appends the served documents in order', async () => {
    const { bundle, fixture } = await built('legal team')
    const text = await docxText(bundle.docx.bytes)
    expect(text).toContain(`JS/1\nAcknowledgement letter to Maya Okonjo\n3 September 2026\nfirst-class post\n${sha256Hex(fixture.acknowledgement.bytes)}`)
    expect(text).toContain(`JS/3\nWarning letter to Dean Harlow\n22 September 2026\nhand\n${sha256Hex(fixture.warningLetter.bytes)}`)
    const served = text.slice(text.indexOf('9. Documents served\n', text.indexOf('Sections and pages')))
    expect(served.indexOf('Exhibit JS/1: Acknowledgement letter')).toBeLessThan(served.indexOf('Exhibit JS/3: Warning letter'))
    expect(served).toContain('On 5 September 2026 there was shouting and banging on the shared landing after midnight.')
  })

  it('drafts witness statements in the civil format with the statement of truth marked for the lawyer', async () => {
    const { bundle } = await built('legal team')
    const text = await docxText(bundle.docx.bytes)
    const tom = section(text, '7. Witness statement of Tom Reyes', '8. Gate records: proportionality, EIA and approval')
    expect(tom).toContain('IN THE COUNTY COURT AT')
    expect(tom).toContain('WITNESS STATEMENT OF TOM REYES')
    expect(tom).toContain('1. I am Tom Reyes of 3 Heron Close, Bristol, BS5 7AB. I am a witness in this matter.')
    // Prefilled from the one incident Tom saw, with the exhibit to show him.
    expect(tom).toContain('3. On 5 September 2026 at 00:15, at Flat 7, 14 Kingfisher Way: Shouting and banging on the shared landing after midnight. [Exhibit JS/2 to be shown to the witness.]')
    expect(tom).toContain('FOR THE LEGAL TEAM TO CHECK: confirm the statement of truth wording')
    expect(tom).toContain('I believe that the facts stated in this witness statement are true.')
    expect(tom).not.toContain('Loud music again; neighbours knocked')
  })

  it('carries the gate records: the latest proportionality assessment, the EIA and the approval with dates', async () => {
    const { bundle } = await built('legal team')
    const text = await docxText(bundle.docx.bytes)
    const gate = section(text, '8. Gate records: proportionality, EIA and approval', '9. Documents served')
    expect(gate).toContain('Version 2 · completed 3 October 2026 by Jo Smith')
    expect(gate).toContain('Result: Proportionate — Behaviour continued after the warning.')
    expect(gate).toContain('Legitimate aim\nProtecting neighbours')
    expect(gate).toContain('Equality impact assessment')
    expect(gate).toContain('Result: No disproportionate impact')
    expect(gate).toContain('quality check: approved\nPriya Shah\nTenancy Sustainability Manager\n5 October 2026\nProportionate: warning and ABA tried first.')
    // A voided approval stays on the record, marked as voided.
    expect(gate).toContain('quality check: approved (voided 4 October 2026: particulars changed)\nPriya Shah\nTeam Leader\n4 October 2026')
  })
})

describe('the disclosure bundle', () => {
  it('has no trace of any confidential party in the read-back text of any file in the zip', async () => {
    const { bundle } = await built('court / respondent disclosure')
    const files = await zipTexts(bundle.zip.bytes)
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['manifest.json', '08 Redaction report.docx', 'exhibits/JS-3 ASB-2026-00042 warning letter.docx']))
    // The acknowledgement to the confidential reporter is not in the zip in its original form; the evidence files stay with the landlord.
    expect(files.some((f) => f.name.startsWith('exhibits/JS-1') || f.name.startsWith('exhibits/JS-2'))).toBe(false)
    const traces = ['Maya', 'Okonjo', '12 Kingfisher Way', 'Flat 3', '900123', 'maya.okonjo@example.org', 'Aisha', 'Bellweather', '16 Kingfisher Way', 'Flat 5', '900789', 'aisha.b@example.net', 'BS5 6XZ']
    for (const f of files) for (const trace of traces) expect(f.text, `${trace} in ${f.name}`).not.toContain(trace)
    const whole = files.find((f) => f.name.endsWith('(court - respondent disclosure).docx'))!.text
    expect(whole).toContain('Witness A')
    expect(whole).toContain('10. Redaction report')
  })

  it('is refused when the confidentiality guard still finds a confidential party in the finished text', async () => {
    await expect(built('court / respondent disclosure', {
      // Typed by an officer in a way the redaction rules do not know: "flat no. 5" locates the victim.
      tweak: (database) => database.incidents.update('inc-3', { description: 'Loud music again; the neighbour at flat no. 5 was sworn at.' }),
    })).rejects.toThrow(/bundle was not produced: the confidentiality check found .*flat number of a confidential victim/)
  })
})

describe('export and verification', () => {
  it('verifies an untouched zip and names the file when one byte of one part changes', async () => {
    const { bundle } = await built('legal team')
    expect(bundle.manifest.files.map((f) => f.name)).toContain('02 Chronology.docx')
    expect(await verifyBundleZip(bundle.zip.bytes)).toMatchObject({ ok: true, caseRef: 'ASB-2026-00042', problems: [] })
    const zip = await JSZip.loadAsync(bundle.zip.bytes)
    const part = await zip.file('02 Chronology.docx')!.async('uint8array')
    part[part.length - 10] ^= 0xff
    zip.file('02 Chronology.docx', part)
    const result = await verifyBundleZip(await zip.generateAsync({ type: 'uint8array' }))
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([{ file: '02 Chronology.docx', problem: 'changed' }])
    expect(result.message).toContain('02 Chronology.docx (changed)')
  })

  it('refuses a file that is not a bundle zip with a clear reason', async () => {
    expect((await verifyBundleZip(new TextEncoder().encode('not a zip'))).message).toBe('This file is not a zip: choose the .zip exported from "Case bundle".')
    const zip = new JSZip()
    zip.file('a.txt', 'x')
    expect((await verifyBundleZip(await zip.generateAsync({ type: 'uint8array' }))).message).toBe('The zip has no manifest.json, so it cannot be verified.')
  })

  it('stores the bundle, its zip and each part as documents in one audited write, with hashes of the stored bytes', async () => {
    const { database, fixture, bundle } = await built('legal team')
    const stored = await storeBundle({
      caseId: fixture.case.id, recipient: 'legal team', templateVersion: BUNDLE_TEMPLATE_VERSION, ruleSetVersion: '2026.1',
      docx: bundle.docx, zip: bundle.zip, parts: bundle.parts, redactionReport: bundle.assembled.report,
    }, fixture.officer.id, database)
    expect(stored.bundle).toMatchObject({ kind: 'bundle', formalActionId: 'fa-nosp', bundleId: stored.bundle.id })
    expect(stored.parts.filter((p) => p.kind === 'witness statement')).toHaveLength(3)
    const row = await database.documents.get(stored.bundle.id)
    expect(row!.sha256).toBe(sha256Hex(bundle.docx.bytes))
    expect(row!.bytes).toEqual(bundle.docx.bytes)
    const audit = await database.audit.where('caseId').equals(fixture.case.id).filter((e) => e.entity === 'bundle').toArray()
    expect(audit).toHaveLength(1)
  })

  it('refuses to store a bundle for a case whose formal action is not approved, leaving nothing behind', async () => {
    const { database, fixture, bundle } = await built('legal team')
    await database.formalActions.update(fixture.formalActionId, { status: 'withdrawn' })
    const before = await database.documents.count()
    await expect(storeBundle({
      caseId: fixture.case.id, recipient: 'legal team', templateVersion: BUNDLE_TEMPLATE_VERSION, ruleSetVersion: '2026.1',
      docx: bundle.docx, zip: bundle.zip, parts: bundle.parts, redactionReport: [],
    }, fixture.officer.id, database)).rejects.toThrow('approved formal action')
    expect(await database.documents.count()).toBe(before)
  })

  it('builds a 500-incident bundle (timing is measured by the benchmark, not asserted here)', async () => {
    const started = performance.now()
    const { bundle } = await built('court / respondent disclosure', { extraIncidents: 497 })
    const text = await docxText(bundle.docx.bytes)
    expect(text).toContain('Allegations relied on: 500.')
    // Too big to lay the pages out in time: Word is asked to fill the index's page numbers on opening.
    const settings = await (await JSZip.loadAsync(bundle.docx.bytes)).file('word/settings.xml')!.async('string')
    expect(settings).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/)
    console.info(`500-incident disclosure bundle incl. fixture: ${Math.round(performance.now() - started)} ms`)
  }, 120_000)
})
