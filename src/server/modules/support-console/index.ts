export { supportConsoleRoutes } from './support-console.routes.ts';
export { identityCheckItems } from './identity-check.ts';
export { type Perimeter, perimeterOf } from './perimeter.ts';
export { inPerimeter } from './support-console.repo.ts';
