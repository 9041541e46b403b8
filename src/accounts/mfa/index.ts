/** Front door of second factors (part of the accounts feature): the account's security page and its forms. */
export { mfaRoutes } from './routes.js'
