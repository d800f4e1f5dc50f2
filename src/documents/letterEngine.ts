/**
 * The letter engine: every letter, notice cover, summary and agreement the app writes goes through
 * here, so each has the same letterhead, reference, UK date, large-print rules, page numbers and
 * confidentiality check.
 *
 * ## How to use it (for the notices, closure summary and bundle features)
 *
 * ```ts
 * import { buildLetter, letterText, type LetterInput } from '@/documents/letterEngine'
 * import { checkConfidentiality } from '@/documents/confidentialityGuard'
 *
 * const input: LetterInput = {
 *   organisation,                       // readSettings(organisationSettings)
 *   officer: { name, jobTitle, phone, email },   // the signed-in UserProfile fits
 *   recipient: recipientFromPerson(person),      // or { name, addressLines, greetingName }
 *   caseRef: 'ASB-2026-00042',
 *   date: '2026-11-22',                 // ISO; printed as "22 November 2026"
 *   title: 'Notice of Seeking Possession', // Heading 1 under the greeting
 *   blocks: [
 *     { type: 'heading', text: 'What happens next' },                  // Heading 2
 *     { type: 'paragraph', text: 'We will …' },
 *     { type: 'paragraph', text: '', editable: { key: 'extra', label: 'Anything else' } }, // officer text
 *     { type: 'numbered', items: ['first', 'second'] },
 *     { type: 'bullets', items: ['…'] },
 *     { type: 'table', header: ['Date', 'What happened'], rows: [['1 May 2026', '…']] },
 *     { type: 'signatures', signatories: [{ role: 'Tenant' }, { role: 'Officer', name: 'Jo Smith' }] },
 *   ],
 *   edits: { extra: 'text the officer typed' },  // replaces the text of editable blocks by key
 *   largePrint: needsLargePrint(person),  // body ≥ largePrintPt (default 16 pt), headings larger
 *   largePrintPt: letterSettings.largePrintPt,
 *   draftLabel: 'DRAFT — NOT FOR SERVICE',   // optional: label at the top + watermark on every page
 *   greeting: false,                      // optional: leave out "Dear …" and "Yours sincerely" (forms, bundles)
 * }
 * const text = letterText(input)          // the finished text, paragraph by paragraph (preview, readability, guard)
 * const findings = checkConfidentiality(text.paragraphs, caseFile.parties, recipientPersonId)  // block export if any
 * const bytes = await buildLetter(input)  // Uint8Array of the .docx
 * ```
 *
 * `letterText` and `buildLetter` walk the same laid-out paragraphs (`layOutLetter`), so what the
 * guard and the readability score see is exactly what is printed. Missing facts (no recipient
 * address, …) are refused with a ValidationError naming each one; nothing is built.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, ImageRun, LevelFormat, Packer, PageNumber, Paragraph,
  Table, TableCell, TableRow, TextRun, WidthType, type IParagraphOptions,
} from 'docx'
import { TextWatermark } from 'docx/watermarks'
import type { OrganisationSettings } from '@/domain/settings/organisation'
import { formatAddress, fullName, type Person } from '@/domain/people'
import { ukDate } from '@/domain/workingDays'
import { ValidationError, type FieldProblem } from '@/domain/validation'

/** Bumped whenever the shared layout changes; stored with each document as part of its template version. */
export const LETTER_ENGINE_VERSION = 'engine-1'

export interface LetterOfficer {
  name: string
  jobTitle?: string
  phone?: string
  email?: string
}

export interface LetterRecipient {
  personId?: string
  /** Name as printed in the address block, e.g. "Mr Dean Harlow". */
  name: string
  addressLines: string[]
  /** Name after "Dear", e.g. "Mr Harlow"; defaults to the full name. */
  greetingName?: string
}

/** Where the officer may type: the preview shows an input for each, and the text is checked like any other. */
export interface EditableSlot {
  key: string
  label: string
  /** A short hint shown under the field. */
  hint?: string
}

