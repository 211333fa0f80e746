import type { z } from 'zod';
import type { EnrolmentResultResponse } from '../../../server/modules/identity/second-factor.schema.ts';

export type EnrolmentResult = z.infer<typeof EnrolmentResultResponse>;

/** Runs an API action; on the account pages, asks the password first when the server wants it (see useReauth). */
export type WithReauth = <T>(action: () => Promise<T>) => Promise<T>;

export const withoutReauth: WithReauth = (action) => action();

export type EnrolmentProps = {
  /** IT support's enrolment code, when the agent is outside the network without a second factor yet. */
  enrolmentCode: string | undefined;
  withReauth: WithReauth;
  onEnrolled(result: EnrolmentResult): void;
  /** A 403 forbidden: the enrolment code is missing or wrong. */
  onForbidden(): void;
};
