/**
 * Profile passphrases are kept only as a slow salted hash: PBKDF2-SHA-256 via WebCrypto, with the
 * iteration count stored beside the hash so it can be raised later without locking anyone out.
 * (OWASP 2023 guidance for PBKDF2-HMAC-SHA256: 600,000 iterations.)
 */
export const PASSPHRASE_ITERATIONS = 600_000
export const MIN_PASSPHRASE_LENGTH = 8

export interface PassphraseHash {
  algorithm: 'PBKDF2-SHA-256'
  iterations: number
  salt: string
  hash: string
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const fromHex = (hex: string) => new Uint8Array(hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? [])

async function derive(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256)
  return new Uint8Array(bits)
}

export function passphraseProblem(passphrase: string): string | undefined {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return `must be at least ${MIN_PASSPHRASE_LENGTH} characters`
  if (passphrase.length > 256) return 'must be 256 characters or fewer'
  return undefined
}

export async function hashPassphrase(passphrase: string, iterations = PASSPHRASE_ITERATIONS): Promise<PassphraseHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toHex(salt), hash: toHex(await derive(passphrase, salt, iterations)) }
}

/** Constant-time comparison of the derived key with the stored one. */
export async function passphraseMatches(passphrase: string, stored: PassphraseHash): Promise<boolean> {
  const derived = await derive(passphrase, fromHex(stored.salt), stored.iterations)
  const expected = fromHex(stored.hash)
  if (derived.length !== expected.length) return false
  let diff = 0
  for (let i = 0; i < derived.length; i++) diff |= derived[i] ^ expected[i]
  return diff === 0
}
