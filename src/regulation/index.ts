/** Front door of regulation: the EU Cyber Resilience Act's Article 14 cases, their clocks and sweep, the report page's panel, the notice to users. */
export { runCraSweep, startCraScheduler } from './cra-sweep.js'
export { type CraPanelView, loadCraPanel } from './load-panel.js'
export { regulationRoutes } from './routes.js'
export { userNoticeFor } from './user-notice.js'
export { CraPanel } from './views/cra-panel.js'
