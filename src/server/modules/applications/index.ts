export { type AccessAnswer, type AccessLevel, type ApplicationRule, applicationAccess, ruleOf, type Visitor } from './application-access.ts';
export { hasSecondFactor, visitorOf } from './visitor.ts';
export { applicationRoutes } from './applications.routes.ts';
