import { z } from 'zod'
import { defaultRoutingTable, routingTableSchema } from '../routing'
import { defineSettingsSection } from './section'

/**
 * The routing table as an editable settings section. Default: every row of seed 003 Appendix 1
 * (resources/policy/routing-table.json) plus the high-harm and violence rows of seeds 001 and 004.
 * Each row also carries the category's default risk band [001 §6.4].
 */
export const routingSettingsSchema = routingTableSchema.superRefine((table, ctx) => {
  const seen = new Map<string, number>()
  table.rows.forEach((row, i) => {
    const key = row.category.trim().toLowerCase()
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'category'], message: `repeats row ${seen.get(key)! + 1}; each category must appear once` })
    else seen.set(key, i)
    if (row.route === 'Another agency' && !row.agency?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['rows', i, 'agency'], message: 'name the agency this category goes to' })
    }
  })
})
export type RoutingSettings = z.infer<typeof routingSettingsSchema>

export const routingSettings = defineSettingsSection({
  key: 'routing',
  title: 'Routing table',
  version: 1,
  schema: routingSettingsSchema,
  defaults: (): RoutingSettings => structuredClone(defaultRoutingTable),
})
