import {
  AlignmentType, Bookmark, Document, Footer, Header, HeadingLevel, Packer, PageNumber, PageReference, Paragraph,
  Table, TableCell, TableOfContents, TableRow, TextRun, WidthType, type FileChild,
} from 'docx'
import { estimatePageNumbers } from 'docx/layout'
import type { BundleContent } from '@/domain/bundle/bundleContent'
import type { RedactionEntry } from '@/domain/bundle/redaction'
import type { WitnessStatementDraft } from '@/domain/bundle/witnessStatements'
import { whenText } from '@/domain/bundle/chronology'
import { ukDate } from '@/domain/workingDays'

/**
 * The case bundle as Word documents: one whole bundle (index with a TOC field and a static index
 * of sections with page references, then every section, then the served documents in order) and
 * each section on its own as a part. Built in steps that yield to the event loop and report
 * progress, so the screen stays responsive while a large bundle builds.
 */
export const BUNDLE_TEMPLATE_VERSION = 'bundle-1'

const FONT = 'Arial'
const BODY = 22 // 11 pt in half-points
const SMALL = 18
const TABLE_STYLE = 'BundleTableText'

export type ProgressReporter = (fraction: number, step: string) => void

/** Lets the browser paint (the progress bar) between chunks of work. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

// Font and size come from the document's styles; a run only says what differs. Keeps the XML of a
// 500-incident bundle small, which is most of the time it takes to write.
function run(text: string, options: { bold?: boolean; size?: number; italics?: boolean } = {}): TextRun {
  if (!options.bold && !options.italics && !options.size) return new TextRun(text)
  return new TextRun({ text, size: options.size, bold: options.bold, italics: options.italics })
}

function para(text: string, options: { bold?: boolean; size?: number; italics?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  return new Paragraph({ alignment: options.alignment, spacing: { after: 100 }, children: [run(text, options)] })
}

function heading1(text: string, bookmarkId?: string, pageBreakBefore = true): Paragraph {
  const children = [run(text, { bold: true, size: 32 })]
  return new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore, children: bookmarkId ? [new Bookmark({ id: bookmarkId, children })] : children })
}

function heading2(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore, children: [run(text, { bold: true, size: 26 })] })
}

function cell(text: string | string[], options: { bold?: boolean; width?: number; size?: number } = {}): TableCell {
  const lines = Array.isArray(text) ? text : [text]
  return new TableCell({
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    children: (lines.length ? lines : ['']).map((line) => new Paragraph({ style: TABLE_STYLE, children: [run(line, { bold: options.bold, size: options.size })] })),
  })
}

function table(header: string[], widths: number[], rows: (string | string[])[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, width: widths[i] })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, { width: widths[i] })) })),
    ],
  })
}

export interface BundleSection {
  key: string
  title: string
  /** File name of the part in the zip. */
  partName: string
  /** Document kind when stored: 'bundle part' or 'witness statement'. */
  kind: 'bundle part' | 'witness statement'
  /** Builds the section's content (fresh objects each call: docx objects belong to one document). */
  build: () => FileChild[]
}

function summarySection(c: BundleContent): FileChild[] {
  const s = c.summary
  const out: FileChild[] = [
    para(`Case reference: ${s.caseRef}`, { bold: true }),
    para(`Category: ${s.category} · risk band ${s.riskBand} · opened ${s.openedAt}`),
    para(`Summary: ${s.summary || 'none recorded'}`),
    heading2('Parties'),
    table(['Name', 'Role', 'Tenure', 'Address and contact', 'Notes'], [20, 16, 14, 32, 18], s.parties.map((p) => [
      p.name,
      `${p.role}${p.identityConfidential ? ' (identity confidential)' : ''}`,
      `${p.tenure}${p.tenancyReference ? ` — tenancy ${p.tenancyReference}` : ''}`,
      [p.address, p.phone, p.email].filter(Boolean),
      p.vulnerabilityNotes ? `Vulnerability: ${p.vulnerabilityNotes}` : '',
    ])),
    heading2('The property'),
    para(s.property),
    heading2('Tenancy clause(s) breached'),
    ...(s.tenancyClauses.length ? s.tenancyClauses.map((t) => para(`• ${t}`)) : [para('Not recorded on the formal action: the legal team to confirm.', { italics: true })]),
    heading2('Ground(s)'),
    ...(s.grounds.length ? s.grounds.map((g) => para(`• ${g}`)) : [para('Not recorded on the formal action: the legal team to confirm.', { italics: true })]),
    heading2('Action sought'),
    para(s.actionSought),
    ...(s.particulars ? [heading2('Particulars'), ...s.particulars.split(/\n+/).filter(Boolean).map((line) => para(line))] : []),
    heading2('Officer and approver'),
    para(`Case officer: ${s.officer}`),
    para(`Approved by: ${s.approver}`),
  ]
  return out
}

function chronologySection(c: BundleContent): FileChild[] {
  return [
    para(`${c.chronology.length} entries, oldest first. Each line gives the record it comes from.`),
    table(['Date', 'What happened', 'Source'], [18, 56, 26], c.chronology.map((e) => [whenText(e.at), e.text, e.source])),
  ]
}

