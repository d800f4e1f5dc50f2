import JSZip from 'jszip'

/**
 * Reading generated .docx files back, as a person opening them in Word would see the text.
 * Shared by every feature's document tests (letters, notices, closure summary, bundle).
 */

async function partXml(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes)
  const file = zip.file(path)
  if (!file) throw new Error(`${path} is not in the document (parts: ${Object.keys(zip.files).join(', ')})`)
  return file.async('string')
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/** Text of each w:p in an XML part (tables' cell paragraphs included), in order. */
export function paragraphsOfXml(xml: string): string[] {
  const paragraphs: string[] = []
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    const parts: string[] = []
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)) {
      if (m[1] !== undefined) parts.push(decode(m[1]))
      else if (m[2] !== undefined) parts.push(`{${m[2].trim()}}`)
      else parts.push(m[0] === '<w:tab/>' ? '\t' : '\n')
    }
    paragraphs.push(parts.join(''))
  }
  return paragraphs
}

/** The text of word/document.xml, one paragraph per line. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  return paragraphsOfXml(await partXml(bytes, 'word/document.xml')).join('\n')
}

export async function documentXml(bytes: Uint8Array): Promise<string> {
  return partXml(bytes, 'word/document.xml')
}

/** Every explicit run size (w:sz, in half-points) in the body, headers and footers. */
export async function runSizes(bytes: Uint8Array): Promise<{ part: string; halfPoints: number }[]> {
  const zip = await JSZip.loadAsync(bytes)
  const out: { part: string; halfPoints: number }[] = []
  for (const name of Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string')
    for (const m of xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)) out.push({ part: name, halfPoints: Number(m[1]) })
  }
  return out
}

/** Runs (w:r with text) that have no explicit size: they would inherit the style default. */
export async function runsWithoutSize(bytes: Uint8Array): Promise<string[]> {
  const xml = await partXml(bytes, 'word/document.xml')
  const bare: string[] = []
  for (const r of xml.match(/<w:r>[\s\S]*?<\/w:r>|<w:r [\s\S]*?<\/w:r>/g) ?? []) {
    const t = /<w:t(?:\s[^>]*)?>([^<]+)<\/w:t>/.exec(r)
    if (t && !/<w:sz /.test(r)) bare.push(decode(t[1]))
  }
  return bare
}

/** Text of every header or footer part, by part name. */
export async function headerFooterText(bytes: Uint8Array, kind: 'header' | 'footer'): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes)
  const names = Object.keys(zip.files).filter((n) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(n)).sort()
  const texts: string[] = []
  for (const name of names) texts.push(paragraphsOfXml(await zip.file(name)!.async('string')).join('\n'))
  return texts
}

/** The paragraph style ids used in the body (e.g. Heading1, Heading2). */
export async function paragraphStyles(bytes: Uint8Array): Promise<string[]> {
  const xml = await partXml(bytes, 'word/document.xml')
  return [...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1])
}

/** Default body size from word/styles.xml (w:docDefaults), in half-points. */
export async function defaultRunSize(bytes: Uint8Array): Promise<number | undefined> {
  const xml = await partXml(bytes, 'word/styles.xml')
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(xml)?.[0] ?? ''
  const m = /<w:sz w:val="(\d+)"\/>/.exec(defaults)
  return m ? Number(m[1]) : undefined
}
