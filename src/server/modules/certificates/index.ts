export { certificateRoutes } from './certificates.routes.ts';
export { type SalaryTotals, type SalaryTotalsSource } from './salary-totals.ts';
