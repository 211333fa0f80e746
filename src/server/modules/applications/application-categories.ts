// The catalogue's headings, in the order the agent reads them. Apart from the schemas so that the web app
// takes the list without zod (whose checks would trip the page's Content-Security-Policy).
export const applicationCategories = ['messaging', 'collaboration', 'human_resources', 'business', 'assistance'] as const;
