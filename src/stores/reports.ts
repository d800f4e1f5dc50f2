import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { readCharacteristics, readKpiInput, readPartiesOf } from '@/data/repositories/reports'
import { drawQualitySample, listQualitySamples, scoreQualitySample } from '@/data/repositories/qualitySampling'
import { readSettings } from '@/data/repositories/settings'
import { storeDocument } from '@/data/repositories/documents'
import { listUsers } from '@/data/repositories/users'
import { localToday } from '@/data/repositories/cases'
import { BOARD_REPORT_VERSION, buildBoardReport } from '@/documents/boardReport'
import { defaultCalendar } from '@/domain/calendarData'
import { equalityReport, kpiReport, type KpiInput, type KpiReport } from '@/domain/kpis/report'
import { recentQuarters, type ReportPeriod } from '@/domain/kpis/periods'
import { qualityChecklist, sampleScore, scoresOverTime, type QualitySample, type QualityScoreInput } from '@/domain/kpis/qualitySampling'
import { defaultReportingRules } from '@/domain/kpis/reportingRules'
import type { KpiTable } from '@/domain/kpis/rows'
import { csvFileName, tableCsv } from '@/domain/kpis/tableCsv'
import { organisationSettings } from '@/domain/settings/organisation'
import { closureSettings } from '@/domain/settings/closure'
import type { ReportingRules } from '@/domain/kpis/reportingRules'
import type { UserProfile } from '@/domain/users'
import { saveFile } from '@/platform'
import { useSessionStore } from './session'

/**
 * The Reports screen: KPIs for a period and scope, equality trends on request, exports, and
 * manager quality sampling. Emits the `kpis:year` User Timing measure (read by `npm run bench`)
 * whenever a period of a year or more is worked out; shorter periods are `kpis:period`.
 */
