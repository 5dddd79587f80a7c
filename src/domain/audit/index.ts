export {
  auditActions,
  chainStart,
  newAuditEntryProblem,
  type AuditAction,
  type AuditDetails,
  type AuditDetailValue,
  type AuditEntry,
  type AuditSubject,
  type ChainHead,
  type NewAuditEntry,
} from './entry.ts';
export { canonicalText } from './canonical.ts';
export {
  endChainWalk,
  sealAuditEntry,
  startChainWalk,
  verifyChain,
  walkChain,
  walkLinks,
  type ChainLink,
  type ChainProblem,
  type ChainVerdict,
  type ChainWalk,
  type HashOf,
  type SealedTextOf,
} from './chain.ts';
export { describeAuditAction, describeChainVerdict } from './words.ts';
