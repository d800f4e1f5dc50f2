import { readFileSync } from 'node:fs'
import { Document, Packer, Paragraph } from 'docx'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import {
  capturedAtProblem, checkEvidenceSize, checkFitsStorage, duplicateRefusal, evidenceCountForIncident, evidenceCountsByIncident,
  emailSummary, evidenceDetailsSchema, EvidenceRefusal, findDuplicate, formatFileSize, sniffEvidence,
} from '@/domain/evidence'
import { evidenceSettings } from '@/domain/settings/evidence'

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/evidence/${name}`, import.meta.url)))
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
const padded = (head: number[], length = 300) => {
  const bytes = new Uint8Array(length)
  bytes.set(head)
  return bytes
}

async function refusal(promise: Promise<unknown>): Promise<EvidenceRefusal> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(EvidenceRefusal)
    return error as EvidenceRefusal
  }
  throw new Error('expected the file to be refused')
}

/** A minimal OLE compound file whose first directory sector holds the given stream names. */
function compoundFile(streamNames: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  const view = new DataView(bytes.buffer)
  view.setUint16(0x1a, 0x3e, true) // minor version
  view.setUint16(0x1c, 0x0003, true) // major version 3
  view.setUint16(0x1e, 9, true) // 512-byte sectors
  view.setUint32(0x30, 0, true) // first directory sector = sector 0 (file offset 512)
  ;['Root Entry', ...streamNames].slice(0, 4).forEach((name, i) => {
    const at = 512 + i * 128
    for (let c = 0; c < name.length; c++) view.setUint16(at + c * 2, name.charCodeAt(c), true)
    view.setUint16(at + 0x40, (name.length + 1) * 2, true)
  })
  return bytes
}

describe('sniffing evidence files by their first bytes', () => {
  it('accepts the real PNG, MP3, WAV and PDF fixtures with the type their content shows', async () => {
    expect((await sniffEvidence('door.png', fixture('door.png'))).mimeType).toBe('image/png')
    expect((await sniffEvidence('noise-app.mp3', fixture('noise-app.mp3'))).mimeType).toBe('audio/mpeg')
    expect((await sniffEvidence('tone.wav', fixture('tone.wav'))).kind).toBe('audio')
    expect((await sniffEvidence('police-letter.pdf', fixture('police-letter.pdf'))).kind).toBe('pdf')
    expect((await sniffEvidence('doorbell.webm', fixture('doorbell.webm'))).mimeType).toBe('video/webm')
  })

  it('judges by content, not by upper-case or lower-case extension', async () => {
    expect((await sniffEvidence('DOOR.PNG', fixture('door.png'))).mimeType).toBe('image/png')
  })

  it('refuses a Linux program renamed as a photo, saying what it really is', async () => {
    const refused = await refusal(sniffEvidence('holiday-photo.png', fixture('holiday-photo.png')))
    expect(refused.code).toBe('content mismatch')
    expect(refused.message).toContain('"holiday-photo.png" was not added')
    expect(refused.message).toContain('does not match its .png extension')
    expect(refused.message).toContain('a Linux program')
  })

  it('refuses a Windows program renamed as a photo', async () => {
    const refused = await refusal(sniffEvidence('setup.png', fixture('setup.png')))
    expect(refused.code).toBe('content mismatch')
    expect(refused.message).toContain('a Windows program')
  })

  it('refuses a genuine file of an accepted type under the wrong accepted extension', async () => {
    const refused = await refusal(sniffEvidence('recording.mp3', fixture('door.png')))
    expect(refused.code).toBe('content mismatch')
    expect(refused.message).toContain('.mp3 extension')
    expect(refused.message).toContain('a PNG image')
  })

  it('refuses an empty file with its own message', async () => {
    const refused = await refusal(sniffEvidence('photo.jpg', new Uint8Array()))
    expect(refused.code).toBe('empty')
    expect(refused.message).toContain('empty (0 bytes)')
  })

  it('refuses types that are not accepted, and names those that are', async () => {
    const exe = await refusal(sniffEvidence('player.exe', fixture('setup.png')))
    expect(exe.code).toBe('type not accepted')
    expect(exe.message).toContain('.exe files are not accepted')
    expect(exe.message).toContain('MP3')
    const bare = await refusal(sniffEvidence('README', fixture('door.png')))
    expect(bare.message).toContain('without an extension')
  })

  it('accepts JPEG, HEIC, M4A, MP4, WebM and Ogg by their headers', async () => {
    const ftyp = (brand: string, compatible = 'isom') => padded([0, 0, 0, 0x18, ...ascii('ftyp'), ...ascii(brand), 0, 0, 0, 0, ...ascii(brand), ...ascii(compatible)])
    expect((await sniffEvidence('photo.jpeg', padded([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...ascii('JFIF'), 0]))).mimeType).toBe('image/jpeg')
    expect((await sniffEvidence('IMG_0001.HEIC', ftyp('heic', 'mif1'))).previewable).toBe(false)
    expect((await sniffEvidence('memo.m4a', ftyp('M4A '))).kind).toBe('audio')
    expect((await sniffEvidence('memo.m4a', ftyp('mp42'))).kind).toBe('audio')
    expect((await sniffEvidence('cctv.mp4', ftyp('isom'))).kind).toBe('video')
    const webm = padded([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, ...ascii('webm')])
    expect((await sniffEvidence('doorbell.webm', webm)).kind).toBe('video')
    const ogg = padded([...ascii('OggS'), 0, 2, ...new Array(20).fill(0), 1, 0x1e, 1, ...ascii('vorbis')])
    expect((await sniffEvidence('voice.ogg', ogg)).mimeType).toBe('audio/ogg')
  })

  it('accepts a Word document made by the docx library and refuses a plain zip renamed .docx', async () => {
    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Witness account')] }] })))
    expect((await sniffEvidence('statement.docx', docx)).kind).toBe('document')
    const zip = new JSZip()
    zip.file('notes.txt', 'not a Word document')
    const refused = await refusal(sniffEvidence('statement.docx', await zip.generateAsync({ type: 'uint8array' })))
    expect(refused.message).toContain('a zip archive')
  })

  it('accepts an email saved as .eml and refuses text or binary that is not an email', async () => {
    expect((await sniffEvidence('complaint.eml', fixture('complaint.eml'))).kind).toBe('email')
    const notes = await refusal(sniffEvidence('complaint.eml', new TextEncoder().encode('Dear officer,\nthe music was loud.\n')))
    expect(notes.code).toBe('content mismatch')
    expect(notes.message).toContain('From:')
    const binary = await refusal(sniffEvidence('complaint.eml', fixture('door.png')))
    expect(binary.message).toContain('a PNG image')
  })

  it('accepts an Outlook .msg and refuses an old Word file renamed .msg', async () => {
    expect((await sniffEvidence('from-police.msg', compoundFile(['__nameid_version1.0', '__substg1.0_0037001F']))).kind).toBe('email')
    const refused = await refusal(sniffEvidence('from-police.msg', compoundFile(['WordDocument', '1Table'])))
    expect(refused.code).toBe('content mismatch')
    expect(refused.message).toContain('not an Outlook message')
  })
})

describe('size and storage limits', () => {
  it('defaults to a 200 MB limit per file', () => {
    expect(evidenceSettings.defaults().maxFileSizeMb).toBe(200)
  })

  it('accepts a file of exactly the limit and refuses one byte more, naming the size and the limit', () => {
    expect(() => checkEvidenceSize('cctv.mp4', 200 * 1024 * 1024, 200)).not.toThrow()
    try {
      checkEvidenceSize('cctv.mp4', 250 * 1024 * 1024, 200)
      expect.unreachable()
    } catch (error) {
      expect((error as EvidenceRefusal).code).toBe('too large')
      expect((error as Error).message).toContain('250.0 MB, over the 200 MB limit')
    }
  })

  it('refuses a file that would not fit the storage estimate once the reserve is kept', () => {
    const mb = 1024 * 1024
    expect(() => checkFitsStorage('clip.mp4', 40 * mb, { usage: 900 * mb, quota: 1000 * mb }, 50)).not.toThrow()
    expect(() => checkFitsStorage('clip.mp4', 60 * mb, { usage: 900 * mb, quota: 1000 * mb }, 50)).toThrow(/needs 60\.0 MB but only 50\.0 MB is free/)
    expect(() => checkFitsStorage('clip.mp4', 60 * mb, { usage: 990 * mb, quota: 1000 * mb }, 50)).toThrow(/only 0 bytes is free/)
  })

  it('does not refuse when the platform gives no estimate', () => {
    expect(() => checkFitsStorage('clip.mp4', 10, undefined, 50)).not.toThrow()
    expect(() => checkFitsStorage('clip.mp4', 10, {}, 50)).not.toThrow()
  })

  it('writes sizes as an officer reads them', () => {
    expect(formatFileSize(0)).toBe('0 bytes')
    expect(formatFileSize(1)).toBe('1 byte')
    expect(formatFileSize(10060)).toBe('10 KB')
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5 MB')
  })
})

describe('duplicates and counts', () => {
  const rows = [
    { incidentId: 'inc-1', sha256: 'aa', fileName: 'a.png', addedAt: '2026-09-20T10:00:00Z' },
    { incidentId: 'inc-1', sha256: 'bb', fileName: 'b.png', addedAt: '2026-09-20T10:00:00Z', removed: { at: '2026-09-21T10:00:00Z', by: 'u', reason: 'wrong incident' } },
    { incidentId: 'inc-2', sha256: 'cc', fileName: 'c.wav', addedAt: '2026-09-20T10:00:00Z' },
  ]

  it('finds a file with the same hash still on the case, but not one that was removed', () => {
    expect(findDuplicate('aa', rows)?.fileName).toBe('a.png')
    expect(findDuplicate('bb', rows)).toBeUndefined()
    expect(findDuplicate('dd', rows)).toBeUndefined()
  })

  it('says which file it duplicates and since when', () => {
    const refused = duplicateRefusal('copy of a.png', rows[0])
    expect(refused.code).toBe('duplicate')
    expect(refused.message).toBe('"copy of a.png" was not added: it is identical (same SHA-256) to "a.png", already on this case since 20 September 2026. The same file is kept once.')
  })

  it('counts the files still on each incident', () => {
    expect(evidenceCountForIncident(rows, 'inc-1')).toBe(1)
    expect(evidenceCountForIncident(rows, 'inc-3')).toBe(0)
    expect([...evidenceCountsByIncident(rows)]).toEqual([['inc-1', 1], ['inc-2', 1]])
  })
})

describe('the details of a batch of files', () => {
  it('needs a source from the list, names the field when it is missing', () => {
    const result = evidenceDetailsSchema.safeParse({ caseId: 'c', incidentId: 'i', source: 'neighbour' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].path).toEqual(['source'])
    expect(evidenceDetailsSchema.safeParse({ caseId: 'c', incidentId: 'i', source: 'app export' }).success).toBe(true)
  })

  it('takes a capture time from a date-time field and refuses one in the future', () => {
    expect(evidenceDetailsSchema.safeParse({ caseId: 'c', incidentId: 'i', source: 'reporter', capturedAt: '2026-09-19T22:50' }).success).toBe(true)
    const now = new Date('2026-09-20T12:00:00Z')
    expect(capturedAtProblem('2026-09-19T22:50', now)).toBeUndefined()
    expect(capturedAtProblem('2026-09-21T09:00', now)).toBe('cannot be in the future')
    expect(capturedAtProblem(undefined, now)).toBeUndefined()
  })
})

describe('what a saved email shows', () => {
  it('reads sender, recipient, subject and date from the header lines', () => {
    expect(emailSummary(fixture('complaint.eml'))).toEqual({
      from: 'Maya Okonjo <maya.okonjo@example.org>',
      to: 'asb@riversidevale.example',
      subject: 'Noise from Flat 7 again last night',
      date: 'Sat, 19 Sep 2026 08:12:44 +0100',
    })
  })

  it('unfolds long headers and decodes encoded words as a mail client would', () => {
    const raw = 'From: =?utf-8?B?WsO8bGVpa2EgTm/DqQ==?= <z@example.org>\r\nSubject: =?utf-8?Q?Caf=C3=A9_noise?=\r\n and more\r\nDate: Mon, 21 Sep 2026 10:00:00 +0100\r\n\r\nBody'
    const summary = emailSummary(new TextEncoder().encode(raw))
    expect(summary.from).toBe('Züleika Noé <z@example.org>')
    expect(summary.subject).toBe('Café noise and more')
    expect(summary.to).toBe('')
  })
})
