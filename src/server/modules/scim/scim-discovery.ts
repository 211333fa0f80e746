import { CORE_GROUP, CORE_USER, ENTERPRISE_USER, MAX_RESULTS, NOMADES_USER, RESOURCE_TYPE, SCHEMA, SERVICE_PROVIDER_CONFIG } from './scim-protocol.ts';
import type { ScimLinks } from './scim-user.representation.ts';

// What the service provider says about itself (RFC 7643 §5-7): only what Nomades really does.

export function serviceProviderConfig(links: ScimLinks) {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Jeton porteur',
        description: 'En-tête Authorization: Bearer <jeton>, jeton émis par un administrateur du portail (page d’administration ou nomades scim-token create).',
        specUri: 'https://www.rfc-editor.org/rfc/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${links.baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypes(links: ScimLinks) {
  return [
    {
      schemas: [RESOURCE_TYPE],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'Un agent de la collectivité et son compte (userName : le matricule)',
      schema: CORE_USER,
      schemaExtensions: [
        { schema: ENTERPRISE_USER, required: true },
        { schema: NOMADES_USER, required: false },
      ],
      meta: { resourceType: 'ResourceType', location: `${links.baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Une direction de la collectivité (lecture seule) : ses membres sont ses agents',
      schema: CORE_GROUP,
      meta: { resourceType: 'ResourceType', location: `${links.baseUrl}/ResourceTypes/Group` },
    },
  ];
}

type Attribute = {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  subAttributes?: Attribute[];
  canonicalValues?: string[];
  referenceTypes?: string[];
};

function attribute(name: string, description: string, options: Partial<Attribute> = {}): Attribute {
  return {
    name,
    type: 'string',
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

const typedValue = (what: string, types: string[]) => [
  attribute('value', what),
  attribute('type', `Seul « ${types[0]} » est géré`, { canonicalValues: types }),
  attribute('primary', 'Valeur principale', { type: 'boolean' }),
];

export function schemas(links: ScimLinks) {
  const user = [
    attribute('userName', 'Matricule de l’agent (7 chiffres)', { required: true, uniqueness: 'server' }),
    attribute('externalId', 'Identifiant de l’agent chez le client (un seul espace pour tous les clients)', { caseExact: true }),
    attribute('name', 'Nom de l’agent', {
      type: 'complex',
      required: true,
      subAttributes: [
        attribute('givenName', 'Prénom', { required: true }),
        attribute('familyName', 'Nom', { required: true }),
        attribute('formatted', 'Prénom et nom (calculé)', { mutability: 'readOnly' }),
      ],
    }),
    attribute('displayName', 'Prénom et nom (calculé depuis name ; une valeur envoyée est ignorée)', { mutability: 'readOnly' }),
    attribute('title', 'Intitulé du poste (par défaut : le nom du profil métier)'),
    attribute('active', 'false : compte désactivé et sessions fermées aussitôt ; true : compte réactivé', { type: 'boolean' }),
    attribute('emails', 'Adresse e-mail professionnelle (une seule, unique)', { type: 'complex', multiValued: true, required: true, uniqueness: 'server', subAttributes: typedValue('Adresse e-mail', ['work']) }),
    attribute('phoneNumbers', 'Téléphone professionnel', { type: 'complex', multiValued: true, subAttributes: typedValue('Numéro', ['work']) }),
    attribute('groups', 'La direction de l’agent', {
      type: 'complex',
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute('value', 'id du groupe', { mutability: 'readOnly' }),
        attribute('display', 'Code de la direction', { mutability: 'readOnly' }),
        attribute('$ref', 'URI du groupe', { type: 'reference', referenceTypes: ['Group'], mutability: 'readOnly' }),
        attribute('type', 'direct', { mutability: 'readOnly' }),
      ],
    }),
  ];
  const enterprise = [
    attribute('employeeNumber', 'Matricule (égal à userName)'),
    attribute('organization', 'La collectivité (lecture seule)', { mutability: 'readOnly' }),
    attribute('department', 'Code de la direction (ex. DASCO), ou son nom exact', { required: true }),
    attribute('manager', 'Encadrant', {
      type: 'complex',
      subAttributes: [
        attribute('value', 'id SCIM de l’encadrant', { caseExact: true }),
        attribute('$ref', 'URI de l’encadrant', { type: 'reference', referenceTypes: ['User'], mutability: 'readOnly' }),
        attribute('displayName', 'Nom de l’encadrant', { mutability: 'readOnly' }),
      ],
    }),
  ];
  const nomades = [
    attribute('jobProfile', 'Code du profil métier (ce que fait l’agent ; il ouvre les droits). Par défaut : agent-administratif'),
    attribute('service', 'Code du service dans la direction'),
  ];
  const group = [
    attribute('displayName', 'Code de la direction (le filtre accepte aussi son nom complet)', { required: true, mutability: 'readOnly', uniqueness: 'server' }),
    attribute('members', 'Les agents de la direction (GET /Groups/{id}, ou attributes=members sur la liste)', {
      type: 'complex',
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute('value', 'id de l’agent', { mutability: 'readOnly' }),
        attribute('display', 'Nom de l’agent', { mutability: 'readOnly' }),
        attribute('$ref', 'URI de l’agent', { type: 'reference', referenceTypes: ['User'], mutability: 'readOnly' }),
        attribute('type', 'User', { mutability: 'readOnly' }),
      ],
    }),
  ];
  const schema = (id: string, name: string, description: string, attributes: Attribute[]) => ({
    schemas: [SCHEMA],
    id,
    name,
    description,
    attributes,
    meta: { resourceType: 'Schema', location: `${links.baseUrl}/Schemas/${id}` },
  });
  return [
    schema(CORE_USER, 'User', 'Agent de la collectivité', user),
    schema(ENTERPRISE_USER, 'EnterpriseUser', 'Direction, matricule et encadrant', enterprise),
    schema(NOMADES_USER, 'NomadesUser', 'Profil métier et service', nomades),
    schema(CORE_GROUP, 'Group', 'Direction (lecture seule)', group),
  ];
}
