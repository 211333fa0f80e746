export { type AccessAnswer, type AccessLevel, type ApplicationRule, applicationAccess, ruleOf, type Visitor } from './application-access.ts';
export { hasSecondFactor, visitorOf } from './visitor.ts';
export { applicationRoutes } from './applications.routes.ts';
export { type AccessEvent, type ApplicationRow, findApplicationBySlug, recordApplicationAccess } from './applications.repo.ts';
export { applicationCategories, type ApplicationCategory } from './applications.schema.ts';
export { seedDemoApplications } from './demo-applications.ts';
export { ruleProblems } from './application-admin.service.ts';
