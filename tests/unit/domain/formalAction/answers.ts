import { protectedCharacteristics } from '@/domain/people'
import { proportionalityPoints, type EiaAnswers, type ProportionalityAnswers } from '@/domain/formalAction'

/** A fully answered proportionality assessment, linking the given incidents as proof. */
export function completeProportionality(incidentIds: string[]): ProportionalityAnswers {
  return {
    points: Object.fromEntries(proportionalityPoints.map((p) => [p.id, {
      answer: 'yes', reasons: `Considered ${p.title.toLowerCase()} with the evidence on file.`,
      incidentIds: p.id === 'groundProvable' ? incidentIds : [], interventionIds: [], documentIds: [],
    }])),
    statement: 'Possession is a proportionate way to protect the neighbours after warnings failed.',
  }
}

export function completeEia(): EiaAnswers {
  return {
    characteristics: Object.fromEntries(protectedCharacteristics.map((c) => [c, { status: 'not known', detail: '', impact: 'None identified', mitigation: '' }])),
    disability: { arisingFromDisability: 'no', arisingReasons: '', adjustmentsMade: 'Letters offered in large print.' },
    household: { children: 'no', childrenDetail: '', homelessnessRisk: 'yes', localAuthorityInformed: 'yes', localAuthorityDetail: 'Housing options told on 20 November.' },
    safeguarding: { concerns: 'no', referralsMade: '' },
    capacity: { understandsProceedings: 'yes', litigationFriendNeeded: 'no', under18: 'no', detail: '' },
    conclusion: 'No disproportionate impact on any protected group was found.',
  }
}
