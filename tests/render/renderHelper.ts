import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Render check shared by every feature's documents: writes a .docx to a temp folder, converts it
 * to PDF with LibreOffice (as a recipient's software would open it) and reads the page count with
 * pdfinfo. Use it in tests/render/*.test.ts:
 *
 *   const { pages } = renderToPdf(bytes, 'warning-letter')
 *   expect(pages).toBeGreaterThanOrEqual(1); expect(pages).toBeLessThanOrEqual(4)
 *
 * Conversions run one at a time with a private LibreOffice profile so parallel runs don't collide.
 */
export interface RenderResult {
  pdfPath: string
  pages: number
  /** Text of the PDF when pdftotext is installed (else undefined). */
  text?: string
}

let workDir: string | undefined
function dir(): string {
  workDir ??= mkdtempSync(join(tmpdir(), 'asb-render-'))
  return workDir
}

export function renderToPdf(bytes: Uint8Array, name: string): RenderResult {
  const base = dir()
  const docxPath = join(base, `${name}.docx`)
  writeFileSync(docxPath, bytes)
  const profile = join(base, 'lo-profile')
  mkdirSync(profile, { recursive: true })
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', base, docxPath], { stdio: 'pipe', timeout: 120_000 })
  const pdfPath = join(base, `${name}.pdf`)
  if (!existsSync(pdfPath)) throw new Error(`LibreOffice did not produce ${name}.pdf`)
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN)
  let text: string | undefined
  try {
    text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
  } catch {
    text = undefined
  }
  return { pdfPath, pages, text }
}
