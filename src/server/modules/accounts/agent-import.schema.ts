import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';

export const MAX_IMPORT_LINES = 5_000;
export const MAX_IMPORT_CHARS = 2 * 1024 * 1024;

// The CSV travels as a JSON string: the API only speaks JSON (and refuses text/plain, which browsers send
// cross-site without a preflight).
export const ImportAgentsBody = z
  .object({
    csv: z
      .string()
      .min(1, { message: 'le fichier est vide' })
      .max(MAX_IMPORT_CHARS, { message: 'fichier trop volumineux : 2 Mio au plus (environ 5 000 lignes)' }),
    /** True (the default): nothing is written, the report says what would happen. */
    dryRun: z.boolean().default(true),
    reason: humanText(500).pipe(z.string().trim()).optional(),
  })
  .strict()
  .meta({ id: 'ImportAgentsBody' });
export type ImportAgentsBody = z.infer<typeof ImportAgentsBody>;

export const ImportLineAction = z.enum(['create', 'update', 'unchanged', 'refused']);
export type ImportLineAction = z.infer<typeof ImportLineAction>;

const FieldProblem = z.object({ field: z.string().optional(), rule: z.string().optional(), message: z.string() });

export const ImportLineReport = z.object({
  /** Line number in the file, the header being line 1. */
  line: z.number().int(),
  badgeNumber: z.string().nullable(),
  name: z.string().nullable(),
  action: ImportLineAction,
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  /** Every reason of a refusal, one per problem. */
  errors: z.array(FieldProblem),
  notes: z.array(z.string()),
});
export type ImportLineReport = z.infer<typeof ImportLineReport>;

export const ImportReportResponse = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean(),
    summary: z.object({
      lines: z.number().int(),
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      refused: z.number().int(),
    }),
    lines: z.array(ImportLineReport),
  })
  .meta({ id: 'ImportReport' });
export type ImportReportResponse = z.infer<typeof ImportReportResponse>;
