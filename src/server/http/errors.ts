// One table maps every error code the API can answer to its HTTP status and French title.
// Services throw AppError with a code; only the error handler knows about HTTP.

export const errorTable = {
  bad_request: { status: 400, title: 'Requête invalide' },
  malformed_json: { status: 400, title: 'Le corps de la requête n’est pas un JSON valide' },
  validation_failed: { status: 400, title: 'Certains champs sont invalides' },
  invalid_reset_link: { status: 400, title: 'Lien de réinitialisation invalide' },
  unauthenticated: { status: 401, title: 'Authentification requise' },
  forbidden: { status: 403, title: 'Action non autorisée' },
  csrf_failed: { status: 403, title: 'Requête refusée (protection anti-CSRF)' },
  sign_in_incomplete: { status: 403, title: 'Connexion à terminer avant de continuer' },
  reauthentication_required: { status: 403, title: 'Confirmez votre identité pour continuer' },
  invalid_credentials: { status: 401, title: 'Identifiant ou mot de passe incorrect' },
  invalid_code: { status: 401, title: 'Code incorrect ou expiré' },
  not_found: { status: 404, title: 'Ressource introuvable' },
  method_not_allowed: { status: 405, title: 'Méthode non autorisée pour cette ressource' },
  not_acceptable: { status: 406, title: 'Format de réponse non disponible' },
  conflict: { status: 409, title: 'Conflit avec l’état actuel' },
  payload_too_large: { status: 413, title: 'Le corps de la requête est trop volumineux' },
  uri_too_long: { status: 414, title: 'Adresse trop longue' },
  unsupported_media_type: { status: 415, title: 'Type de contenu non pris en charge' },
  unprocessable: { status: 422, title: 'La demande ne respecte pas les règles' },
  rate_limited: { status: 429, title: 'Trop de tentatives, réessayez plus tard' },
  internal: { status: 500, title: 'Erreur interne' },
  bad_gateway: { status: 502, title: 'L’application ne répond pas' },
  service_unavailable: { status: 503, title: 'Service momentanément indisponible' },
  gateway_timeout: { status: 504, title: 'L’application a mis trop de temps à répondre' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorTable;

export type FieldError = { field?: string; rule?: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly errors: readonly FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    extra: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail ?? errorTable[code].title, { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.errors = extra.errors;
    this.headers = extra.headers;
  }

  get status(): number {
    return errorTable[this.code].status;
  }
}
