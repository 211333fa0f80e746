import { api } from '../../api/api-client.ts';
import { saveFile } from '../../components/download.ts';

/** The stored PDF, saved under the certificate's reference. */
export async function downloadCertificate(certificate: { id: string; reference: string }): Promise<void> {
  saveFile(await api.getFile(`/api/certificates/${encodeURIComponent(certificate.id)}/pdf`), `${certificate.reference}.pdf`);
}