export type LetterBlock =
  | { type: 'heading'; text: string; level?: 2 | 3 }
  | { type: 'paragraph'; text: string; bold?: boolean; editable?: EditableSlot }
  | { type: 'numbered'; items: string[] }
  | { type: 'bullets'; items: string[] }
  | { type: 'table'; header?: string[]; rows: string[][] }
  | { type: 'signatures'; signatories: { role: string; name?: string }[] }

export interface LetterInput {
  organisation: OrganisationSettings
  officer: LetterOfficer
  recipient: LetterRecipient
  caseRef: string
  /** ISO date of the letter. */
  date: string
  /** Heading 1 shown under the greeting (the subject of the letter). */
  title: string
  blocks: LetterBlock[]
  /** Officer-typed text by editable slot key; an empty edit leaves an empty editable paragraph out. */
  edits?: Record<string, string>
  largePrint?: boolean
  /** Body size in points for large print (setting; default 16). */
  largePrintPt?: number
  /** e.g. "DRAFT — NOT FOR SERVICE": printed at the top, in the header and as a watermark. */
  draftLabel?: string
  /** Letters have "Dear …" and "Yours sincerely"; forms and bundle parts may leave them out. */
  greeting?: boolean
  /** Word document title (File > Properties). */
  documentTitle?: string
}

/** Which part of the letter a paragraph belongs to; the readability score reads only the body. */
export type LetterSection = 'label' | 'letterhead' | 'recipient' | 'reference' | 'greeting' | 'body' | 'closing' | 'signatures'

export type LaidOutParagraph =
  | { section: LetterSection; kind: 'text'; text: string; bold?: boolean; style?: 'title' | 'heading2' | 'heading3' | 'letterhead' }
  | { section: LetterSection; kind: 'list'; text: string; numbered: boolean; listInstance: number; index: number }
  | { section: LetterSection; kind: 'table'; header?: string[]; rows: string[][] }
  | { section: LetterSection; kind: 'signature'; role: string; name?: string }
  | { section: LetterSection; kind: 'logo'; dataUrl: string }
  | { section: LetterSection; kind: 'spacer' }

export const NORMAL_PRINT_PT = 12
export const DEFAULT_LARGE_PRINT_PT = 16

/** Builds the recipient block from a person record (name with title, flat + address lines). */
export function recipientFromPerson(person: Person, nameOverride?: string): LetterRecipient {
  const name = nameOverride ?? fullName(person)
  const greetingName = person.title ? `${person.title} ${person.surname}` : name
  return { personId: person.id, name, addressLines: formatAddress(person.address, person.flat), greetingName }
}

/** True when the person asked for large print. [002 §6.3, 003 §11.4] */
export function needsLargePrint(person: Pick<Person, 'accessibleFormats'> | undefined): boolean {
  return !!person?.accessibleFormats?.includes('large print')
}

function missingFacts(input: LetterInput): FieldProblem[] {
  const problems: FieldProblem[] = []
  if (!input.recipient.name.trim()) problems.push({ field: 'recipient', message: 'the recipient has no name' })
  if (input.recipient.addressLines.filter((l) => l.trim()).length === 0) {
    problems.push({ field: 'recipient address', message: `${input.recipient.name || 'the recipient'} has no address on record — add it to their details first` })
  }
  if (!input.caseRef.trim()) problems.push({ field: 'reference', message: 'the case reference is missing' })
  if (!/^\d{4}-\d{2}-\d{2}/.test(input.date)) problems.push({ field: 'date', message: 'the letter date is missing' })
  if (!input.officer.name.trim()) problems.push({ field: 'officer', message: 'no named officer — sign in with a profile' })
  return problems
}

/** Template bugs must never reach a resident: refuse text that still holds placeholders. */
const leftoverPlaceholder = /\bundefined\b|\bNaN\b|\{\{|\}\}|\[object Object\]/

