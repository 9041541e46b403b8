/** Front door of recognition: credits with the reporter's consent, rewards per report, the hall of fame. */
export {
  hasHallOfFame,
  loadRecognitionPanel,
  loadReporterCredit,
  type RecognitionPanelView,
  type ReporterCreditView,
} from './load-recognition.js'
export { recognitionRoutes } from './routes.js'
export { RecognitionPanel } from './views/recognition-panel.js'
export { ReporterCreditCard } from './views/reporter-credit-card.js'
