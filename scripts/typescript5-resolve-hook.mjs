// ESM half of typescript5-for-cruiser.mjs (module hooks run on their own thread).
const fromCruiser = (from) => typeof from === 'string' && from.includes('/node_modules/dependency-cruiser/')

export async function resolve(specifier, context, next) {
  if (fromCruiser(context.parentURL)) return next(specifier.replace(/^typescript(?=$|\/)/, 'typescript5'), context)
  return next(specifier, context)
}