function officerContactLines(input: LetterInput): string[] {
  const { officer, organisation } = input
  return [
    `Your contact: ${officer.name}${officer.jobTitle ? `, ${officer.jobTitle}` : ''}`,
    `Telephone: ${officer.phone || organisation.phone}`,
    `Email: ${officer.email || organisation.email}`,
  ]
}

/**
 * Lays the letter out as a list of paragraphs: the single source for both the .docx and the
 * plain text, so the guard checks exactly what is printed.
 */
export function layOutLetter(input: LetterInput): LaidOutParagraph[] {
  const problems = missingFacts(input)
  if (problems.length) throw new ValidationError(`The letter "${input.title}"`, problems)
  const out: LaidOutParagraph[] = []
  const org = input.organisation
  if (input.draftLabel) out.push({ section: 'label', kind: 'text', text: input.draftLabel, bold: true })
  if (org.logoDataUrl) out.push({ section: 'letterhead', kind: 'logo', dataUrl: org.logoDataUrl })
  out.push({ section: 'letterhead', kind: 'text', text: org.name, style: 'letterhead', bold: true })
  out.push({ section: 'letterhead', kind: 'text', text: formatAddress(org.address).join(', ') })
  out.push({ section: 'letterhead', kind: 'text', text: `Telephone: ${org.phone}   Email: ${org.email}${org.website ? `   ${org.website}` : ''}` })
  out.push({ section: 'letterhead', kind: 'spacer' })
  out.push({ section: 'recipient', kind: 'text', text: 'Private and confidential', bold: true })
  out.push({ section: 'recipient', kind: 'text', text: input.recipient.name })
  for (const line of input.recipient.addressLines.filter((l) => l.trim())) out.push({ section: 'recipient', kind: 'text', text: line })
  out.push({ section: 'recipient', kind: 'spacer' })
  out.push({ section: 'reference', kind: 'text', text: `Our reference: ${input.caseRef}` })
  for (const line of officerContactLines(input)) out.push({ section: 'reference', kind: 'text', text: line })
  out.push({ section: 'reference', kind: 'text', text: ukDate(input.date) })
  out.push({ section: 'reference', kind: 'spacer' })
  const greeting = input.greeting !== false
  if (greeting) out.push({ section: 'greeting', kind: 'text', text: `Dear ${input.recipient.greetingName || input.recipient.name}` })
  out.push({ section: 'body', kind: 'text', text: input.title, style: 'title' })
  let listInstance = 0
  for (const block of input.blocks) {
    switch (block.type) {
      case 'heading':
        out.push({ section: 'body', kind: 'text', text: block.text, style: block.level === 3 ? 'heading3' : 'heading2' })
        break
      case 'paragraph': {
        const text = block.editable && input.edits && block.editable.key in input.edits ? input.edits[block.editable.key] : block.text
        // An editable paragraph the officer left empty is left out rather than printed blank.
        if (!text.trim()) break
        for (const part of text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) {
          out.push({ section: 'body', kind: 'text', text: part.replace(/\s*\n\s*/g, ' '), bold: block.bold })
        }
        break
      }
      case 'numbered':
      case 'bullets':
        listInstance += 1
        block.items.filter((i) => i.trim()).forEach((item, index) => {
          out.push({ section: 'body', kind: 'list', text: item.trim(), numbered: block.type === 'numbered', listInstance, index })
        })
        break
      case 'table':
        out.push({ section: 'body', kind: 'table', header: block.header, rows: block.rows })
        break
      case 'signatures':
        for (const s of block.signatories) out.push({ section: 'signatures', kind: 'signature', role: s.role, name: s.name })
        break
    }
  }
  if (greeting) {
    out.push({ section: 'closing', kind: 'spacer' })
    out.push({ section: 'closing', kind: 'text', text: 'Yours sincerely' })
    out.push({ section: 'closing', kind: 'spacer' })
    out.push({ section: 'closing', kind: 'text', text: input.officer.name, bold: true })
    if (input.officer.jobTitle) out.push({ section: 'closing', kind: 'text', text: input.officer.jobTitle })
    out.push({ section: 'closing', kind: 'text', text: org.name })
    out.push({ section: 'closing', kind: 'text', text: `Direct line: ${input.officer.phone || org.phone}` })
    out.push({ section: 'closing', kind: 'text', text: `Email: ${input.officer.email || org.email}` })
  }
  return out
}

