/** Front door of reply templates (issue 14, item 7): the templates page, and what the report page's reply form offers and inserts. */

export { replyTemplateRoutes } from './routes.js'
export { loadReplyTemplateChoice, type ReplyTemplateChoice } from './template-choice.js'
export { ReplyTemplatePicker } from './views/template-picker.js'
