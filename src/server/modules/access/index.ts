export { type Action, type Actor, covers, decide, departmentScope, roleLabels, type TargetAgent } from './access.policy.ts';
export { loadActor, loadTargetAgent } from './access.repo.ts';
export { actorOf, assertAllowed, authorizeOnAgent } from './access.service.ts';
