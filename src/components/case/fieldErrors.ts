import { ref } from 'vue'
import { PolicyRefusal, ValidationError } from '@/domain/validation'

/**
 * Runs a save and turns a refusal into messages: one per field (shown on the field) plus a
 * general message for policy refusals. Nothing typed is cleared when a save is refused.
 */
export function useFieldErrors() {
  const errors = ref<Record<string, string>>({})
  const failure = ref('')
  const success = ref('')
  async function attempt(work: () => Promise<unknown>, done: string): Promise<boolean> {
    errors.value = {}
    failure.value = ''
    success.value = ''
    try {
      await work()
      success.value = done
      return true
    } catch (error) {
      if (error instanceof ValidationError) {
        errors.value = Object.fromEntries(error.problems.map((p) => [p.field, p.message]))
        failure.value = error.message
      } else if (error instanceof PolicyRefusal) failure.value = error.message
      else failure.value = `Not saved: ${(error as Error).message}`
      return false
    }
  }
  return { errors, failure, success, attempt }
}

/** "YYYY-MM-DDTHH:mm" in local time, for datetime-local inputs. */
export function localDateTimeNow(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
