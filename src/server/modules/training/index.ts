export { trainingRoutes } from './training.routes.ts';
export { seedDemoTraining } from './demo-training.ts';
