import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '../personal-file/supporting-document.ts';

export const tags = ['assistance'];

// A file of 2 Mo, base64-encoded in JSON, with room for its name.
export const ATTACHMENT_BODY_LIMIT = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024;

export const AttachmentFile = z.unknown().describe('La pièce jointe (PDF, JPEG ou PNG), toujours téléchargée, jamais affichée dans la page');

// Always a download, never rendered by the browser: an uploaded file must not run in the portal's origin.
export function sendAttachment(reply: FastifyReply, file: { name: string; type: string; content: Buffer }) {
  return reply
    .type(file.type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
