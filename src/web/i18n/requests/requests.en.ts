import type { RequestsDictionary } from './requests.fr.ts';

export const requestsEn: RequestsDictionary = {
  title: 'My requests',
};
