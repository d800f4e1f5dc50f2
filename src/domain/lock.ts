/**
 * Rate limit for the lock screen: the first few mistakes cost nothing (people mistype), then each
 * further failure doubles the wait, capped at five minutes. This slows guessing at an unattended
 * laptop to a handful of tries an hour without locking the officer out for good.
 */
export const FREE_UNLOCK_ATTEMPTS = 3
export const MAX_UNLOCK_DELAY_SECONDS = 300

export function unlockDelaySeconds(failedAttempts: number): number {
  if (failedAttempts < FREE_UNLOCK_ATTEMPTS) return 0
  return Math.min(MAX_UNLOCK_DELAY_SECONDS, 5 * 2 ** (failedAttempts - FREE_UNLOCK_ATTEMPTS))
}

/** True when the screen has been left alone for at least the configured time. */
export function idleLongEnough(lastActivityMs: number, nowMs: number, idleMinutes: number): boolean {
  return nowMs - lastActivityMs >= idleMinutes * 60_000
}