export const useReportsStore = defineStore('reports', () => {
  const today = ref(localToday())
  const quarters = computed(() => recentQuarters(today.value, 8, defaultReportingRules.financialYearStartMonth))
  const period = shallowRef<ReportPeriod>(quarters.value[0])
  const officerId = ref<string | undefined>()
  const officers = ref<UserProfile[]>([])
  const report = shallowRef<KpiReport | undefined>()
  const equality = shallowRef<KpiTable[] | undefined>()
  const loading = ref(false)
  const error = ref('')
  const samples = shallowRef<QualitySample[]>([])
  let input: { key: string; value: KpiInput } | undefined
  let rules: ReportingRules = defaultReportingRules

  /**
   * The counting rules, with the repeat window the closure settings use when a case is reopened,
   * so the Reports screen and the case page agree on what a repeat is.
   */
  async function loadRules(): Promise<ReportingRules> {
    const closure = await readSettings(closureSettings)
    rules = { ...defaultReportingRules, repeatWithinDays: closure.repeatWindowDays }
    return rules
  }

  const scopeLabel = computed(() => (officerId.value ? officers.value.find((o) => o.id === officerId.value)?.name ?? 'one officer' : 'the whole organisation'))

  async function loadOfficers(): Promise<void> {
    officers.value = (await listUsers()).filter((u) => u.role === 'officer' || u.role === 'manager')
  }

  /** Works out the report; the data for a period is read once and reused when only the scope changes. */
  async function run(nextPeriod: ReportPeriod = period.value, nextOfficer: string | undefined = officerId.value): Promise<KpiReport> {
    loading.value = true
    error.value = ''
    const days = (Date.parse(nextPeriod.to) - Date.parse(nextPeriod.from)) / 86_400_000 + 1
    const measure = days >= 365 ? 'kpis:year' : 'kpis:period'
    performance.mark(`${measure}:start`)
    try {
      const key = `${nextPeriod.from}|${nextPeriod.to}`
      if (input?.key !== key) {
        await loadRules()
        input = { key, value: await readKpiInput(nextPeriod) }
      }
      const result = kpiReport(input.value, { period: nextPeriod, officerId: nextOfficer, asOf: today.value }, rules, defaultCalendar)
      period.value = nextPeriod
      officerId.value = nextOfficer
      report.value = result
      equality.value = undefined
      return result
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      throw e
    } finally {
      loading.value = false
      performance.mark(`${measure}:end`)
      performance.measure(measure, `${measure}:start`, `${measure}:end`)
    }
  }

  /** Forgets the read data (after loading a demo caseload, or to pick up today's changes). */
  function invalidate(): void {
    input = undefined
    today.value = localToday()
  }

  async function loadEquality(): Promise<KpiTable[]> {
    if (!input || !report.value) await run()
    const opened = new Set(input!.value.cases.filter((c) => c.openedAt.slice(0, 10) >= period.value.from && c.openedAt.slice(0, 10) <= period.value.to).map((c) => c.id))
    const parties = await readPartiesOf(opened)
    const people = await readCharacteristics(parties)
    equality.value = equalityReport({ cases: input!.value.cases, parties, people }, report.value!.scope, rules)
    return equality.value
  }

  async function exportCsv(table: KpiTable): Promise<string> {
    const csv = tableCsv(table, `${table.title} — ${period.value.label} — ${scopeLabel.value}`)
    const name = csvFileName(table, period.value.label)
    const result = await saveFile({ suggestedName: name, bytes: new TextEncoder().encode(csv) })
    return result.saved ? name : ''
  }

  const qualityTrend = computed(() => scoresOverTime(samples.value, defaultReportingRules.financialYearStartMonth))

  function qualityTables(): KpiTable[] {
    const trend = qualityTrend.value
    if (trend.length === 0) return []
    return [{
      id: 'quality-sampling',
      title: 'Quality sampling scores',
      columns: ['Quarter sampled', 'Cases scored', 'Average score', ...qualityChecklist.map((i) => i.label)],
      rows: trend.map((t) => [t.quarter, t.scored, t.averagePercent === null ? '—' : `${t.averagePercent}%`, ...qualityChecklist.map((i) => (t.byItem[i.id] === null ? 'n/a' : `${t.byItem[i.id]}%`))]),
      note: 'Score: checklist items met out of those that apply to the case.',
    }]
  }

  /** The Word report for the board, saved to the documents register and to a file. */
  async function exportBoardReport(): Promise<string> {
    const session = useSessionStore()
    if (!report.value) await run()
    if (samples.value.length === 0) await loadSamples()
    const organisation = await readSettings(organisationSettings)
    const user = session.user!
    const bytes = new Uint8Array(await buildBoardReport({
      organisation, author: { name: user.name, jobTitle: user.jobTitle, phone: user.phone, email: user.email }, report: report.value!,
      scopeLabel: scopeLabel.value, date: today.value, extraTables: [...(equality.value ?? []), ...qualityTables()],
    }))
    const fileName = `asb-board-report-${csvFileName({ id: 'kpis' }, period.value.label).replace(/^kpis-|\.csv$/g, '')}.docx`
    await storeDocument({
      kind: 'board report', title: `ASB performance report ${period.value.label}`, recipientName: `The Board, ${organisation.name}`,
      fileName, bytes, templateVersion: BOARD_REPORT_VERSION, ruleSetVersion: defaultReportingRules.version,
    }, session.userId)
    const saved = await saveFile({ suggestedName: fileName, bytes })
    return saved.saved ? fileName : ''
  }

  async function loadSamples(): Promise<void> {
    samples.value = await listQualitySamples()
  }

  async function drawSample(request: { from: string; to: string; size: number; officerId?: string }): Promise<QualitySample[]> {
    const drawn = await drawQualitySample(request, useSessionStore().userId)
    await loadSamples()
    return drawn
  }

  async function scoreSample(sampleId: string, score: QualityScoreInput): Promise<void> {
    await scoreQualitySample(sampleId, score, useSessionStore().userId)
    await loadSamples()
  }

  return {
    today, quarters, period, officerId, officers, report, equality, loading, error, scopeLabel, samples, qualityTrend,
    loadOfficers, run, invalidate, loadEquality, exportCsv, exportBoardReport, loadSamples, drawSample, scoreSample, qualityTables, sampleScore,
  }
})
