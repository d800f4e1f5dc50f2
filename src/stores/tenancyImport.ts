import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { checkTenancyRows, guessMapping, parseTenancyCsv, type CheckedFile, type ColumnMapping, type ParsedCsv } from '@/domain/tenancyImport'
import { importTenancies, previewTenancyImport, type ImportPlanRow } from '@/data/repositories/tenancyImport'
import { useSessionStore } from './session'

/** Glue for the tenancy import screen: read → map columns → check and preview → accept. */
export const useTenancyImportStore = defineStore('tenancyImport', () => {
  const session = useSessionStore()
  const fileName = ref('')
  const parsed = ref<ParsedCsv | undefined>()
  const mapping = ref<ColumnMapping>({})
  const checked = ref<CheckedFile | undefined>()
  const plan = ref<ImportPlanRow[]>([])
  const result = ref<{ created: number; updated: number } | undefined>()

  const newCount = computed(() => plan.value.filter((r) => !r.updates).length)
  const updateCount = computed(() => plan.value.filter((r) => r.updates).length)

  async function readFile(name: string, text: string): Promise<void> {
    fileName.value = name
    result.value = undefined
    parsed.value = parseTenancyCsv(text)
    if (!parsed.value.headers.length) throw new Error('The file has no heading row, so its columns cannot be matched.')
    mapping.value = guessMapping(parsed.value.headers)
    await check()
  }

  async function check(): Promise<void> {
    if (!parsed.value) return
    checked.value = checkTenancyRows(parsed.value, mapping.value)
    plan.value = checked.value.rows.length ? await previewTenancyImport(checked.value.rows) : []
  }

  async function accept(): Promise<{ created: number; updated: number }> {
    if (!checked.value?.rows.length) throw new Error('There are no valid rows to import.')
    result.value = await importTenancies(checked.value.rows, session.userId)
    checked.value = undefined
    parsed.value = undefined
    plan.value = []
    return result.value
  }

  function reset(): void {
    fileName.value = ''
    parsed.value = undefined
    checked.value = undefined
    plan.value = []
    mapping.value = {}
  }

  return { fileName, parsed, mapping, checked, plan, result, newCount, updateCount, readFile, check, accept, reset }
})
