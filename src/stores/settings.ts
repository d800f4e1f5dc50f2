import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { z } from 'zod'
import { readSettings, saveSettings } from '@/data/repositories/settings'
import type { SettingsSection } from '@/domain/settings/section'
import { useSessionStore } from './session'

/** Thin glue: views read and save settings sections through here. */
export const useSettingsStore = defineStore('settings', () => {
  const revision = ref(0)

  async function read<S extends z.ZodType>(section: SettingsSection<S>): Promise<z.infer<S>> {
    return readSettings(section)
  }

  async function save<S extends z.ZodType>(section: SettingsSection<S>, value: unknown): Promise<z.infer<S>> {
    const saved = await saveSettings(section, value, useSessionStore().userId)
    revision.value++
    return saved
  }

  return { revision, read, save }
})
