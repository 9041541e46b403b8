/** Front door of the audit feature: the organization's audit log page and the chain verification. */
export { auditRoutes } from './routes.js'
export { type ChainVerdict, verifyAuditChain } from './use-cases/verify-audit-chain.js'
