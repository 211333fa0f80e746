import type { CertificatesDictionary } from './certificates.fr.ts';

export const certificatesEn: CertificatesDictionary = {
  title: 'My certificates',
};
