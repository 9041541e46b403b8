/** Front door of single sign-on: an organization's OpenID Provider, configured by its administrators. */
export { ssoRoutes } from './routes.js'
