// The help centre's headings, the same as the helpdesk's ticket categories. Apart from the schemas so that the
// web app takes the list without zod.
export const faqCategories = ['connexion', 'mot_de_passe', 'carte', 'materiel', 'messagerie', 'rh', 'autre'] as const;
export type FaqCategory = (typeof faqCategories)[number];
