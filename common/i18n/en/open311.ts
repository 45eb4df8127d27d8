import type { zhOpen311 } from '../zh-CN/open311.ts';

/** Open311 GeoReport v2: texts of the public API (discovery, service definitions) and the Open API admin page. */
export const enOpen311: typeof zhOpen311 = {
  open311: {
    nav: 'Open API',
    discovery: {
      contact: '{tenant} digital city management command centre',
      keyService:
        'API keys are issued per client application by the system administrator on the "Open API" page; a key is shown only once, when it is created.',
    },
    attributes: {
      filing_condition: { description: 'What is wrong (filing condition)', format: 'Choose one from the list' },
      component_code: { description: 'Component id (if known)', format: '17 digits' },
      fixmystreet_id: { description: "The client's report number", format: 'Filled in by the client' },
    },
    clients: {
      title: 'Open API (Open311)',
      intro:
        'Open311 GeoReport v2 endpoint: {url}. Reading needs no key; posting requests and updates needs the api_key of one of these client applications.',
      create: 'New client application',
      name: 'Application name',
      contact: 'Contact',
      keyPrefix: 'Key prefix',
      rateLimit: 'Rate limit (per minute)',
      active: 'Status',
      enabled: 'Enabled',
      disabled: 'Disabled',
      createdAt: 'Created',
      actions: 'Actions',
      disable: 'Disable',
      enable: 'Enable',
      disableConfirm: 'Requests with this key will be refused (403). Disable it?',
      keyTitle: 'Copy the API key now',
      keyNote:
        'The key is shown only this once and cannot be viewed again; if it is lost, disable this application and create a new one.',
      copy: 'Copy',
      copied: 'Copied',
      nameRequired: 'Enter the application name',
      nameTaken: 'A client application with this name exists',
      empty: 'No client applications yet',
    },
  },
};
