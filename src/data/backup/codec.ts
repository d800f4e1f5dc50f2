import { BACKUP_MAGIC, BackupRefusal, backupHeaderSchema, type BackupHeader } from '@/domain/backup'
import { PASSPHRASE_ITERATIONS } from '@/domain/passphrase'

/**
 * Bytes in and out of a backup file: JSON with binary values tagged, and AES-GCM sealing under a
 * key derived from the backup passphrase (PBKDF2-SHA-256, all WebCrypto).
 */

const BYTES_TAG = '$asb:bytes'
const BLOB_TAG = '$asb:blob'

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
export const fromHex = (hex: string): Uint8Array => new Uint8Array(hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? [])

/**
 * Blobs must be read before serialising (an async read), so rows are first walked to turn each
 * Blob into tagged bytes. Done outside any Dexie transaction.
 */
export async function encodeValue(value: unknown): Promise<unknown> {
  if (value instanceof Uint8Array) return { [BYTES_TAG]: bytesToBase64(value) }
  if (value instanceof ArrayBuffer) return { [BYTES_TAG]: bytesToBase64(new Uint8Array(value)) }
  if (typeof Blob !== 'undefined' && value instanceof Blob) return { [BLOB_TAG]: bytesToBase64(new Uint8Array(await value.arrayBuffer())), type: value.type }
  if (Array.isArray(value)) return Promise.all(value.map(encodeValue))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = await encodeValue(v)
    return out
  }
  return value
}

export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record[BYTES_TAG] === 'string') return base64ToBytes(record[BYTES_TAG])
    if (typeof record[BLOB_TAG] === 'string') return new Blob([base64ToBytes(record[BLOB_TAG]) as BlobPart], { type: typeof record.type === 'string' ? record.type : '' })
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeValue(v)]))
  }
  return value
}

/** The AES key and a separate check value, both from one PBKDF2 derivation. */
export interface BackupKey {
  salt: string
  iterations: number
  /** Second half of the derived bits: tells a wrong passphrase apart from a changed file. */
  check: string
  key: CryptoKey
}

export async function deriveBackupKey(passphrase: string, saltHex?: string, iterations = PASSPHRASE_ITERATIONS): Promise<BackupKey> {
  const salt = saltHex ? fromHex(saltHex) : crypto.getRandomValues(new Uint8Array(16))
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits'])
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, 512))
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt'])
  return { salt: toHex(salt), iterations, check: toHex(bits.slice(32)), key }
}

/** Rebuilds a key from stored raw bytes (the automatic-backup key kept on this computer). */
export async function importBackupKey(stored: { salt: string; iterations: number; check: string; keyHex: string }): Promise<BackupKey> {
  const key = await crypto.subtle.importKey('raw', fromHex(stored.keyHex) as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt'])
  return { salt: stored.salt, iterations: stored.iterations, check: stored.check, key }
}

/** Raw key bytes for keeping on this computer (see backup.ts for why that is safe enough). */
export async function rawKeyBytes(passphrase: string, saltHex: string, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits'])
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(saltHex) as BufferSource, iterations }, material, 512))
  return bits.slice(0, 32)
}

const encoder = new TextEncoder()

export async function sealBackup(plaintext: Uint8Array, key: BackupKey, createdAt: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const header: BackupHeader = {
    kdf: { algorithm: 'PBKDF2-SHA-256', iterations: key.iterations, salt: key.salt },
    check: key.check,
    cipher: { algorithm: 'AES-GCM', iv: toHex(iv) },
    ciphertextLength: plaintext.byteLength + 16,
    createdAt,
  }
  const preamble = encoder.encode(`${BACKUP_MAGIC}\n${JSON.stringify(header)}\n`)
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: preamble as BufferSource }, key.key, plaintext as BufferSource))
  const out = new Uint8Array(preamble.byteLength + ciphertext.byteLength)
  out.set(preamble, 0)
  out.set(ciphertext, preamble.byteLength)
  return out
}

/** Reads the unencrypted header; refuses a file that is not a backup or is cut short. */
export function readBackupHeader(file: Uint8Array): { header: BackupHeader; preamble: Uint8Array; ciphertext: Uint8Array } {
  const magic = encoder.encode(`${BACKUP_MAGIC}\n`)
  const startsWithMagic = file.byteLength >= magic.byteLength && magic.every((b, i) => file[i] === b)
  if (!startsWithMagic) throw new BackupRefusal('not a backup', 'This file is not an ASB Workstation backup.')
  const headerEnd = file.indexOf(0x0a, magic.byteLength)
  if (headerEnd < 0) throw new BackupRefusal('truncated', 'The backup is incomplete: the file stops inside its header.')
  let header: BackupHeader
  try {
    const parsed = backupHeaderSchema.safeParse(JSON.parse(new TextDecoder().decode(file.subarray(magic.byteLength, headerEnd))))
    if (!parsed.success) throw new Error('bad header')
    header = parsed.data
  } catch {
    throw new BackupRefusal('tampered', 'The backup header is damaged or has been changed, so the file cannot be trusted.')
  }
  const ciphertext = file.subarray(headerEnd + 1)
  if (ciphertext.byteLength < header.ciphertextLength) {
    throw new BackupRefusal('truncated', `The backup is incomplete (truncated): it should hold ${header.ciphertextLength.toLocaleString('en-GB')} bytes of data but holds ${ciphertext.byteLength.toLocaleString('en-GB')}.`)
  }
  if (ciphertext.byteLength > header.ciphertextLength) throw new BackupRefusal('tampered', 'The backup has extra bytes added after its data, so the file cannot be trusted.')
  return { header, preamble: file.subarray(0, headerEnd + 1), ciphertext }
}

/** Decrypts a backup; distinguishes a wrong passphrase from a changed file. */
export async function openBackup(file: Uint8Array, passphrase: string): Promise<{ plaintext: Uint8Array; key: BackupKey; header: BackupHeader }> {
  const { header, preamble, ciphertext } = readBackupHeader(file)
  const key = await deriveBackupKey(passphrase, header.kdf.salt, header.kdf.iterations)
  if (key.check !== header.check) throw new BackupRefusal('wrong passphrase', 'The backup passphrase is not right for this file.')
  try {
    const plaintext = new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromHex(header.cipher.iv) as BufferSource, additionalData: preamble as BufferSource }, key.key, ciphertext as BufferSource),
    )
    return { plaintext, key, header }
  } catch {
    throw new BackupRefusal('tampered', 'The backup has been changed or damaged since it was made (its encryption check failed), so nothing was restored.')
  }
}