function scottSection(c: BundleContent): FileChild[] {
  return [
    para(`Allegations relied on: ${c.scott.length}. The last column is for the respondent's reply.`),
    table(['No.', 'Date', 'Allegation', 'Evidence', 'Witness', "Respondent's reply"], [6, 14, 34, 14, 14, 18], c.scott.map((r) => [
      String(r.number), r.date, r.allegation, r.evidence.length ? r.evidence : ['none'], r.witness, r.reply,
    ])),
  ]
}

function exhibitsSection(c: BundleContent): FileChild[] {
  return [
    para('Each exhibit\'s SHA-256 is the fingerprint of the exact stored file: recompute it to prove the copy is unchanged.'),
    table(['Exhibit', 'Description', 'Date served / captured', 'Method / source', 'SHA-256'], [10, 30, 14, 14, 32], c.exhibits.map((e) => [
      e.exhibitNumber, e.description, ukDate(e.date), e.method || '—', e.sha256,
    ])),
    ...(c.exhibits.length ? [] : [para('No exhibits: no document has been served and no evidence file is attached.', { italics: true })]),
  ]
}

function statementChildren(s: WitnessStatementDraft): FileChild[] {
  return [
    para(s.draftMarking, { bold: true, italics: true }),
    ...s.heading.map((line) => para(line, { alignment: AlignmentType.RIGHT, size: SMALL })),
    para(s.title.toUpperCase(), { bold: true, alignment: AlignmentType.CENTER }),
    ...s.paragraphs.map((p, i) => para(`${i + 1}. ${p}`)),
    heading2('Statement of truth'),
    para(s.statementOfTruthCheck, { bold: true }),
    para(s.statementOfTruth),
    para('Signed: ______________________________    Date: ____________________'),
    para(`Full name: ${s.witnessName}`),
  ]
}

function gateSection(c: BundleContent): FileChild[] {
  const g = c.gate
  return [
    para(`Formal action: ${g.action}`),
    ...g.assessments.flatMap((a) => [
      heading2(a.title),
      para(`Version ${a.version || '—'} · completed ${a.completedAt}${a.by ? ` by ${a.by}` : ''}`),
      para(`Result: ${a.result}${a.reason ? ` — ${a.reason}` : ''}`),
      ...(a.answers.length ? [table(['Question', 'Answer'], [40, 60], a.answers.map((x) => [x.question, x.answer]))] : []),
    ]),
    heading2('Manager\'s quality check and approval'),
    ...(g.decisions.length
      ? [table(['Decision', 'By', 'Role', 'Date', 'Reasons'], [14, 20, 18, 14, 34], g.decisions.map((d) => [d.decision, d.by, d.role || '—', d.at, d.reasons || '—']))]
      : [para('No approval decision recorded.', { italics: true })]),
  ]
}

function servedChildren(c: BundleContent): FileChild[] {
  if (!c.served.length) return [para('No documents have been served.', { italics: true })]
  return c.served.flatMap((d, i) => [
    heading2(`Exhibit ${d.exhibitNumber}: ${d.title}`, i > 0),
    para(`Served ${ukDate(d.servedDate)}${d.method ? ` by ${d.method}` : ''} · file ${d.fileName} · SHA-256 ${d.sha256}${d.redacted ? ' · REDACTED COPY: the original is held by the landlord' : ''}`, { size: SMALL, italics: true }),
    ...d.paragraphs.map((p) => para(p)),
  ])
}

function redactionChildren(report: RedactionEntry[]): FileChild[] {
  if (!report.length) return [para('Nothing was redacted from this bundle.')]
  return [table(['Where', 'What was redacted', 'Times'], [30, 55, 15], report.map((r) => [r.where, r.what, String(r.count)]))]
}

/** The sections of the bundle, in order. Witness statements are one part each. */
export function bundleSections(c: BundleContent, report: RedactionEntry[]): BundleSection[] {
  const part = (n: number, title: string) => `${String(n).padStart(2, '0')} ${title}.docx`
  const sections: BundleSection[] = [
    { key: 'summary', title: 'Case summary', partName: part(1, 'Case summary'), kind: 'bundle part', build: () => summarySection(c) },
    { key: 'chronology', title: 'Chronology', partName: part(2, 'Chronology'), kind: 'bundle part', build: () => chronologySection(c) },
    { key: 'scott', title: 'Scott schedule', partName: part(3, 'Scott schedule'), kind: 'bundle part', build: () => scottSection(c) },
    { key: 'exhibits', title: 'Exhibits list', partName: part(4, 'Exhibits list'), kind: 'bundle part', build: () => exhibitsSection(c) },
    ...c.statements.map((s, i) => ({
      key: `statement-${i + 1}`, title: s.title, partName: part(5, `Witness statement ${i + 1} - ${s.witnessName.replace(/[\\/:*?"<>|]/g, '')}`),
      kind: 'witness statement' as const, build: () => statementChildren(s),
    })),
    { key: 'gate', title: 'Gate records: proportionality, EIA and approval', partName: part(6, 'Gate records'), kind: 'bundle part', build: () => gateSection(c) },
    { key: 'served', title: 'Documents served', partName: part(7, 'Documents served'), kind: 'bundle part', build: () => servedChildren(c) },
  ]
  if (c.recipient !== 'legal team') sections.push({ key: 'redaction', title: 'Redaction report', partName: part(8, 'Redaction report'), kind: 'bundle part', build: () => redactionChildren(report) })
  return sections
}

