import { AppError } from '../../http/errors.ts';

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

// The type is read from the first bytes, never from the name or the declared type a client sends.
const signatures: Array<{ type: 'application/pdf' | 'image/jpeg' | 'image/png'; bytes: number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export type SupportingDocument = { content: Buffer; type: string; name: string };

export function readSupportingDocument(input: { fileName: string; contentBase64: string }): SupportingDocument {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) {
    throw new AppError('unprocessable', 'Le justificatif est vide.', { errors: [{ field: 'document', rule: 'empty', message: 'Le justificatif est vide.' }] });
  }
  if (content.length > MAX_DOCUMENT_BYTES) {
    const message = 'Le justificatif dépasse 2 Mo : réduisez-le ou photographiez-le en plus basse résolution.';
    throw new AppError('unprocessable', message, { errors: [{ field: 'document', rule: 'size', message }] });
  }
  const match = signatures.find((s) => s.bytes.every((b, i) => content[i] === b));
  if (!match) {
    const message = 'Le justificatif doit être un PDF, un JPEG ou un PNG.';
    throw new AppError('unprocessable', message, { errors: [{ field: 'document', rule: 'type', message }] });
  }
  return { content, type: match.type, name: input.fileName };
}
