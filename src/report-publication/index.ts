/** Front door of the public version of a report: the team's panel, the reporter's card, the public pages, and the job that publishes. */
export {
  hasPublicReports,
  loadPublicVersionPanel,
  loadReporterPublicVersion,
  type PublicVersionPanelView,
  publicVersionsToPrepare,
  type ReporterPublicVersionView,
} from './load-public-version.js'
export { type ReportPublicationRun, runReportPublications, startReportPublicationJob } from './publish-due-versions.js'
export { reportPublicationRoutes } from './routes.js'
export { PublicVersionPanel } from './views/public-version-panel.js'
export { ReporterPublicVersionCard } from './views/reporter-public-version-card.js'