/** One printed paragraph of the finished text; `number` counts from the top of the letter. */
export interface TextParagraph {
  number: number
  section: LetterSection
  text: string
}

export interface LetterText {
  paragraphs: TextParagraph[]
  /** The resident-facing body (what the readability score measures). */
  body: string
  /** Everything, paragraphs joined by newlines. */
  full: string
}

function signatureText(role: string, name?: string): string {
  return `Signed (${role}${name ? `: ${name}` : ''}): ____________________   Date: ____________`
}

/** The finished text of a letter, paragraph by paragraph, exactly as `buildLetter` prints it. */
export function letterText(input: LetterInput): LetterText {
  const paragraphs: TextParagraph[] = []
  const add = (section: LetterSection, text: string) => paragraphs.push({ number: paragraphs.length + 1, section, text })
  for (const p of layOutLetter(input)) {
    switch (p.kind) {
      case 'text': add(p.section, p.text); break
      case 'list': add(p.section, `${p.numbered ? `${p.index + 1}.` : '•'} ${p.text}`); break
      case 'table':
        if (p.header) add(p.section, p.header.join(' | '))
        for (const row of p.rows) add(p.section, row.join(' | '))
        break
      case 'signature': add(p.section, signatureText(p.role, p.name)); break
      default: break
    }
  }
  const full = paragraphs.map((p) => p.text).join('\n')
  const found = full.match(leftoverPlaceholder)
  if (found) throw new Error(`Letter template error: the text still contains "${found[0]}". Please report this; the letter was not produced.`)
  const body = paragraphs.filter((p) => p.section === 'body').map((p) => p.text).join('\n')
  return { paragraphs, body, full }
}

interface Sizes {
  body: number
  title: number
  heading2: number
  heading3: number
  letterhead: number
}

/** Half-points, as Word stores them. Large print: body ≥ setting, headings larger still. */
function sizesFor(input: LetterInput): Sizes {
  const bodyPt = input.largePrint ? Math.max(DEFAULT_LARGE_PRINT_PT, input.largePrintPt ?? DEFAULT_LARGE_PRINT_PT) : NORMAL_PRINT_PT
  return { body: bodyPt * 2, title: (bodyPt + 6) * 2, heading2: (bodyPt + 4) * 2, heading3: (bodyPt + 2) * 2, letterhead: (bodyPt + 4) * 2 }
}

const FONT = 'Arial'
const LIST_REFERENCE = 'letter-numbers'
const BULLET_REFERENCE = 'letter-bullets'

function dataUrlImage(dataUrl: string): { type: 'png' | 'jpg'; data: Uint8Array } | undefined {
  const match = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl)
  if (!match) return undefined
  const binary = atob(match[2])
  const data = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i)
  return { type: match[1] === 'png' ? 'png' : 'jpg', data }
}

function run(text: string, size: number, bold = false): TextRun {
  return new TextRun({ text, size, bold, font: FONT })
}

function tableFor(p: Extract<LaidOutParagraph, { kind: 'table' }>, sizes: Sizes): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '595959' }
  const borders = { top: border, bottom: border, left: border, right: border }
  const cell = (text: string, header: boolean) =>
    new TableCell({ borders, children: [new Paragraph({ children: [run(text, sizes.body, header)] })] })
  const rows: TableRow[] = []
  if (p.header) rows.push(new TableRow({ tableHeader: true, children: p.header.map((h) => cell(h, true)) }))
  for (const row of p.rows) rows.push(new TableRow({ children: row.map((c) => cell(c, false)) }))
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })
}