/** How the page references of the index get their numbers: worked out now, filled on opening, or none to fill. */
type PageNumbering = 'estimated' | 'on opening' | 'none'

function docOf(c: BundleContent, title: string, children: FileChild[], pages: PageNumbering): Document {
  const marking = c.recipient === 'legal team' ? 'LEGALLY PRIVILEGED — PREPARED FOR THE LEGAL TEAM' : `REDACTED FOR ${c.recipient.toUpperCase()}`
  return new Document({
    creator: c.organisation,
    title,
    description: `${title} — ${c.caseRef}`,
    // Without worked-out numbers, ask the word processor to fill the page fields when it opens the file.
    features: { updateFields: pages === 'on opening' },
    ...(pages === 'estimated' ? { pageNumbers: estimatePageNumbers } : {}),
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 120 } } },
      },
      paragraphStyles: [{ id: TABLE_STYLE, name: 'Bundle table text', basedOn: 'Normal', run: { font: FONT, size: SMALL }, paragraph: { spacing: { after: 0 } } }],
    },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1000, bottom: 1000, left: 1134, right: 1134 } } },
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(marking, { size: SMALL, bold: true })] })] }) },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ font: FONT, size: SMALL, children: [`${c.caseRef} · ${title} · Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
          })],
        }),
      },
      children,
    }],
  })
}

async function pack(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document))
}

/**
 * Page numbers in the static index and the TOC are worked out by laying the pages out (docx/layout)
 * only for small bundles: the layout costs seconds per hundred table rows, which would break the
 * 3-second target. Above this, the fields are written for Word and LibreOffice to fill on opening.
 */
const LAYOUT_ROW_LIMIT = 60

/** The whole bundle in one Word document. */
export async function buildBundleDocx(c: BundleContent, report: RedactionEntry[], onProgress: ProgressReporter = () => {}): Promise<Uint8Array> {
  const sections = bundleSections(c, report)
  onProgress(0.05, 'Index')
  const bookmark = (key: string) => `section_${key.replace(/[^A-Za-z0-9]/g, '_')}`
  const index: FileChild[] = [
    para(`Case bundle — ${c.caseRef}`, { bold: true, size: 40, alignment: AlignmentType.CENTER }),
    para(`${c.organisation}`, { alignment: AlignmentType.CENTER }),
    para(`Prepared for: ${c.recipient}. ${c.recipientDescription}`),
    para(`Prepared by ${c.preparedBy} on ${ukDate(c.preparedAt)}.`),
    para('Index', { bold: true, size: 32 }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' }),
    heading2('Sections and pages'),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell('Section', { bold: true, width: 12 }), cell('Title', { bold: true, width: 70 }), cell('Page', { bold: true, width: 18 })] }),
        ...sections.map((s, i) => new TableRow({
          children: [
            cell(String(i + 1), { width: 12 }),
            cell(s.title, { width: 70 }),
            new TableCell({ width: { size: 18, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [run('page ', { size: SMALL }), new PageReference(bookmark(s.key))] })] }),
          ],
        })),
      ],
    }),
  ]
  const body: FileChild[] = [...index]
  for (const [i, s] of sections.entries()) {
    body.push(heading1(`${i + 1}. ${s.title}`, bookmark(s.key)), ...s.build())
    onProgress(0.05 + (0.35 * (i + 1)) / sections.length, s.title)
    await yieldToUi()
  }
  const rows = c.chronology.length + c.scott.length + c.exhibits.length
  onProgress(0.45, 'Laying out pages')
  await yieldToUi()
  const bytes = await pack(docOf(c, `Case bundle ${c.caseRef}`, body, rows <= LAYOUT_ROW_LIMIT ? 'estimated' : 'on opening'))
  onProgress(0.7, 'Whole bundle written')
  return bytes
}

/** Each section as its own Word document (the parts of the zip). */
export async function buildBundleParts(c: BundleContent, report: RedactionEntry[], onProgress: ProgressReporter = () => {}): Promise<{ name: string; title: string; kind: BundleSection['kind']; bytes: Uint8Array }[]> {
  const sections = bundleSections(c, report)
  const parts = []
  for (const [i, s] of sections.entries()) {
    parts.push({ name: s.partName, title: s.title, kind: s.kind, bytes: await pack(docOf(c, s.title, [heading1(s.title, undefined, false), ...s.build()], 'none')) })
    onProgress(0.7 + (0.2 * (i + 1)) / sections.length, s.title)
    await yieldToUi()
  }
  return parts
}

