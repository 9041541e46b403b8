/** Strings of the feature pages: intake, portal, workspace, admin, setup. */
export const pages = {} as const