function docxChildren(input: LetterInput, sizes: Sizes): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = []
  const spacing = { after: input.largePrint ? 200 : 120 }
  for (const p of layOutLetter(input)) {
    switch (p.kind) {
      case 'spacer':
        children.push(new Paragraph({ children: [run('', sizes.body)] }))
        break
      case 'logo': {
        const image = dataUrlImage(p.dataUrl)
        if (image) children.push(new Paragraph({ children: [new ImageRun({ type: image.type, data: image.data, transformation: { width: 160, height: 60 }, altText: { name: 'Logo', title: `${input.organisation.name} logo`, description: `${input.organisation.name} logo` } })] }))
        break
      }
      case 'text': {
        const options: IParagraphOptions = { spacing }
        if (p.style === 'title') {
          children.push(new Paragraph({ ...options, heading: HeadingLevel.HEADING_1, children: [run(p.text, sizes.title, true)] }))
        } else if (p.style === 'heading2') {
          children.push(new Paragraph({ ...options, heading: HeadingLevel.HEADING_2, children: [run(p.text, sizes.heading2, true)] }))
        } else if (p.style === 'heading3') {
          children.push(new Paragraph({ ...options, heading: HeadingLevel.HEADING_3, children: [run(p.text, sizes.heading3, true)] }))
        } else if (p.style === 'letterhead') {
          children.push(new Paragraph({ spacing: { after: 0 }, children: [run(p.text, sizes.letterhead, true)] }))
        } else {
          const tight = p.section !== 'body'
          children.push(new Paragraph({ spacing: tight ? { after: 0 } : spacing, children: [run(p.text, sizes.body, p.bold)] }))
        }
        break
      }
      case 'list':
        children.push(new Paragraph({
          spacing,
          numbering: p.numbered
            ? { reference: LIST_REFERENCE, level: 0, instance: p.listInstance }
            : { reference: BULLET_REFERENCE, level: 0 },
          children: [run(p.text, sizes.body)],
        }))
        break
      case 'table':
        children.push(tableFor(p, sizes))
        children.push(new Paragraph({ children: [run('', sizes.body)] }))
        break
      case 'signature':
        children.push(new Paragraph({ spacing: { before: 480, after: 240 }, keepLines: true, children: [run(signatureText(p.role, p.name), sizes.body)] }))
        break
    }
  }
  return children
}

/**
 * Builds the .docx bytes. Everything printed comes from `layOutLetter`; the header carries the
 * draft label (and a watermark), the footer "Page X of Y" and the reference.
 */
export async function buildLetter(input: LetterInput): Promise<Uint8Array<ArrayBuffer>> {
  // Refuse placeholders and missing facts before building anything.
  letterText(input)
  const sizes = sizesFor(input)
  const headerChildren: Paragraph[] = input.draftLabel
    ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(input.draftLabel, sizes.body, true), new TextWatermark({ text: input.draftLabel, font: FONT, color: 'C0C0C0' })] })]
    : [new Paragraph({ children: [] })]
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ size: sizes.body, font: FONT, children: [`Our reference ${input.caseRef}   Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  })
  const document = new Document({
    creator: input.organisation.name,
    title: input.documentTitle ?? input.title,
    description: `${input.title} — ${input.caseRef}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: sizes.body } },
        title: { run: { font: FONT, size: sizes.title, bold: true } },
        heading1: { run: { font: FONT, size: sizes.title, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: FONT, size: sizes.heading2, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: FONT, size: sizes.heading3, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 100 } } },
      },
    },
    numbering: {
      config: [
        { reference: LIST_REFERENCE, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } }, run: { size: sizes.body, font: FONT } } }] },
        { reference: BULLET_REFERENCE, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } }, run: { size: sizes.body, font: FONT } } }] },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1134, right: 1134 } } },
        headers: { default: new Header({ children: headerChildren }) },
        footers: { default: footer },
        children: docxChildren(input, sizes),
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}
