// oidc-provider 9 ships no type definitions: these are the parts of its API the portal uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AdapterPayload = Record<string, unknown>;

  export type AccountClaims = Record<string, unknown> & { sub: string };
  export type Account = {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<AccountClaims>;
  };

  /** The token, code or grant an account is looked up for (absent at the authorisation endpoint). */
  export type FindAccountToken = { grantId?: string; kind?: string; clientId?: string } | undefined;

  export type ClientEntity = {
    clientId: string;
    clientName?: string;
    clientAuthMethod: string;
    redirectUris: string[];
    redirectUriAllowed(uri: string): boolean;
    postLogoutRedirectUriAllowed(uri: string): boolean;
  };

  export type SessionEntity = {
    accountId?: string;
    uid: string;
    sidFor(clientId: string): string | undefined;
  };

  export type GrantEntity = { jti: string };

  export type OidcContext = {
    route?: string;
    params?: Record<string, unknown>;
    result?: Record<string, unknown>;
    session?: SessionEntity;
    client?: ClientEntity;
    entities: { Grant?: GrantEntity; AuthorizationCode?: unknown; Client?: ClientEntity };
  };

  export type KoaContextWithOIDC = {
    req: IncomingMessage;
    res: ServerResponse;
    oidc: OidcContext;
    status: number;
    type: string;
    body: unknown;
    host: string;
    method: string;
    path: string;
    set(name: string, value: string): void;
    append(name: string, value: string): void;
    get(name: string): string;
    response: { get(name: string): string };
  };

  export type Interaction = {
    uid: string;
    params: Record<string, unknown> & { client_id?: string; scope?: string; acr_values?: string };
    prompt: { name: string; reasons: string[] };
    session?: { accountId?: string; uid?: string };
  };

  export type InteractionResults = Record<string, unknown>;

  export type Grant = {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  };

  export type Check = { reason: string };
  export type Prompt = { name: string; checks: Check[] & { add(check: Check, index?: number): void } };
  export type Policy = Prompt[] & { get(name: string): Prompt | undefined };

  export type Configuration = Record<string, unknown>;

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    proxy: boolean;
    keys: string[];
    Grant: new (properties: { accountId: string; clientId: string }) => Grant;
    Client: { find(id: string): Promise<ClientEntity | undefined>; prototype: { backchannelLogout(sub: string, sid: string): Promise<void> } };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): void;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(req: IncomingMessage, res: ServerResponse, result: InteractionResults, options?: { mergeWithLastSubmission?: boolean }): Promise<string>;
  }

  export namespace errors {
    class OIDCProviderError extends Error {
      error: string;
      error_description?: string;
      status: number;
    }
    class InvalidGrant extends OIDCProviderError {
      constructor(description?: string);
    }
    class SessionNotFound extends OIDCProviderError {}
  }

  export namespace interactionPolicy {
    function base(): Policy;
    class Check {
      constructor(reason: string, description: string, check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>);
      reason: string;
    }
  }

  export default Provider;
}
