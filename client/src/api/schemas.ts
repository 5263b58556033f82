/**
 * The request schemas the client validates its forms with: the server's own, from the one contract.
 */
export { answers as answersSchema, createApplicationBody as createSchema, personDetails as personDetailsSchema } from '../../../server/contract/applications.js';
export { publicSearchQuery as searchQuerySchema, verifyQuery as verifyQuerySchema } from '../../../server/contract/public-register.js';
export { decisionBody as decisionSchema } from '../../../server/contract/staff.js';
export { isVerificationCode, normalizeVerificationCode } from '../../../server/contract/verification-code.js';
export { cpdActivityDecisionBody as cpdActivityDecisionSchema } from '../../../server/contract/staff-cpd.js';
