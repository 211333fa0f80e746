export { seedDemoPayslips } from './demo-payslips.ts';
export { computePayslip, type PayElements, type PayslipFigures } from './pay-rules.ts';
export { DEFAULT_PAYSLIP_RETENTION_YEARS, purgeExpiredPayslips } from './payslip-retention.job.ts';
export { payslipRoutes } from './payslips.routes.ts';
export { salaryTotals } from './salary-totals.ts';
