// Preloaded by check-dependencies.mjs: dependency-cruiser asks for `typescript` (import and
// require); TypeScript 7 has no compiler API, so it gets TypeScript 5 (`typescript5`) instead.
// Only requests coming from dependency-cruiser's own files are redirected.
import Module, { register } from 'node:module'

const fromCruiser = (from) => typeof from === 'string' && from.includes('/node_modules/dependency-cruiser/')
const renamed = (request) => request.replace(/^typescript(?=$|\/)/, 'typescript5')

register(new URL('./typescript5-resolve-hook.mjs', import.meta.url))

const resolveFilename = Module._resolveFilename
Module._resolveFilename = function (request, parent, ...rest) {
  return resolveFilename.call(this, fromCruiser(parent?.filename) ? renamed(request) : request, parent, ...rest)
}
export { fromCruiser, renamed }
