import { allocateExhibits, loadBundleSources } from '@/data/repositories/bundles'
import { assembleBundle, type AssembledBundle } from '@/domain/bundle/bundleContent'
import type { BundleRecipient } from '@/domain/bundle/wording'
import { insertBundleFixture, type BundleFixture } from '../../helpers/bundleFixture'
import { freshDatabase } from '../../helpers/db'

/** A bundle fixture with exhibit numbers given, and its sources read back as the app reads them. */
export async function preparedFixture(options: { extraIncidents?: number } = {}) {
  const database = await freshDatabase()
  const fixture: BundleFixture = await insertBundleFixture(database, options)
  await allocateExhibits(fixture.case.id, fixture.officer.id, database)
  const sources = await loadBundleSources(fixture.case.id, database)
  return { database, fixture, sources }
}

export function assemble(sources: Awaited<ReturnType<typeof loadBundleSources>>, recipient: BundleRecipient, reliedOnIncidentIds?: string[]): AssembledBundle {
  return assembleBundle({
    file: sources.file, staff: sources.staff, organisation: sources.organisation.name, recipient, reliedOnIncidentIds,
    preparedBy: 'Jo Smith', preparedAt: '2026-11-20T10:00:00.000Z', servedTexts: new Map([['doc-ack', ['Dear Maya Okonjo', 'We will call you on 07700 900123.']], ['doc-warn', ['Dear Dean Harlow', 'Shouting on 5 September 2026.']]]),
  })
}
