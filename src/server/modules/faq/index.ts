export { faqRoutes } from './faq.routes.ts';
