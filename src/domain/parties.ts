export const partyRoles = [
  'reporter', 'victim', 'witness', 'alleged perpetrator', 'household member', 'representative', 'agency',
] as const
export type PartyRole = (typeof partyRoles)[number]

/** A person's part in one case. [003 §3.5, 001 §7.1] */
export interface CaseParty {
  id: string
  caseId: string
  personId: string
  role: PartyRole
  /** For household members: whose household (a personId). */
  householdOf?: string
  consentToShare: boolean
  consentToApproach: boolean
  /** The reporter/witness asked that the alleged perpetrator is not told who they are. [001 §7] */
  identityConfidential: boolean
  createdAt: string
}

/** Roles on the "other side" of a case: letters to them pass through the confidentiality guard. */
export const perpetratorSideRoles: PartyRole[] = ['alleged perpetrator', 'household member', 'representative']
