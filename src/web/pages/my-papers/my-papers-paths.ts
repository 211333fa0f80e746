import { paths } from '../../router/paths.ts';

/** The first segment of every page of the agent's papers, to mark the main menu's entry. */
export const myPapersPrefixes = [paths.myFile, paths.myPayslips, paths.myCertificates, paths.myCard] as const;
