// The server writes its OpenAPI tags and summaries in French; marking them so lets screen readers pronounce
// them correctly when the page itself is in English.
export const apiDocumentLanguage = 'fr';
