import type { zhH5Handler } from '../zh-CN/h5-handler.ts';

/** The handling unit's phone app: tasks, navigation, report back, return/extension/suspension requests. */
export const enH5Handler: typeof zhH5Handler = {
  h5handler: {
    title: 'Handler mobile',
    tasks: {
      handling: 'To handle',
      suspended: 'Suspended',
      empty: 'Your unit has no such cases',
      badge: '{count} cases to handle',
    },
    kind: 'Handling task',
    requested: 'Request submitted, awaiting approval: {request}',
    feedback: {
      title: 'Report back',
      note: 'What was done',
      notePlaceholder: 'Measures and result, e.g. "Cleared, site restored"',
      noteRequired: 'Describe what was done',
      photos: 'Photos after handling',
      photosRequired: 'Take at least 1 photo after handling',
      submit: 'Submit report back',
      confirm: 'Submit the report back? The case then goes to checking.',
      sent: 'Report back submitted ({caseNo})',
      saved: 'No network: the report back is saved in Drafts and sent when the network returns',
      storageFull: 'The device is out of storage and cannot keep a draft; try again when online',
      draft: 'Report back · {caseNo}',
    },
    request: {
      title: 'Requests',
      hint: 'Return, extension and suspension need the command centre’s approval and a network connection.',
      request_return: 'Request return',
      request_extension: 'Request extension',
      request_suspension: 'Request suspension',
      reason: 'Reason',
      reasonPlaceholder: 'Explain why, e.g. "Not our unit’s responsibility"',
      reasonRequired: 'Give a reason',
      amount: 'Extra time',
      amountInvalid: 'Enter an amount greater than 0',
      until: 'Suspend until',
      untilRequired: 'Choose the end of the suspension',
      submit: 'Submit request',
      sent: '{request} submitted, awaiting approval',
    },
  },
};
