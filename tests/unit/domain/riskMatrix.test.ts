import { describe, expect, it } from 'vitest'
import { assessRisk } from '@/domain/riskMatrix'
import { defaultPolicy } from '@/domain/settings/policy'

const matrix = defaultPolicy().riskMatrix
const all = (n: number) => ({ harm: n, frequency: n, vulnerability: n, impact: n, escalation: n })
const base = { hateRelated: false, domesticAbuse: false, violence: false }

describe('risk matrix', () => {
  it('bands by weighted score: 5×2=10 Standard, 5×3=15 Medium, 5×4=20 High', () => {
    expect(assessRisk({ ...base, scores: all(2) }, matrix)).toMatchObject({ band: 'Standard', score: 10, maxScore: 25 })
    expect(assessRisk({ ...base, scores: all(3) }, matrix).band).toBe('Medium')
    expect(assessRisk({ ...base, scores: all(4) }, matrix).band).toBe('High')
  })

  it('hate crime, domestic abuse and violence force High whatever the score (seed 001 §6.4)', () => {
    for (const flag of ['hateRelated', 'domesticAbuse', 'violence'] as const) {
      const r = assessRisk({ ...base, [flag]: true, scores: all(1) }, matrix)
      expect(r.band).toBe('High')
      expect(r.reasons.join(' ')).toMatch(/always High/)
    }
  })

  it('never lowers the category default band', () => {
    expect(assessRisk({ ...base, scores: all(1), categoryBand: 'Medium' }, matrix).band).toBe('Medium')
  })

  it('uses the weights from settings', () => {
    const heavyHarm = { ...matrix, weights: { ...matrix.weights, harm: 5 } }
    // harm 5×5=25 + 4 others at 1 = 29 ≥ 18
    expect(assessRisk({ ...base, scores: { ...all(1), harm: 5 } }, heavyHarm).band).toBe('High')
    expect(assessRisk({ ...base, scores: { ...all(1), harm: 5 } }, matrix).band).toBe('Standard')
  })

  it('refuses a score outside 1–5', () => {
    expect(() => assessRisk({ ...base, scores: { ...all(3), harm: 6 } }, matrix)).toThrow(/harm must be scored from 1 to 5/)
  })
})
