import { paths } from '../../router/paths.ts';

/** The first segment of every page of requests and approvals, to mark the main menu's entry. */
export const requestsPrefixes = [paths.myRequests, paths.leave, paths.telework, paths.mobility, paths.training, paths.inbox, paths.notifications] as const;
