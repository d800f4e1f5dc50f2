import { describe, expect, it } from 'vitest'
import { buildManifest, verifyAgainstManifest } from '@/domain/bundle/manifest'

const files = [
  { name: 'bundle.docx', bytes: new TextEncoder().encode('the whole bundle') },
  { name: '02 Chronology.docx', bytes: new TextEncoder().encode('chronology') },
]
const meta = { caseRef: 'ASB-2026-00042', recipient: 'legal team' as const, createdAt: '2026-11-20T10:00:00.000Z', createdBy: 'Jo Smith' }

describe('bundle manifest', () => {
  it('lists every file with its SHA-256 and size, the case, when and by whom', () => {
    const manifest = buildManifest(meta, files)
    expect(manifest).toMatchObject({ caseRef: 'ASB-2026-00042', createdBy: 'Jo Smith', createdAt: '2026-11-20T10:00:00.000Z' })
    // SHA-256 of "chronology", worked out independently with `sha256sum`.
    expect(manifest.files[1]).toEqual({ name: '02 Chronology.docx', sha256: 'fdf1ffbe79e3b2841d2a9347179d7e74781df3cdf8ef99265e6204f897dcefec', size: 10 })
  })

  it('passes untouched files and names the file whose byte changed, went missing or was added', () => {
    const manifest = buildManifest(meta, files)
    expect(verifyAgainstManifest(manifest, files)).toMatchObject({ ok: true, problems: [] })
    const tampered = files.map((f) => ({ ...f, bytes: f.bytes.slice() }))
    tampered[1].bytes[3] ^= 1
    const result = verifyAgainstManifest(manifest, tampered)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([{ file: '02 Chronology.docx', problem: 'changed' }])
    expect(result.message).toContain('02 Chronology.docx (changed)')
    expect(verifyAgainstManifest(manifest, [files[0], { name: 'extra.txt', bytes: new Uint8Array([1]) }]).problems).toEqual([
      { file: '02 Chronology.docx', problem: 'missing' }, { file: 'extra.txt', problem: 'not in the manifest' },
    ])
  })
})
