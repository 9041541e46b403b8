/** The two modules of @secvisogram/csaf-validator-lib the export tests use (the package ships JSDoc, no .d.ts). */
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  interface Message {
    message: string
    instancePath: string
  }
  export interface Result {
    isValid: boolean
    tests: { name: string; isValid: boolean; errors: Message[]; warnings: Message[]; infos: Message[] }[]
  }
  export default function validateStrict(tests: unknown[], document: unknown): Promise<Result>
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, unknown>
  export = tests
}
