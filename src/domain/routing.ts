import { z } from 'zod'
import { riskBands, routes } from './cases'
import shippedRoutingTable from '../../resources/policy/routing-table.json'

/**
 * The routing table: which team handles each report category, and the category's default risk
 * band. Default rows from seed 003 Appendix 1; editable data in Settings.
 */
export const routingRowSchema = z.object({
  category: z.string().trim().min(2, 'is required').max(120),
  route: z.enum(routes),
  agency: z.string().trim().max(120).optional(),
  band: z.enum(riskBands),
  hate: z.boolean().optional(),
  domesticAbuse: z.boolean().optional(),
  highHarm: z.boolean().optional(),
  source: z.string().max(200).optional(),
})
export type RoutingRow = z.infer<typeof routingRowSchema>

export const routingTableSchema = z.object({
  version: z.string().min(1),
  source: z.string().optional(),
  rows: z.array(routingRowSchema).min(1, 'needs at least one category'),
})
export type RoutingTable = z.infer<typeof routingTableSchema>

export const defaultRoutingTable: RoutingTable = routingTableSchema.parse(shippedRoutingTable)

export function routeFor(table: RoutingTable, category: string): RoutingRow | undefined {
  return table.rows.find((r) => r.category === category)
}
