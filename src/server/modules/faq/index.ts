export { faqRoutes } from './faq.routes.ts';
export { seedDemoFaq } from './demo-faq.ts';
export { faqCategories, type FaqCategory } from './faq-categories.ts';
