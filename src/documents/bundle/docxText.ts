import JSZip from 'jszip'

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/**
 * The paragraphs of a stored .docx as a reader sees them (body only): how a served letter's text
 * is carried into the bundle and checked by redaction. The original bytes stay untouched.
 */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')?.async('string')
  if (!xml) return []
  const paragraphs: string[] = []
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    const text = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[1] !== undefined ? decode(m[1]) : '\t')).join('')
    if (text.trim()) paragraphs.push(text)
  }
  return paragraphs
}
