import type { Dictionary } from './fr.ts';

export const en: Dictionary = {
  meta: {
    productName: 'Nomades',
    documentTitle: (page, org) => [page, 'Nomades', org].filter(Boolean).join(' – '),
  },
  layout: {
    skipLink: 'Skip to main content',
    tagline: 'The staff portal',
    mainNavigation: 'Main menu',
    languageSwitch: 'Site language',
    footerNavigation: 'About the portal',
    accessibilityStatus: 'Accessibility: not compliant',
    version: (version) => `Nomades, version ${version}`,
    licence: 'Free software under the AGPL-3.0 licence',
  },
  nav: {
    home: 'Home',
    apiReference: 'API reference',
    accessibility: 'Accessibility',
  },
  status: {
    loading: 'Loading…',
    failed: 'This information could not be loaded. Check your connection, then reload the page.',
  },
  home: {
    title: 'Your staff services, at the office or away',
    lead: 'Nomades is the portal for the city’s staff. It brings together your HR documents and requests, your e-mail and the city’s applications in one place, from a computer or a phone.',
    notice: {
      title: 'Signing in comes with the next version',
      text: 'This version presents the portal: it is not yet possible to sign in. The sign-in pages will open with the next version of Nomades.',
    },
    audience: {
      title: 'Who is this portal for?',
      text: 'For all the city’s staff, whatever their department and job. Each person only sees their own information.',
    },
    services: {
      title: 'What you will find on the portal',
      intro: 'Once signed in, you will have access to:',
      payslips: { title: 'Payslips', text: 'View and download your payslips.' },
      certificates: { title: 'Certificates', text: 'Get your certificates, for example a certificate of employment.' },
      leave: { title: 'Leave', text: 'Request leave and follow your balances.' },
      telework: { title: 'Telework', text: 'Request your telework days and follow their approval.' },
      mobility: { title: 'Mobility', text: 'Browse open positions and prepare a transfer request.' },
      training: { title: 'Training', text: 'Sign up for training and find the courses you have taken.' },
      personalFile: { title: 'Personal file', text: 'View the documents in your personal file.' },
      webmail: { title: 'E-mail', text: 'Read and send your work e-mail away from the office.' },
      internalApps: { title: 'Internal applications', text: 'Open the city’s applications remotely.' },
      itSupport: { title: 'IT support', text: 'Report an IT problem and follow your requests.' },
    },
    signIn: {
      title: 'How to sign in',
      intro: 'To sign in, you will need:',
      identifier: {
        title: 'Your identifier',
        text: 'Your badge number or your work e-mail address.',
        badge:
          'The badge number has 7 digits. It is printed at the top left of your payslip and on your professional card.',
        email: (domain) => `Your work address ends with @${domain}.`,
      },
      password: {
        title: 'Your password',
        text: 'The password of your Nomades account.',
      },
      secondFactor: {
        title: 'An extra check outside the city’s network',
        text: 'When you sign in from outside the city’s network, for example from home, you are asked for a second check (second factor). Depending on your department, it may also be asked at the office.',
      },
    },
    account: {
      title: 'No account yet?',
      text: 'Accounts are created by the human resources service of your department: you cannot create one yourself. Please contact your HR service.',
    },
    departments: {
      title: 'The city’s departments',
      intro: 'The portal is open to the staff of the following departments.',
      empty: 'No department has been registered in the portal yet.',
    },
  },
  accessibility: {
    title: 'Accessibility statement',
    commitment: (org) =>
      `${org} is committed to making its websites, intranet, extranet and software accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.`,
    scope: 'This accessibility statement applies to Nomades, the remote-access portal for the city’s staff.',
    compliance: {
      title: 'Compliance status',
      text: 'Nomades is not compliant with the French accessibility standard RGAA, version 4.1.2: no audit has been carried out yet.',
    },
    results: {
      title: 'Test results',
      audit: 'No RGAA compliance audit has been carried out yet.',
      automated:
        'In the meantime, every page is checked automatically with the axe-core tool (WCAG 2.1 rules, levels A and AA) in the automated browser test suite. These automatic checks only find some of the possible defects and do not replace an audit.',
    },
    nonAccessible: {
      title: 'Non-accessible content',
      text: 'Without an audit, non-accessible content has not been listed yet. It will be listed here after the audit.',
    },
    establishment: {
      title: 'Preparation of this statement',
      date: 'This statement was prepared on 23 November 2026.',
      technologiesTitle: 'Technologies used to build the portal',
      technologies: ['HTML5', 'CSS', 'JavaScript (React)', 'WAI-ARIA (React Aria)'],
      toolsTitle: 'Tools used for the automatic checks',
      tools: ['axe-core', 'Chromium, driven by Playwright'],
      pagesTitle: 'Pages checked',
    },
    feedback: {
      title: 'Feedback and contact',
      text: 'If you cannot access some content or a service, report it so that you can be offered an accessible alternative or get the content in another form.',
      how: 'Contact the city’s IT support, stating the page concerned, what you were trying to do and the equipment you use (browser, screen reader, magnifier…).',
    },
    recourse: {
      title: 'Means of redress',
      text: 'If you have reported an accessibility defect that prevents you from accessing content or a service of the portal and have not received a satisfactory answer, you can:',
      onlineForm: 'write to the Défenseur des droits, the French rights ombudsman (online form, in French)',
      delegate: 'contact the delegate of the Défenseur des droits in your region (in French)',
      letter: 'send a letter by post (free of charge, no stamp needed):',
      address: ['Défenseur des droits', 'Libre réponse 71120', '75342 Paris CEDEX 07'],
    },
  },
  apiReference: {
    title: 'API reference',
    lead: 'The portal exposes a JSON HTTP API, described by an OpenAPI 3.1 document. Errors follow the RFC 9457 format (application/problem+json).',
    download: 'OpenAPI document (JSON)',
    apiVersion: (version) => `API version: ${version}`,
    tagsTitle: 'Contents',
    tagsLabel: 'API topics',
    operationCount: (count) => `${count} ${count === 1 ? 'operation' : 'operations'}`,
    operationId: 'Identifier',
    parameters: 'Parameters',
    requestBody: 'Request body',
    responses: 'Responses',
    none: 'none',
    required: 'required',
    inlineSchema: 'object described in place',
    noContent: 'no content described',
    untagged: 'Other',
  },
  notFound: {
    title: 'Page not found',
    text: (path) => `The address ${path} does not match any page of the portal.`,
    hint: 'If you typed it, please check its spelling.',
    backHome: 'Back to the home page',
  },
};
