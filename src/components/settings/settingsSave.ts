import { ref } from 'vue'
import { ValidationError } from '@/domain/validation'

/**
 * Saving a settings section: a refused value is shown on its field (by the problem's field path)
 * and summed up in one message; a saved one says so. What was typed stays on screen either way.
 */
export function useSettingsSave() {
  const errors = ref<Record<string, string>>({})
  const saveMessage = ref('')
  const saveError = ref('')
  async function saveWith(work: () => Promise<unknown>, saved: string): Promise<void> {
    errors.value = {}
    saveMessage.value = ''
    saveError.value = ''
    try {
      await work()
      saveMessage.value = saved
    } catch (error) {
      if (error instanceof ValidationError) errors.value = Object.fromEntries(error.problems.map((p) => [p.field, p.message]))
      saveError.value = (error as Error).message
    }
  }
  return { errors, saveMessage, saveError, saveWith }
}
